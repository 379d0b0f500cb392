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
from factcheck.export import STREAMED_FORMATS, build_report, render, stream_render
from factcheck.export.csv_report import _defused, defuse_formula
from factcheck.models import SHOWN_STATUSES, Claim, ClaimKind, Status
from factcheck.store import Store

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
        assert stream.listed == len(whole.entries)


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


def test_stream_reads_verdicts_chunk_by_chunk_as_it_is_written(
    fresh_store: Store, monkeypatch
) -> None:
    _many_documents(fresh_store, documents=30, claims_each=10)
    reads: list[int] = []
    original = fresh_store.verdicts_for_claims

    def counted(claim_ids):
        claim_ids = list(claim_ids)
        reads.append(len(claim_ids))
        return original(claim_ids)

    monkeypatch.setattr(fresh_store, "verdicts_for_claims", counted)
    for fmt in STREAMED_FORMATS:
        reads.clear()
        _stream, written = stream_render(fresh_store, fmt, chunk_claims=50)
        while not reads:  # the header (and the HTML summary) need no verdicts
            next(written)
        assert reads == [50], fmt  # one chunk read, not 300 claims
        rest = list(written)
        assert len(rest) >= 29, fmt
        assert reads == [50] * 6, fmt


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
