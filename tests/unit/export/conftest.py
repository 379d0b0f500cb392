"""A reviewed database for the report tests: real article text, explicit claims,
verdict history, cited evidence, and one hostile document."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.models import Claim, ClaimKind, Evidence, SourceKind, Status
from factcheck.store import Store

HOSTILE_TEXT = (
    "Breaking <script>alert('x')</script> news & *more*: the mayor said "
    "<img src=x onerror=alert(1)> crime fell 40% | [click](javascript:alert(1)).\n\n"
    '=HYPERLINK("http://evil") was quoted as `fact`.'
)
HOSTILE_NOTE = "<b>bold</b> & <script>steal()</script> _under_ [x](javascript:y)"


def claim_at(text: str, phrase: str, kind: ClaimKind = ClaimKind.OTHER) -> Claim:
    """A claim on `phrase`, its first occurrence in `text` (offsets checked)."""
    start = text.index(phrase)
    return Claim(phrase, start, start + len(phrase), start, start + len(phrase), kind, 0.8)


def build_reviewed_store(store: Store, sample_text: str) -> dict[str, int]:
    """Two documents, five claims, verdicts with notes and evidence; returns their ids."""
    phrases = [
        ("China is South Korea’s biggest trading partner", ClaimKind.RANKING),
        ("since a 2017 spat over South Korea’s installation", ClaimKind.TEMPORAL),
        ("Asia’s fourth-largest economy", ClaimKind.RANKING),
        (
            "On Tuesday, Chinese President Xi Jinping told South Korean President Lee",
            ClaimKind.TEMPORAL,
        ),
    ]
    doc = store.add_document(
        sample_text,
        title="Xi calls for mutual respect in talk with Lee",
        source="seeds/xi-lee-call.txt",
        claims=[claim_at(sample_text, p, k) for p, k in phrases],
        url="https://example.com/news/xi-lee-call",
        author="Nitin A Gokhale",
        publisher="StratNews Global",
        published_at="2025-06-10",
    ).document
    by_text = {c.text: c for c in store.list_claims(document_id=doc.id)}
    trading, spat, economy, tuesday = (by_text[phrase] for phrase, _ in phrases)
    [wiki] = store.save_evidence(
        economy.id,
        [
            Evidence(
                SourceKind.WIKIPEDIA,
                "Economy of South Korea",
                "South Korea has the fourth-largest economy in Asia and the 12th-largest "
                "in the world.",
                0.91,
                url="https://en.wikipedia.org/wiki/Economy_of_South_Korea",
                revision_id=1234567,
                agreements=("fourth-largest",),
                fetched_at="2026-11-27T10:00:00Z",
            )
        ],
    )
    [ref] = store.save_evidence(
        spat.id,
        [
            Evidence(
                SourceKind.REFERENCE,
                "THAAD deployment timeline",
                "The THAAD battery was deployed in 2017, prompting Chinese sanctions.",
                0.7,
                reference_id="ref-12",
            )
        ],
    )
    store.mark([economy.id], Status.UNVERIFIED, reviewer="ana", note="checking the IMF table")
    store.mark([economy.id], Status.SUPPORTED, reviewer="ana", note="IMF 2024", evidence_id=wiki.id)
    store.mark([spat.id], Status.SUPPORTED, reviewer="ben", evidence_id=ref.id)
    store.mark([tuesday.id], Status.DISPUTED, reviewer="ben", note="The call was on Wednesday.")
    hostile = store.add_document(
        HOSTILE_TEXT,
        title="<script>alert('title')</script> & Co",
        source="hostile.txt",
        claims=[claim_at(HOSTILE_TEXT, "crime fell 40% | [click](javascript:alert(1))")],
        url="javascript:alert(1)",
    ).document
    [hostile_claim] = store.list_claims(document_id=hostile.id)
    [bad] = store.save_evidence(
        hostile_claim.id,
        [
            Evidence(
                SourceKind.FACTCHECK,
                "<i>Evil</i> check",
                "</q><script>x()</script>",
                0.5,
                url="javascript:alert(2)",
            )
        ],
    )
    store.mark(
        [hostile_claim.id], Status.DISPUTED, reviewer="<eve>", note=HOSTILE_NOTE, evidence_id=bad.id
    )
    return {
        "document": doc.id,
        "hostile_document": hostile.id,
        "trading": trading.id,
        "spat": spat.id,
        "economy": economy.id,
        "tuesday": tuesday.id,
        "hostile_claim": hostile_claim.id,
        "wiki_evidence": wiki.id,
    }


@pytest.fixture
def reviewed(store: Store, sample_text: str) -> dict[str, int]:
    return build_reviewed_store(store, sample_text)


@pytest.fixture
def fresh_store(tmp_path: Path) -> Store:
    with Store(tmp_path / "other.db") as opened:
        yield opened
