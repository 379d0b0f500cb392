"""The sentence-encoder fine-tuning script's plumbing (bench/train_sentence_encoder.py).

Training needs torch and the shared data; what is tested here decides which passages a
claim is trained against and how the loss treats them, with neither."""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import train_sentence_encoder as tse  # noqa: E402


def test_hard_negatives_skip_gold_and_keep_the_ranking_order() -> None:
    ranking = ["g1", "a", "b", "g2", "c", "d"]
    assert tse.hard_negatives(ranking, {"g1", "g2"}, depth=3) == ["a", "b", "c"]
    assert tse.hard_negatives(["g1"], {"g1"}) == []


def test_an_epoch_has_every_claim_with_gold_once_with_its_own_gold_and_negative() -> None:
    examples = [
        tse.Example(f"claim {i}", (f"g{i}", f"h{i}"), (f"n{i}",) if i % 2 else ())
        for i in range(40)
    ] + [tse.Example("no gold", (), ("x",))]
    triples = tse.epoch_triples(examples, random.Random(3))
    assert sorted(c for c, _, _ in triples) == sorted(f"claim {i}" for i in range(40))
    for claim, gold, negative in triples:
        i = int(claim.split()[1])
        assert gold in (f"g{i}", f"h{i}")
        assert negative == (f"n{i}" if i % 2 else None)


def test_a_passage_gold_for_another_claim_is_masked_but_never_the_own_positive() -> None:
    golds = [{"p1"}, {"p2", "p1"}]
    columns = ["p1", "p2", "n1", "p1"]
    mask = tse.false_negative_mask(golds, columns)
    assert mask[0] == [False, False, False, True]
    assert mask[1] == [True, False, False, True]


def test_learning_rate_warms_up_then_decays_to_zero() -> None:
    factors = [tse.learning_rate_factor(step, 100, 0.1) for step in range(100)]
    assert factors[0] == 0.1 and factors[9] == 1.0
    assert all(a >= b for a, b in itertools.pairwise(factors[9:]))
    assert factors[-1] < 0.02


def test_paired_bootstrap_brackets_the_mean_difference() -> None:
    new = np.array([1.0, 1.0, 0.0, 1.0] * 50)
    old = np.array([0.0, 1.0, 0.0, 1.0] * 50)
    mean, low, high = tse.paired_bootstrap(new, old)
    assert mean == 0.25
    assert 0.0 < low < mean < high < 0.5
    same, low_same, high_same = tse.paired_bootstrap(old, old)
    assert same == low_same == high_same == 0.0


def test_sibling_negatives_keep_the_claims_own_non_evidence_in_ranking_order() -> None:
    pool = ["a", "s2", "b", "s1", "c"]
    assert tse.sibling_negatives(pool, frozenset({"s1", "s2", "elsewhere"})) == ["s2", "s1"]


def test_sibling_negatives_fall_back_to_the_pool_when_none_is_there() -> None:
    pool = ["a", "b"]
    assert tse.sibling_negatives(pool, frozenset({"elsewhere"})) == ["a", "b"]
    assert tse.sibling_negatives(pool, frozenset()) == ["a", "b"]


def test_every_gold_gives_each_gold_passage_its_own_row_and_distinct_negatives() -> None:
    examples = [
        tse.Example("three gold", ("g1", "g2", "g3"), ("n1", "n2")),
        tse.Example("one gold", ("h1",), ("m1", "m2", "m3")),
        tse.Example("no pool", ("k1", "k2"), ()),
        tse.Example("no gold", (), ("x",)),
    ]
    triples = tse.epoch_triples(examples, random.Random(5), every_gold=True)
    assert len(triples) == tse.epoch_rows(examples, every_gold=True) == 6
    rows = {claim: [(g, n) for c, g, n in triples if c == claim] for claim, _, _ in triples}
    assert sorted(g for g, _ in rows["three gold"]) == ["g1", "g2", "g3"]
    # the pool of two is used up before a negative repeats: both appear among three rows
    assert sorted(set(n for _, n in rows["three gold"])) == ["n1", "n2"]
    assert [g for g, _ in rows["one gold"]] == ["h1"]
    assert rows["one gold"][0][1] in {"m1", "m2", "m3"}
    assert sorted(rows["no pool"]) == [("k1", None), ("k2", None)]
    assert "no gold" not in rows
    assert tse.epoch_rows(examples) == 3


def test_two_negatives_a_row_are_distinct_and_use_the_pool_up_before_repeating() -> None:
    examples = [
        tse.Example("three gold", ("g1", "g2", "g3"), ("n1", "n2", "n3", "n4", "n5")),
        tse.Example("small pool", ("h1", "h2"), ("m1",)),
        tse.Example("no pool", ("k1",), ()),
    ]
    rows = tse.epoch_draws(examples, random.Random(11), every_gold=True, negatives=2)
    assert len(rows) == tse.epoch_rows(examples, every_gold=True) == 6
    drawn = {claim: [n for c, _, row in rows if c == claim for n in row] for claim, _, _ in rows}
    three = [row for c, _, row in rows if c == "three gold"]
    assert all(len(row) == 2 and row[0] != row[1] for row in three)
    # six draws from a pool of five: all five appear before one repeats
    assert sorted(set(drawn["three gold"])) == ["n1", "n2", "n3", "n4", "n5"]
    # a pool of one gives one negative a row, never the same passage twice in a row
    assert [row for c, _, row in rows if c == "small pool"] == [("m1",), ("m1",)]
    assert [row for c, _, row in rows if c == "no pool"] == [()]


def test_without_every_gold_each_claim_draws_one_gold_and_distinct_negatives() -> None:
    examples = [
        tse.Example(f"claim {i}", tuple(f"g{i}.{j}" for j in range(1 + i % 3)), ("a", "b", "c"))
        for i in range(30)
    ]
    rows = tse.epoch_draws(examples, random.Random(2), every_gold=False, negatives=2)
    assert sorted(c for c, _, _ in rows) == sorted(e.claim for e in examples)
    assert all(g.startswith("g" + c.split()[1] + ".") for c, g, _ in rows)
    assert all(len(set(row)) == 2 and set(row) <= {"a", "b", "c"} for _, _, row in rows)
