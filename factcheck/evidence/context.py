"""What an evidence source knows about a claim besides its words: `ClaimContext`.

Every way of asking for evidence (`factcheck match`, the review screen's lookups, the
Python API) builds the context with `claim_context`, so the same claim sends the same
Wikipedia query and the same earlier-verdict exclusion wherever it is asked from.
Before there was one builder, the CLI sent the title and the sentence, the review
screen only the sentence, and a document picked in the review picker got its own
decided claims back as "checked before" (issue 16).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.models import Claim, Document
    from factcheck.store import Store


@dataclass(frozen=True)
class ClaimContext:
    """Where a claim stands: its document, that document's title, its sentence.

    Sources read what they need: the earlier-verdicts source leaves `document_id`'s own
    claims out (a claim is no evidence for itself, nor for its neighbours); the matcher
    takes title words from `text`, Wikipedia names from `name_texts`.
    """

    document_id: int | None
    """The claim's document; None for free text (`factcheck search`)."""
    title: str
    """The document's title ("" for free text)."""
    sentence: str
    """The whole sentence the claim was cut from ("" for free text)."""

    @classmethod
    def free_text(cls) -> ClaimContext:
        """The context of text that belongs to no document: nothing to add, nothing
        to leave out (`factcheck search`, or an API caller with a bare sentence)."""
        return cls(document_id=None, title="", sentence="")

    @property
    def text(self) -> str:
        """The sentence, then the title: where a source looks for the words the claim
        leaves out (the matcher: does the context name the passage's page?).

        Both, because either alone misses the topic: a claim is often its whole
        sentence, so the sentence adds nothing and the title carries the topic ("Asia's
        fourth-largest economy" under a headline naming South Korea), while a claim cut
        from a longer sentence finds its subject there. (The CLI used to send both, the
        review screen the sentence alone.)
        """
        return "\n".join(part for part in (self.sentence, self.title) if part)

    @property
    def name_texts(self) -> tuple[str, ...]:
        """Where capitalised words are names, nearest the claim first: the sentence,
        then the title unless it is headline-cased.

        Wikipedia's query keeps only the first two names (`sources.wikipedia`), so the
        order matters: the sentence is nearer the claim, and a headline's names are
        often the story's people rather than the claim's subject. A headline-cased title
        capitalises every word, so its capitals mark a style, not names: the seed
        article's ("Chinese President Xi Calls For Mutual Respect And Right Direction
        In Talk With South Korean Leader"), read for names, is one fifteen-word "name"
        that led `factcheck match`'s query for every claim (bench/eval_claim_context.py).
        The texts are kept apart: joined, a name run would cross from one to the other.
        """
        texts = [self.sentence]
        if not headline_cased(self.title):
            texts.append(self.title)
        return tuple(text for text in texts if text)


HEADLINE_CAPITALS = 0.75
"""Share of a title's longer words starting with a capital from which it is taken as
headline-cased ("South Korea's year" is 2 of 3, a name; "Biden Says Economy Is Strong"
is 4 of 4, a style)."""


def headline_cased(title: str) -> bool:
    """Whether a title capitalises (nearly) every word longer than three letters."""
    longer = [word for word in title.split() if len(word) > 3 and word[0].isalpha()]
    if len(longer) < 3:
        return False
    return sum(word[0].isupper() for word in longer) / len(longer) >= HEADLINE_CAPITALS


def claim_context(store: Store, claim: Claim, *, document: Document | None = None) -> ClaimContext:
    """The context of a stored claim: its document's id and title, its sentence.

    `document` is the claim's document when the caller already holds it (the review
    screen does); otherwise it is read from `store`. A claim not yet stored (no
    `document_id`) with no `document` gets the free-text context.
    """
    if document is None:
        if claim.document_id is None:
            return ClaimContext.free_text()
        document = store.get_document(claim.document_id)
    elif claim.document_id is not None and claim.document_id != document.id:
        raise ValueError(f"claim {claim.id} is not in document {document.id}")
    return ClaimContext(
        document_id=document.id,
        title=document.title,
        sentence=document.text[claim.sentence_start : claim.sentence_end],
    )
