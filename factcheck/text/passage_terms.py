"""A batch of passages' vector sums and stem counts, from one tokenizer pass, in numpy.

A reference import needs, for every passage, the sum of its word pieces' vector rows
(`VectorModel.packed_sum`, stored as `vector_bytes`) and its content stems counted
into `reference_stems` (`text.words.content_stems`). Summing 129-lane rows one
big integer at a time and counting stems with `Counter` were half of a million-passage
import; here both are whole-batch numpy steps (a gather and block sums, `bincount` and
a sort) over a table of the distinct chunks seen so far.

Why chunks: neither BERT's basic tokens (the vectors) nor `WORD` tokens (the stems)
ever span whitespace, so an ASCII text's piece sum is the sum of its
whitespace-separated chunks' sums, and its stems are its chunks' stems. Each distinct
chunk ("vaccine," "Tuesday.") is tokenized once, both ways, into a table row. The
stems of "title text" are the title's then the text's, so a title is a row too (with
no vector). A text beyond ASCII (the tokenizer picks its path by the whole text) or
very long takes the whole-text functions. Same integer sums, same stems (order aside:
only counts are kept): tests/unit/test_passage_terms.py; and the stored rows:
tests/unit/test_reference_import_golden.py.

Imported by `store.references` inside the import only: numpy costs other commands
nothing. Pure; no I/O.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

import numpy as np
import numpy.typing as npt

from factcheck.text.vectors import VectorModel
from factcheck.text.words import content_stems

__all__ = ["PassageTerms"]

LONG_TEXT = 100_000
"""Characters above which a text is summed whole (exact Python integers): a passage's
int32 lanes then never hold more than 128 * 100,000."""
LONG_CHUNK = 255
"""Characters above which a chunk is not a table row: a row's int16 lanes hold at most
255 pieces (128 * 255 < 2**15); a text with a longer chunk is summed whole."""
BLOCK = 16
"""Table rows summed together first, a passage's rows padded with the zero row to a
multiple of it: numpy sums fixed-size blocks far faster than uneven segments."""


_TEXT_END = " \x00 "
"""Joins a group's texts: a chunk of its own after each (see `_add_joined`)."""


class PassageTerms:
    """Vector lanes and stem counts of passages, batch by batch; the distinct chunks
    and stems seen so far are remembered (up to `CHUNKS` and `STEMS`)."""

    CHUNKS = 50_000
    """Distinct chunks (and titles) remembered: 129 int16 lanes each, ~13 MB (the
    table doubles as it grows, so up to twice that)."""
    STEMS = 100_000
    """Distinct stems remembered (with the chunks that name them) across `rows()`."""
    GROUP = 16_384
    """Table rows gathered at once (~8.5 MB), whatever the passages' length."""

    def __init__(self, model: VectorModel) -> None:
        self.model = model
        self.dims = model.dims
        self._stem_ids: dict[str, int] = {}
        self._stem_names: list[str] = []
        self.documents = np.zeros(0, dtype=np.int64)
        self.occurrences = np.zeros(0, dtype=np.int64)
        self.passages = 0
        self.stem_total = 0
        self._clear_table()

    # -- the table of chunks ---------------------------------------------------------

    def _clear_table(self) -> None:
        # row i: its lanes, and its stem ids at _stem_flat[start[i] : start[i] + lens[i]]
        self._size = 0
        self._rows = np.zeros((1024, self.dims + 1), dtype=np.int16)
        self._row_stem_starts = np.zeros(1024, dtype=np.int64)
        self._row_stem_lens = np.zeros(1024, dtype=np.int64)
        self._stem_flat = np.zeros(1024, dtype=np.int64)
        self._stem_used = 0
        self._chunks = _ChunkIndex(self._learn_chunk)
        self._titles = _ChunkIndex(self._learn_title)
        self._too_long = False
        self._add_row(None, [])  # row 0: zeros, no stems (padding)

    def _add_row(self, lanes: npt.NDArray[np.int64] | None, stems: list[str]) -> int:
        index = self._size
        if index == len(self._rows):
            self._rows = _doubled(self._rows)
            self._row_stem_starts = _doubled(self._row_stem_starts)
            self._row_stem_lens = _doubled(self._row_stem_lens)
        if lanes is not None:
            self._rows[index] = lanes
        ids = list(map(self._stem_id, stems))
        start = self._stem_used
        while start + len(ids) > len(self._stem_flat):
            self._stem_flat = _doubled(self._stem_flat)
        self._stem_flat[start : start + len(ids)] = ids
        self._stem_used += len(ids)
        self._row_stem_starts[index] = start
        self._row_stem_lens[index] = len(ids)
        self._size += 1
        return index

    def _learn_chunk(self, chunk: str) -> int:
        if len(chunk) > LONG_CHUNK:
            self._too_long = True
            return 0  # not remembered: the passage is summed whole
        return self._add_row(self._lanes(self.model.packed_sum(chunk)), content_stems(chunk))

    def _learn_title(self, title: str) -> int:
        return self._add_row(None, content_stems(title))

    def _lanes(self, packed: int) -> npt.NDArray[np.int64]:
        """A `packed_sum` as (value sums..., piece count), offsets taken out."""
        lanes = np.frombuffer(packed.to_bytes(4 * (self.dims + 1), "little"), dtype="<u4")
        lanes = lanes.astype(np.int64)
        lanes[:-1] -= _OFFSET * lanes[-1]
        return lanes

    def _stem_id(self, stem: str) -> int:
        found = self._stem_ids.get(stem)
        if found is None:
            found = self._stem_ids[stem] = len(self._stem_names)
            self._stem_names.append(stem)
        return found

    # -- a batch ---------------------------------------------------------------------

    def add(self, pairs: Sequence[tuple[str, str]]) -> npt.NDArray[np.int64]:
        """Count the stems of (title, text) pairs; return their vector lanes: one row a
        pair, `dims` value sums then the piece count (`VectorModel.vector_bytes_of_lanes`).

        The pairs are taken a group at a time (texts of about `2 * GROUP` characters,
        so about `GROUP` table rows gathered at once, whatever the passages' length);
        between groups a full table starts again."""
        lanes = np.zeros((len(pairs), self.dims + 1), dtype=np.int64)
        stem_ids: list[npt.NDArray[np.int64]] = []
        owners: list[npt.NDArray[np.int64]] = []
        ends = list(accumulate(len(text) for _title, text in pairs))
        start = 0
        while start < len(pairs):
            reached = ends[start - 1] if start else 0
            stop = max(bisect_right(ends, reached + 2 * self.GROUP), start + 1)
            group = pairs[start:stop]
            if not self._add_joined(start, group, lanes, stem_ids, owners):
                self._add_each(start, group, lanes, stem_ids, owners)
            if self._size >= self.CHUNKS:
                self._clear_table()
            start = stop
        self._count(stem_ids, owners, len(pairs))
        return lanes

    def _add_joined(
        self,
        start: int,
        group: Sequence[tuple[str, str]],
        lanes: npt.NDArray[np.int64],
        stem_ids: list[npt.NDArray[np.int64]],
        owners: list[npt.NDArray[np.int64]],
    ) -> bool:
        """The usual group (ASCII texts, no NUL, none long) in one `str.split` and one
        `map` over the joined texts, NUL chunks marking where each text ends; False for
        any other group, which then goes passage by passage (`_add_each`)."""
        texts = [text for _title, text in group]
        joined = _TEXT_END.join(texts) + _TEXT_END
        if (
            not joined.isascii()
            or joined.count("\x00") != len(texts)
            or max(map(len, texts)) > LONG_TEXT
        ):
            return False
        flat = list(map(self._chunks.__getitem__, joined.split()))
        if self._too_long:
            self._too_long = False
            return False
        rows = np.array(flat, dtype=np.intp)
        marks = rows == self._chunks["\x00"]
        rows[marks] = 0  # a text's end adds nothing (row 0: zeros, no stems)
        sizes = np.diff(np.flatnonzero(marks) + 1, prepend=0)
        who = np.arange(start, start + len(texts), dtype=np.int64)
        self._sum_rows(rows, sizes, who, lanes)
        self._stems_of_rows(rows, np.repeat(who, sizes), stem_ids, owners)
        titles = np.array([self._titles[title] for title, _text in group], dtype=np.intp)
        self._stems_of_rows(titles, who, stem_ids, owners)
        return True

    def _add_each(
        self,
        start: int,
        group: Sequence[tuple[str, str]],
        lanes: npt.NDArray[np.int64],
        stem_ids: list[npt.NDArray[np.int64]],
        owners: list[npt.NDArray[np.int64]],
    ) -> None:
        """A group passage by passage: a text beyond ASCII, or long, or with a long
        chunk is summed whole (`_whole`); the others' rows are summed together."""
        flat: list[int] = []
        lengths: list[int] = []
        members: list[int] = []
        for number, (title, text) in enumerate(group, start=start):
            if not text.isascii() or len(text) > LONG_TEXT:
                self._whole(number, title, text, lanes, stem_ids, owners)
                continue
            before = len(flat)
            flat.extend(map(self._chunks.__getitem__, text.split()))
            if self._too_long:
                self._too_long = False
                del flat[before:]
                self._whole(number, title, text, lanes, stem_ids, owners)
                continue
            flat.append(self._titles[title])
            lengths.append(len(flat) - before)
            members.append(number)
        if flat:
            rows = np.array(flat, dtype=np.intp)
            sizes = np.array(lengths, dtype=np.intp)
            who = np.array(members, dtype=np.int64)
            self._sum_rows(rows, sizes, who, lanes)
            self._stems_of_rows(rows, np.repeat(who, sizes), stem_ids, owners)

    def _sum_rows(
        self,
        rows: npt.NDArray[np.intp],
        sizes: npt.NDArray[np.intp],
        who: npt.NDArray[np.int64],
        lanes: npt.NDArray[np.int64],
    ) -> None:
        """lanes[who[i]] = the sum of the i-th run of `sizes[i]` table rows (each >= 1)."""
        starts = np.cumsum(sizes) - sizes
        # each run padded with row 0 (zeros) to whole blocks: numpy sums equal blocks
        # fast, then adds up each run's few blocks (none empty: every run has a row)
        blocks = (sizes + BLOCK - 1) // BLOCK
        block_starts = np.cumsum(blocks) - blocks
        padded = np.zeros(int(blocks.sum()) * BLOCK, dtype=np.intp)
        padded[np.arange(len(rows)) + np.repeat(block_starts * BLOCK - starts, sizes)] = rows
        width = self.dims + 1
        sums = self._rows[padded].reshape(-1, BLOCK, width).sum(axis=1, dtype=np.int32)
        lanes[who] = np.add.reduceat(sums, block_starts, axis=0)

    def _stems_of_rows(
        self,
        rows: npt.NDArray[np.intp],
        row_owners: npt.NDArray[np.int64],
        stem_ids: list[npt.NDArray[np.int64]],
        owners: list[npt.NDArray[np.int64]],
    ) -> None:
        """The rows' stem ids, in order, and the passage each belongs to."""
        counts = self._row_stem_lens[rows]
        firsts = np.cumsum(counts) - counts
        at = np.arange(int(counts.sum())) + np.repeat(self._row_stem_starts[rows] - firsts, counts)
        stem_ids.append(self._stem_flat[at])
        owners.append(np.repeat(row_owners, counts))

    def _whole(
        self,
        number: int,
        title: str,
        text: str,
        lanes: npt.NDArray[np.int64],
        stem_ids: list[npt.NDArray[np.int64]],
        owners: list[npt.NDArray[np.int64]],
    ) -> None:
        lanes[number] = self._lanes(self.model.packed_sum(text))
        ids = np.fromiter(map(self._stem_id, content_stems(f"{title} {text}")), dtype=np.int64)
        stem_ids.append(ids)
        owners.append(np.full(len(ids), number, dtype=np.int64))

    def _count(
        self,
        stem_ids: list[npt.NDArray[np.int64]],
        owners: list[npt.NDArray[np.int64]],
        passages: int,
    ) -> None:
        size = len(self._stem_names)
        if len(self.documents) < size:
            grow = max(size, 2 * len(self.documents)) - len(self.documents)
            self.documents = np.concatenate([self.documents, np.zeros(grow, np.int64)])
            self.occurrences = np.concatenate([self.occurrences, np.zeros(grow, np.int64)])
        self.passages += passages
        if not stem_ids:
            return
        ids = np.concatenate(stem_ids)
        who = np.concatenate(owners)
        self.stem_total += len(ids)
        width = len(self.documents)
        self.occurrences += np.bincount(ids, minlength=width)
        # a stem counts once a passage: distinct (passage, stem) pairs
        keys = np.sort(who * width + ids)
        distinct = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] % width
        self.documents += np.bincount(distinct, minlength=width)

    # -- the counts ------------------------------------------------------------------

    def __len__(self) -> int:
        """Distinct stems counted since the last `rows()` (what `STEM_FLUSH` bounds)."""
        return int(np.count_nonzero(self.documents))

    def rows(self, *, sign: int = 1) -> list[tuple[str, int, int]]:
        """`store.references.STEM_UPSERT` rows of the stems counted since the last call
        (the totals under stem ''); the counts then start again from zero, and past
        `STEMS` distinct stems the stems and the chunk table are forgotten too."""
        counted = np.flatnonzero(self.documents)
        names = self._stem_names
        found = [
            (names[index], sign * documents, sign * occurrences)
            for index, documents, occurrences in zip(
                counted.tolist(),
                self.documents[counted].tolist(),
                self.occurrences[counted].tolist(),
                strict=True,
            )
        ]
        if self.passages:
            found.append(("", sign * self.passages, sign * self.stem_total))
        self.documents[:] = 0
        self.occurrences[:] = 0
        self.passages = self.stem_total = 0
        if len(names) >= self.STEMS:
            self._stem_ids, self._stem_names = {}, []
            self.documents = np.zeros(0, dtype=np.int64)
            self.occurrences = np.zeros(0, dtype=np.int64)
            self._clear_table()
        return found


def _doubled(array: npt.NDArray[np.int64] | npt.NDArray[np.int16]) -> Any:
    """`array` with as many zero rows again after its own."""
    return np.concatenate([array, np.zeros_like(array)])


class _ChunkIndex(dict[str, int]):
    """chunk -> its table row, learned on first sight: a hit stays a C-level dict
    lookup, so a text's chunks are looked up inside `map`."""

    def __init__(self, learn: object) -> None:
        super().__init__()
        self._learn = learn

    def __missing__(self, chunk: str) -> int:
        row: int = self._learn(chunk)  # type: ignore[operator]
        if row:  # 0: a chunk not kept in the table
            self[chunk] = row
        return row


_OFFSET = 128
"""The lane offset of `VectorModel` packed sums (`vectors._OFFSET`)."""
