"""The HTML report: self-contained, every claim marked and linked, everything escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from factcheck.config import PublisherConfig
from factcheck.export import build_report, render_html
from factcheck.models import Claim
from factcheck.store import Store


class Page(HTMLParser):
    """The parts of a page the tests look at: elements with attributes, and text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self._stack: list[tuple[str, dict[str, str]]] = []
        self.texts_in: dict[str, list[str]] = {}
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        if tag not in {"meta", "br", "img", "input", "link", "hr"}:  # void: never closed
            self._stack.append((tag, attributes))

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        if any(tag == "sup" for tag, _ in self._stack):
            return  # claim numbers in the article: not part of its text
        for _, attributes in self._stack:
            if "id" in attributes:
                self.texts_in.setdefault(attributes["id"], []).append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def by_id(self, element_id: str) -> str:
        return "".join(self.texts_in.get(element_id, []))


@pytest.fixture
def page(store: Store, reviewed: dict[str, int]) -> Page:
    report = build_report(store, generated_at="2026-11-28T09:00:00Z")
    return Page(render_html(report, publisher=PublisherConfig("Desk Check", "https://dc.example")))


def test_self_contained_no_scripts_no_external_assets(page: Page):
    tags = {tag for tag, _ in page.elements}
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert "iframe" not in tags and "object" not in tags
    assert len(page.find("style")) == 1
    for _, attrs in page.elements:
        assert "src" not in attrs
        assert not any(name.startswith("on") for name in attrs)
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("#", "https://")), href
    [csp] = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    assert "default-src 'none'" in csp["content"]


def test_each_claim_is_marked_in_its_verdict_colour_and_linked(page, reviewed):
    for key, status in [
        ("economy", "supported"),
        ("spat", "supported"),
        ("tuesday", "disputed"),
        ("trading", "unverified"),
        ("hostile_claim", "disputed"),
    ]:
        claim_id = reviewed[key]
        [mark] = page.find("a", id=f"in-text-{claim_id}")
        assert mark["class"] == f"claim {status}"
        assert mark["href"] == f"#claim-{claim_id}"
        [entry] = page.find("div", id=f"claim-{claim_id}")
        assert entry["class"] == f"entry {status}"
        assert page.find("a", href=f"#in-text-{claim_id}")


def test_marked_text_is_the_claim_and_the_article_is_whole(page, reviewed, sample_text):
    assert page.by_id(f"in-text-{reviewed['economy']}") == "Asia’s fourth-largest economy"
    article = page.by_id("doc-1")
    for paragraph in sample_text.split("\n\n"):
        assert paragraph.strip() in article


def test_entry_shows_verdict_note_evidence_and_history(page, reviewed):
    entry = page.by_id(f"claim-{reviewed['economy']}")
    assert "Supported by ana, " in entry
    assert "IMF 2024" in entry
    assert "Wikipedia · Economy of South Korea (revision 1234567)" in entry
    assert "South Korea has the fourth-largest economy in Asia" in entry
    assert "unverified by ana — checking the IMF table" in entry  # earlier verdict
    assert page.find("a", href="https://en.wikipedia.org/wiki/Economy_of_South_Korea")


def test_summary_counts_per_document(page, reviewed):
    assert page.by_id("summary-title") == "Summary"
    text = "".join(page.text)
    assert "Verdicts on 2 articles" in text
    assert "4 claims: 1 disputed 2 supported 1 unverified" in " ".join(text.split())


def test_hostile_article_note_and_evidence_show_as_text(page, reviewed):
    text = "".join(page.text)
    assert "Breaking <script>alert('x')</script> news & *more*" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "<b>bold</b> & <script>steal()</script>" in text
    assert "</q><script>x()</script>" in text
    assert "<script>alert('title')</script> & Co" in text
    assert "by <eve>," in text
    assert not page.find("a", href="javascript:alert(1)")
    assert not page.find("a", href="javascript:alert(2)")


def test_print_stylesheet_is_included(page):
    assert "@media print" in "".join(page.text)


def test_empty_report_still_renders(store: Store):
    page = Page(render_html(build_report(store)))
    assert "No claims match." in "".join(page.text)


def test_overlapping_claims_are_listed_but_marked_once(store: Store):
    text = "Unemployment fell to 4% in May, the lowest since 2001."
    first = Claim("Unemployment fell to 4% in May", 0, 30, 0, len(text))
    overlapping = Claim("4% in May, the lowest since 2001", 21, 53, 0, len(text))
    store.add_document(text, title="jobs", source="s", claims=[first, overlapping])
    a, b = store.list_claims()
    page = Page(render_html(build_report(store)))
    assert page.by_id(f"in-text-{a.id}") == "Unemployment fell to 4% in May"
    assert not page.find("a", id=f"in-text-{b.id}")
    assert page.find("div", id=f"claim-{b.id}")
    assert not page.find("a", href=f"#in-text-{b.id}")  # no back-link to a missing mark
    assert "".join(page.text).count(", the lowest since 2001.") == 1
