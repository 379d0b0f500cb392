"""The review screen tells the reviewer when the document does not read as English
(issue 11): a notice when it opens, a mark on the article's border; nothing for the
seed. The test itself is the core's (`text.language`), run by the desk's session."""

from __future__ import annotations

from factcheck.models import Claim, ClaimKind

SIZE = (120, 40)

# Made up for this test (a Hausa-like school announcement), not from any data set.
HAUSA_LIKE = (
    "Gwamnatin jihar Kano ta bayyana cewa za a bude makarantu a ranar Litinin mai zuwa. "
    "Kwamishinan ilimi ya ce an gyara azuzuwa dari biyu kuma an sayi sababbin littattafai "
    "ga dalibai. Wasu iyaye sun nuna damuwa game da tsadar kudin makaranta, amma gwamnati "
    "ta ce babu wani karin kudi a wannan shekara. Rahotanni sun nuna cewa yawan daliban da "
    "suka yi rajista ya karu da kashi goma cikin dari idan aka kwatanta da bara."
)


def add_hausa_document(store) -> int:
    first = HAUSA_LIKE.split(". ")[0]
    claim = Claim(first, 0, len(first), 0, len(first) + 1, ClaimKind.OTHER, 0.7)
    result = store.add_document(HAUSA_LIKE, title="Makarantu", source="kano.txt", claims=[claim])
    assert result.document.id is not None
    return result.document.id


def language_notices(app) -> list:
    return [n for n in app._notifications if n.title == "Not English?"]


async def test_a_document_not_in_english_opens_with_a_notice(make, review_store):
    app = make(document_id=add_hausa_document(review_store))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notices = language_notices(app)
        assert len(notices) == 1
        assert notices[0].severity == "warning"
        assert not notices[0].markup
        assert notices[0].message == (
            "This article does not read as English (0% common English words); claims are"
            " spotted and scored for English text and may be noise"
        )
        assert app.screen.article.border_subtitle == "not English?"
        await pilot.press("s")  # the review goes on: a verdict is recorded as ever
        await pilot.pause()
        assert app.screen.session.decisions


async def test_the_seed_opens_with_no_language_notice(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert language_notices(app) == []
        assert not app.screen.article.border_subtitle
