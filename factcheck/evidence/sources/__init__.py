"""Evidence sources: each module here answers "what passages bear on this claim?".

Every source satisfies `EvidenceSource`: it takes a claim's text and its `ClaimContext`
(document, title, sentence) and returns ranked `Evidence`. A source that cannot answer
now raises `SourceUnavailable`, and callers carry on with the others. The review TUI
and the tests receive sources as objects (`evidence.source_factory.make_sources` builds
them), so a fake Wikipedia slots in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from factcheck.evidence.context import ClaimContext
    from factcheck.models import Evidence


class EvidenceSource(Protocol):
    """The contract every evidence source keeps."""

    name: str
    """Short name used by `--source` and shown in errors (e.g. "wikipedia")."""

    def suggest(self, text: str, *, context: ClaimContext, limit: int = 5) -> list[Evidence]:
        """Up to `limit` pieces of evidence for the claim `text`, best first.

        `context` is required, not defaulted: a caller that forgot it would silently
        ask without the claim's document (issue 16: a claim offered as evidence for
        itself). Text of no document passes `ClaimContext.free_text()`."""
        ...
