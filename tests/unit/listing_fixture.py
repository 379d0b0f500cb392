"""A fixed claims.db for the streaming listings' byte-for-byte tests.

`tests/fixtures/listings/*.out` were written by the list/documents renderers as they
were before they streamed, via `python -m tests.unit.listing_fixture WRITE_DIR`, which
writes them with whatever code is checked out; the tests compare today's output with
them. First written at commit d1a8ba4; rewritten, with the hostile document and the
assignments added, by main at 717e84e (non-streaming, with issue 12's escaping and
issue 17's assignee column) when `scale` was merged. Claims are given explicitly (not
split) and timestamps are pinned, so the files depend on the renderers only.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from factcheck.models import Claim, ClaimKind, Status
from factcheck.store import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLDEN = REPO_ROOT / "tests" / "fixtures" / "listings"

AWKWARD_TEXT = (
    'The minister said "unemployment fell 3,2% — the lowest since 1990", and added, '
    "on a new line,\nthat exports grew by a third.\tTabs, commas; quotes' and ünïcödé. "
    + "A very long sentence that keeps going well past the width of any table column " * 3
    + "ends here."
)

HOSTILE_TEXT = (
    '=HYPERLINK("http://x") said 40% \x1b[2J\x9b31m cleared <b>&</b> fine.'
    "\n@SUM(1+1) rose by 3 \u202eeurt\u202c in 2020\r\nand more."
)

LISTINGS: dict[str, list[str]] = {
    "list-all-table": ["list"],
    "list-all-json": ["list", "--format", "json"],
    "list-all-csv": ["list", "--format", "csv"],
    "list-unverified-table": ["list", "--status=unverified"],
    "list-unverified-json": ["list", "--status=unverified", "--format", "json"],
    "list-unverified-csv": ["list", "--status=unverified", "--format", "csv"],
    "list-disputed-json": ["list", "--status", "disputed", "--format", "json"],
    "list-supported-table-min-score": ["list", "--status", "supported", "--min-score", "0.5"],
    "list-doc-2-csv": ["list", "--doc", "2", "--format", "csv"],
    "list-kind-quantity-limit": ["list", "--kind", "quantity", "--limit", "3"],
    "list-none-table": ["list", "--status", "disputed", "--doc", "2"],
    "list-none-json": ["list", "--status", "disputed", "--doc", "2", "--format", "json"],
    "list-none-csv": ["list", "--status", "disputed", "--doc", "2", "--format", "csv"],
    "documents": ["documents"],
    "documents-assigned-ana": ["documents", "--assigned", "ana"],
    "documents-assigned-nobody": ["documents", "--assigned", "nobody"],
}
"""Output file name -> `factcheck` arguments (after `--db PATH`)."""


def build_listing_db(path: Path, sample_text: str) -> None:
    """The seed article (split by the splitter), an awkward one, and a third without
    claims; some verdicts; every timestamp pinned."""
    with Store(path) as store:
        # explicit claims (not the splitter's), so the files test the renderers only
        seed = store.add_document(
            sample_text, title="Xi and Lee", source="seed", claims=seed_claims(sample_text)
        ).document
        start = AWKWARD_TEXT.index("unemployment")
        awkward = store.add_document(
            AWKWARD_TEXT,
            title='Awkward, "quoted" title — ünïcödé',
            source="-",
            claims=[
                Claim(
                    AWKWARD_TEXT[start : start + 40],
                    start,
                    start + 40,
                    0,
                    120,
                    ClaimKind.QUANTITY,
                    0.91,
                ),
                Claim(
                    AWKWARD_TEXT[90:],
                    90,
                    len(AWKWARD_TEXT),
                    90,
                    len(AWKWARD_TEXT),
                    ClaimKind.OTHER,
                    0.125,
                ),
            ],
        ).document
        store.add_document("No claims here", title="Empty", source="empty.txt", claims=[])
        # hostile text: escape sequences, a bidi override, markup, a spreadsheet formula
        at = HOSTILE_TEXT.index("@SUM")
        hostile = store.add_document(
            HOSTILE_TEXT,
            title="Hostile \x1b]0;owned\x07<script>&amp; \u202etitle",
            source="hostile.txt",
            claims=[
                Claim(HOSTILE_TEXT[:48], 0, 48, 0, 48, ClaimKind.QUANTITY, 0.75),
                Claim(HOSTILE_TEXT[49:at], 49, at, 49, at, ClaimKind.OTHER, 0.5),
                Claim(
                    HOSTILE_TEXT[at:],
                    at,
                    len(HOSTILE_TEXT),
                    at,
                    len(HOSTILE_TEXT),
                    ClaimKind.OTHER,
                    0.25,
                ),
            ],
        ).document
        store.mark(
            [c.id for c in store.list_claims(document_id=hostile.id)][:1],
            Status.DISPUTED,
            reviewer="ben",
        )
        store.assign([seed.id, hostile.id], "ana")
        store.assign([awkward.id], "ben")
        ids = [c.id for c in store.list_claims(document_id=seed.id)]
        store.mark(ids[:3], Status.SUPPORTED, reviewer="ana")
        store.mark(ids[3:5], Status.DISPUTED, reviewer="ben", note="no")
        store.mark([ids[0]], Status.DISPUTED, reviewer="ana")
        awkward_ids = [c.id for c in store.list_claims(document_id=awkward.id)]
        store.mark(awkward_ids[:1], Status.SUPPORTED, reviewer="ana")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE claims SET updated_at = '2026-11-01T10:00:00Z'")
        conn.execute("UPDATE documents SET added_at = '2026-11-01T09:00:00Z'")
        conn.execute("UPDATE verdicts SET created_at = '2026-11-01T10:00:00Z'")
    conn.close()


def seed_claims(text: str) -> list[Claim]:
    """One claim per sentence of the seed article (up to 19), kinds and scores varied."""
    kinds = list(ClaimKind)
    claims = []
    sentences = [m for m in re.finditer(r"[^.\n]+[.]?", text) if m.group().strip()][:19]
    for number, match in enumerate(sentences):
        begin = match.start() + len(match.group()) - len(match.group().lstrip())
        end = match.end()
        claims.append(
            Claim(
                text[begin:end],
                begin,
                end,
                begin,
                end,
                kinds[number % len(kinds)],
                round(0.05 + number * 0.05, 2),
            )
        )
    return claims


def render_listings(db: Path) -> dict[str, bytes]:
    """Each listing's stdout and stderr, as the CLI writes them."""
    from click.testing import CliRunner

    from factcheck.cli import cli

    outputs = {}
    for name, args in LISTINGS.items():
        result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        outputs[name] = (
            b"--- stdout\n" + result.stdout_bytes + b"--- stderr\n" + result.stderr_bytes
        )
    return outputs


if __name__ == "__main__":
    import sys
    import tempfile

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLDEN
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "claims.db"
        build_listing_db(db, (REPO_ROOT / "seeds" / "xi-lee-call.txt").read_text("utf-8"))
        for name, data in render_listings(db).items():
            (target / f"{name}.out").write_bytes(data)
