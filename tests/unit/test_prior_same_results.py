"""The faster "checked before" lookup suggests what the plain one suggested.

The reference is the lookup as it was before issue 15 (`prior_reference`, kept out of
the product). The fixture is a desk's archive in miniature: many decided claims on a few
subjects (so common words match thousands of rows in proportion), repeats of the same
claim across documents, re-decided claims, and queries from a document whose own
claims must stay out.
"""

from __future__ import annotations

import random

import pytest

from factcheck.evidence.context import ClaimContext
from factcheck.evidence.matcher import fts_query
from factcheck.evidence.sources.prior import PriorChecks
from factcheck.models import Claim, SourceKind, Status
from factcheck.store import Store
from tests.unit.prior_reference import PLAIN_LOOKUP, plain_suggest

PLACES = ["Wuhan", "Italy", "New York", "South Korea", "Brazil", "India", "Texas", "Spain"]
SUBJECTS = [
    "The vaccine",
    "Hydroxychloroquine",
    "The virus",
    "A face mask",
    "Vitamin C",
    "The lockdown",
    "5G radiation",
    "Bill Gates",
    "The hospital",
    "Garlic soup",
]
VERBS = [
    "cures",
    "causes",
    "prevents",
    "spreads",
    "kills",
    "protects against",
    "was patented for",
    "doubles the risk of",
]
OBJECTS = [
    "coronavirus infection",
    "COVID-19 in children",
    "the common flu",
    "infertility in women",
    "lung damage",
    "death within two days",
    "severe symptoms",
    "the spread of the disease",
]


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        f" in {rng.choice(PLACES)}, according to {rng.randint(2, 90)} doctors"
    )


def add_document(store: Store, sentences: list[str], title: str) -> int:
    text, claims = "", []
    for s in sentences:
        start = len(text)
        text += s + ". "
        claims.append(Claim(s, start, start + len(s), start, start + len(s)))
    return store.add_document(text, title=title, source="-", claims=claims).document.id


def archive(store: Store) -> tuple[list[int], list[str]]:
    """120 documents of 3-12 claims, most decided; every fifth claim repeats one seen
    before (in another document); a third of the decided ones decided twice."""
    rng = random.Random(15)
    seen: list[str] = []
    documents = []
    for number in range(120):
        sentences = []
        for _ in range(rng.randint(3, 12)):
            if seen and rng.random() < 0.2:
                sentences.append(rng.choice(seen))
            else:
                sentences.append(sentence(rng))
        if number % 10 == 0:  # a repeat inside one document: a duplicate group
            sentences.append(sentences[0])
        seen.extend(sentences)
        documents.append(add_document(store, sentences, f"story {number}"))
    claims = store.list_claims()
    for claim in rng.sample(claims, len(claims) * 4 // 5):
        store.mark([claim.id], rng.choice([Status.SUPPORTED, Status.DISPUTED]), reviewer="a")
        if rng.random() < 0.3:
            store.mark([claim.id], Status.DISPUTED, reviewer="b", note=f"second look {claim.id}")
    return documents, seen


def queries(documents: list[int], seen: list[str]) -> list[tuple[str, int | None]]:
    """Claims of the archive re-worded, fresh claims, and the archive's own claims
    asked from their own document (their copies elsewhere may be suggested, they not)."""
    rng = random.Random(3)
    asked: list[tuple[str, int | None]] = []
    for text in rng.sample(seen, 60):
        asked.append((f"Officials said {text.lower()}", rng.choice([None, *documents])))
    for _ in range(30):
        asked.append((sentence(rng), rng.choice(documents)))
    return asked


@pytest.mark.parametrize("own_document", [False, True])
def test_the_lookup_suggests_what_the_plain_lookup_suggested(
    store: Store, own_document: bool
) -> None:
    documents, seen = archive(store)
    asked = queries(documents, seen)
    if own_document:  # each decided claim asked from its own document
        asked = [(c.text, c.document_id) for c in store.list_claims()[::7]]
    source = PriorChecks(store)
    compared = nonempty = 0
    for text, document_id in asked:
        context = ClaimContext(document_id=document_id, title="", sentence=text)
        got = [
            (e.reference_id, e.score)
            for e in source.suggest(text, context=context)
            if e.source is SourceKind.PRIOR
        ]
        assert got == plain_suggest(store, text, document_id), text
        compared += 1
        nonempty += bool(got)
    assert compared >= 50 and nonempty >= compared // 2  # the fixture exercises matches


def test_the_own_document_stays_out_even_when_it_holds_the_best_match(store: Store) -> None:
    documents, _ = archive(store)
    claim = store.list_claims(document_id=documents[5])[0]
    source = PriorChecks(store)
    context = ClaimContext(document_id=documents[5], title="", sentence=claim.text)
    own_ids = {str(c.id) for c in store.list_claims(document_id=documents[5])}
    found = source.suggest(claim.text, context=context)
    assert not own_ids & {e.reference_id for e in found}


def test_an_excluded_document_filling_the_first_batches_is_skipped(store: Store) -> None:
    """The index ranks first and the filters run on a batch of the best matches: a
    document whose claims take every place of the first batches (here 40 of them match
    better than anything else) is left out and the next batch is ranked."""
    exact = "Garlic soup cures coronavirus infection in Wuhan, according to 9 doctors"
    crowded = add_document(store, [f"{exact}, page {n}" for n in range(40)], "crowded story")
    others = [
        add_document(store, [f"Garlic soup cures coronavirus in town {n}"], "x") for n in range(8)
    ]
    store.mark([c.id for c in store.list_claims()], Status.SUPPORTED, reviewer="a")
    query = fts_query(exact)
    assert query is not None
    found = store.checked_claims_matching(query, limit=3, exclude_document_id=crowded)
    assert [c.document_id for c in found] and all(c.document_id in others for c in found)
    expected = [row[0] for row in store.conn.execute(PLAIN_LOOKUP, [query, crowded, crowded, 3])]
    assert [c.claim_id for c in found] == expected
