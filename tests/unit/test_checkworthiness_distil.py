"""The distillation script's data plumbing (bench/train_checkworthiness_distil.py).

Training itself needs torch and the shared data; what is tested here is what decides
which sentences the student sees and which targets it gets, with neither."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import train_checkworthiness_distil as distil  # noqa: E402


def _rows(n: int) -> list[tuple[str, float, float]]:
    return [("word " * (1 + i % 17) + str(i), 0.1 * i, float(i % 2)) for i in range(n)]


def test_the_plan_has_exactly_the_step_budget_in_batches_of_at_most_the_batch_size() -> None:
    plan = distil.plan_batches(_rows(100), random.Random(1), 9)
    assert len(plan) == 9
    assert all(1 <= len(batch) <= distil.BATCH for batch in plan)


def test_every_sentence_is_seen_once_before_any_is_seen_twice() -> None:
    rows = _rows(200)
    steps = -(-len(rows) // distil.BATCH)  # one pass over the rows
    plan = distil.plan_batches(rows, random.Random(2), steps)
    seen = [row for batch in plan for row in batch]
    assert sorted(seen) == sorted(rows)


def test_a_budget_beyond_the_data_reshuffles_it_for_more_passes() -> None:
    rows = _rows(64)
    plan = distil.plan_batches(rows, random.Random(3), 6)  # three passes of two batches
    seen = [row for batch in plan for row in batch]
    assert len(seen) == 3 * len(rows)
    assert {row: seen.count(row) for row in rows} == dict.fromkeys(rows, 3)


def test_batches_group_sentences_of_similar_length() -> None:
    plan = distil.plan_batches(_rows(320), random.Random(4), 10)
    for batch in plan:
        lengths = [len(text) for text, _, _ in batch]
        assert lengths == sorted(lengths)


def test_cached_teacher_logits_are_read_without_loading_the_model(tmp_path: Path) -> None:
    cache = tmp_path / "teacher.json"
    cache.write_text(json.dumps({"a claim": 1.5, "not one": -2.0}), encoding="utf-8")
    loaded_before = "onnxruntime" in sys.modules
    assert distil.teacher_logits(["not one", "a claim", "not one"], cache) == [-2.0, 1.5, -2.0]
    assert ("onnxruntime" in sys.modules) == loaded_before


def test_mood_marked_keeps_predictions_hypotheticals_and_opinion_not_plain_facts() -> None:
    texts = [
        "The council is set to vote on the budget later.",
        "Unless the rain stops, the harvest could fail.",
        "I think the scheme should be scrapped.",
        "The council cut the budget by 4 percent in 2021.",
    ]
    assert distil.mood_marked(texts) == texts[:3]


def test_mood_repeats_add_copies_of_marked_rows_only() -> None:
    rows = [("a plan", 0.5, -1.0), ("a fact", 1.0, 1.0), ("an opinion", -1.0, 0.0)]
    got = distil.with_mood_repeats(rows, {"a plan", "an opinion"}, 3)
    assert got[:3] == rows
    assert sorted(got[3:]) == sorted([rows[0], rows[2]] * 2)
    assert distil.with_mood_repeats(rows, {"a plan"}, 1) == rows
