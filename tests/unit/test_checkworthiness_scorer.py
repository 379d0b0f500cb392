"""The learned check-worthiness scorer: its tokenizer, inputs, cascade, fallback and laziness."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from factcheck.claims.checkworthiness import (
    SentenceInContext,
    default_model,
    score_sentences,
    scoring,
)
from factcheck.claims.checkworthiness.encoding import (
    MAX_NEXT,
    MAX_PREVIOUS,
    MAX_SENTENCE,
    encode,
)
from factcheck.claims.checkworthiness.transformer import load_transformer
from factcheck.text.vectors import default_vectors
from factcheck.text.wordpiece import default_wordpiece

FIXTURE = Path(__file__).parent / "data" / "wordpiece_ids.json"


def test_wordpiece_gives_the_ids_hugging_faces_bert_tokenizer_gave() -> None:
    # Generated once with transformers' BertTokenizer on the model's vocab.txt; texts
    # cover accents, curly quotes, currency signs, CJK, Hangul, "_" and over-long words.
    cases = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert len(cases) > 20
    tokenizer = default_wordpiece()
    for case in cases:
        assert tokenizer.pieces(case["text"]) == case["ids"], case["text"]


def test_embedding_and_scorer_share_one_tokenizer() -> None:
    assert default_vectors().tokenizer is default_wordpiece()


def test_encoding_puts_the_sentence_first_and_short_context_after() -> None:
    tokenizer = default_wordpiece()
    cls, sep = tokenizer.special("[CLS]"), tokenizer.special("[SEP]")
    long = " ".join(["alpha"] * 200)
    item = SentenceInContext(long, previous="one two " + long, next=long + " omega")
    encoded = encode(item, tokenizer)
    alpha = tokenizer.pieces("alpha")[0]
    assert encoded.ids[0] == cls
    assert encoded.ids[1 : 1 + MAX_SENTENCE] == [alpha] * MAX_SENTENCE
    assert encoded.ids[1 + MAX_SENTENCE] == sep
    first_len = MAX_SENTENCE + 2
    assert encoded.segments == [0] * first_len + [1] * (MAX_PREVIOUS + MAX_NEXT + 2)
    # The end of the previous sentence, the start of the next.
    assert encoded.ids[first_len : first_len + MAX_PREVIOUS] == [alpha] * MAX_PREVIOUS
    assert encoded.ids[-1] == sep
    assert encoded.ids[-2 - MAX_NEXT] == sep


def test_encoding_without_context_keeps_the_separators() -> None:
    tokenizer = default_wordpiece()
    encoded = encode(SentenceInContext("Taxes rose."), tokenizer)
    sep = tokenizer.special("[SEP]")
    assert encoded.ids[-2:] == [sep, sep]
    assert len(encoded.ids) == len(tokenizer.pieces("Taxes rose.")) + 4


def test_encoding_for_a_scorer_without_context_is_the_sentence_alone() -> None:
    tokenizer = default_wordpiece()
    encoded = encode(SentenceInContext("Taxes rose.", previous="Hi."), tokenizer, context=False)
    pieces = tokenizer.pieces("Taxes rose.")
    assert encoded.ids == [tokenizer.special("[CLS]"), *pieces, tokenizer.special("[SEP]")]
    assert encoded.segments == [0] * (len(pieces) + 2)


def test_identical_sentences_run_once_and_score_alike() -> None:
    scorer = load_transformer()
    assert scorer is not None
    rows: list[int] = []
    run = scorer._run
    scorer._run = lambda batch: rows.append(len(batch)) or run(batch)  # type: ignore[method-assign]
    repeated = SentenceInContext("China is South Korea's biggest trading partner.")
    other = SentenceInContext("The deficit tripled to $1.4 trillion in 2009.")
    scores = scorer.scores([repeated, other, repeated])
    assert sum(rows) == 2
    assert scores[0] == scores[2] != scores[1]


def test_scores_are_probabilities_in_order() -> None:
    items = [
        SentenceInContext("Thank you very much, it is great to be here tonight."),
        SentenceInContext(
            "Unemployment fell to 3.5 percent last year, the lowest rate since 1969.",
            previous="Let me tell you what happened to jobs.",
        ),
    ]
    scores = score_sentences(items)
    assert len(scores) == 2
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] < 0.5 <= scores[1]
    assert score_sentences([]) == []


def test_the_cascade_keeps_the_linear_score_only_outside_its_band(monkeypatch) -> None:
    # A floor above the shipped 0.0, so that all three bands are exercised.
    monkeypatch.setattr(scoring, "cascade_floor", lambda: 0.2)
    items = [
        SentenceInContext("Thank you."),
        SentenceInContext("The deficit tripled to $1.4 trillion in 2009."),
        SentenceInContext("Xi urged the two countries to strengthen exchanges."),
    ]
    cascaded = score_sentences(items)
    full = score_sentences(items, use_cascade=False)
    linear = default_model()
    floor, ceiling = scoring.cascade_floor(), scoring.cascade_ceiling()
    bands = set()
    for item, with_cascade, without in zip(items, cascaded, full, strict=True):
        p = linear.probability(item.text)
        if p < floor or p >= ceiling:
            assert with_cascade == pytest.approx(p)
            bands.add("below" if p < floor else "above")
        else:
            # int8 activations are scaled per batch, so batch mates move a score a little.
            assert with_cascade == pytest.approx(without, abs=0.02)
            bands.add("band")
    assert bands == {"below", "above", "band"}  # the three cases are all exercised
    # A settled sentence is on the side of 0.5 its band says: never shown from below the
    # floor, always shown (before the span's mood) from above the ceiling.
    assert floor < 0.5 < ceiling < 1.0


class _RecordingTransformer:
    """Stands in for the ONNX model: scores 0.5 and records what it was asked."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def scores(self, items: list[SentenceInContext]) -> list[float]:
        self.seen.extend(item.text for item in items)
        return [0.5] * len(items)


def test_only_sentences_inside_the_band_reach_the_transformer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = _RecordingTransformer()
    monkeypatch.setattr(scoring, "_transformer", lambda: fake)
    monkeypatch.setattr(scoring, "cascade_floor", lambda: 0.3)
    monkeypatch.setattr(scoring, "cascade_ceiling", lambda: 0.7)
    linear = default_model()
    texts = [
        "Thank you.",
        "The deficit tripled to $1.4 trillion in 2009.",
        "Xi urged the two countries to strengthen exchanges.",
        "Unemployment fell to 3.5% in 2019, the lowest rate in 50 years.",
        "I think that is a good question.",
    ]
    probabilities = [linear.probability(t) for t in texts]
    assert min(probabilities) < 0.3 and max(probabilities) >= 0.7
    assert any(0.3 <= p < 0.7 for p in probabilities)
    scores = score_sentences([SentenceInContext(t) for t in texts])
    assert fake.seen == [t for t, p in zip(texts, probabilities, strict=True) if 0.3 <= p < 0.7]
    for p, score in zip(probabilities, scores, strict=True):
        assert score == (0.5 if 0.3 <= p < 0.7 else p)
    # Without the cascade every sentence is the transformer's, whatever its linear score.
    fake.seen.clear()
    assert score_sentences([SentenceInContext(t) for t in texts], use_cascade=False) == [0.5] * 5
    assert fake.seen == texts


def test_general_can_and_may_facts_reach_the_transformer_from_below_the_floor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = _RecordingTransformer()
    monkeypatch.setattr(scoring, "_transformer", lambda: fake)
    monkeypatch.setattr(scoring, "cascade_floor", lambda: 1.0)  # every sentence below it
    monkeypatch.setattr(scoring, "cascade_ceiling", lambda: 1.01)
    generic = [
        "Rabies is rare in Europe, but can be fatal.",
        "Smoking may increase the risk of stroke.",
    ]
    others = [
        "We can build a new hospital in every county.",
        "The ministry may announce a decision next week.",
        "Thank you.",
    ]
    texts = [others[0], generic[0], others[1], generic[1], others[2]]
    scores = score_sentences([SentenceInContext(t) for t in texts])
    assert fake.seen == generic
    linear = default_model()
    for text, score in zip(texts, scores, strict=True):
        assert score == (0.5 if text in generic else linear.probability(text))


def test_the_ceiling_comes_from_the_calibration_and_defaults_to_no_gate() -> None:
    meta = json.loads(
        (Path(scoring.__file__).parents[2] / "data" / "checkworthiness_onnx.json").read_text()
    )
    assert scoring.cascade_ceiling() == meta["cascade_ceiling"]
    assert scoring._calibration("no such key", 1.01) == 1.01


def test_scores_do_not_depend_much_on_the_batch() -> None:
    sentence = SentenceInContext("China is South Korea's biggest trading partner.")
    alone = score_sentences([sentence], use_cascade=False)[0]
    others = [SentenceInContext(f"Filler sentence number {i} is here.") for i in range(40)]
    batched = score_sentences([*others, sentence], use_cascade=False)[-1]
    assert batched == pytest.approx(alone, abs=0.03)


def test_a_missing_model_file_means_no_transformer(tmp_path: Path) -> None:
    assert load_transformer(tmp_path) is None


def test_without_the_transformer_the_linear_model_scores_with_a_warning(monkeypatch) -> None:
    import factcheck.claims.checkworthiness.transformer as transformer

    monkeypatch.setattr(transformer, "load_transformer", lambda: None)
    scoring._transformer.cache_clear()
    try:
        item = SentenceInContext("Xi urged the two countries to strengthen exchanges.")
        p = default_model().probability(item.text)
        assert scoring.cascade_floor() <= p < scoring.cascade_ceiling()  # one for the model
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            scores = score_sentences([item])
        assert scores == [pytest.approx(default_model().probability(item.text))]
        assert any("linear model only" in str(w.message) for w in caught)
    finally:
        scoring._transformer.cache_clear()


def _modules_after(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


def test_importing_the_cli_does_not_load_onnxruntime() -> None:
    assert "onnxruntime" not in _modules_after(
        "import factcheck, factcheck.cli, factcheck.claims.splitter"
    )


def test_factcheck_list_does_not_load_onnxruntime(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    code = (
        "from click.testing import CliRunner\n"
        "from factcheck.cli import cli\n"
        f"result = CliRunner().invoke(cli, ['--db', {str(db)!r}, 'list'])\n"
        "assert result.exit_code == 0, result.output\n"
    )
    assert "onnxruntime" not in _modules_after(code)


def test_the_check_would_notice_onnxruntime_being_loaded() -> None:
    # A sentence in the cascade's band (one the linear model settles at either end would
    # not need the model).
    code = (
        "from factcheck.claims.splitter import split_claims\n"
        "split_claims('Xi urged the two countries to strengthen exchanges.')"
    )
    assert "onnxruntime" in _modules_after(code)


def test_on_the_seed_a_reported_action_outscores_the_page_debris() -> None:
    from factcheck.claims.splitter import split_claims

    seed = Path(__file__).parents[2] / "seeds" / "xi-lee-call.txt"
    claims = split_claims(seed.read_text(encoding="utf-8"))

    def score(start: str) -> float:
        """The best score of a claim starting so; 0 when the splitter dropped it as debris."""
        return max((c.score for c in claims if c.text.startswith(start)), default=0.0)

    urged = score("Xi urged the two countries to strengthen exchanges")
    assert urged >= 0.5
    for debris in ("Nitin A Gokhale WhatsApp Channel", "(With inputs from Reuters)"):
        assert score(debris) < 0.5 < urged
