"""The HTML and Markdown reports remember what they write from a document's counts
alone (summary row cells, HTML's count phrase): the same text as working it out each
time, whatever the order of the counts and however often the memory is emptied."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.export import html
from factcheck.models import Status

_COUNTS = st.dictionaries(
    st.sampled_from([Status.DISPUTED, Status.SUPPORTED, Status.UNVERIFIED]),
    st.integers(min_value=0, max_value=5),
)


@given(st.lists(_COUNTS, max_size=30))
def test_remembered_counts_html_is_the_worked_out_html(many: list[dict[Status, int]]) -> None:
    memories = (html._COUNT_PHRASES, html._ROW_CELLS)
    for memory in memories:
        memory.clear()
        memory.limit = 3  # emptied again and again
    try:
        for counts in many:
            assert html._count_phrase(counts) == html._counted_phrase(counts)
            rows = list(html._summary([(7, "T", None, counts)], 1, counts))
            cells = f"{html._count_cells(counts)}<td>{html._bar(counts)}</td></tr>"
            assert rows[1] == f'<tr><th scope="row"><a href="#doc-7">T</a></th>{cells}'
            assert len(html._COUNT_PHRASES) <= 3
            assert len(html._ROW_CELLS) <= 3
    finally:
        for memory in memories:
            del memory.limit  # the class's limit again


@given(st.lists(st.tuples(st.text(max_size=8), _COUNTS), max_size=30))
def test_markdown_summary_rows_with_remembered_cells(rows: list[tuple[str, dict]]) -> None:
    """Markdown's summary rows remember their number cells the same way."""
    from factcheck.export import markdown

    markdown._COUNT_CELLS.clear()
    markdown._COUNT_CELLS.limit = 3
    try:
        outline = [(n, title, None, counts) for n, (title, counts) in enumerate(rows)]
        written = list(markdown._summary_table(outline, 1, {}))[2:]
        expected = [
            markdown._count_row(markdown.escape_markdown(title), counts, bold=False) + "\n"
            for title, counts in rows
        ]
        assert written == expected
        assert len(markdown._COUNT_CELLS) <= 3
    finally:
        del markdown._COUNT_CELLS.limit
