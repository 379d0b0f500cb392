"""factcheck.evidence.stance: the support / contradict hint for a claim and a passage."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck.evidence import stance_model
from factcheck.evidence.stance import (
    Stance,
    StanceHint,
    Thresholds,
    decide,
    evidence_hint,
    hint_as_dict,
    hint_label,
    stance_cues,
    stance_hint,
)
from factcheck.models import Evidence, SourceKind

CLAIM = "The Eiffel Tower was finished in 1889 for the World Fair."


def test_a_passage_restating_the_claim_supports_it_with_the_details_as_reasons() -> None:
    hint = stance_hint(CLAIM, "The Eiffel Tower was finished in 1889 for the World Fair in Paris.")
    assert hint.stance is Stance.SUPPORTS
    assert "1889" in hint.reasons
    assert "Eiffel Tower" in hint.reasons


def test_another_year_for_the_same_event_contradicts() -> None:
    hint = stance_hint(CLAIM, "The Eiffel Tower was finished in 1887 for the World Fair.")
    assert hint.stance is Stance.CONTRADICTS
    assert "claim: 1889; passage: 1887" in hint.reasons


def test_another_percentage_contradicts() -> None:
    hint = stance_hint(
        "Unemployment in Spain fell to 12 percent last year.",
        "Unemployment in Spain fell to 16 percent last year, the statistics office said.",
    )
    assert hint.stance is Stance.CONTRADICTS
    assert "claim: 12 percent; passage: 16 percent" in hint.reasons


def test_claim_negated_and_passage_not_is_a_negation_mismatch() -> None:
    cues = stance_cues(
        "Carbon dioxide does not trap heat in the atmosphere.",
        "Carbon dioxide traps heat in the atmosphere and warms the surface.",
    )
    assert cues.negation_mismatch
    hint = decide(cues)
    assert hint.stance is Stance.CONTRADICTS
    assert "negation differs" in hint.reasons


def test_passage_negated_and_claim_not_is_a_mismatch_too() -> None:
    cues = stance_cues(
        "Volcanoes emit more carbon dioxide than humans.",
        "Volcanoes do not emit more carbon dioxide than humans; humans emit far more.",
    )
    assert cues.negation_mismatch


def test_both_negated_is_no_mismatch() -> None:
    cues = stance_cues(
        "Vaccines do not cause autism.",
        "Large studies found that vaccines do not cause autism.",
    )
    assert not cues.negation_mismatch
    assert decide(cues).stance is Stance.SUPPORTS


def test_a_negation_far_from_the_shared_terms_does_not_count() -> None:
    cues = stance_cues(
        "Glaciers in the Alps are shrinking.",
        "No one expected it, but measurements over decades show that glaciers in the Alps "
        "are shrinking.",
    )
    assert not cues.negation_mismatch


def test_an_unrelated_passage_is_neither() -> None:
    hint = stance_hint(CLAIM, "Bananas are a good source of potassium and vitamin B6.")
    assert hint.stance is Stance.NEITHER
    assert hint.reasons == ()


def test_contradiction_cues_need_a_shared_topic() -> None:
    # A different year in a passage about something else is not a contradiction.
    cues = stance_cues("Sea levels rose 20 cm since 1900.", "Ford sold cars from 1903 on.")
    assert decide(cues, Thresholds(contradict_overlap=0.2)).stance is Stance.NEITHER


def test_opposite_directions_count_only_when_switched_on() -> None:
    claim = "Arctic sea ice extent has increased over the last decades."
    passage = "Arctic sea ice extent has declined over the last decades."
    cues = stance_cues(claim, passage)
    assert cues.opposite_directions == ("claim: increased; passage: declined",)
    assert decide(cues, Thresholds(antonyms=False)).stance is Stance.SUPPORTS
    hint = decide(cues, Thresholds(antonyms=True))
    assert hint.stance is Stance.CONTRADICTS
    assert "claim: increased; passage: declined" in hint.reasons


def test_same_direction_on_both_sides_is_not_opposite() -> None:
    cues = stance_cues(
        "Global temperatures increased in the 20th century.",
        "Global temperatures increased, while rainfall declined in places.",
    )
    assert cues.opposite_directions == ()


@pytest.mark.parametrize(
    ("support_overlap", "expected"), [(0.5, Stance.SUPPORTS), (1.01, Stance.NEITHER)]
)
def test_support_threshold_decides_between_supports_and_neither(
    support_overlap: float, expected: Stance
) -> None:
    cues = stance_cues(CLAIM, "The Eiffel Tower in Paris was finished for the World Fair.")
    assert 0.5 <= cues.overlap < 1.0
    assert decide(cues, Thresholds(support_overlap=support_overlap)).stance is expected


def test_empty_texts_are_neither() -> None:
    assert stance_hint("", "").stance is Stance.NEITHER
    assert stance_hint("the of and", "Something else entirely.").stance is Stance.NEITHER


def test_stance_is_core_and_never_imports_textual() -> None:
    code = (
        "import sys, factcheck.evidence.stance; "
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.fixture
def cue_rule_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No packaged model: `evidence_hint` falls back to the cue rule (a broken install)."""
    monkeypatch.setattr(stance_model, "default_stance_model", lambda: None)


@pytest.mark.usefixtures("cue_rule_only")
def test_evidence_hint_reads_the_passage_of_the_evidence() -> None:
    evidence = Evidence(
        SourceKind.REFERENCE, "Eiffel Tower", "The Eiffel Tower was finished in 1887.", 0.9
    )
    hint = evidence_hint(CLAIM, evidence)
    assert hint == stance_hint(CLAIM, evidence.passage)
    assert hint.stance is Stance.CONTRADICTS


def test_hint_label_is_a_question_with_reasons_and_nothing_for_neither() -> None:
    contradicts = StanceHint(Stance.CONTRADICTS, ("claim: 1889; passage: 1887",))
    assert hint_label(contradicts) == "contradicts? (claim: 1889; passage: 1887)"
    assert hint_label(StanceHint(Stance.SUPPORTS, ())) == "supports?"
    assert hint_label(StanceHint(Stance.NEITHER, ())) is None


def test_hint_as_dict_is_json_ready() -> None:
    hint = StanceHint(Stance.SUPPORTS, ("shares 80% of the claim's key words", "1889"))
    assert hint_as_dict(hint) == {
        "stance": "supports",
        "reasons": ["shares 80% of the claim's key words", "1889"],
    }


@pytest.mark.usefixtures("cue_rule_only")
def test_evidence_hint_counts_a_contradiction_the_matcher_flagged() -> None:
    passage = "The Eiffel Tower was finished for the World Fair in Paris."
    plain = Evidence(SourceKind.REFERENCE, "Eiffel Tower", passage, 0.9)
    flagged = Evidence(
        SourceKind.REFERENCE, "Eiffel Tower", passage, 0.9, contradictions=("claim: x; passage: y",)
    )
    assert evidence_hint(CLAIM, plain).stance is Stance.SUPPORTS
    hint = evidence_hint(CLAIM, flagged)
    assert hint == StanceHint(Stance.CONTRADICTS, ("claim: x; passage: y",))
