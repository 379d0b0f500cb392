"""The one way to ask for evidence: a claim's context, the sources, `suggest`."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

import factcheck
from factcheck.config import Config, PriorConfig
from factcheck.errors import FactcheckError, SourceUnavailable, StoreError
from factcheck.evidence.context import ClaimContext, claim_context, headline_cased
from factcheck.evidence.source_factory import make_sources
from factcheck.evidence.sources.wikipedia import search_query
from factcheck.evidence.suggest import suggest
from factcheck.models import Claim, Evidence, SourceKind
from factcheck.store import Store

SENTENCE = "Analysts in Seoul said it is Asia's fourth-largest economy."
CLAIM = "it is Asia's fourth-largest economy"


def add_article(store: Store, text: str = SENTENCE, title: str = "South Korea's year") -> Claim:
    start = text.index(CLAIM) if CLAIM in text else 0
    claim = Claim(CLAIM, start, start + len(CLAIM), 0, len(text))
    document = store.add_document(text, title=title, source="-", claims=[claim]).document
    (stored,) = store.list_claims(document_id=document.id)
    return stored


class Answering:
    """A source that answers from memory or raises; records the contexts it was given."""

    def __init__(self, name: str, items: list[Evidence], error: Exception | None = None):
        self.name, self.items, self.error = name, items, error
        self.contexts: list[ClaimContext] = []

    def suggest(self, text: str, *, context: ClaimContext, limit: int = 5) -> list[Evidence]:
        self.contexts.append(context)
        if self.error is not None:
            raise self.error
        return self.items[:limit]


def evidence(title: str, score: float) -> Evidence:
    return Evidence(SourceKind.REFERENCE, title, f"{title} passage.", score, reference_id=title)


def test_a_claims_context_is_its_document_title_and_sentence(store: Store) -> None:
    claim = add_article(store)
    context = claim_context(store, claim)
    assert context == ClaimContext(claim.document_id, "South Korea's year", SENTENCE)
    document = store.get_document(claim.document_id or 0)
    assert claim_context(store, claim, document=document) == context  # no second read
    assert context.text == SENTENCE + "\nSouth Korea's year"  # the sentence first


def test_a_claim_of_no_document_has_the_free_text_context(store: Store) -> None:
    loose = Claim(CLAIM, 0, len(CLAIM), 0, len(CLAIM))
    assert claim_context(store, loose) == ClaimContext.free_text()
    assert ClaimContext.free_text().text == ""
    assert ClaimContext.free_text().document_id is None


def test_the_document_given_must_be_the_claims(store: Store) -> None:
    claim = add_article(store)
    other = add_article(store, "Another story: " + SENTENCE, title="Other")
    with pytest.raises(ValueError, match="is not in document"):
        claim_context(store, claim, document=store.get_document(other.document_id or 0))


def test_wikipedia_names_come_from_the_sentence_first_then_the_title() -> None:
    context = ClaimContext(1, title="Xi and Lee talk", sentence="In Seoul, Park said " + CLAIM)
    assert search_query(CLAIM, context).split()[:2] == ["Seoul", "Park"]  # two names at most
    claim = "the economy grew by 3 percent"
    title_only = ClaimContext(1, title="South Korea's year", sentence=claim)  # a whole sentence
    free = search_query(claim, ClaimContext.free_text())
    assert "Korea" not in free
    assert search_query(claim, title_only) == "South Korea " + free


def test_a_headline_cased_title_gives_no_names() -> None:
    """The seed's title, read for names, was one fifteen-word "name" in every query."""
    headline = (
        "Chinese President Xi Calls For Mutual Respect And Right Direction In Talk"
        " With South Korean Leader"
    )
    assert headline_cased(headline) and headline_cased("Biden Says Economy Is Strong")
    assert not headline_cased("South Korea's year") and not headline_cased("Xi and Lee")
    claim = "the economy grew by 3 percent"
    context = ClaimContext(1, title=headline, sentence=claim)  # a whole-sentence claim
    assert context.name_texts == (claim,)
    assert search_query(claim, context) == search_query(claim, ClaimContext.free_text())
    in_seoul = ClaimContext(1, title=headline, sentence="In Seoul, officials said " + claim)
    assert search_query(claim, in_seoul).split()[0] == "Seoul"


def test_names_never_run_from_the_sentence_into_the_title() -> None:
    context = ClaimContext(1, title="Korea Herald staff", sentence="It grew, said Park")
    assert context.name_texts == ("It grew, said Park", "Korea Herald staff")
    query = search_query("It grew", context).split()
    assert query[:3] == ["Park", "Korea", "Herald"]  # "Park" alone, not "Park Korea Herald"


def test_suggest_merges_best_first_and_passes_the_context_to_every_source() -> None:
    local = Answering("local", [evidence("a", 0.4), evidence("b", 0.9)])
    prior = Answering("prior", [evidence("c", 0.6)])
    context = ClaimContext(7, "Title", SENTENCE)
    found = suggest([local, prior], CLAIM, context=context, limit=2)
    assert [e.title for e in found] == ["b", "c"]
    assert local.contexts == prior.contexts == [context]
    cut = suggest([local, prior], CLAIM, context=context, limit=5, score_cutoff=0.5)
    assert [e.title for e in cut] == ["b", "c"]


def test_an_unavailable_source_is_reported_and_the_others_answer() -> None:
    offline = Answering("wikipedia", [], SourceUnavailable("Wikipedia unreachable"))
    local = Answering("local", [evidence("a", 0.4)])
    heard: list[tuple[str, str]] = []
    found = suggest(
        [offline, local],
        CLAIM,
        context=ClaimContext.free_text(),
        on_unavailable=lambda source, error: heard.append((source.name, str(error))),
    )
    assert heard == [("wikipedia", "Wikipedia unreachable")]
    assert [e.title for e in found] == ["a"]


def test_other_errors_propagate_unless_the_caller_carries_on_after_them() -> None:
    locked = Answering("prior", [], StoreError("database is locked"))
    local = Answering("local", [evidence("a", 0.4)])
    with pytest.raises(StoreError):  # the CLI: a one-line error, not a silent gap
        suggest([locked, local], CLAIM, context=ClaimContext.free_text())
    heard: list[str] = []
    found = suggest(  # the review screen: reviewing goes on
        [locked, local],
        CLAIM,
        context=ClaimContext.free_text(),
        on_unavailable=lambda source, error: heard.append(source.name),
        carry_on_after=(FactcheckError,),
    )
    assert heard == ["prior"] and [e.title for e in found] == ["a"]


def test_each_source_is_asked_inside_the_callers_turn() -> None:
    events: list[str] = []
    sources = [Answering("local", [evidence("a", 0.4)]), Answering("prior", [])]

    @contextmanager
    def turn():  # type: ignore[no-untyped-def]
        events.append("wait")
        yield
        events.append(f"done after {len([c for s in sources for c in s.contexts])}")

    suggest(sources, CLAIM, context=ClaimContext.free_text(), turn=turn)
    assert events == ["wait", "done after 1", "wait", "done after 2"]


def test_make_sources_knows_every_source_by_name(store: Store) -> None:
    assert [s.name for s in make_sources(store, Config())] == ["local", "prior", "wikipedia"]
    assert [s.name for s in make_sources(store, Config(), names=["all"], offline=True)] == [
        "local",
        "prior",
    ]


def test_the_python_api_reads_no_config_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Store.suggest_evidence` used to read ./config.toml behind the caller's back."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config.toml").write_text("[prior]\nsuggested_threshold = 0.99\n")

    def no_config(*args: object, **kwargs: object) -> Config:
        raise AssertionError("read a configuration file")

    monkeypatch.setattr("factcheck.config.load_config", no_config)
    earlier = add_article(store, "Monday: " + SENTENCE, title="Monday story")
    store.mark([earlier.id or 0], "disputed", reviewer="ana")
    today = add_article(store, "Tuesday: " + SENTENCE, title="Tuesday story")
    config = Config(prior=PriorConfig(suggested_threshold=0.5))
    sources = factcheck.make_sources(store, config, names=["prior"])
    found = factcheck.suggest(sources, CLAIM, context=factcheck.claim_context(store, today))
    assert [e.reference_id for e in found] == [str(earlier.id)]  # not today's own claim
    assert factcheck.suggest is suggest
