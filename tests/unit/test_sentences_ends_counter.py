"""bench/count_sentence_ends.py reads ClaimReview bodies of <= 6,000 bytes but never the
blind "long2" body (each outlet's second body of 3,001-6,000 bytes), and classifies the
ends it counts by the characters around them."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import count_sentence_ends as counter  # noqa: E402


def _write(path: Path, bodies: list[str]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["extra_body"])
        writer.writeheader()
        writer.writerows({"extra_body": body} for body in bodies)


def test_the_long2_body_of_each_outlet_is_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "claimreview-samples"
    folder.mkdir()
    short, first, second, third = "a" * 100, "b" * 3500, "c" * 4000, "d" * 5000
    too_long = "e" * 7000
    _write(folder / "output_sample_aaa.csv", [short, first, too_long, second, third])
    _write(folder / "output_sample_bbb.csv", ["f" * 3001, "g" * 6000, "h" * 2000])
    monkeypatch.setattr(counter, "SHARED", tmp_path)
    assert counter.claimreview_bodies() == [short, first, third, "f" * 3001, "h" * 2000]


@pytest.mark.parametrize(
    ("text", "end", "start", "kind"),
    [
        ("It was (page 1).The court", 16, 16, "stop after a bracket"),
        ("It fights fungi.A spray", 16, 16, "stop before A/I"),
        ('the infection." "Propolis"', 15, 16, "closing quote before a space"),
        ("The AnalysisThe post", 12, 12, "glued subheading"),
        ("Consortium (RDPC)   There is", 17, 20, "spaces (lost paragraph break)"),
    ],
)
def test_ends_are_classified_by_their_characters(
    text: str, end: int, start: int, kind: str
) -> None:
    assert counter.kind_of(text, end, start) == kind
