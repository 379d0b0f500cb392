"""The HTML report remembers what it writes from a document's counts alone (summary
row cells, count phrase): the same text as working it out each time, whatever the
order of the counts and however often the memory is emptied."""

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
    html._COUNT_PHRASES.clear()
    html._ROW_CELLS.clear()
    limit = html._BY_COUNTS_LIMIT
    html._BY_COUNTS_LIMIT = 3  # emptied again and again
    try:
        for counts in many:
            assert html._count_phrase(counts) == html._counted_phrase(counts)
            rows = list(html._summary([(7, "T", None, counts)], 1, counts))
            cells = f"{html._count_cells(counts)}<td>{html._bar(counts)}</td></tr>"
            assert rows[1] == f'<tr><th scope="row"><a href="#doc-7">T</a></th>{cells}'
            assert len(html._COUNT_PHRASES) <= 3
            assert len(html._ROW_CELLS) <= 3
    finally:
        html._BY_COUNTS_LIMIT = limit
