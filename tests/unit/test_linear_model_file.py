"""The linear check-worthiness model's package file (`checkworthiness.bin`): it loads to
the same model, float for float, as the JSON form it replaced, so every score is
unchanged; a damaged file is refused with a ValueError, never half loaded."""

from __future__ import annotations

import random

import pytest

from factcheck.claims.checkworthiness.linear import CheckworthinessModel, default_model


def _random_model(rng: random.Random, size: int) -> CheckworthinessModel:
    weights = {rng.randrange(1 << 20): rng.uniform(-3, 3) for _ in range(size)}
    return CheckworthinessModel(weights=weights, bias=rng.uniform(-1, 1))


def test_binary_and_json_forms_load_to_the_same_model() -> None:
    rng = random.Random(7)
    sentence, span = _random_model(rng, 500), _random_model(rng, 50)
    model = CheckworthinessModel(weights=sentence.weights, bias=sentence.bias, span=span)
    from_json = CheckworthinessModel.from_json(model.to_json())
    from_bytes = CheckworthinessModel.from_bytes(model.to_bytes())
    assert from_bytes == from_json  # weights and biases equal as floats, span included
    assert list(from_bytes.weights) == list(from_json.weights)  # same order too
    assert from_bytes.span is not None and from_bytes.span == from_json.span
    assert from_bytes.to_bytes() == model.to_bytes()
    assert CheckworthinessModel.from_bytes(_random_model(rng, 0).to_bytes()).weights == {}


def test_packaged_model_round_trips_and_scores_the_same_after_a_round_trip() -> None:
    model = default_model()
    assert model.weights and model.span is not None and model.span.weights
    again = CheckworthinessModel.from_json(model.to_json())
    assert CheckworthinessModel.from_bytes(model.to_bytes()) == model == again
    text = "Unemployment fell to 3.5 percent in 2019, the lowest rate in 50 years."
    assert again.logit(text) == model.logit(text)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:10],  # header cut
        lambda data: data[:-3],  # weights cut
        lambda data: data + b"\0",  # trailing bytes
        lambda data: b"XXXX" + data[4:],  # not this format
        lambda data: data[:4] + (19).to_bytes(4, "little") + data[8:],  # other hashing
    ],
)
def test_damaged_file_is_refused(damage) -> None:
    data = CheckworthinessModel(weights={1: 0.5, 9: -0.25}, bias=0.1).to_bytes()
    with pytest.raises(ValueError):
        CheckworthinessModel.from_bytes(damage(data))
