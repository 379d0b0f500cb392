"""The JSON report: complete, versioned, and readable back by `factcheck import`.

The file carries everything needed to rebuild the verdicts in another claims.db:
each document's full text (its sha256 is the identity used to merge), each claim's
offsets, the whole verdict history and the stored evidence. The schema is documented
in docs/report-json.md; `FORMAT_VERSION` changes only when a reader would break.

Named json_report so it does not shadow the standard library's `json`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from factcheck.errors import InputError
from factcheck.export.json_text import dumps_indented, encode_basestring, json_leaf
from factcheck.export.report import (
    ClaimEntry,
    ClaimRow,
    DocumentReport,
    DocumentRows,
    Report,
    ReportStream,
)
from factcheck.models import (
    SHOWN_STATUSES,
    Claim,
    ClaimKind,
    Document,
    Evidence,
    SourceKind,
    Status,
    Verdict,
)
from factcheck.records import record_writer
from factcheck.store import ClaimBundle, DocumentBundle, MergeResult, Store, text_sha256
from factcheck.store.transfer import normalize_timestamp, validate_bundles
from factcheck.untrusted import safe_json
from factcheck.untrusted.json_input import load_json
from factcheck.untrusted.urls import without_credentials

FORMAT_NAME = "factcheck-report"
FORMAT_VERSION = 2
"""The newest format version, written when a report needs it (`Report.json_version`):
version 2 adds undo events (`undoes`), dismissed claims and repeats (`duplicate_of`).
A report without them is still written as version 1, byte for byte as before."""
FORMAT_VERSIONS = (1, 2)
"""The versions `parse_json_report` reads (the schema's `version` enum says the same)."""


def render_json(report: Report) -> str:
    """The report as pretty-printed UTF-8 JSON (keys in a stable order)."""
    # Escaped like ClaimReview: a report may be embedded in a page, or printed.
    return safe_json.dumps(report_as_dict(report)) + "\n"


_MARK = "factcheck-documents-go-here"
_DOCUMENT_INDENT = "    "
"""A document in the top-level `documents` array sits two levels (4 spaces) deep."""


def iter_json(report: Report | ReportStream, *, rows: bool = False) -> Iterator[str]:
    """`render_json`'s exact bytes a document at a time: the header with the totals,
    then each document dumped alone and indented to its place in the array (JSON
    strings escape newlines, so every newline in a dump is structural).

    With `rows`, the documents are read as `DocumentRows` (a stream started with
    `rows=True`): a claim with nothing but its own columns is written from its row,
    without a `Claim` or `ClaimEntry` (building them was a fifth of the export)."""
    documents: Iterator[DocumentReport | DocumentRows] = (
        iter(report.document_rows) if rows else iter(report.documents)
    )
    first = next(documents, None)
    if first is None:
        yield safe_json.dumps(_report_dict(report, [])) + "\n"
        return
    head, mark, tail = safe_json.dumps(_report_dict(report, [_MARK])).partition(
        f'{_DOCUMENT_INDENT}"{_MARK}"'
    )
    assert mark, "the documents placeholder is always dumped"
    yield head
    version = report.json_version
    yield _any_document_text(first, version)
    for doc in documents:
        yield ",\n" + _any_document_text(doc, version)
    yield tail + "\n"


def _any_document_text(doc: DocumentReport | DocumentRows, version: int) -> str:
    """`_document_text` of a document read as entries or as rows."""
    if isinstance(doc, DocumentReport):
        return _document_text(doc, version)
    if doc.whole is not None:  # read as entries (repeats, dismissed claims): those write
        return _document_text(doc.whole, version)
    claims = [
        _plain_row_text(row, number, version)
        if entry is None
        else dumps_indented(_claim_dict(entry, version), level=4)
        for row, number, entry in zip(doc.rows, doc.numbers, doc.entries, strict=True)
    ]
    return _document_with_claims(doc.document, doc.counts, claims, version)


def _document_text(doc: DocumentReport, version: int) -> str:
    """`_document_dict(doc, version)` dumped as `safe_json.dumps` would, two levels
    deep: its own fields by `dumps_indented` (the standard library's indented encoder
    is pure Python), then its claims (`claims` is the last key), a plain claim filled
    into `_plain_claim_text`'s template without a dict."""
    entries = _claims_written(doc)
    claims = [
        _plain_claim_text(entry.claim, entry.number, version)
        if not entry.history and not entry.evidence
        else dumps_indented(_claim_dict(entry, version), level=4)
        for entry in entries
    ]
    return _document_with_claims(doc.document, doc.counts, claims, version)


def _document_with_claims(
    document: Document,
    counts: dict[Status, int],
    claims: list[str],
    version: int,
) -> str:
    """A document's JSON text from its fields and its claims' texts (`claims` is the
    last key)."""
    text = _document_fields_text(document, counts)
    if text is None:  # a Document made by hand, with a value of another type
        fields = _document_dict(DocumentReport(document, (), counts), version, claims=False)
        text = dumps_indented(fields, level=2)
    assert text.endswith(_DOCUMENT_CLOSE)
    if claims:
        listed = f"[{_CLAIM_INDENT}{_CLAIM_SEPARATOR.join(claims)}\n{_DOCUMENT_INDENT}  ]"
    else:
        listed = "[]"
    text = (
        f'{text[: -len(_DOCUMENT_CLOSE)]},\n{_DOCUMENT_INDENT}  "claims": {listed}{_DOCUMENT_CLOSE}'
    )
    return _DOCUMENT_INDENT + safe_json.escape(text)


_DOCUMENT_CLOSE = f"\n{_DOCUMENT_INDENT}}}"
_FIELD_INDENT = "\n" + _DOCUMENT_INDENT + "  "
_COUNT_INDENT = _FIELD_INDENT + "  "
_LEAF_TYPES = frozenset({str, int, type(None)})


def _document_fields_text(d: Document, counts: dict[Status, int]) -> str | None:
    """`dumps_indented(_document_dict(doc, version, claims=False), level=2)` in one
    f-string (a dict, a record writer and the dumper's loop per document made the
    document fields a third of a JSON export's time). None when a field or count is
    not a plain string, int or None (a Document made by hand): the caller then takes
    the general path, so the bytes cannot differ. The JSON tests compare the two."""
    source = without_credentials(d.source)
    url = d.url and without_credentials(d.url)
    supported = counts.get(Status.SUPPORTED, 0)
    disputed = counts.get(Status.DISPUTED, 0)
    unverified = counts.get(Status.UNVERIFIED, 0)
    values = (
        d.id, d.title, source, url, d.author, d.publisher, d.published_at, d.added_at,
        d.sha256, d.text, supported, disputed, unverified,
    )  # fmt: skip
    if not {type(value) for value in values} <= _LEAF_TYPES:
        return None
    (id_, title, source, url, author, publisher, published_at, added_at, sha256, text) = [
        encode_basestring(value) if type(value) is str else json_leaf(value)
        for value in values[:10]
    ]
    i, c = _FIELD_INDENT, _COUNT_INDENT
    return (
        f'{{{i}"id": {id_},{i}"title": {title},{i}"source": {source},{i}"url": {url},'
        f'{i}"author": {author},{i}"publisher": {publisher},'
        f'{i}"published_at": {published_at},{i}"added_at": {added_at},'
        f'{i}"sha256": {sha256},{i}"counts": {{{c}"supported": {supported},'
        f'{c}"disputed": {disputed},{c}"unverified": {unverified},'
        f'{c}"total": {supported + disputed + unverified}{i}}},{i}"text": {text}'
        f"{_DOCUMENT_CLOSE}"
    )


_CLAIM_INDENT = "\n" + _DOCUMENT_INDENT * 2
"""A claim in its document's `claims` array sits four levels (8 spaces) deep."""
_CLAIM_SEPARATOR = "," + _CLAIM_INDENT
_KEY_INDENT = _CLAIM_INDENT + "  "
_ENCODED_WORDS: dict[str, str] = {}


def _plain_claim_text(claim: Claim, number: int | None, version: int) -> str:
    """`dumps_indented(_claim_dict(entry, version), level=4)` for a claim with no
    verdict, history or evidence (most claims of a big desk), in one f-string: its
    leaves encoded as `dumps_indented` encodes them (`_json_leaf`), the empty verdict,
    history and evidence written as they always are. The JSON tests compare it with
    the whole report's `safe_json.dumps`."""
    kind = _ENCODED_WORDS.get(claim.kind) or _encoded_word(str(claim.kind))
    status = _ENCODED_WORDS.get(claim.status) or _encoded_word(str(claim.status))
    return _plain_text(
        claim.id, number, claim.text, claim.start, claim.end, claim.sentence_start,
        claim.sentence_end, kind, claim.score, status, claim.updated_at,
        claim.duplicate_of, version,
    )  # fmt: skip


def _plain_row_text(row: ClaimRow, number: int | None, version: int) -> str:
    """`_plain_claim_text(claim_from_row(row), number, version)`, from the row."""
    (
        text, start, end, sentence_start, sentence_end, kind, score, id_, _document_id,
        status, updated_at, _decided, duplicate_of,
    ) = row  # fmt: skip
    # the words as the Claim's enums give them (an unknown one fails as it would there)
    kind = _ENCODED_WORDS.get(kind) or _encoded_word(str(ClaimKind(kind)))
    status = _ENCODED_WORDS.get(status) or _encoded_word(str(Status(status)))
    return _plain_text(
        id_, number, text, start, end, sentence_start, sentence_end, kind, score, status,
        updated_at, duplicate_of, version,
    )  # fmt: skip


def _plain_text(
    id_: Any,
    number: int | None,
    claim_text: str,
    start: Any,
    end: Any,
    sentence_start: Any,
    sentence_end: Any,
    kind: str,
    score: Any,
    status: str,
    updated_at: Any,
    duplicate_of: Any,
    version: int,
) -> str:
    """A plain claim's JSON text from its values (`kind` and `status` encoded)."""
    i = _KEY_INDENT
    updated = encode_basestring(updated_at) if type(updated_at) is str else json_leaf(updated_at)
    if (
        type(score) is float
        and score - score == 0
        and type(id_) is type(number) is type(start) is type(end) is int
        and type(sentence_start) is type(sentence_end) is int
    ):
        # a stored claim (the schema's NOT NULL columns): each leaf in the f-string
        leaves: tuple[object, ...] = (id_, number, start, end, sentence_start, sentence_end)
        score_text = float.__repr__(score)
    else:  # a claim made by hand: every leaf as `dumps_indented` writes it
        leaves = tuple(map(json_leaf, (id_, number, start, end, sentence_start, sentence_end)))
        score_text = json_leaf(score)
    id_text, number_text, start_text, end_text, sentence_start_text, sentence_end_text = leaves
    text = (
        f'{{{i}"id": {id_text},{i}"number": {number_text},'
        f'{i}"text": {encode_basestring(claim_text)},{i}"start": {start_text},'
        f'{i}"end": {end_text},'
        f'{i}"sentence_start": {sentence_start_text},{i}"sentence_end": {sentence_end_text},'
        f'{i}"kind": {kind},{i}"score": {score_text},{i}"status": {status},'
        f'{i}"updated_at": {updated},'
        f'{i}"verdict": null,{i}"history": [],{i}"evidence": []'
    )
    if version >= 2:
        text += f',{i}"duplicate_of": {json_leaf(duplicate_of)}'
    return text + _CLAIM_INDENT + "}"


def _encoded_word(word: str) -> str:
    """A status or kind word JSON-encoded, once (a handful of words, every claim)."""
    encoded = _ENCODED_WORDS[word] = encode_basestring(word)
    return encoded


def report_as_dict(report: Report) -> dict[str, Any]:
    version = report.json_version
    return _report_dict(report, [_document_dict(doc, version) for doc in report.documents])


def _report_dict(report: Report | ReportStream, documents: list[Any]) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": report.json_version,
        "generated_at": report.generated_at,
        "filters": {
            "document_id": report.document_filter,
            "status": str(report.status_filter) if report.status_filter else None,
        },
        "totals": _counts(report.totals),
        "documents": documents,
    }


def _counts(counts: dict[Status, int]) -> dict[str, int]:
    data = {str(status): counts.get(status, 0) for status in SHOWN_STATUSES}
    data["total"] = sum(data.values())
    return data


DOCUMENT_KEYS: tuple[str, ...] = (
    "id",
    "title",
    "source",
    "url",
    "author",
    "publisher",
    "published_at",
    "added_at",
    "sha256",
    "counts",
    "text",
    "claims",
)
"""A document's keys, in the order written."""


_write_document = record_writer(
    Document, DOCUMENT_KEYS, given=("source", "url", "counts", "claims")
)


def _document_dict(doc: DocumentReport, version: int, *, claims: bool = True) -> dict[str, Any]:
    """The document as the report writes it; without its `claims` key when `claims`
    is false (`_document_text` writes them itself)."""
    d = doc.document
    data = _write_document(
        d,
        source=without_credentials(d.source),  # a report is published
        url=d.url and without_credentials(d.url),
        counts=_counts(doc.counts),
        claims=[_claim_dict(entry, version) for entry in _claims_written(doc)] if claims else None,
    )
    if not claims:
        del data["claims"]
    return data


def _claims_written(doc: DocumentReport) -> tuple[ClaimEntry, ...]:
    """The listed claims and the hidden ones (dismissed, repeats), in text order."""
    if not doc.hidden:
        return doc.entries
    both = (*doc.entries, *doc.hidden)
    return tuple(sorted(both, key=lambda entry: (entry.claim.start, entry.claim.id or 0)))


CLAIM_KEYS: dict[int, tuple[str, ...]] = {
    1: (
        "id",
        "number",
        "text",
        "start",
        "end",
        "sentence_start",
        "sentence_end",
        "kind",
        "score",
        "status",
        "updated_at",
        "verdict",
        "history",
        "evidence",
    ),
}
CLAIM_KEYS[2] = (*CLAIM_KEYS[1], "duplicate_of")
"""A claim's keys per format version (docs/report-json.md), in the order written."""

VERDICT_KEYS: dict[int, tuple[str, ...]] = {
    1: ("id", "status", "note", "reviewer", "created_at", "evidence_id"),
}
VERDICT_KEYS[2] = (*VERDICT_KEYS[1], "undoes")
"""A verdict event's keys per format version, in the order written."""

EVIDENCE_KEYS: tuple[str, ...] = (
    "id",
    "source",
    "title",
    "url",
    "passage",
    "score",
    "span",
    "agreements",
    "contradictions",
    "reference_id",
    "revision_id",
    "fetched_at",
)
"""A piece of evidence's keys, in the order written."""


_write_claim = {
    version: record_writer(Claim, keys, given=("number", "verdict", "history", "evidence"))
    for version, keys in CLAIM_KEYS.items()
}
_write_verdict = {version: record_writer(Verdict, keys) for version, keys in VERDICT_KEYS.items()}
_write_evidence = record_writer(Evidence, EVIDENCE_KEYS, given=("url",))


def _claim_dict(entry: ClaimEntry, version: int) -> dict[str, Any]:
    in_force = entry.verdict
    cited = entry.cited_evidence
    return _write_claim[version](
        entry.claim,
        number=entry.number,
        verdict=None
        if in_force is None
        else {
            **_verdict_dict(in_force, version),
            "evidence": _evidence_dict(cited) if cited else None,
        },
        history=[_verdict_dict(v, version) for v in entry.history],
        evidence=[_evidence_dict(e) for e in entry.evidence],
    )


def _verdict_dict(verdict: Verdict, version: int) -> dict[str, Any]:
    return _write_verdict[version](verdict)


def _evidence_dict(evidence: Evidence) -> dict[str, Any]:
    # A report is published: a password in a URL is never written.
    return _write_evidence(evidence, url=evidence.url and without_credentials(evidence.url))


# -- reading a report back ------------------------------------------------------------


@functools.cache
def report_schema() -> dict[str, Any]:
    """The JSON Schema of the report (factcheck/data, linked from docs/)."""
    text = resources.files("factcheck.data").joinpath("report-json.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.cache
def _validator() -> Any:
    """The schema compiled to a Python function (fastjsonschema), once per process.

    Every local `$ref` is inlined first (the schema has no cycles): the compiler then
    sees the 2020-12 meaning of a `$ref` with sibling keywords (both apply).
    """
    import fastjsonschema  # only `import` pays for it

    schema = report_schema()
    body = {key: value for key, value in schema.items() if key not in ("$defs", "$schema")}
    return fastjsonschema.compile(_inline_refs(body, schema["$defs"]))


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """`node` with `{"$ref": "#/$defs/x", ...more}` replaced by x's definition and more
    (both apply: `properties` of the two are merged, other sibling keys win)."""
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _inline_refs(value, defs) for key, value in node.items()}
    ref = node.pop("$ref", None)
    if ref is None:
        return node
    target = _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
    merged = {**target, **node}
    if "properties" in target and "properties" in node:
        merged["properties"] = {**target["properties"], **node["properties"]}
    return merged


def parse_json_report(text: str, *, name: str = "report") -> list[DocumentBundle]:
    """Validate a JSON report and turn it into bundles for `Store.merge_bundles`.

    Everything is checked before anything is written, so a bad file changes nothing:
    first the JSON itself (`load_json`: no NaN, no huge integers, no deep nesting),
    then the shipped schema (the format and its version, types, ranges, enums, text
    without NUL or lone surrogates), then by hand only what a schema cannot say: the
    sha256 of each text, and `validate_bundles` (offsets inside the text, dates that
    parse and are not ahead, references between claims, verdicts and evidence). The
    first problem is raised as one `InputError` line naming the field.
    """
    data = load_json(text, name=name)
    error = _first_schema_error(data)
    if error is not None:
        raise InputError(_describe_schema_error(error, name))
    edited = next(
        (
            i
            for i, doc in enumerate(data["documents"])
            if doc.get("sha256") is not None and doc["sha256"] != text_sha256(doc["text"])
        ),
        None,
    )
    if edited is not None:
        raise InputError(
            f"{name}: documents[{edited}].sha256: does not match the document text (edited?)"
        )
    bundles = [_document(doc) for doc in data["documents"]]
    validate_bundles(bundles, name=name)
    return bundles


def _first_schema_error(data: Any) -> Any:
    import fastjsonschema

    try:
        _validator()(data)
    except fastjsonschema.JsonSchemaValueException as error:
        return error
    return None


_JSON_TYPES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "array": "a list",
    "object": "an object",
    "null": "null",
}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    for kind, python in (("string", str), ("integer", int), ("number", float)):
        if isinstance(value, python):
            return _JSON_TYPES[kind]
    return _JSON_TYPES["array"] if isinstance(value, list) else _JSON_TYPES["object"]


def _describe_schema_error(error: Any, name: str) -> str:
    """One short line for a schema error (the validator's own message can quote a
    whole rule or text): the field's path and what is wrong with its value. A file
    that is not a report at all, or of a version this factcheck cannot read, is
    told so, with what to do."""
    path = ""
    for part in error.path[1:]:  # the first element is the root, "data"
        path += f"[{part}]" if str(part).isdigit() else f".{part}"
    if _not_a_report(error, path):
        return (
            f'{name} is not a factcheck JSON report (no "format": "{FORMAT_NAME}");'
            " make one with `factcheck export --format json`"
        )
    if path == ".version":
        return (
            f"{name}: report format version {json.dumps(error.value)[:20]} is not supported"
            f" (this factcheck reads versions {', '.join(map(str, FORMAT_VERSIONS))})"
        )
    return f"{name}: {_describe_field_error(error, path)}"


def _not_a_report(error: Any, path: str) -> bool:
    """Whether the error says the file is no factcheck report: not an object, or no
    (or another) `format`."""
    if path == ".format" or (not path and error.rule == "type"):
        return True
    return not path and error.rule == "required" and "format" not in error.value


def _describe_field_error(error: Any, path: str) -> str:
    where = path.lstrip(".") or "the report"
    value = error.value
    rule, definition = error.rule, error.rule_definition
    if rule == "required":
        missing = next((key for key in definition if key not in value), "a field")
        return f"{where}.{missing}: is missing"
    if rule == "type":
        expected = definition if isinstance(definition, list) else [definition]
        names = " or ".join(_JSON_TYPES.get(str(k), str(k)) for k in expected)
        return f"{where}: must be {names}, not {_json_type(value)}"
    if rule in ("enum", "const"):
        choices = definition if rule == "enum" else [definition]
        shown = ", ".join(str(c) for c in choices if c is not None)
        return f"{where}: {str(value)[:40]!r} is not one of {shown}"
    if rule in ("minimum", "maximum"):
        shown = str(value) if len(str(value)) <= 24 else f"{str(value)[:20]}..."
        return f"{where}: {shown} is out of range"
    if rule in ("minItems", "maxItems"):
        return f"{where}: must have exactly {definition} items"
    if rule == "pattern":
        if "ud800" in definition:
            return f"{where}: contains a NUL character or a lone surrogate"
        if "0-9a-f" in definition:
            return f"{where}: must be 64 lowercase hex digits"
        return f"{where}: {str(value)[:40]!r} is not an ISO 8601 date"
    return f"{where}: does not match the report schema ({rule})"


def _document(obj: dict[str, Any]) -> DocumentBundle:
    text = obj["text"]
    document = Document(
        id=obj.get("id") or 0,
        title=obj["title"],
        source=obj["source"],
        text=text,
        sha256=text_sha256(text),
        added_at=_recorded(obj.get("added_at")) or "",
        url=obj.get("url"),
        author=obj.get("author"),
        publisher=obj.get("publisher"),
        published_at=obj.get("published_at"),
    )
    return DocumentBundle(
        document=document, claims=tuple(_claim(c) for c in obj.get("claims") or [])
    )


def _recorded(value: str | None) -> str | None:
    """A recorded date in the store's one form (`normalize_timestamp`); an unparsable
    one is kept as given for `validate_bundles` to report."""
    if value is None:
        return None
    return normalize_timestamp(value) or value


def _claim(obj: dict[str, Any]) -> ClaimBundle:
    score = obj.get("score")
    claim = Claim(
        text=obj["text"],
        start=obj["start"],
        end=obj["end"],
        sentence_start=obj["sentence_start"],
        sentence_end=obj["sentence_end"],
        kind=ClaimKind(obj["kind"]),
        score=0.5 if score is None else float(score),
        status=Status(obj["status"]),
        updated_at=_recorded(obj.get("updated_at")),
        id=obj.get("id"),
        duplicate_of=obj.get("duplicate_of"),
    )
    evidence = tuple(_evidence(e) for e in obj.get("evidence") or [])
    history = tuple(_verdict(v) for v in obj.get("history") or [])
    return ClaimBundle(claim=claim, history=history, evidence=evidence)


def _verdict(obj: dict[str, Any]) -> Verdict:
    return Verdict(
        id=obj.get("id") or 0,
        claim_id=0,
        status=Status(obj["status"]),
        note=obj.get("note"),
        reviewer=obj["reviewer"],
        evidence_id=obj.get("evidence_id"),
        created_at=_recorded(obj["created_at"]) or "",
        undoes=obj.get("undoes"),
    )


def _evidence(obj: dict[str, Any]) -> Evidence:
    span = obj.get("span")
    return Evidence(
        id=obj["id"],
        source=SourceKind(obj["source"]),
        title=obj["title"],
        passage=obj["passage"],
        score=float(obj["score"]),
        url=obj.get("url"),
        span=(span[0], span[1]) if span else None,
        agreements=tuple(obj.get("agreements") or ()),
        contradictions=tuple(obj.get("contradictions") or ()),
        reference_id=obj.get("reference_id"),
        revision_id=obj.get("revision_id"),
        fetched_at=_recorded(obj.get("fetched_at")),
    )


def import_json_report(store: Store, text: str, *, name: str = "report") -> MergeResult:
    """Merge a JSON report into `store` in one transaction (see `Store.merge_bundles`)."""
    return store.merge_bundles(parse_json_report(text, name=name))
