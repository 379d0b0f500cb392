"""The JSON report: complete, versioned, and readable back by `factcheck import`.

The file carries everything needed to rebuild the verdicts in another claims.db:
each document's full text (its sha256 is the identity used to merge), each claim's
offsets, the whole verdict history and the stored evidence. The schema is documented
in docs/report-json.md; `FORMAT_VERSION` changes only when a reader would break.

Named json_report so it does not shadow the standard library's `json`.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck import safe_json
from factcheck.errors import InputError
from factcheck.export.report import ClaimEntry, DocumentReport, Report
from factcheck.models import Claim, ClaimKind, Document, Evidence, SourceKind, Status, Verdict
from factcheck.store import ClaimBundle, DocumentBundle, MergeResult, Store, text_sha256
from factcheck.urls import without_credentials

FORMAT_NAME = "factcheck-report"
FORMAT_VERSION = 1


def render_json(report: Report) -> str:
    """The report as pretty-printed UTF-8 JSON (keys in a stable order)."""
    # Escaped like ClaimReview: a report may be embedded in a page, or printed.
    return safe_json.dumps(report_as_dict(report)) + "\n"


def report_as_dict(report: Report) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generated_at": report.generated_at,
        "filters": {
            "document_id": report.document_filter,
            "status": str(report.status_filter) if report.status_filter else None,
        },
        "totals": _counts(report.totals),
        "documents": [_document_dict(doc) for doc in report.documents],
    }


def _counts(counts: dict[Status, int]) -> dict[str, int]:
    data = {str(status): counts.get(status, 0) for status in Status}
    data["total"] = sum(data.values())
    return data


def _document_dict(doc: DocumentReport) -> dict[str, Any]:
    d = doc.document
    return {
        "id": d.id,
        "title": d.title,
        "source": without_credentials(d.source),
        "url": d.url and without_credentials(d.url),
        "author": d.author,
        "publisher": d.publisher,
        "published_at": d.published_at,
        "added_at": d.added_at,
        "sha256": d.sha256,
        "counts": _counts(doc.counts),
        "text": d.text,
        "claims": [_claim_dict(entry) for entry in doc.entries],
    }


def _claim_dict(entry: ClaimEntry) -> dict[str, Any]:
    c = entry.claim
    latest = entry.verdict
    cited = entry.cited_evidence
    return {
        "id": c.id,
        "number": entry.number,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "sentence_start": c.sentence_start,
        "sentence_end": c.sentence_end,
        "kind": str(c.kind),
        "score": c.score,
        "status": str(c.status),
        "updated_at": c.updated_at,
        "verdict": None
        if latest is None
        else {
            **_verdict_dict(latest),
            "evidence": _evidence_dict(cited) if cited else None,
        },
        "history": [_verdict_dict(v) for v in entry.history],
        "evidence": [_evidence_dict(e) for e in entry.evidence],
    }


def _verdict_dict(v: Verdict) -> dict[str, Any]:
    return {
        "id": v.id,
        "status": str(v.status),
        "note": v.note,
        "reviewer": v.reviewer,
        "created_at": v.created_at,
        "evidence_id": v.evidence_id,
    }


def _evidence_dict(e: Evidence) -> dict[str, Any]:
    return {
        "id": e.id,
        "source": str(e.source),
        "title": e.title,
        "url": e.url and without_credentials(e.url),
        "passage": e.passage,
        "score": e.score,
        "span": list(e.span) if e.span else None,
        "agreements": list(e.agreements),
        "contradictions": list(e.contradictions),
        "reference_id": e.reference_id,
        "revision_id": e.revision_id,
        "fetched_at": e.fetched_at,
    }


# -- reading a report back ------------------------------------------------------------


def parse_json_report(text: str, *, name: str = "report") -> list[DocumentBundle]:
    """Validate a JSON report and turn it into bundles for `Store.merge_bundles`.

    Everything is checked before anything is written, so a bad file changes nothing;
    the first problem is raised as one `InputError` line naming where it is.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{name} is not JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise InputError(
            f'{name} is not a factcheck JSON report (no "format": "{FORMAT_NAME}");'
            " make one with `factcheck export --format json`"
        )
    version = data.get("version")
    if version != FORMAT_VERSION:
        raise InputError(
            f"{name}: report format version {version!r} is not supported"
            f" (this factcheck reads version {FORMAT_VERSION})"
        )
    reader = _Reader(name)
    documents = reader.value(data, "documents", "documents", list)
    return [reader.document(doc, f"documents[{i}]") for i, doc in enumerate(documents)]


class _Reader:
    """Typed access to parsed JSON that reports the path of the first bad value."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, where: str, problem: str) -> InputError:
        return InputError(f"{self.name}: {where}: {problem}")

    def value(
        self, obj: dict[str, Any], key: str, where: str, kinds: Any, *, optional: bool = False
    ) -> Any:
        if key not in obj or obj[key] is None:
            if optional:
                return None
            raise self.fail(where, "is missing")
        value = obj[key]
        if isinstance(value, bool):  # a bool is an int to isinstance; no field is boolean
            raise self.fail(where, f"must be {_kind_name(kinds)}, not {value!r}")
        if not isinstance(value, kinds):
            raise self.fail(where, f"must be {_kind_name(kinds)}, not {type(value).__name__}")
        return value

    def list(self, obj: dict[str, Any], key: str, where: str) -> list[Any]:
        value = self.value(obj, key, where, list, optional=True)
        return value or []

    def enum(self, obj: dict[str, Any], key: str, where: str, enum: type) -> Any:
        raw = self.value(obj, key, where, str)
        try:
            return enum(raw)
        except ValueError:
            choices = ", ".join(member.value for member in enum)
            raise self.fail(where, f"{raw!r} is not one of {choices}") from None

    def document(self, obj: Any, where: str) -> DocumentBundle:
        if not isinstance(obj, dict):
            raise self.fail(where, "must be an object")
        text = self.value(obj, "text", f"{where}.text", str)
        sha = self.value(obj, "sha256", f"{where}.sha256", str, optional=True)
        if sha is not None and sha != text_sha256(text):
            raise self.fail(f"{where}.sha256", "does not match the document text (edited?)")
        opt = {
            key: self.value(obj, key, f"{where}.{key}", str, optional=True)
            for key in ("url", "author", "publisher", "published_at", "added_at")
        }
        document = Document(
            id=self.value(obj, "id", f"{where}.id", int, optional=True) or 0,
            title=self.value(obj, "title", f"{where}.title", str),
            source=self.value(obj, "source", f"{where}.source", str),
            text=text,
            sha256=text_sha256(text),
            added_at=opt.pop("added_at") or "",
            **opt,
        )
        claims = self.list(obj, "claims", f"{where}.claims")
        return DocumentBundle(
            document=document,
            claims=tuple(self.claim(c, f"{where}.claims[{i}]", text) for i, c in enumerate(claims)),
        )

    def claim(self, obj: Any, where: str, text: str) -> ClaimBundle:
        if not isinstance(obj, dict):
            raise self.fail(where, "must be an object")
        ints = {
            key: self.value(obj, key, f"{where}.{key}", int)
            for key in ("start", "end", "sentence_start", "sentence_end")
        }
        claim_text = self.value(obj, "text", f"{where}.text", str)
        if not 0 <= ints["start"] <= ints["end"] <= len(text) or (
            text[ints["start"] : ints["end"]] != claim_text
        ):
            raise self.fail(where, "text does not match the document text at start:end")
        score = self.value(obj, "score", f"{where}.score", (int, float), optional=True)
        claim = Claim(
            text=claim_text,
            **ints,
            kind=self.enum(obj, "kind", f"{where}.kind", ClaimKind),
            score=0.5 if score is None else float(score),
            status=self.enum(obj, "status", f"{where}.status", Status),
            updated_at=self.value(obj, "updated_at", f"{where}.updated_at", str, optional=True),
        )
        evidence = tuple(
            self.evidence(e, f"{where}.evidence[{i}]")
            for i, e in enumerate(self.list(obj, "evidence", f"{where}.evidence"))
        )
        known = {e.id for e in evidence}
        history = []
        for i, v in enumerate(self.list(obj, "history", f"{where}.history")):
            verdict = self.verdict(v, f"{where}.history[{i}]")
            if verdict.evidence_id is not None and verdict.evidence_id not in known:
                raise self.fail(
                    f"{where}.history[{i}].evidence_id",
                    f"cites evidence {verdict.evidence_id}, which is not in this claim's evidence",
                )
            history.append(verdict)
        return ClaimBundle(claim=claim, history=tuple(history), evidence=evidence)

    def verdict(self, obj: Any, where: str) -> Verdict:
        if not isinstance(obj, dict):
            raise self.fail(where, "must be an object")
        return Verdict(
            id=self.value(obj, "id", f"{where}.id", int, optional=True) or 0,
            claim_id=0,
            status=self.enum(obj, "status", f"{where}.status", Status),
            note=self.value(obj, "note", f"{where}.note", str, optional=True),
            reviewer=self.value(obj, "reviewer", f"{where}.reviewer", str),
            evidence_id=self.value(obj, "evidence_id", f"{where}.evidence_id", int, optional=True),
            created_at=self.value(obj, "created_at", f"{where}.created_at", str),
        )

    def evidence(self, obj: Any, where: str) -> Evidence:
        if not isinstance(obj, dict):
            raise self.fail(where, "must be an object")
        span = self.value(obj, "span", f"{where}.span", list, optional=True)
        if span is not None and (
            len(span) != 2 or not all(isinstance(x, int) and not isinstance(x, bool) for x in span)
        ):
            raise self.fail(f"{where}.span", "must be two integers or null")
        strings = {
            key: tuple(self.list(obj, key, f"{where}.{key}"))
            for key in ("agreements", "contradictions")
        }
        for key, items in strings.items():
            if not all(isinstance(item, str) for item in items):
                raise self.fail(f"{where}.{key}", "must be a list of strings")
        return Evidence(
            id=self.value(obj, "id", f"{where}.id", int),
            source=self.enum(obj, "source", f"{where}.source", SourceKind),
            title=self.value(obj, "title", f"{where}.title", str),
            passage=self.value(obj, "passage", f"{where}.passage", str),
            score=float(self.value(obj, "score", f"{where}.score", (int, float))),
            url=self.value(obj, "url", f"{where}.url", str, optional=True),
            span=(span[0], span[1]) if span else None,
            agreements=strings["agreements"],
            contradictions=strings["contradictions"],
            reference_id=self.value(
                obj, "reference_id", f"{where}.reference_id", str, optional=True
            ),
            revision_id=self.value(obj, "revision_id", f"{where}.revision_id", int, optional=True),
            fetched_at=self.value(obj, "fetched_at", f"{where}.fetched_at", str, optional=True),
        )


def _kind_name(kinds: Any) -> str:
    names = {str: "a string", int: "an integer", float: "a number", list: "a list"}
    if isinstance(kinds, tuple):
        return "a number" if set(kinds) == {int, float} else " or ".join(names[k] for k in kinds)
    return names.get(kinds, str(kinds))


def import_json_report(store: Store, text: str, *, name: str = "report") -> MergeResult:
    """Merge a JSON report into `store` in one transaction (see `Store.merge_bundles`)."""
    return store.merge_bundles(parse_json_report(text, name=name))
