"""factcheck: a fact-checking desk in the terminal.

The public Python API. The CLI (`factcheck.cli`) and the review TUI (`factcheck.tui`)
are thin layers over these same names.
"""

from factcheck.models import Claim, ClaimKind, Document, Evidence, SourceKind, Status, Verdict
from factcheck.splitter import split_claims
from factcheck.store import Store

__all__ = [
    "Claim",
    "ClaimKind",
    "Document",
    "Evidence",
    "SourceKind",
    "Status",
    "Store",
    "Verdict",
    "split_claims",
]
