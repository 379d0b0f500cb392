"""claims.db: schema, migrations and every query (the only package that writes SQL).

`Store` is assembled from one mixin per area (documents, claims and verdicts,
evidence...), each in its own module over the shared connection in `connection.py`.
To add an area, write a mixin deriving from `StoreBase` and list it in `Store`'s bases.
"""

from factcheck.store.assignments import AssignmentsMixin, DocumentProgress, ReviewerProgress
from factcheck.store.claim_versions import ClaimVersion, ClaimVersionsMixin
from factcheck.store.claims import IN_FORCE_ORDER, ClaimsMixin, ReviewCounts
from factcheck.store.connection import StoreBase, describe_sqlite_error, utc_now
from factcheck.store.documents import (
    AddResult,
    DocumentCounts,
    DocumentsMixin,
    DocumentSummary,
    text_sha256,
)
from factcheck.store.evidence import EvidenceMixin
from factcheck.store.factchecks import CheckedClaim, FactCheck, FactChecksMixin
from factcheck.store.references import ImportResult, ReferenceFile, ReferenceHit, ReferencesMixin
from factcheck.store.report_reads import ReportReadsMixin
from factcheck.store.schema import MIGRATIONS, SCHEMA_VERSION
from factcheck.store.transfer import ClaimBundle, DocumentBundle, MergeResult, TransferMixin
from factcheck.store.wikipedia_cache import CachedPage, WikipediaCacheMixin


class Store(
    DocumentsMixin,
    EvidenceMixin,
    ClaimVersionsMixin,
    ClaimsMixin,
    ReferencesMixin,
    FactChecksMixin,
    WikipediaCacheMixin,
    TransferMixin,
    AssignmentsMixin,
    ReportReadsMixin,
    StoreBase,
):
    """A claims.db file. Open it once per process (or per thread) and reuse it."""


__all__ = [
    "IN_FORCE_ORDER",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AddResult",
    "CachedPage",
    "CheckedClaim",
    "ClaimBundle",
    "ClaimVersion",
    "DocumentBundle",
    "DocumentCounts",
    "DocumentProgress",
    "DocumentSummary",
    "FactCheck",
    "ImportResult",
    "MergeResult",
    "ReferenceFile",
    "ReferenceHit",
    "ReviewCounts",
    "ReviewerProgress",
    "Store",
    "StoreBase",
    "describe_sqlite_error",
    "text_sha256",
    "utc_now",
]
