"""A fixed claims.db for the byte-for-byte tests of every claim/verdict/evidence record.

`tests/fixtures/records/*.out` hold what `show` (JSON and text), `list --format
json`, every export format and a JSON report read back into a fresh database
wrote when the one serializer (`factcheck.records`) replaced the dict builders of
cli/claims.py and export/json_report.py; `python -m tests.unit.records_fixture
WRITE_DIR` writes them with whatever code is checked out. The database has what a
desk collects: repeats, a dismissed claim, evidence (credentials in a URL, a span,
agreements, a contradiction), a verdict citing evidence, an undone verdict, a
re-decided claim and an edited span. Timestamps are pinned, so the files depend on the
renderers only.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from factcheck.models import Claim, ClaimKind, Evidence, SourceKind, Status
from factcheck.store import Store
from tests.unit.listing_fixture import HOSTILE_TEXT, seed_claims

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLDEN = REPO_ROOT / "tests" / "fixtures" / "records"
SEED = REPO_ROOT / "seeds" / "xi-lee-call.txt"
GENERATED_AT = "2026-11-02T08:00:00Z"

REPEATED = "Exports rose 12% in 2023, the ministry said. "
REPEAT_TEXT = REPEATED + "Then came a pause. " + REPEATED + "Nothing else."

SHOWN_SEED_CLAIMS = 7
"""`show` runs on the seed's first claims (the ones with records) and every claim of
the other documents."""


def build_records_db(path: Path, sample_text: str) -> None:
    """The seed (explicit claims), a document with a repeated sentence, a hostile one;
    evidence, verdicts, an undo, a dismissal and a span edit; pinned timestamps."""
    with Store(path) as store:
        seed = store.add_document(
            sample_text, title="Xi and Lee", source="seed", claims=seed_claims(sample_text)
        ).document
        second = len(REPEATED) + len("Then came a pause. ")
        repeats = store.add_document(
            REPEAT_TEXT,
            title="Exports",
            source="https://user:secret@example.org/exports",
            url="https://user:secret@example.org/exports",
            claims=[
                Claim(REPEATED.strip(), 0, len(REPEATED) - 1, 0, len(REPEATED) - 1),
                Claim("Then came a pause.", len(REPEATED), second - 1, len(REPEATED), second - 1),
                Claim(REPEATED.strip(), second, second + len(REPEATED) - 1, second, second + 45),
            ],
            duplicate_of=[None, None, 0],
        ).document
        at = HOSTILE_TEXT.index("@SUM")
        hostile = store.add_document(
            HOSTILE_TEXT,
            title="Hostile \x1b]0;owned\x07<script>&amp; \u202etitle",
            source="hostile.txt",
            claims=[
                Claim(HOSTILE_TEXT[:48], 0, 48, 0, 48, ClaimKind.QUANTITY, 0.75),
                Claim(HOSTILE_TEXT[at:], at, len(HOSTILE_TEXT), at, len(HOSTILE_TEXT)),
            ],
        ).document
        ids = [c.id for c in store.list_claims(document_id=seed.id)]
        (wiki,) = store.save_evidence(
            ids[0],
            [
                Evidence(
                    SourceKind.WIKIPEDIA,
                    "Xi Jinping",
                    "Xi Jinping spoke with Lee on 3 March 2024, the <b>agency</b> said.",
                    0.8125,
                    url="https://user:pw@en.wikipedia.org/wiki/Xi_Jinping",
                    span=(0, 30),
                    agreements=("2024", "Lee"),
                    contradictions=("claim: Monday; passage: 3 March",),
                    reference_id="Xi_Jinping",
                    revision_id=1234,
                    fetched_at="2026-10-30T12:00:00Z",
                ),
            ],
        )
        (ref,) = store.save_evidence(
            ids[4], [Evidence(SourceKind.REFERENCE, "Briefing", "=SUM(A1) a call.", 0.5)]
        )
        store.save_evidence(ids[1], [Evidence(SourceKind.PRIOR, "Earlier", "A prior claim.", 0.9)])
        store.mark([ids[0]], Status.SUPPORTED, reviewer="ana", evidence_id=wiki.id)
        store.mark([ids[0]], Status.DISPUTED, reviewer="ben", note="not on Monday")
        undone = store.mark([ids[1]], Status.DISPUTED, reviewer="ana", note="too early")
        store.undo([undone[0].id], reviewer="ana")
        store.mark([ids[2]], Status.UNVERIFIED, reviewer="ana", note="cannot tell")
        store.mark([ids[3]], Status.DISMISSED, reviewer="ben", note="not a claim")
        store.mark([ids[4]], Status.SUPPORTED, reviewer="ana", evidence_id=ref.id)
        edited = store.get_claim(ids[5])
        shorter = dataclasses.replace(
            edited,
            text=sample_text[edited.start : edited.end - 1],
            end=edited.end - 1,
            kind=ClaimKind.QUANTITY,
            score=0.875,
        )
        store.replace_claim_span(shorter, reviewer="ana")
        repeat_ids = [c.id for c in store.list_claims(document_id=repeats.id)]
        store.mark(repeat_ids[:1], Status.DISPUTED, reviewer="ana", note="it was 11%")
        hostile_ids = [c.id for c in store.list_claims(document_id=hostile.id)]
        store.mark(hostile_ids[:1], Status.SUPPORTED, reviewer="\x1b[31mben", note="<b>ok</b>")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE claims SET updated_at = '2026-11-01T10:00:00Z'")
        conn.execute("UPDATE documents SET added_at = '2026-11-01T09:00:00Z'")
        # distinct dates in id order: the verdict in force is the same by date and by id
        conn.execute(
            "UPDATE verdicts SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ',"
            " '2026-11-01T10:00:00', '+' || id || ' minutes')"
        )
        conn.execute("UPDATE claim_versions SET set_at = '2026-11-01T11:00:00Z'")
        conn.execute("UPDATE evidence SET created_at = '2026-11-01T10:30:00Z'")
    conn.close()


def render_records(db: Path) -> dict[str, bytes]:
    """Each output's bytes: CLI runs (stdout and stderr) and the export renderers."""
    from click.testing import CliRunner

    from factcheck import export
    from factcheck.cli import cli

    def run(*args: str) -> bytes:
        result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return b"--- stdout\n" + result.stdout_bytes + b"--- stderr\n" + result.stderr_bytes

    with Store(db) as store:
        claims = store.list_claims(include_hidden=True)
    shown = [c.id for c in claims if c.document_id != 1 or c.id <= SHOWN_SEED_CLAIMS]
    outputs = {}
    for claim_id in shown:
        outputs[f"show-{claim_id}-json"] = run("show", str(claim_id), "--format", "json")
        outputs[f"show-{claim_id}-text"] = run("show", str(claim_id))
    outputs["list-json"] = run("list", "--format", "json")
    with Store(db) as store:
        for fmt in export.FORMATS:
            report = export.build_report(store, generated_at=GENERATED_AT)
            outputs[f"export-{fmt}"] = export.render(report, fmt).encode("utf-8")
        disputed = export.build_report(store, status="disputed", generated_at=GENERATED_AT)
        outputs["export-disputed-json"] = export.render(disputed, "json").encode("utf-8")
        report_json = outputs["export-json"].decode("utf-8")
    copy = db.with_name("imported.db")
    copy.unlink(missing_ok=True)
    with Store(copy) as fresh:
        merged = export.import_json_report(fresh, report_json)
        again = export.build_report(fresh, generated_at=GENERATED_AT)
        outputs["imported-export-json"] = (
            repr(dataclasses.asdict(merged)) + "\n" + export.render(again, "json")
        ).encode("utf-8")
    return outputs


if __name__ == "__main__":
    import sys
    import tempfile

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLDEN
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "claims.db"
        build_records_db(db, SEED.read_text("utf-8"))
        for name, data in render_records(db).items():
            (target / f"{name}.out").write_bytes(data)
