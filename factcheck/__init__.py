"""factcheck: a fact-checking desk in the terminal.

The public Python API. The CLI (`factcheck.cli`) and the review TUI (`factcheck.tui`)
are thin layers over these same names. They are imported on first use (PEP 562), so
`factcheck --help` and other commands that need neither the splitter nor the store
do not pay for importing them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.claims.splitter import split_claims
    from factcheck.config import Config
    from factcheck.desk.span_edit import SpanMove, create_claim, edit_claim_span, move_span
    from factcheck.evidence.context import ClaimContext, claim_context
    from factcheck.evidence.source_factory import make_sources
    from factcheck.evidence.suggest import suggest
    from factcheck.ingest import Article, add_article, finish_pending_scores
    from factcheck.models import Claim, ClaimKind, Document, Evidence, SourceKind, Status, Verdict
    from factcheck.store import Store
    from factcheck.text.language import english_reading, not_english_warning

_PUBLIC = {
    "Article": "factcheck.ingest",
    "Claim": "factcheck.models",
    "ClaimContext": "factcheck.evidence.context",
    "ClaimKind": "factcheck.models",
    "Config": "factcheck.config",
    "Document": "factcheck.models",
    "Evidence": "factcheck.models",
    "SourceKind": "factcheck.models",
    "Status": "factcheck.models",
    "Store": "factcheck.store",
    "SpanMove": "factcheck.desk.span_edit",
    "Verdict": "factcheck.models",
    "add_article": "factcheck.ingest",
    "claim_context": "factcheck.evidence.context",
    "create_claim": "factcheck.desk.span_edit",
    "edit_claim_span": "factcheck.desk.span_edit",
    "english_reading": "factcheck.text.language",
    "finish_pending_scores": "factcheck.ingest",
    "make_sources": "factcheck.evidence.source_factory",
    "move_span": "factcheck.desk.span_edit",
    "not_english_warning": "factcheck.text.language",
    "split_claims": "factcheck.claims.splitter",
    "suggest": "factcheck.evidence.suggest",
}

__all__ = [
    "Article",
    "Claim",
    "ClaimContext",
    "ClaimKind",
    "Config",
    "Document",
    "Evidence",
    "SourceKind",
    "SpanMove",
    "Status",
    "Store",
    "Verdict",
    "add_article",
    "claim_context",
    "create_claim",
    "edit_claim_span",
    "english_reading",
    "finish_pending_scores",
    "make_sources",
    "move_span",
    "not_english_warning",
    "split_claims",
    "suggest",
]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        value = getattr(importlib.import_module(_PUBLIC[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
