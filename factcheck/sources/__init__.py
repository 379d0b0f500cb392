"""Evidence sources: each module here answers "what passages bear on this claim?".

Every source satisfies `EvidenceSource`: it takes a claim's text and some context (its
sentence, the document title) and returns ranked `Evidence`. A source that cannot
answer now raises `SourceUnavailable`, and callers carry on with the others. The review
TUI and the tests receive sources as objects, so a fake Wikipedia slots in.
"""

from __future__ import annotations

from typing import Protocol

from factcheck.models import Evidence


class EvidenceSource(Protocol):
    """The contract every evidence source keeps."""

    name: str
    """Short name used by `--source` and shown in errors (e.g. "wikipedia")."""

    def suggest(self, text: str, *, context: str = "", limit: int = 5) -> list[Evidence]:
        """Up to `limit` pieces of evidence for the claim `text`, best first."""
        ...
