"""The rerank weights of the local library's suggestions, fitted to its sentence rerank.

`sources.local` ranks a claim's recalled passages with the matcher's features, then
reorders the best `SENTENCE_DEPTH` by (score + w * cosine) / (1 + w), the cosine of the
claim's and the passage's MiniLM sentence embeddings. The matcher's own weights
(`matcher._WEIGHTS`) were set by hand for the matcher alone (Wikipedia, a library
without the model), and once the cosine is added some of them only repeat it or add
noise: the index's bm25 (`recall`) ranks a gold passage below a non-gold one more often
than it ranks it above, once the other features are there.

So this path has its own weights: a linear scorer over the ten features and the cosine,
fitted on pairs (a gold passage, a non-gold passage recalled for the same claim) of the
FM2 and Climate-FEVER dev claims with a pairwise logistic loss (each claim's pairs
weighing alike, negative weights set to 0), the matcher's part normalised to sum to 1
and the cosine's weight divided by the same sum. Fitted inside the folds of a 5-fold
cross-validation over claims, it raised held-out recall@5 against bm25s title+text
(FM2 1.399x -> 1.417x, Climate-FEVER 1.309x -> 1.344x, lowest folds up on both); the
weights below are the same fit on every claim (`bench/recall_levers.py --nested`,
bench/RESULTS.md, session 26, recall14). They cost nothing at query time: the same
features, other weights.
"""

from __future__ import annotations

from types import MappingProxyType

LIBRARY_WEIGHTS = MappingProxyType(
    {
        "recall": 0.0,
        "token_set": 0.334,
        "token_sort": 0.035,
        "coverage": 0.032,
        "title": 0.049,
        "phrase": 0.0,
        "agreement": 0.0,
        "rarest": 0.213,
        "saturated": 0.258,
        "meaning": 0.079,
    }
)
"""The matcher's features (`matcher._WEIGHTS`'s names), as the local library's sentence
rerank weighs them; they sum to 1."""

LIBRARY_SENTENCE_WEIGHT = 1.72
"""The cosine's weight against those features' weighted mean (the fit's ratio)."""
