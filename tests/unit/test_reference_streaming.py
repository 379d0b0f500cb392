"""A .jsonl reference corpus is checked and imported as a stream, with the same rows,
the same refusals and the same line numbers as reading it whole did."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.ingest import decode_text
from factcheck.ingest.reference_files import JsonlPassages, _jsonl_rows, read_reference_file
from factcheck.store import Store


def read_whole(data: bytes, name: str) -> list[dict] | str:
    """What reading the file in full gave: its rows, or the error message."""
    try:
        text, _ = decode_text(data, name)
        return list(_jsonl_rows(text.splitlines(), name))
    except InputError as error:
        return str(error)


def read_streamed(path: Path, name: str) -> list[dict] | str:
    try:
        passages = JsonlPassages.check(path, name)
        return list(passages)
    except InputError as error:
        return str(error)


LINE = st.one_of(
    st.builds(
        lambda i, text, title: (
            json.dumps({"id": i, "title": title, "text": text}, ensure_ascii=a)
            if (a := len(text) % 2 == 0)
            else json.dumps({"id": i, "title": title, "text": text}, ensure_ascii=False)
        ),
        st.integers(0, 999),
        st.text(min_size=0, max_size=30),
        st.text(max_size=8),
    ),
    st.sampled_from(["", "   ", "{bad json", '{"id": "x"}', "[1, 2]", '{"id": 1, "text": 5}']),
)
ENDING = st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x0c", "\x85"])
ENCODING = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1"])


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(st.tuples(LINE, ENDING), max_size=8), encoding=ENCODING, tail=st.booleans())
def test_streamed_reading_gives_what_whole_reading_gave(
    tmp_path_factory: pytest.TempPathFactory, lines, encoding: str, tail: bool
) -> None:
    text = "".join(line + ending for line, ending in lines)
    if not tail:
        text = text.rstrip("\n")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", errors="replace") + b"\xff"  # not UTF-8: a fallback
    path = tmp_path_factory.mktemp("jsonl") / "corpus.jsonl"
    path.write_bytes(data)
    assert read_streamed(path, "corpus.jsonl") == read_whole(data, "corpus.jsonl")


def test_the_checked_file_gives_its_hash_and_count(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    data = b'{"id": 1, "text": "Seoul."}\n\n{"id": 2, "text": "Busan."}\n'
    path.write_bytes(data)
    read = read_reference_file(path)
    assert read.sha256 == hashlib.sha256(data).hexdigest()
    assert len(read.rows) == 2
    assert [r["text"] for r in read.rows] == ["Seoul.", "Busan."]
    assert [r["text"] for r in read.rows] == ["Seoul.", "Busan."]  # iterable again


def test_a_binary_jsonl_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"id": 1, "text": "a"}\n\x00\x00')
    with pytest.raises(InputError, match="binary"):
        read_reference_file(path)


def test_a_large_corpus_streams_into_the_store(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(5000):
            out.write(json.dumps({"id": f"p{number}", "text": f"Passage {number} on ports."}))
            out.write("\n")
    read = read_reference_file(path)
    assert not isinstance(read.rows, list)  # nothing held in memory
    result = store.add_references(read.rows, origin=read.origin, sha256=read.sha256)
    assert result.passages == 5000 == store.reference_count()


@pytest.mark.parametrize(
    "new_line",
    [
        '{"id": "p1", "text": "Passage 1, edited after the check."}',  # valid, other bytes
        '{"id": "p1", "text": NaN}',  # what load_json refuses and json.loads takes
        "[" * 5000,  # deeper than the decoder recurses
    ],
)
def test_a_corpus_changed_after_its_check_is_refused_and_stores_nothing(
    store: Store, tmp_path: Path, new_line: str
) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"p{n}", "text": f"Passage {n} on ports."}) for n in range(3)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store.add_references([{"id": "kept", "text": "An earlier passage."}])
    read = read_reference_file(path)
    lines[1] = new_line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed while it was being imported"):
        store.add_references(read.rows, origin=read.origin, sha256=read.sha256)
    assert store.reference_count() == 1
    assert store.list_reference_files()[0].origin == "(added through the Python API)"
