"""Reading articles from files and stdin: saved web pages, PDFs, text, and refusals."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from ingest_fixtures import blank_pdf, encrypt_pdf, make_pdf, page

from factcheck.errors import InputError
from factcheck.ingest import read_article

RELEASE_LINES = [
    "Export figures for 2025",
    "Exports of machinery rose 4 percent in 2025, the trade office said on Monday.",
    "Imports (excluding energy) fell by 2 percent over the same period.",
]


@pytest.fixture
def release_pdf() -> bytes:
    return make_pdf(
        [RELEASE_LINES, ["Next release: 6 February 2026."]],
        title="Trade statistics: export figures 2025",
        author="Office of Trade Statistics",
        creation_date="D:20260105093000Z",
    )


def write(name: str, data: bytes) -> str:
    Path(name).write_bytes(data)
    return name


# -- web pages ---------------------------------------------------------------------


def test_saved_page_keeps_the_article_body_and_drops_banner_menu_and_comments():
    article = read_article(write("bridge.html", page("harbour-bridge.html")))
    assert "cost the city 48 million euros" in article.text
    assert "cafés had reduced their opening hours" in article.text
    for boilerplate in (
        "cookies",
        "Subscribe today",
        "waste of money",
        "council spin",
        "newsletter",
        "All rights reserved",
    ):
        assert boilerplate not in article.text


def test_saved_page_keeps_meta_tag_metadata():
    article = read_article(write("bridge.html", page("harbour-bridge.html")))
    assert article.title == "Harbour bridge reopens after two-year repair"
    assert article.author == "Mira Castellano"
    assert article.publisher == "The Lantern Gazette"
    assert article.published_at == "2026-03-14"
    assert article.url == "https://lantern-gazette.example/city/harbour-bridge-reopens"
    assert article.source == "bridge.html"


def test_json_ld_news_article_gives_authors_publisher_timestamp_and_url():
    article = read_article(write("meals.htm", page("school-meals.html")))
    assert article.author == "Anouk Verhagen; Dev Raman"
    assert article.publisher == "Northfield Courier"
    assert article.published_at == "2026-01-22T06:00:00+00:00"
    assert article.url == "https://northfield-courier.example/education/school-meals-expansion"
    assert "40,000 primary pupils" in article.text


def test_title_option_overrides_the_page_title():
    article = read_article(write("meals.html", page("school-meals.html")), title="Meals")
    assert article.title == "Meals"


def test_page_without_article_text_is_refused():
    html = b"<html><body><nav><a href='/'>Home</a></nav><script>app()</script></body></html>"
    with pytest.raises(InputError, match=r"^empty\.html: no article text found"):
        read_article(write("empty.html", html))


def test_stdin_that_is_a_web_page_is_extracted_not_stored_as_markup():
    article = read_article("-", stdin=io.BytesIO(page("school-meals.html")))
    assert article.source == "-"
    assert "<p>" not in article.text and "40,000 primary pupils" in article.text
    assert article.publisher == "Northfield Courier"


# -- PDFs --------------------------------------------------------------------------


def test_pdf_text_layer_and_document_info(release_pdf: bytes):
    article = read_article(write("release.pdf", release_pdf))
    assert "Exports of machinery rose 4 percent in 2025" in article.text
    assert "Imports (excluding energy) fell" in article.text
    assert "Next release: 6 February 2026." in article.text  # the second page too
    assert article.title == "Trade statistics: export figures 2025"
    assert article.author == "Office of Trade Statistics"
    assert article.published_at == "2026-01-05"


def test_pdf_locked_only_against_editing_is_read(release_pdf: bytes):
    article = read_article(write("locked.pdf", encrypt_pdf(release_pdf, user_password="")))
    assert "Exports of machinery rose 4 percent" in article.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (lambda pdf: encrypt_pdf(pdf, user_password="s3cret"), "is a password-protected PDF"),
        (lambda pdf: pdf[: len(pdf) // 3], "is not a readable PDF"),
        (lambda pdf: b"%PDF-1.7\nthis is not really a PDF\n", "is not a readable PDF"),
        (lambda pdf: blank_pdf(), r"has no text layer \(a scanned PDF\?\)"),
    ],
    ids=["password", "truncated", "garbage", "scanned"],
)
def test_bad_pdfs_get_one_line_errors(release_pdf: bytes, data, message: str):
    path = write("bad.pdf", data(release_pdf))
    with pytest.raises(InputError, match=message) as caught:
        read_article(path)
    assert "\n" not in str(caught.value)


# -- text and dispatch -------------------------------------------------------------


def test_text_and_markdown_files_are_read_as_they_are():
    text = "Prices rose 3 percent in May.\n\nThe bank held rates.\n"
    for name in ("note.txt", "note.md"):
        article = read_article(write(name, text.encode()))
        assert article.text == text
        assert article.title == "Prices rose 3 percent in May."
        assert article.author is None and article.url is None


def test_file_without_suffix_is_sniffed(release_pdf: bytes):
    assert read_article(write("release", release_pdf)).author == "Office of Trade Statistics"
    assert read_article(write("notes", b"Plain words.")).text == "Plain words."


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("photo.jpg", r"unknown file type '\.jpg'; factcheck reads a URL, \.html"),
        ("story.docx", r"unknown file type '\.docx'"),
    ],
)
def test_unknown_file_types_are_refused(name: str, message: str):
    with pytest.raises(InputError, match=message):
        read_article(write(name, b"\xff\xd8\xff\xe0 binary"))


def test_other_url_schemes_are_refused_without_touching_the_disk():
    with pytest.raises(InputError, match="only http:// and https://"):
        read_article("ftp://example.org/story.txt")


def test_existing_refusals_still_hold(tmp_path: Path):
    with pytest.raises(InputError, match=r"no such file: missing\.txt"):
        read_article("missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_article(str(tmp_path))
    with pytest.raises(InputError, match="is empty"):
        read_article(write("blank.txt", b"  \n"))
