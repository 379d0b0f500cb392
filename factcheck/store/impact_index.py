"""The reference library's recall index: static-pruned, impact-ordered postings.

Why not FTS5 for recall: its ranked query walks the OR of every query term's position
lists and scores each row in `bm25()`, 1.4x bm25s's whole query by CPU on a 54k-passage
library (bench/RESULTS.md, issue 14). Here each (stem, passage) pair's BM25 impact is
computed once, with FTS5's formula (k1 1.2, b 0.75, idf floored at 1e-6, the title
counted `TITLE_WEIGHT` times as `bm25(reference_fts, 2.0, 1.0)` weighs it) over the
matcher's six-letter `content_stems`; each stem's list is sorted by impact and cut to
its best `KEEP` passages (static pruning). A query sums the lists of its `MAX_TERMS`
rarest stems, so a suggestion reads a few kilobytes instead of walking the index.

It is built lazily, by the first recall that finds none, from every passage (2-3 s CPU
for 55k passages: one stemming pass in Python, the rest in numpy), and cached in
claims.db's `reference_impacts`: one row per stem (passage ids and impacts as packed
little-endian arrays) and a marker row under stem '' holding the `KEEP` it was built
with. Every write to the library empties the table in its own transaction
(`clear_impacts`), so a cached index is never stale; the next recall rebuilds it. A
library that cannot be written (read-only file, another writer holding the lock, the
caller's own read transaction) keeps the index in memory instead
(`ReferencesMixin.impact_hits`). The postings are those bench/bench_impact_recall.py's
`ImpactIndex` evaluated (same lists, same sums in the same order), so its 5-fold CV
recall is this index's.

The build stems every passage anyway, so it keeps each passage's text stems too
(`Postings.stems`, cached in `reference_passage_stems`, emptied with the index): the
recall hands them to the matcher with the recalled rows, which then stems none of its
candidates (0.14x bm25s CPU a suggestion; bench/RESULTS.md, session 25).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factcheck.text.words import content_stems

if TYPE_CHECKING:
    import sqlite3

    import numpy as np

    List = tuple[np.ndarray, np.ndarray]
    """One stem's postings: passage ids and their impacts, best first."""

K1, B = 1.2, 0.75
"""FTS5's bm25() constants."""
KEEP = 1000
"""Passages kept per stem, the best by impact (fixed before the CV measured it)."""
MAX_TERMS = 24
"""A query reads its this many rarest stems: every term of nearly any claim (12 lost
Climate-FEVER recall, bench/RESULTS.md session 22; 24 kept it, session 23)."""
TITLE_WEIGHT = 2.0
"""The title's stems count this many times: also FTS5's title weight
(`references.TITLE_WEIGHT` is this value), so both recalls weigh a title alike."""
MARK = ""
"""The stem of the marker row: `content_stems` never yields ''."""


@dataclass(frozen=True, slots=True)
class Postings:
    """A whole index in memory: stem -> (documents holding it, its kept list)."""

    lists: dict[str, tuple[int, List]]
    passages: int
    stems: dict[int, str] = field(default_factory=dict)
    """Passage id -> `content_stems` of its text, space-joined (read back with
    `split_stems`)."""


def build(rows: Iterable[tuple[int, str, str]], *, keep: int = KEEP) -> Postings:
    """The index over (passage id, title, text) rows: one pass in Python to stem (each
    distinct title once), then every pair's weighted count, BM25 impact, order and cut
    at once in numpy."""
    import numpy as np  # here only: every command imports the store, few recall

    vocabulary: dict[str, int] = {}
    title_terms: dict[str, list[int]] = {}
    terms: list[int] = []
    weights: list[float] = []
    positions: list[int] = []
    passage_ids: list[int] = []
    lengths: list[int] = []
    stems: dict[int, str] = {}
    for passage_id, title, text in rows:
        if title not in title_terms:
            title_terms[title] = [
                vocabulary.setdefault(stem, len(vocabulary)) for stem in content_stems(title)
            ]
        text_stems = content_stems(text)
        stems[passage_id] = " ".join(text_stems)
        text_terms = [vocabulary.setdefault(stem, len(vocabulary)) for stem in text_stems]
        heading = title_terms[title]
        row = len(passage_ids)
        passage_ids.append(passage_id)
        lengths.append(len(text_terms) + len(heading))
        terms += text_terms
        terms += heading
        weights += [1.0] * len(text_terms)
        weights += [TITLE_WEIGHT] * len(heading)
        positions += [row] * (len(text_terms) + len(heading))
    count = len(passage_ids)
    if not terms:
        return Postings({}, count, stems)
    keys = np.asarray(terms, dtype=np.int64) * count + np.asarray(positions, dtype=np.int64)
    pairs, where = np.unique(keys, return_inverse=True)
    freq = np.bincount(where, weights=np.asarray(weights))
    term, row_of = pairs // count, pairs % count
    doc_freq = np.bincount(term, minlength=len(vocabulary))
    idf = np.maximum(np.log((count - doc_freq + 0.5) / (doc_freq + 0.5)), 1e-6)
    length = np.asarray(lengths, dtype=np.float64)[row_of]
    average = float(np.mean(lengths))
    impact = idf[term] * (freq * (K1 + 1)) / (freq + K1 * (1 - B + B * length / average))
    order = np.lexsort((-impact, term))
    term, impact = term[order], impact[order]
    ids = np.asarray(passage_ids, dtype=np.int64)[row_of[order]]
    # Ids are packed as int32 when every one fits (SQLite's rowids nearly always do).
    if ids.max() < 2**31:
        ids = ids.astype("<i4")
    starts = np.searchsorted(term, np.arange(len(vocabulary)))
    lists = {}
    for stem, number in vocabulary.items():
        first, documents = int(starts[number]), int(doc_freq[number])
        last = first + min(documents, keep)
        lists[stem] = (documents, (ids[first:last], impact[first:last]))
    return Postings(lists, count, stems)


def top(
    lists: Mapping[str, tuple[int, List]], stems: Sequence[str], *, depth: int, max_terms: int
) -> list[tuple[int, float]]:
    """The best `depth` (passage id, summed impact) for a query's `stems` (in the
    query's order; repeats count once): the lists of its `max_terms` rarest known
    stems summed. Ties go to the lower passage id."""
    import numpy as np

    known = sorted(
        (stem for stem in dict.fromkeys(stems) if stem in lists), key=lambda s: lists[s][0]
    )[:max_terms]
    if not known:
        return []
    chosen = [lists[stem][1] for stem in known]
    ids = np.concatenate([postings[0] for postings in chosen])
    impacts = np.concatenate([postings[1] for postings in chosen])
    # The postings grouped by passage, each passage's in list order: a sort of (id,
    # position) packed in one int64 when the ids are int32 (numpy's vectorised sort;
    # an `argsort` of the ids, which `np.unique` does, cost 2-4x as much), then
    # bincount adds each group's impacts in that order, as `np.add.at` did: the same
    # sums to the bit.
    if ids.dtype.itemsize <= 4:
        keys = ids.astype(np.int64)
        keys <<= 32
        keys |= np.arange(len(keys), dtype=np.int64)
        keys.sort()
        ordered = keys >> 32
        first = np.empty(len(keys), dtype=bool)
        first[:1] = True
        np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
        group = np.cumsum(first)
        group -= 1
        scores = np.bincount(group, weights=impacts[keys & 0xFFFFFFFF])
        unique = ordered[first]
    else:  # ids past int32 (`build` packs them as int64): no room for the position
        unique, where = np.unique(ids, return_inverse=True)
        scores = np.bincount(where, weights=impacts, minlength=len(unique))
    negated = -scores
    if len(negated) > depth:
        # Only the passages scoring at least the depth-th best are sorted (a stable
        # sort of those, in id order, is the whole stable sort's head): ties at the
        # cut included, so the answer is the full sort's.
        cut = np.partition(negated, depth - 1)[depth - 1]
        head = np.flatnonzero(negated <= cut)
        best = head[np.argsort(negated[head], kind="stable")][:depth]
    else:
        best = np.argsort(negated, kind="stable")
    # Python ints and floats, converted in two calls (one numpy scalar at a time cost
    # more than the sums)
    return list(zip(unique[best].tolist(), scores[best].tolist(), strict=True))


def save(conn: sqlite3.Connection, postings: Postings, *, keep: int = KEEP) -> None:
    """Replace the cached index with `postings` (the caller holds the write transaction)."""
    clear_impacts(conn)
    conn.executemany(
        "INSERT INTO reference_impacts (stem, documents, passages, impacts) VALUES (?, ?, ?, ?)",
        (
            (stem, documents, ids.tobytes(), impacts.astype("<f8").tobytes())
            for stem, (documents, (ids, impacts)) in postings.lists.items()
        ),
    )
    conn.execute(
        "INSERT INTO reference_impacts (stem, documents, passages, impacts) VALUES (?, ?, ?, ?)",
        [MARK, keep, b"", b""],
    )
    conn.executemany(
        "INSERT INTO reference_passage_stems (passage_id, stems) VALUES (?, ?)",
        postings.stems.items(),
    )


def clear_impacts(conn: sqlite3.Connection) -> None:
    """Drop the cached index and the passages' stems kept with it: called in every
    transaction that changes the library."""
    conn.execute("DELETE FROM reference_impacts")
    conn.execute("DELETE FROM reference_passage_stems")


def cached_lists(
    conn: sqlite3.Connection, stems: Sequence[str], *, keep: int = KEEP
) -> dict[str, tuple[int, List]] | None:
    """The cached lists of `stems` (those the library holds), or None when no index
    built with `keep` is cached. One statement, so the marker and the lists come from
    the same state of the library."""
    import numpy as np

    wanted = list(dict.fromkeys([MARK, *stems]))
    marks = ",".join("?" * len(wanted))
    rows = conn.execute(
        f"SELECT stem, documents, passages, impacts FROM reference_impacts WHERE stem IN ({marks})",
        wanted,
    ).fetchall()
    lists: dict[str, tuple[int, List]] = {}
    built = False
    for stem, documents, ids, impacts in rows:
        if stem == MARK:
            built = documents == keep
            continue
        scores = np.frombuffer(impacts, dtype="<f8")
        width = len(ids) // len(scores)
        lists[stem] = (documents, (np.frombuffer(ids, dtype=f"<i{width}"), scores))
    return lists if built else None


def split_stems(joined: str | None) -> tuple[str, ...] | None:
    """A passage's stems as `Postings.stems` and `reference_passage_stems` keep them
    (space-joined: a stem is made of word characters, never a space), or None for a
    passage whose stems were not kept."""
    if joined is None:
        return None
    return tuple(joined.split(" ")) if joined else ()


def library_rows(conn: sqlite3.Connection) -> Iterable[tuple[int, str, str]]:
    """Every passage's (id, title, text), what `build` reads."""
    return conn.execute("SELECT id, title, text FROM reference_passages")
