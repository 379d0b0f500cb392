"""`factcheck export --format csv/json` streams: `stream_report` reads documents from
cursors and verdicts/evidence a chunk of claims at a time, and `iter_csv`/`iter_json`
write a document at a time. The bytes must be exactly those of the whole-report
rendering, and the stream must not gather every entry before writing the first."""

from __future__ import annotations

import tracemalloc

import pytest
from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st
from test_report_set_based import GENERATED_AT, desk, per_claim_build_report

from factcheck.cli import cli
from factcheck.export import STREAMED_FORMATS, Report, build_report, render, stream_render
from factcheck.export.csv_report import _defused, defuse_formula
from factcheck.models import SHOWN_STATUSES, Claim, ClaimKind, Status
from factcheck.store import Store
from factcheck.store.claims import set_status_in_force

__all__ = ["desk"]  # the fixture, shared with the set-based report tests


@pytest.mark.parametrize("chunk_claims", [1, 2, 1000])
@pytest.mark.parametrize("status", [None, *SHOWN_STATUSES])
@pytest.mark.parametrize("which", [None, "document", "hostile_document"])
def test_streamed_export_is_byte_identical_to_the_whole_report(
    desk, status, which, chunk_claims
) -> None:
    store, ids = desk
    document_id = ids[which] if which else None
    whole = build_report(store, document_id=document_id, status=status, generated_at=GENERATED_AT)
    reference = per_claim_build_report(store, document_id=document_id, status=status)
    for fmt in STREAMED_FORMATS:
        stream, pieces = stream_render(
            store,
            fmt,
            document_id=document_id,
            status=status,
            generated_at=GENERATED_AT,
            chunk_claims=chunk_claims,
        )
        assert stream.totals == whole.totals
        streamed = "".join(pieces)
        assert streamed == render(whole, fmt), fmt
        assert streamed == render(reference, fmt), fmt
        assert stream.listed == listed_in(whole, fmt), fmt


def listed_in(report: Report, fmt: str) -> int:
    """The claims `factcheck export` says it wrote: every listed claim, but for
    ClaimReview, which reviews only the decided ones (repeats included)."""
    if fmt == "claimreview":
        return sum(entry.verdict is not None for entry in report.entries)
    return len(report.entries)


def test_streamed_json_of_an_empty_selection_matches(fresh_store: Store) -> None:
    for fmt in STREAMED_FORMATS:
        whole = build_report(fresh_store, generated_at=GENERATED_AT)
        _stream, pieces = stream_render(fresh_store, fmt, generated_at=GENERATED_AT)
        assert "".join(pieces) == render(whole, fmt)


def _many_documents(store: Store, documents: int, claims_each: int) -> None:
    sentence = "Seoul had 9.4 million people in 2024. "
    text = sentence * claims_each
    for number in range(documents):
        claims = [
            Claim(
                "Seoul had 9.4 million people in 2024.",
                i * len(sentence),
                i * len(sentence) + len(sentence) - 1,
                i * len(sentence),
                i * len(sentence) + len(sentence) - 1,
                ClaimKind.OTHER,
                0.8,
            )
            for i in range(claims_each)
        ]
        store.add_document(f"{text}({number})", title=f"Doc {number}", source="-", claims=claims)


def verdict_reads(store: Store, monkeypatch) -> list[int]:
    """The sizes of the store's `verdicts_for_claims` calls from now on, as they happen."""
    reads: list[int] = []
    original = store.verdicts_for_claims

    def counted(claim_ids):
        claim_ids = list(claim_ids)
        reads.append(len(claim_ids))
        return original(claim_ids)

    monkeypatch.setattr(store, "verdicts_for_claims", counted)
    return reads


def test_stream_reads_verdicts_chunk_by_chunk_as_it_is_written(
    fresh_store: Store, monkeypatch
) -> None:
    _many_documents(fresh_store, documents=30, claims_each=10)
    reads = verdict_reads(fresh_store, monkeypatch)
    # ClaimReview plans first, Markdown parks its groups on disk, CSV is one query (below)
    for fmt in [fmt for fmt in STREAMED_FORMATS if fmt not in ("claimreview", "markdown", "csv")]:
        reads.clear()
        _stream, written = stream_render(fresh_store, fmt, chunk_claims=50)
        while not reads:  # the header (and the HTML summary) need no verdicts
            next(written)
        assert reads == [50], fmt  # one chunk read, not 300 claims
        rest = list(written)
        assert len(rest) >= 29, fmt
        assert reads == [50] * 6, fmt


def test_streamed_claimreview_reads_only_the_decided_claims(
    fresh_store: Store, monkeypatch
) -> None:
    """ClaimReview publishes reviews only: a desk of 300 claims with 7 decided (two of
    them `unverified`, one dismissed) reads the verdicts of the 6 it can publish, not
    of all 300, and writes the whole report's bytes."""
    _many_documents(fresh_store, documents=30, claims_each=10)
    ids = [claim.id for claim in fresh_store.list_claims()]
    fresh_store.mark([ids[3], ids[150]], Status.SUPPORTED, reviewer="ana")
    fresh_store.mark([ids[42], ids[299]], Status.DISPUTED, reviewer="bo")
    fresh_store.mark([ids[7], ids[8]], Status.UNVERIFIED, reviewer="bo")
    fresh_store.mark([ids[200]], Status.DISMISSED, reviewer="bo")
    for status in (None, Status.SUPPORTED):
        whole = render(
            build_report(fresh_store, status=status, generated_at=GENERATED_AT), "claimreview"
        )
        reads = verdict_reads(fresh_store, monkeypatch)
        with fresh_store.snapshot():
            _stream, pieces = stream_render(
                fresh_store, "claimreview", status=status, generated_at=GENERATED_AT
            )
            streamed = "".join(pieces)
        monkeypatch.undo()
        assert streamed == whole
        assert sum(reads) == (6 if status is None else 2), reads
        assert '"@type": "ClaimReview"' in whole  # one text: its newest review


def test_csv_is_one_query_without_per_chunk_reads(fresh_store: Store, monkeypatch) -> None:
    """The CSV export writes rows straight from `Store.report_rows` (numbers, verdict
    in force, event count and cited evidence come from SQL): no chunked reads."""
    _many_documents(fresh_store, documents=30, claims_each=10)
    ids = [claim.id for claim in fresh_store.list_claims()]
    fresh_store.mark(ids[::7], Status.DISPUTED, reviewer="ana", note="=1+1")
    for name in ("verdicts_for_claims", "evidence_for_claims", "evidence_by_ids"):
        monkeypatch.setattr(fresh_store, name, lambda *_a, **_k: pytest.fail("chunked read"))
    stream, pieces = stream_render(fresh_store, "csv", chunk_claims=50)
    streamed = "".join(pieces)
    monkeypatch.undo()
    assert streamed == render(build_report(fresh_store), "csv")
    assert stream.listed == 300
    assert streamed.count("'=1+1") == len(ids[::7])


def test_every_format_streams_undo_dismissal_repeats_and_missing_evidence_as_before(
    fresh_store: Store,
) -> None:
    """Undone verdicts (first and later), a dismissed claim, a claim with a repeat (the
    repeat decided), evidence cited from another claim and cited evidence deleted:
    every streamed format, each status filter, is the whole report's bytes."""
    from factcheck.desk.session import ReviewSession
    from factcheck.models import Evidence, SourceKind

    lead = "Exports rose 4% in 2023 to a record high, the ministry said."
    text = f"{lead}\n\nRents fell in May.\n\n=SUM(A1) ports\n\n{lead}\n"
    phrases = [(lead, 0), ("Rents fell in May.", 0), ("=SUM(A1) ports", 0), (lead, 1)]
    claims = []
    for phrase, after in phrases:
        at = text.index(phrase, after)
        claims.append(Claim(phrase, at, at + len(phrase), at, at + len(phrase)))
    document = fresh_store.add_document(
        text, title="-Trade", source="https://u:p@x.example/a", url="https://u:p@x.example/a",
        claims=claims, duplicate_of=[None, None, None, 0],
    ).document  # fmt: skip
    first, rents, port, repeat = (
        c.id for c in fresh_store.list_claims(document_id=document.id, include_hidden=True)
    )
    [kept, dropped] = fresh_store.save_evidence(
        rents,
        [
            Evidence(SourceKind.WIKIPEDIA, "@Rents", "Rents fell.", 0.9, url="https://w.example",
                     revision_id=12),
            Evidence(SourceKind.REFERENCE, "Gone", "Deleted later.", 0.5),
        ],
    )  # fmt: skip
    fresh_store.mark([rents], Status.DISPUTED, reviewer="bo", note="ONS", evidence_id=kept.id)
    session = ReviewSession(fresh_store, document.id, reviewer="ana")
    session.decide(rents, Status.SUPPORTED, note="misread")
    session.undo()
    session.decide(repeat, Status.SUPPORTED, note="customs")
    fresh_store.mark([port], Status.DISMISSED, reviewer="ana")
    with fresh_store.write() as db:  # older databases: a verdict citing deleted evidence
        db.execute(
            "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id, created_at)"
            " VALUES (?, 'disputed', NULL, 'cy', ?, '2099-01-01T00:00:00Z')",
            [first, dropped.id],
        )
        db.execute("DELETE FROM evidence WHERE id = ?", [dropped.id])
        set_status_in_force(db, first)
    for status in (None, *SHOWN_STATUSES):
        whole = build_report(fresh_store, status=status, generated_at=GENERATED_AT)
        for fmt in STREAMED_FORMATS:
            with fresh_store.snapshot():
                stream, pieces = stream_render(
                    fresh_store, fmt, status=status, generated_at=GENERATED_AT
                )
                assert "".join(pieces) == render(whole, fmt), (fmt, status)
            assert stream.listed == len(whole.entries), (fmt, status)


def test_markdown_reads_the_claims_once_and_parks_its_groups_on_disk(
    fresh_store: Store, monkeypatch
) -> None:
    """The report lists claims by status group; the store is read once (not once per
    group), chunk by chunk, and the groups are written back from temporary files."""
    from factcheck.export import status_groups

    _many_documents(fresh_store, documents=30, claims_each=10)
    ids = [claim.id for claim in fresh_store.list_claims()]
    fresh_store.mark(ids[::7], Status.DISPUTED, reviewer="ana")
    fresh_store.mark(ids[3::11], Status.SUPPORTED, reviewer="ana")
    monkeypatch.setattr(status_groups, "SPOOL_CHARS", 100)  # every group goes to disk
    monkeypatch.setattr(status_groups, "_BATCH_ITEMS", 7)  # written in many batches
    reads = verdict_reads(fresh_store, monkeypatch)
    _stream, written = stream_render(
        fresh_store, "markdown", chunk_claims=50, generated_at=GENERATED_AT
    )
    streamed = "".join(written)
    assert reads == [50] * 6  # 300 claims read once, a chunk at a time
    assert streamed == render(build_report(fresh_store, generated_at=GENERATED_AT), "markdown")
    assert streamed.index("## Disputed") < streamed.index("## Supported")


def test_status_groups_keep_each_groups_items_in_order_across_batches(monkeypatch) -> None:
    """Items are gathered and written a batch at a time: each group gives back all its
    items, in the order they came, whatever the batch size (a partial last batch too)."""
    from factcheck.export import status_groups

    statuses = [Status.DISPUTED, Status.UNVERIFIED, Status.SUPPORTED]
    items = [(statuses[(n * n) % 3], f"item {n}\n") for n in range(50)]
    for batch in (1, 3, 7, 1000):
        monkeypatch.setattr(status_groups, "_BATCH_ITEMS", batch)
        monkeypatch.setattr(status_groups, "SPOOL_CHARS", 40)
        groups = status_groups.StatusGroups(items)
        for status in statuses:
            expected = "".join(text for group, text in items if group is status)
            assert "".join(groups(status)) == expected, (batch, status)
        assert list(groups(Status.DISMISSED)) == []


def test_claimreview_chooses_from_one_query_then_reads_a_chunk_at_a_time(
    fresh_store: Store, monkeypatch
) -> None:
    """Which claim of a text to publish comes from one query of the reviewed claims
    before the array opens (no report is built for it); then the report is read and
    written a chunk of decided claims at a time."""
    _many_documents(fresh_store, documents=30, claims_each=10)
    fresh_store.mark([1, 11, 120, 299], Status.SUPPORTED, reviewer="ana")
    reads = verdict_reads(fresh_store, monkeypatch)
    with fresh_store.snapshot():
        _stream, written = stream_render(fresh_store, "claimreview", chunk_claims=2)
        assert next(written) == "["
        assert reads == []
        next(written)  # the one review published (one text): the newest, 299's
        assert reads == [2, 2]  # the two chunks of decided claims, not 300 claims
        assert list(written) == ["\n]\n"]
        assert reads == [2, 2]


def _reviewed_documents(store: Store, documents: int, claims_each: int) -> None:
    """Documents of distinct claim texts, every claim marked: ClaimReview's worst case
    (one review each)."""
    for number in range(documents):
        sentences = [f"Seoul had {number}.{i} million people in 2024. " for i in range(claims_each)]
        text, claims, start = "".join(sentences), [], 0
        for sentence in sentences:
            end = start + len(sentence) - 1
            claims.append(Claim(sentence[:-1], start, end, start, end, ClaimKind.OTHER, 0.8))
            start += len(sentence)
        store.add_document(text, title=f"Doc {number}", source="-", claims=claims)
    ids = [claim.id for claim in store.list_claims()]
    store.mark(ids[: len(ids) // 2], Status.SUPPORTED, reviewer="ana")
    store.mark(ids[len(ids) // 2 :], Status.DISPUTED, reviewer="ana")


def _peak_bytes(render_once) -> int:
    tracemalloc.start()
    try:
        render_once()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_streamed_export_peak_memory_stays_below_the_whole_report(fresh_store: Store) -> None:
    _many_documents(fresh_store, documents=500, claims_each=10)  # 5k claims
    for fmt in STREAMED_FORMATS:
        whole = _peak_bytes(lambda fmt=fmt: render(build_report(fresh_store), fmt))

        def stream_to_nowhere(fmt=fmt) -> None:
            for _piece in stream_render(fresh_store, fmt)[1]:
                pass

        streamed = _peak_bytes(stream_to_nowhere)
        # the whole report holds 5k entries and the whole text; the stream one chunk
        assert streamed * 3 < whole, (fmt, streamed, whole)


def test_streamed_claimreview_peak_memory_stays_below_the_whole_report(
    fresh_store: Store,
) -> None:
    _reviewed_documents(fresh_store, documents=400, claims_each=10)  # 4k reviews

    def whole_once() -> None:
        render(build_report(fresh_store), "claimreview")

    def stream_to_nowhere() -> None:
        with fresh_store.snapshot():
            for _piece in stream_render(fresh_store, "claimreview")[1]:
                pass

    whole, streamed = _peak_bytes(whole_once), _peak_bytes(stream_to_nowhere)
    # the plan keeps a digest and a few ids per review, not the entries
    assert streamed * 3 < whole, (streamed, whole)


@pytest.mark.parametrize("chunk_claims", [1, 1000])
def test_streamed_claimreview_of_repeated_texts_matches_the_whole_report(
    fresh_store: Store, chunk_claims: int
) -> None:
    """Texts repeated across documents (and chunks), with agreeing and disagreeing
    verdicts, a publisher and a report URL: the streamed two-pass array is the whole
    report's, byte for byte."""
    from factcheck.config import PublisherConfig

    for number, url in enumerate(["https://a.example/1", None, "https://c.example/3", "x:y"]):
        text = f"Rents fell in May{'!' if number % 2 else '.'} Wages rose by {number}%."
        claims = [
            Claim(text[:17], 0, 17, 0, 17, ClaimKind.OTHER, 0.8),
            Claim(text[18:], 18, len(text), 18, len(text), ClaimKind.OTHER, 0.8),
        ]
        fresh_store.add_document(text, title=f"Doc <{number}>", source="-", url=url, claims=claims)
    ids = [claim.id for claim in fresh_store.list_claims()]
    fresh_store.mark([ids[0], ids[4]], Status.SUPPORTED, reviewer="ana")
    fresh_store.mark([ids[2]], Status.DISPUTED, reviewer="bo")
    fresh_store.mark([ids[6], ids[1], ids[7]], Status.SUPPORTED, reviewer="cy")
    publisher = PublisherConfig(name="Desk & Co", url="https://desk.example")
    for status in (None, Status.SUPPORTED):
        whole = render(
            build_report(fresh_store, status=status, generated_at=GENERATED_AT),
            "claimreview",
            publisher=publisher,
            report_url="https://desk.example/report.html",
        )
        with fresh_store.snapshot():
            stream, pieces = stream_render(
                fresh_store,
                "claimreview",
                status=status,
                publisher=publisher,
                report_url="https://desk.example/report.html",
                generated_at=GENERATED_AT,
                chunk_claims=chunk_claims,
            )
            assert "".join(pieces) == whole
        assert '"appearance"' in whole
        assert stream.listed == listed_in(build_report(fresh_store, status=status), "claimreview")


@pytest.mark.parametrize("fmt", STREAMED_FORMATS)
def test_export_cli_streams_to_a_file_and_stdout_with_the_same_bytes(desk, tmp_path, fmt) -> None:
    store, _ids = desk
    out = tmp_path / f"report.{fmt}"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--db", str(store.path), "export", "--format", fmt, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "claims)" in result.stderr
    written = out.read_text(encoding="utf-8")
    whole = render(build_report(store), fmt)
    # only the lines with the generation date may differ (written a moment apart)
    dated = ("generated_at", "Generated ", "claims database on")
    strip = lambda text: [  # noqa: E731
        line for line in text.splitlines() if not any(mark in line for mark in dated)
    ]
    assert strip(written) == strip(whole)
    printed = runner.invoke(cli, ["--db", str(store.path), "export", "--format", fmt])
    assert printed.exit_code == 0
    assert strip(printed.stdout) == strip(whole.replace("\r\n", "\n"))


def test_a_stream_failing_midway_leaves_the_old_file_and_no_temporary(tmp_path) -> None:
    from factcheck.export.output_file import write_report_file

    target = tmp_path / "report.csv"
    target.write_text("old report\n", encoding="utf-8")

    def pieces():
        yield "header\r\n"
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_report_file(target, pieces())
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


@given(st.text())
@example("=1+1")
@example("-")
@example("-4")
@example("\ttab")
@example("plain words, 40%")
@example("bidi \u202e override")
def test_the_csv_shortcut_defuses_exactly_as_defuse_formula(cell: str) -> None:
    assert _defused(cell) == defuse_formula(cell)


def test_a_verdict_recorded_mid_export_does_not_tear_the_report(tmp_path) -> None:
    """The CLI reads the whole report in one snapshot: a verdict another reviewer
    records while the first documents are being written appears in none of it (the
    totals counted first and the rows read later agree)."""
    path = tmp_path / "claims.db"
    with Store(path) as store:
        _many_documents(store, documents=3, claims_each=2)
        last_claim = max(c.id for c in store.list_claims())
        with store.snapshot():
            before = "".join(stream_render(store, "csv", generated_at=GENERATED_AT)[1])
            _stream, pieces = stream_render(store, "csv", generated_at=GENERATED_AT, chunk_claims=1)
            first = next(pieces)
            with Store(path) as other:  # another process's connection
                other.mark([last_claim], Status.DISPUTED, reviewer="ben")
            during = first + "".join(pieces)
        after = "".join(stream_render(store, "csv", generated_at=GENERATED_AT)[1])
    assert during == before
    assert after != before and "disputed" in after
