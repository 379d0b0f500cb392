"""factcheck: a fact-checking desk in the terminal.

The public Python API. The CLI (`factcheck.cli`) and the review TUI (`factcheck.tui`)
are thin layers over these same names.
"""

from factcheck.models import Claim, ClaimKind, Document, Status, Verdict
from factcheck.splitter import split_claims

__all__ = [
    "Claim",
    "ClaimKind",
    "Document",
    "Status",
    "Verdict",
    "split_claims",
]
