"""Issue 12 items 1 and 2: no report lets a hostile value out of its place.

Every field of the database holds injections (`</script>` in any case, `<!--`, HTML,
Markdown links and autolinks to `javascript:`, images, entities, control characters),
and each format is checked by parsing it as its reader would: JSON must parse to the
same strings with no `<`, `>` or `&` in the text (it is pasted into a <script>);
Markdown is rendered by a CommonMark parser with raw HTML allowed and must yield no
tag, image or link but ours; the HTML page is parsed and must have no script, no
event handler and no link but http(s) and its own anchors.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from hostile_desk import HOSTILE, HOSTILE_HTTP_URL, build_hostile_desk
from markdown_it import MarkdownIt

from factcheck.config import PublisherConfig
from factcheck.export import build_report, render
from factcheck.store import Store

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile_report(tmp_path: Path):
    path = tmp_path / "hostile.db"
    build_hostile_desk(path)
    with Store(path) as store:
        yield build_report(store, generated_at="2026-11-28T09:00:00Z")


def _strings(data: object) -> list[str]:
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return [data] if isinstance(data, str) else []


@pytest.mark.parametrize("format", ["json", "claimreview"])
def test_json_formats_cannot_close_a_script_element(hostile_report, format):
    publisher = PublisherConfig(name=HOSTILE, url="https://desk.example")
    text = render(hostile_report, format, publisher=publisher, report_url=HOSTILE_HTTP_URL)
    assert "<" not in text and ">" not in text and "&" not in text
    assert not _CONTROL.search(text)
    data = json.loads(text)
    assert any(HOSTILE in s for s in _strings(data)), "the values are escaped, not dropped"
    page = f'<script type="application/ld+json">{text}</script><p id="after">x</p>'
    tree = lxml.html.fromstring(page)
    assert len(tree.xpath("//script")) == 1 and tree.xpath("//p[@id='after']")
    assert json.loads(tree.xpath("//script")[0].text) == data


def test_markdown_embeds_no_html_image_or_foreign_link(hostile_report):
    text = render(hostile_report, "markdown")
    assert not _CONTROL.search(text)
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    tree = lxml.html.fromstring(f"<div>{html}</div>")
    tags = {element.tag for element in tree.iter() if isinstance(element.tag, str)}
    allowed = {
        "div",
        "h1",
        "h2",
        "p",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "ul",
        "li",
        "strong",
        "em",
        "a",
    }
    assert tags <= allowed, tags - allowed
    assert not tree.xpath("//comment()")
    hrefs = tree.xpath("//a/@href")
    assert all(href.startswith("https://evil.example/a%22%3E") for href in hrefs), hrefs
    headings = [h.text_content() for h in tree.xpath("//h1|//h2")]
    assert all(not h.startswith("Heading") for h in headings)
    # each hostile string shows as text, whole, in the rendered page
    assert "</SCRIPT ><ScRiPt>alert(2)</sCrIpT>" in tree.text_content()
    assert "9999-</script>" in tree.text_content()  # an imported date, escaped like the rest
    # no bare URL a GitHub-flavoured renderer would turn into a link by itself
    outside_links = re.sub(r"\]\(<[^>]*>\)", "", text)
    assert not re.search(r"(?i)(?<!\\)\b(https?|ftp):|\bwww\.", outside_links)


def test_html_report_runs_no_script_and_links_only_http(hostile_report):
    text = render(hostile_report, "html", publisher=PublisherConfig(name=HOSTILE))
    assert not _CONTROL.search(text)
    tree = lxml.html.fromstring(text)
    assert not tree.xpath("//script|//img|//iframe|//object|//embed")
    assert not tree.xpath("//comment()")
    assert not [
        a for e in tree.iter() if isinstance(e.tag, str) for a in e.attrib if a.startswith("on")
    ]
    for href in tree.xpath("//@href"):
        assert href.startswith(("#", "https://evil.example/a")), href
    assert "Content-Security-Policy" in text
