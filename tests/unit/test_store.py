"""The store: documents and claims in one transaction, verdict history, migrations."""

from __future__ import annotations

from factcheck.models import Status
from factcheck.store import Store


def test_add_document_stores_claims_with_offsets_into_the_text(store: Store, sample_text: str):
    result = store.add_document(sample_text, title="Xi and Lee", source="seed")
    assert result.created
    claims = store.list_claims(document_id=result.document.id)
    assert len(claims) == result.claim_count > 0
    assert all(sample_text[c.start : c.end] == c.text for c in claims)
    assert all(c.status is Status.UNVERIFIED for c in claims)
