"""The Markdown report: summary table, claims grouped by verdict, untrusted text escaped."""

from __future__ import annotations

import re

from factcheck.export import build_report, render_markdown
from factcheck.export.markdown import escape_markdown
from factcheck.store import Store


def _markdown(store: Store, **filters) -> str:
    return render_markdown(build_report(store, generated_at="2026-11-28T09:00:00Z", **filters))


def test_summary_table_then_groups_in_verdict_order(store: Store, reviewed: dict[str, int]):
    text = _markdown(store)
    lines = text.splitlines()
    assert lines[0] == "# Fact-check report"
    header = lines.index("| Document | Claims | Supported | Disputed | Unverified |")
    assert lines[header + 2].startswith("| [Xi calls for mutual respect in talk with Lee](")
    assert lines[header + 2].endswith("| 4 | 2 | 1 | 1 |")
    assert "| **Total** | **5** | **2** | **2** | **1** |" in lines
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## Summary", "## Disputed (2)", "## Supported (2)", "## Unverified (1)"]


def test_claim_entry_has_verdict_note_and_evidence(store: Store, reviewed: dict[str, int]):
    text = _markdown(store)
    block = text[text.index("Asia’s") :]
    block = block[: block.index("\n- ")]
    assert "Verdict: **supported** by ana, " in block
    assert "Note: IMF 2024" in block
    assert (
        "[Wikipedia · Economy of South Korea (revision 1234567)]"
        "(<https://en.wikipedia.org/wiki/Economy_of_South_Korea>)"
    ) in block


def test_hostile_text_cannot_inject_html_or_links(store: Store, reviewed: dict[str, int]):
    text = _markdown(store)
    assert "<script>" not in text and "<b>" not in text and "<img" not in text
    assert "&lt;script&gt;steal()&lt;/script&gt;" in text
    assert re.search(r"(?<!\\)\]\(javascript:", text) is None  # only escaped brackets
    assert "crime fell 40% \\| \\[click\\](javascript:alert(1))" in text
    assert "\\_under\\_" in text


def test_escape_folds_newlines_so_text_cannot_start_a_block():
    assert escape_markdown("a\n# heading\n- item") == "a # heading - item"
    assert escape_markdown("*x* & <y>") == "\\*x\\* &amp; &lt;y&gt;"


def test_status_filter_lists_only_those_claims(store: Store, reviewed: dict[str, int]):
    text = _markdown(store, status="disputed")
    assert "## Disputed (2)" in text
    assert "## Supported" not in text and "## Unverified" not in text
    assert "only disputed claims" in text
