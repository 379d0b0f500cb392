"""The splitter's scoring seam (factcheck.claims.checkworthiness.score_sentences): one batch per
document."""

from __future__ import annotations

import factcheck.claims.splitter as splitter
from factcheck.claims.checkworthiness import SentenceInContext, linear_sentence_scores


def test_linear_scorer_scores_each_item_in_order() -> None:
    items = [
        SentenceInContext("Unemployment fell to 3.5 percent in 2019."),
        SentenceInContext("I love you."),
    ]
    scores = linear_sentence_scores(items)
    assert len(scores) == 2 and all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] > 0.5 > scores[1]


def test_splitter_calls_the_seam_once_with_neighbours(monkeypatch) -> None:
    calls: list[list[SentenceInContext]] = []

    def fake(items):
        calls.append(list(items))
        return [0.9] * len(items)

    monkeypatch.setattr(splitter, "score_sentences", fake)
    text = "Exports rose 3% in May. Imports fell 2% in June. Rates held at 4% in July."
    claims = splitter.split_claims(text)
    assert len(calls) == 1
    items = calls[0]
    assert [i.text for i in items] == [
        "Exports rose 3% in May",
        "Imports fell 2% in June",
        "Rates held at 4% in July",
    ]
    assert (
        items[1].previous == "Exports rose 3% in May"
        and items[1].next == "Rates held at 4% in July"
    )
    assert len(claims) == 3 and all(c.score > 0.5 for c in claims)


def test_transcript_speaker_label_is_context_not_claim_text(monkeypatch) -> None:
    calls: list[list[SentenceInContext]] = []

    def fake(items):
        calls.append(list(items))
        return [0.9] * len(items)

    monkeypatch.setattr(splitter, "score_sentences", fake)
    text = (
        "SENATOR KENNEDY: Steel output fell 10% in 1959. We built 40 dams.\n\n"
        "MR. NIXON: Wages rose 5% since 1952.\n\n"
        "Note: exports grew 2% in 1958."
    )
    claims = splitter.split_claims(text)
    assert [c.text for c in claims] == [
        "Steel output fell 10% in 1959",
        "We built 40 dams",
        "Wages rose 5% since 1952",
        "Note: exports grew 2% in 1958",
    ]
    assert [i.speaker for i in calls[0]] == [
        "SENATOR KENNEDY",
        "SENATOR KENNEDY",
        "MR. NIXON",
        "MR. NIXON",
    ]
