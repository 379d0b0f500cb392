"""Issue 12 item 9 (and the BOM item): every local read is capped and only reads files.

`add /dev/zero`, `yes | factcheck add -`, `--config /dev/zero`, a FIFO with no
writer and a folder each end at once with one line and exit 1, whatever command
reads them. UTF-16/UTF-32 files with a byte order mark and UTF-8 with a BOM are text.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.config import load_config
from factcheck.errors import ConfigError, InputError
from factcheck.ingest import read_article

SENTENCE = "The port handled 4 million containers in 2024, the harbour authority said. "


def run(*args: str, stdin: object = None) -> Result:
    return CliRunner().invoke(cli, ["--db", "claims.db", *args], input=stdin)


def assert_one_line_error(result: Result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), lines
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


@pytest.fixture
def fifo(tmp_path: Path) -> str:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return str(path)


@pytest.mark.parametrize(
    "command",
    [
        ["add"],
        ["split"],
        ["refs", "add"],
        ["import-claimreview"],
        ["import"],
    ],
)
@pytest.mark.parametrize("special", ["/dev/zero", "fifo", "folder", "link-to-zero"])
def test_devices_fifos_and_folders_are_refused_at_once(tmp_path, fifo, command, special):
    target = {"fifo": fifo, "folder": str(tmp_path), "/dev/zero": "/dev/zero"}.get(special)
    if special == "link-to-zero":
        link = tmp_path / "zero.txt"
        link.symlink_to("/dev/zero")
        target = str(link)
    started = time.monotonic()
    result = run(*command, target)
    assert time.monotonic() - started < 5
    assert result.exit_code in (1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert any(
        phrase in result.output
        for phrase in (
            "not a regular file",
            "is a directory",
            "unsupported file type",
            "Invalid value",
        )
    ), result.output


def test_a_file_over_the_cap_is_refused(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text(SENTENCE * 2_000)  # about 150 kB
    (tmp_path / "config.toml").write_text("[ingest]\nmax_megabytes = 0.1\n")
    assert_one_line_error(run("add", str(big)), "larger than 0.1 MB", "[ingest] max_megabytes")
    assert_one_line_error(run("refs", "add", str(big)), "larger than 0.1 MB")
    assert_one_line_error(run("import", str(big)), "larger than 0.1 MB")
    (tmp_path / "config.toml").write_text("[ingest]\nmax_megabytes = 0.2\n")
    assert run("add", str(big)).exit_code == 0


def test_endless_stdin_is_cut_at_the_cap():
    class Endless:
        def read(self, size: int = -1) -> bytes:
            assert size > 0, "an unbounded read would never end"
            return b"y\n" * (size // 2 + 1)

    with pytest.raises(InputError, match=r"stdin is larger than 1 MB"):
        read_article("-", stdin=Endless(), max_megabytes=1)  # type: ignore[arg-type]


def test_cli_add_stdin_over_the_default_cap_is_one_line():
    result = run("add", "-", stdin=b"y\n" * 11_000_000)  # 22 MB, over the 20 MB default
    assert_one_line_error(result, "stdin is larger than 20 MB")


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_config_from_a_device_or_fifo_is_refused(fifo, special):
    path = "/dev/zero" if special == "/dev/zero" else fifo
    started = time.monotonic()
    with pytest.raises(ConfigError, match="not a regular file"):
        load_config(path)
    assert time.monotonic() - started < 5
    assert_one_line_error(run("--config", path, "documents"), "not a regular file")


def test_a_fifo_that_is_being_written_is_still_refused(fifo):
    def write() -> None:
        with contextlib.suppress(BrokenPipeError):  # refused: closed without reading
            Path(fifo).write_text(SENTENCE)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    assert_one_line_error(run("add", fifo), "not a regular file")


@pytest.mark.parametrize(
    "encoding,bom",
    [
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
    ],
)
def test_text_files_with_a_byte_order_mark_are_read(tmp_path: Path, encoding: str, bom: bytes):
    path = tmp_path / "speech.txt"
    path.write_bytes(bom + (SENTENCE * 2).encode(encoding))
    article = read_article(str(path))
    assert article.text == SENTENCE * 2 and not article.warnings
    result = run("add", str(path))
    assert result.exit_code == 0 and "added document 1: " in result.stdout


def _corpus(path: Path, passages: int, *, long_text: str = "") -> Path:
    lines = [
        json.dumps({"id": f"p{n}", "text": long_text or f"{SENTENCE} ({n})"})
        for n in range(passages)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_streamed_jsonl_corpus_is_capped_per_line_and_in_total(tmp_path: Path):
    """A .jsonl corpus is not read whole, so `max_megabytes` caps each line (one passage)
    and `max_corpus_megabytes` the file; either refusal stores nothing."""
    corpus = _corpus(tmp_path / "corpus.jsonl", 3_000)  # about 330 kB, short lines
    megabytes = corpus.stat().st_size / 1_000_000
    (tmp_path / "config.toml").write_text(
        f"[ingest]\nmax_megabytes = 0.01\nmax_corpus_megabytes = {megabytes / 2:.3f}\n"
    )
    assert_one_line_error(
        run("refs", "add", str(corpus)),
        f"larger than {megabytes / 2:.3f} MB",
        "[ingest] max_corpus_megabytes",
    )
    long_line = _corpus(tmp_path / "long.jsonl", 2, long_text=SENTENCE * 200)  # 15 kB a line
    assert_one_line_error(
        run("refs", "add", str(long_line)), "long.jsonl:1:", "[ingest] max_megabytes"
    )
    assert "no references yet" in run("refs", "list").output
    # the same corpus within both caps: streamed whole, though over max_megabytes
    (tmp_path / "config.toml").write_text(
        f"[ingest]\nmax_megabytes = {megabytes / 3:.3f}\n"
        f"max_corpus_megabytes = {megabytes * 1.5:.3f}\n"
    )
    result = run("refs", "add", str(corpus))
    assert result.exit_code == 0, result.output
    assert "3000 passages" in result.output


def test_a_jsonl_fifo_is_refused_at_once(tmp_path: Path):
    path = tmp_path / "pipe.jsonl"
    os.mkfifo(path)
    started = time.monotonic()
    assert_one_line_error(run("refs", "add", str(path)), "not a regular file")
    assert time.monotonic() - started < 5


def test_the_corpus_cap_is_read_from_config(tmp_path: Path):
    (tmp_path / "config.toml").write_text("[ingest]\nmax_corpus_megabytes = 5\n")
    config = load_config(str(tmp_path / "config.toml"))
    assert config.ingest.max_corpus_megabytes == 5.0
    (tmp_path / "config.toml").write_text("[ingest]\nmax_megabytes = 1\n")
    assert load_config(None).ingest.max_corpus_megabytes == 2000.0  # the default
