"""The data every verdict report shows, gathered from the store once.

`build_report` reads documents, claims, verdict histories and evidence through the
store's public methods (a handful of set-based reads, whatever the claim count) and
returns plain frozen dataclasses; each format module
(markdown, html, json_report, csv_report, claimreview) only renders a `Report`, so
all formats agree on what "the verdict in force" and "the cited evidence" are, and the
renderers can be tested without a database.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Any, NamedTuple

from factcheck.errors import InputError
from factcheck.models import SHOWN_STATUSES, Claim, Document, Evidence, SourceKind, Status, Verdict
from factcheck.records import CLAIM_FIELDS, verdict_in_force
from factcheck.store import Store
from factcheck.store.claims import claim_from_row
from factcheck.untrusted.urls import without_credentials

_DOCUMENT = CLAIM_FIELDS.index("document_id")
_ID = CLAIM_FIELDS.index("id")
_STATUS = CLAIM_FIELDS.index("status")
_DUPLICATE = CLAIM_FIELDS.index("duplicate_of")
_DECIDED = CLAIM_FIELDS.index("decided")
_DISMISSED = str(Status.DISMISSED)

STATUS_ORDER: tuple[Status, ...] = (Status.DISPUTED, Status.SUPPORTED, Status.UNVERIFIED)
"""How reports group claims: what needs correcting first, then what checks out."""


_UNSET = object()
_new_object = object.__new__


@dataclass(frozen=True)
class ClaimEntry:
    """One claim with everything a report says about it."""

    claim: Claim
    number: int | None
    """Position of the claim among its document's shown claims (1-based): the mark shown
    in the article. A repeat has the number of the claim it repeats; a dismissed claim
    has none."""
    history: tuple[Verdict, ...] = ()
    """Every verdict event on the claim, oldest first (undo events included)."""
    evidence: tuple[Evidence, ...] = ()
    """All evidence stored for the claim plus any evidence its verdicts cite."""
    occurrences: tuple[Claim, ...] = ()
    """The claim's repeats in the document (`Claim.duplicate_of`), in text order: where
    else it occurs. Their verdicts are the claim's, so reports list it once."""

    @classmethod
    def plain(cls, claim: Claim, number: int | None) -> ClaimEntry:
        """`ClaimEntry(claim, number)`, made in a third of the time (a report makes one
        per claim): the other fields keep their class defaults (empty), and the frozen
        dataclass's `object.__setattr__` per field is skipped. Equal to the former."""
        entry = _new_object(cls)
        entry.__dict__.update(claim=claim, number=number)
        return entry

    @property
    def verdict(self) -> Verdict | None:
        """The verdict in force (`factcheck.records.verdict_in_force`): the claim's
        status in every listing is this verdict's status. Worked out once per entry
        (every renderer asks for it several times a claim), and not at all for a claim
        without history, most of a big desk (3.11's `cached_property` takes a lock)."""
        if not self.history:
            return None
        found = self.__dict__.get("_verdict_in_force", _UNSET)
        if found is _UNSET:
            found = self.__dict__["_verdict_in_force"] = verdict_in_force(self.history)
        return found  # type: ignore[no-any-return]

    @property
    def status(self) -> Status:
        return self.claim.status

    def undone(self, verdict: Verdict) -> Verdict | None:
        """The undo event that withdrew `verdict`, if one did."""
        return next((v for v in self.history if v.undoes == verdict.id), None)

    def withdrawn(self, event: Verdict) -> Verdict | None:
        """The verdict the undo event `event` withdrew (None if not in the history)."""
        return next((v for v in self.history if v.id == event.undoes), None)

    @property
    def cited_evidence(self) -> Evidence | None:
        """The evidence the verdict in force cites, if any."""
        verdict = self.verdict
        if verdict is None or verdict.evidence_id is None:
            return None
        return next((e for e in self.evidence if e.id == verdict.evidence_id), None)


@dataclass(frozen=True)
class DocumentReport:
    """A document, the claims of it the report lists, and its counts per status."""

    document: Document
    entries: tuple[ClaimEntry, ...]
    counts: dict[Status, int]
    """Counts over ALL the document's shown claims, whatever the report's status filter
    (dismissed claims and repeats left out, as in every count)."""
    hidden: tuple[ClaimEntry, ...] = ()
    """Claims the report does not list: repeats of the listed claims and, without a
    status filter, dismissed claims (and their repeats). Only the JSON report writes
    them, so an import rebuilds the whole review."""

    @property
    def total(self) -> int:
        return sum(self.counts.values())


ClaimRow = tuple[Any, ...]
"""A claim as a `Store.claim_rows` tuple, in `CLAIM_FIELDS` order."""


@dataclass(slots=True)
class DocumentRows:
    """A `DocumentReport` as the HTML report reads it: the listed claims as rows, with
    a `ClaimEntry` only for those that have more to say than their own columns.

    Most claims of a big desk were never reviewed: building a `Claim` and a `ClaimEntry`
    for each cost more than writing it. `Report.document_rows` and
    `ReportStream.document_rows` give every document this way (`of`), and a stream
    started with `rows=True` reads them so, building objects only for claims with a
    verdict or evidence, and for documents with repeats or dismissed claims. (Not
    frozen: one is made per document, and a frozen dataclass sets each field through
    `object.__setattr__`.)"""

    document: Document
    rows: list[ClaimRow]
    """The listed claims, in text order (`DocumentReport.entries`' claims)."""
    numbers: Sequence[int | None]
    """Each row's `ClaimEntry.number`."""
    entries: list[ClaimEntry | None]
    """Each row's entry when it has a verdict history, evidence or repeats, else None
    (the entry would be `ClaimEntry.plain(claim, number)`)."""
    counts: dict[Status, int]
    report: DocumentReport | None = None
    """The document as entries when a listed claim has repeats (`ClaimEntry.occurrences`):
    marking each repeat in the article is the entries' business."""
    whole: DocumentReport | None = None
    """The document as entries whenever it was read so (it holds a repeat or a
    dismissed claim): the JSON report writes its hidden claims from them."""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @classmethod
    def of(cls, doc: DocumentReport) -> DocumentRows:
        """The rows of a document gathered as entries (a whole `Report`, or a streamed
        document with repeats or dismissed claims)."""
        entries = doc.entries
        return cls(
            document=doc.document,
            rows=[_row_of(entry.claim) for entry in entries],
            numbers=[entry.number for entry in entries],
            entries=[
                entry if entry.history or entry.evidence or entry.occurrences else None
                for entry in entries
            ],
            counts=doc.counts,
            report=doc if any(entry.occurrences for entry in entries) else None,
            whole=doc,
        )


_CLAIM_VALUES = operator.attrgetter(*CLAIM_FIELDS)


def _row_of(claim: Claim) -> ClaimRow:
    """A claim's fields as a row (`claim_from_row`'s inverse, enums kept)."""
    return _CLAIM_VALUES(claim)


@dataclass(frozen=True)
class Report:
    """What `factcheck export` renders: documents in id order, claims in text order."""

    documents: tuple[DocumentReport, ...]
    generated_at: str
    status_filter: Status | None = None
    document_filter: int | None = None
    totals: dict[Status, int] = field(default_factory=dict)
    json_version: int = 1
    """The JSON report format version the report needs (`ReportStream.json_version`)."""

    @property
    def entries(self) -> list[ClaimEntry]:
        return [entry for doc in self.documents for entry in doc.entries]

    @property
    def document_rows(self) -> Iterator[DocumentRows]:
        """The documents as `DocumentRows`, for the HTML report."""
        return map(DocumentRows.of, self.documents)

    def document_of(self, entry: ClaimEntry) -> Document:
        return self._documents_by_id[entry.claim.document_id]  # type: ignore[index]

    @cached_property
    def _documents_by_id(self) -> dict[int, Document]:
        return {doc.document.id: doc.document for doc in self.documents}


def build_report(
    store: Store,
    *,
    document_id: int | None = None,
    status: Status | str | None = None,
    generated_at: str | None = None,
) -> Report:
    """Gather a report: every document (or one), and its claims (or those with `status`).

    With a status filter, documents with no matching claim are left out; the summary
    counts always cover all of a document's claims.
    """
    # The stream's reads, gathered: one way to build a report, so the whole report and
    # the streamed one cannot drift apart.
    stream = stream_report(store, document_id=document_id, status=status, generated_at=generated_at)
    return Report(
        documents=tuple(stream.documents),
        generated_at=stream.generated_at,
        status_filter=stream.status_filter,
        document_filter=stream.document_filter,
        totals=stream.totals,
        json_version=stream.json_version,
    )


STREAM_CHUNK_CLAIMS = 1000
"""Claims whose verdicts and evidence a streamed report reads at once (whole documents:
a chunk closes at the first document boundary past this many claims)."""


OutlineRow = tuple[int, str, str | None, dict[Status, int]]
"""(document id, title, url, counts per status): a summary-table row of a streamed
report (`Store.document_outline`), without the article text."""
OutlineSize = tuple[int, str | None]
"""(how many documents a report lists, the title when it lists one): what the HTML and
Markdown headings need before the outline is read (`Store.outline_size`)."""


def outline_size(rows: Iterable[OutlineRow]) -> OutlineSize:
    """`OutlineSize` by a pass over the outline's rows: for a report held in memory,
    where no store answers it in one query."""
    count, single = 0, None
    for _id, document_title, _url, _counts in rows:
        count += 1
        single = document_title if count == 1 else None
    return count, single


class ReportStream:
    """A `Report` whose documents are read from the store as they are rendered.

    The header (filters, totals, date) is known up front; `documents` is an iterator
    that can be consumed once, so `factcheck export` keeps memory flat in the claim
    count. `listed` counts the claims yielded so far (for the CLI's closing line).
    """

    def __init__(
        self,
        documents: Iterable[DocumentReport] | Iterable[DocumentRows],
        *,
        generated_at: str,
        status_filter: Status | None,
        document_filter: int | None,
        totals: dict[Status, int],
        json_version: int = 1,
    ) -> None:
        self.generated_at = generated_at
        self.status_filter = status_filter
        self.document_filter = document_filter
        self.totals = totals
        self.json_version = json_version
        """2 when the documents hold undo events, dismissed claims or repeats (what
        version 1 readers would misread), else 1: known before the first document."""
        self.listed = 0
        self._documents: Iterator[DocumentReport | DocumentRows] = iter(documents)

    @property
    def documents(self) -> Iterator[DocumentReport]:
        for doc in self._documents:
            if not isinstance(doc, DocumentReport):
                raise TypeError("a stream of rows (`stream_report(rows=True)`): read document_rows")
            self.listed += len(doc.entries)
            yield doc

    @property
    def document_rows(self) -> Iterator[DocumentRows]:
        """The documents as `DocumentRows` (read so with `stream_report(rows=True)`)."""
        for doc in self._documents:
            rows = doc if isinstance(doc, DocumentRows) else DocumentRows.of(doc)
            self.listed += len(rows.rows)
            yield rows


def stream_report(
    store: Store,
    *,
    document_id: int | None = None,
    status: Status | str | None = None,
    generated_at: str | None = None,
    chunk_claims: int = STREAM_CHUNK_CLAIMS,
    rows: bool = False,
    decided_only: bool = False,
) -> ReportStream:
    """`build_report`'s data, streamed: documents come from cursors, and the verdicts
    and evidence of their claims are read a chunk (about `chunk_claims`) at a time.

    Same documents, entries, numbers and totals as `build_report`, so every renderer
    gives the same bytes from either. With `rows`, the documents are read as
    `DocumentRows` (`ReportStream.document_rows`), for the HTML report. With
    `decided_only`, only claims with a verdict in force become entries (and documents
    with none are left out): ClaimReview publishes nothing else, so a desk of mostly
    undecided claims is not read whole, evidence and all, to write a few reviews.
    """
    status = Status(status) if status is not None else None
    if status is Status.DISMISSED:
        raise InputError("dismissed claims are left out of reports (see `list --status=dismissed`)")
    if document_id is not None:
        documents: Iterable[Document] = [store.get_document(document_id)]
    else:
        documents = store.iter_documents()
    if rows and decided_only:
        raise ValueError("decided_only streams entries, not rows")
    if rows:
        streamed: Iterable[DocumentReport] | Iterable[DocumentRows] = _stream_document_rows(
            store, documents, document_id, status, chunk_claims
        )
    else:
        streamed = _stream_documents(
            store, documents, document_id, status, chunk_claims, decided_only=decided_only
        )
    return ReportStream(
        streamed,
        generated_at=generated_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        status_filter=status,
        document_filter=document_id,
        totals=store.report_totals(document_id=document_id, status=status),
        json_version=2 if store.has_decision_records(document_id=document_id) else 1,
    )


_Pending = tuple[Document, list[Claim], list[Claim]]


def _row_chunks(
    store: Store,
    documents: Iterable[Document],
    document_id: int | None,
    status: Status | None,
    chunk_claims: int,
    decided_only: bool = False,
) -> Iterator[list[tuple[Document, list[ClaimRow]]]]:
    """The documents a report lists, each with its claim rows (repeats and dismissed
    ones included), in chunks of about `chunk_claims` claims (those listed, under a
    status filter; those decided, with `decided_only`): the one walk both streams make,
    merging the documents with one cursor over the claims. A document with no claim of
    the wanted status (or none decided) is left out."""
    rows_by_document = itertools.groupby(
        store.claim_rows(document_id=document_id, include_hidden=True),
        key=operator.itemgetter(_DOCUMENT),
    )
    pending = next(rows_by_document, None)
    wanted = None if status is None else str(status)
    chunk: list[tuple[Document, list[ClaimRow]]] = []
    chunk_size = 0
    for document in documents:
        while pending is not None and pending[0] < document.id:
            pending = next(rows_by_document, None)  # claims of a document not listed
        rows: list[ClaimRow] = []
        if pending is not None and pending[0] == document.id:
            rows = list(pending[1])
            pending = next(rows_by_document, None)
        if wanted is None and not decided_only:
            chunk_size += len(rows)
        else:
            chosen = sum(
                1
                for row in rows
                if row[_DUPLICATE] is None
                and (row[_STATUS] == wanted if wanted else row[_STATUS] != _DISMISSED)
                and (row[_DECIDED] or not decided_only)
            )
            if not chosen:
                continue
            chunk_size += chosen
        chunk.append((document, rows))
        if chunk_size >= chunk_claims:
            yield chunk
            chunk, chunk_size = [], 0
    if chunk:
        yield chunk


def _stream_documents(
    store: Store,
    documents: Iterable[Document],
    document_id: int | None,
    status: Status | None,
    chunk_claims: int,
    *,
    decided_only: bool = False,
) -> Iterator[DocumentReport]:
    """The listed documents as `DocumentReport`s, a chunk of `_row_chunks` at a time
    (only the decided claims as entries, with `decided_only`)."""
    chunks = _row_chunks(store, documents, document_id, status, chunk_claims, decided_only)
    for rows_chunk in chunks:
        chunk: list[_Pending] = []
        for document, rows in rows_chunk:
            all_claims = [claim_from_row(row) for row in rows]
            chosen = [
                c
                for c in all_claims
                if c.duplicate_of is None  # `_shown`, inlined: it runs for every claim
                and c.status is not Status.DISMISSED
                and (status is None or c.status is status)
                and (c.decided or not decided_only)
            ]
            chunk.append((document, all_claims, chosen))
        yield from _document_reports(store, chunk, status)


def _shown(claim: Claim) -> bool:
    """Whether reports list the claim (`SHOWN_CLAIM` in Python)."""
    return claim.duplicate_of is None and claim.status is not Status.DISMISSED


def _hidden(all_claims: list[Claim], chosen: list[Claim], status: Status | None) -> list[Claim]:
    """The claims a report carries without listing them (`DocumentReport.hidden`)."""
    if status is None:
        return [claim for claim in all_claims if not _shown(claim)]
    heads = {claim.id for claim in chosen}
    return [claim for claim in all_claims if claim.duplicate_of in heads]


class _Reads(NamedTuple):
    """A chunk's verdicts and evidence, by claim id (`_chunk_reads`)."""

    histories: dict[int, list[Verdict]]
    stored: dict[int, list[Evidence]]
    cited_elsewhere: dict[int, Evidence]


def _chunk_reads(store: Store, claim_ids: list[int]) -> _Reads:
    """Three reads for a chunk's claims: verdicts, stored evidence, and evidence their
    verdicts cite from other claims."""
    histories = store.verdicts_for_claims(claim_ids)
    stored = store.evidence_for_claims(claim_ids)
    cited_elsewhere = store.evidence_by_ids(
        verdict.evidence_id
        for claim_id, history in histories.items()
        for verdict in history
        if verdict.evidence_id is not None
        and verdict.evidence_id not in {e.id for e in stored.get(claim_id, ())}
    )
    return _Reads(histories, stored, cited_elsewhere)


def _hidden_claims(
    all_claims: list[Claim], chosen: list[Claim], status: Status | None
) -> list[Claim]:
    """`_hidden`, with its common cases inlined: it runs for every claim."""
    if len(chosen) == len(all_claims):  # most documents: every claim listed
        return []
    if status is None:
        return [c for c in all_claims if c.duplicate_of is not None or c.status is Status.DISMISSED]
    return _hidden(all_claims, chosen, status)


def _document_reports(
    store: Store, chunk: list[_Pending], status: Status | None
) -> Iterator[DocumentReport]:
    """The chunk's documents with their entries: three reads for the whole chunk."""
    if not chunk:
        return
    hidden = {
        document.id: _hidden_claims(all_claims, chosen, status)
        for document, all_claims, chosen in chunk
    }
    # stored claims: every id is set
    claim_ids = [claim.id for _, _, chosen in chunk for claim in chosen if claim.id is not None]
    claim_ids += [
        claim.id for claims in hidden.values() for claim in claims if claim.id is not None
    ]
    reads = _chunk_reads(store, claim_ids)
    for document, all_claims, chosen in chunk:
        yield _document_report(document, all_claims, chosen, hidden[document.id], status, reads)


def _document_report(
    document: Document,
    all_claims: list[Claim],
    chosen: list[Claim],
    hidden_here: list[Claim],
    status: Status | None,
    reads: _Reads,
) -> DocumentReport:
    """One document's report from its claims and its chunk's reads."""
    histories, stored, cited_elsewhere = reads
    # without a status filter the chosen claims are the shown ones, in order
    shown = chosen if status is None else [c for c in all_claims if _shown(c)]
    numbers = {claim.id: number for number, claim in enumerate(shown, start=1)}
    repeats: dict[int, list[Claim]] = {}
    if hidden_here or status is not None:  # no hidden claim, no repeat
        for claim in all_claims:
            if claim.duplicate_of is not None:
                repeats.setdefault(claim.duplicate_of, []).append(claim)
    entry = functools.partial(
        _entry,
        numbers=numbers,
        repeats=repeats,
        histories=histories,
        stored=stored,
        cited_elsewhere=cited_elsewhere,
    )
    plain = ClaimEntry.plain
    entries = []
    for claim in chosen:
        claim_id = claim.id
        if (
            claim_id in histories
            or claim_id in stored
            or claim_id in repeats
            or claim.duplicate_of is not None
        ):
            entries.append(entry(claim))
            continue
        # most claims of a big desk: no verdict, no evidence, no repeat
        entries.append(plain(claim, numbers[claim_id]))
    return DocumentReport(
        document=document,
        entries=tuple(entries),
        counts=_count(all_claims),
        hidden=tuple(entry(claim) for claim in hidden_here),
    )


def _stream_document_rows(
    store: Store,
    documents: Iterable[Document],
    document_id: int | None,
    status: Status | None,
    chunk_claims: int,
) -> Iterator[DocumentRows]:
    """`_stream_documents` as `DocumentRows`: the same documents, chunks and reads, but
    a claim becomes a `Claim` only when it has a verdict or evidence, or its document
    holds a repeat or a dismissed claim (then the whole document is built as entries)."""
    for chunk in _row_chunks(store, documents, document_id, status, chunk_claims):
        yield from _documents_of_rows(store, chunk, status)


def _documents_of_rows(
    store: Store, chunk: list[tuple[Document, list[ClaimRow]]], status: Status | None
) -> Iterator[DocumentRows]:
    """`_document_reports` for a chunk of rows: a document whose claims are all shown
    (most) stays rows; one with a repeat or a dismissed claim is built as entries."""
    if not chunk:
        return
    wanted = None if status is None else str(status)
    claim_ids: list[int] = []
    # a document's listed rows and their numbers; or, with hidden claims, its claims
    simple: dict[int, tuple[list[ClaimRow], list[int], list[int]]] = {}
    built: dict[int, tuple[list[Claim], list[Claim], list[Claim]]] = {}
    statuses = [list(map(_STATUS_OF, rows)) for _document, rows in chunk]
    for index, (_document, rows) in enumerate(chunk):
        # every claim shown: no repeat, none dismissed (column scans in C, not a loop)
        repeated = len(rows) - list(map(_DUPLICATE_OF, rows)).count(None)
        if not repeated and _DISMISSED not in statuses[index]:
            if wanted is None:
                listed, numbers = rows, list(range(1, len(rows) + 1))
            else:
                numbers = [n for n, row in enumerate(rows, start=1) if row[_STATUS] == wanted]
                listed = [rows[n - 1] for n in numbers]
            ids = list(map(_ID_OF, listed))
            claim_ids += ids
            simple[index] = listed, numbers, ids
            continue
        all_claims = [claim_from_row(row) for row in rows]
        chosen = [c for c in all_claims if _shown(c) and (status is None or c.status is status)]
        hidden = _hidden_claims(all_claims, chosen, status)
        claim_ids += [claim.id for claim in (*chosen, *hidden) if claim.id is not None]
        built[index] = all_claims, chosen, hidden
    reads = _chunk_reads(store, claim_ids)
    histories, stored = reads.histories, reads.stored
    special = histories.keys() | stored.keys()  # claims with more than their row to say
    for index, (document, _rows) in enumerate(chunk):
        if index in built:
            all_claims, chosen, hidden = built[index]
            yield DocumentRows.of(
                _document_report(document, all_claims, chosen, hidden, status, reads)
            )
            continue
        listed, numbers, ids = simple[index]
        entries: list[ClaimEntry | None] = [None] * len(listed)
        for claim_id in special.intersection(ids):  # found in C, not a loop over the rows
            place = ids.index(claim_id)  # no repeat in this document: ids are distinct
            entries[place] = _entry(
                claim_from_row(listed[place]),
                numbers={claim_id: numbers[place]},
                repeats={},
                histories=histories,
                stored=stored,
                cited_elsewhere=reads.cited_elsewhere,
            )
        yield DocumentRows(
            document=document,
            rows=listed,
            numbers=numbers,
            entries=entries,
            counts={shown: statuses[index].count(shown) for shown in SHOWN_STATUSES},
        )


_STATUS_OF = operator.itemgetter(_STATUS)
_ID_OF = operator.itemgetter(_ID)
_DUPLICATE_OF = operator.itemgetter(_DUPLICATE)


def _entry(
    claim: Claim,
    *,
    numbers: dict[int | None, int],
    repeats: dict[int, list[Claim]],
    histories: dict[int, list[Verdict]],
    stored: dict[int, list[Evidence]],
    cited_elsewhere: dict[int, Evidence],
) -> ClaimEntry:
    """One claim's entry from the chunk's reads: a repeat takes the number of the claim
    it repeats; a claim with repeats lists them as its occurrences."""
    assert claim.id is not None
    history = histories.get(claim.id)
    items = stored.get(claim.id)
    return ClaimEntry(
        claim=claim,
        number=numbers.get(claim.id, numbers.get(claim.duplicate_of)),
        history=tuple(history) if history else (),
        # most claims of a big desk have neither evidence nor verdicts: no work for them
        evidence=_evidence_for(items or [], history, cited_elsewhere) if items or history else (),
        occurrences=tuple(repeats[claim.id]) if claim.id in repeats else (),
    )


def _evidence_for(
    items: list[Evidence], history: list[Verdict] | None, cited_elsewhere: dict[int, Evidence]
) -> tuple[Evidence, ...]:
    """The claim's stored evidence, then evidence its verdicts cite that is stored
    under another claim (in verdict order); cited evidence deleted since is skipped:
    the verdict still stands."""
    items = list(items)
    known = {item.id for item in items}
    for verdict in history or ():
        if verdict.evidence_id is not None and verdict.evidence_id not in known:
            cited = cited_elsewhere.get(verdict.evidence_id)
            if cited is None:
                continue
            items.append(cited)
            known.add(verdict.evidence_id)
    return tuple(items)


def _count(claims: list[Claim]) -> dict[Status, int]:
    """Counts per shown status of the claims shown (`Store.counts` in Python)."""
    counts = dict.fromkeys(SHOWN_STATUSES, 0)
    for claim in claims:
        if claim.status in counts and claim.duplicate_of is None:
            counts[claim.status] += 1
    return counts


# -- small text helpers every renderer shares ----------------------------------------


def occurrence_phrase(entry: ClaimEntry) -> str:
    """Where a claim with repeats occurs: `2 times: characters 189–316 and 654–781`."""
    places = sorted((entry.claim, *entry.occurrences), key=lambda claim: claim.start)
    spans = [f"{claim.start}–{claim.end}" for claim in places]
    listed = ", ".join(spans[:-1]) + f" and {spans[-1]}" if len(spans) > 1 else spans[0]
    return f"{len(places)} times: characters {listed}"


def history_phrase(entry: ClaimEntry, verdict: Verdict) -> str:
    """One event of a claim's history in words, for readers outside the desk: a
    verdict (`undone` when withdrawn) or an undo, named by what it withdrew, never by
    a verdict id. The date is the caller's."""
    if verdict.undoes is not None:
        withdrawn = entry.withdrawn(verdict)
        what = (
            f"the {withdrawn.status} verdict of {display_date(withdrawn.created_at)}"
            if withdrawn is not None
            else "an earlier verdict"
        )
        return f"undo by {verdict.reviewer} of {what}"
    phrase = f"{verdict.status} by {verdict.reviewer}"
    if verdict.note:
        phrase += f" — {verdict.note}"
    if entry.undone(verdict) is not None:
        phrase += " (undone)"
    return phrase


def one_line(text: str | None) -> str:
    """Collapse runs of whitespace (newlines too) to single spaces."""
    return " ".join((text or "").split())


_TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?Z")
_HTTP_URL = re.compile(r"https?://[^\s]+$", flags=re.IGNORECASE)
"""Compiled once: reports test a date and a URL per document and per verdict (`re`'s
own cache costs a lookup per call)."""


def display_date(timestamp: str | None) -> str:
    """`2026-11-28T01:45:14Z` -> `2026-11-28 01:45 UTC`; other strings unchanged."""
    if not timestamp:
        return ""
    match = _TIMESTAMP.fullmatch(timestamp)
    return f"{match.group(1)} {match.group(2)} UTC" if match else timestamp


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a report never links `javascript:` or files.

    A `user:password@` in it is dropped: reports are published.
    """
    if url and _HTTP_URL.match(url.strip()):
        return without_credentials(url.strip())
    return None


SOURCE_LABELS: dict[SourceKind, str] = {
    SourceKind.REFERENCE: "Reference library",
    SourceKind.PRIOR: "Earlier verdict",
    SourceKind.FACTCHECK: "Published fact-check",
    SourceKind.WIKIPEDIA: "Wikipedia",
}
"""How reports name evidence sources for readers outside the desk."""


def evidence_label(evidence: Evidence) -> str:
    """`Wikipedia · Seoul (revision 1234)`: source, title and the revision when known."""
    source = SOURCE_LABELS.get(evidence.source, str(evidence.source))
    label = f"{source} · {one_line(evidence.title)}"
    if evidence.revision_id is not None:
        label += f" (revision {evidence.revision_id})"
    return label
