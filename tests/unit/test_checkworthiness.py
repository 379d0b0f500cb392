"""Features and the packaged linear model (factcheck.claims.checkworthiness)."""

from __future__ import annotations

from factcheck.claims.checkworthiness import (
    CheckworthinessModel,
    default_model,
    feature_buckets,
    shape_flags,
    sigmoid,
)


def test_shape_flags() -> None:
    flags = shape_flags("In 2017 the biggest firm said sales rose 9.7 percent, the third rise.")
    assert {"digit", "year", "number", "superlative", "attribution", "percent", "ordinal"} <= flags
    assert "superlative" not in shape_flags("An honest interest in the forest")


def test_features_are_stable_and_number_folded() -> None:
    a = feature_buckets("Sales rose 9.7 percent")
    assert a == feature_buckets("Sales rose 9.7 percent")
    assert a == feature_buckets("Sales rose 12.5 percent")  # numbers share a shape
    assert a != feature_buckets("Sales rose in 2017 percent")


def test_model_round_trips_through_json() -> None:
    model = CheckworthinessModel(weights={1: 0.5, 42: -1.25}, bias=0.1)
    assert CheckworthinessModel.from_json(model.to_json()) == model
    with_span = CheckworthinessModel(weights={1: 0.5}, bias=0.1, span=model)
    assert CheckworthinessModel.from_json(with_span.to_json()) == with_span


def test_sigmoid_is_safe() -> None:
    assert sigmoid(1000) == 1.0 and sigmoid(-1000) == 0.0 and sigmoid(0) == 0.5


def test_packaged_model_separates_fact_from_rhetoric() -> None:
    model = default_model()
    assert model.weights, "factcheck/data/checkworthiness.bin missing or empty"
    fact = "Unemployment fell to 3.5 percent in 2019, the lowest rate in 50 years."
    rhetoric = "I think we need to come together and respect each other."
    assert model.probability(fact) >= 0.5 > model.probability(rhetoric)


def test_fused_logit_equals_the_feature_sum_the_trainer_sees() -> None:
    model = default_model()
    for text in (
        "China is South Korea’s biggest trading partner.",
        "“It is necessary to respect each other’s core interests,” Xi said.",
        "We spent $4.2 million in 2019 -- 12% more than last year?",
        "",
    ):
        expected = model.bias + sum(model.weights.get(b, 0.0) for b in feature_buckets(text))
        assert abs(model.logit(text) - expected) < 1e-9
        assert 0.0 <= sigmoid(model.logit(text)) <= 1.0


def test_logit_survives_its_memo_being_cleared() -> None:
    expected = CheckworthinessModel.from_json(default_model().to_json()).logit("the dog barked")
    model = CheckworthinessModel.from_json(default_model().to_json())
    model.logit("the cat")
    # A long-running process fills the bounded memo; the next miss clears it, and the
    # tokens of that text already known before ("the") must be learned again.
    model._static.update(dict.fromkeys((f"filler{i}" for i in range(300_001)), 0.0))
    assert model.logit("the dog barked") == expected
