"""Statement spans inside one sentence (`statement_spans`): where a sentence is cut
into the whole statements a fact-checker can check alone. `statements` is the entry;
the other modules of this package are its rules, one job each (see its docstring and
docs/claims.md)."""

from factcheck.claims.spans.statements import (
    Statement,
    claim_kind,
    is_attribution,
    statement_spans,
    trim_markup,
)

__all__ = ["Statement", "claim_kind", "is_attribution", "statement_spans", "trim_markup"]
