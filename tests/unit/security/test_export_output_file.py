"""Issue 12 item 4: `export -o` replaces only regular files; FIFOs, devices, `-` and
symlinks stay what they are."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.models import Claim
from factcheck.store import Store

TEXT = "The port handled 4 million containers in 2024."


@pytest.fixture(autouse=True)
def desk() -> None:
    with Store("claims.db") as store:
        store.add_document(
            TEXT, title="Port", source="-", claims=[Claim(TEXT, 0, len(TEXT), 0, len(TEXT))]
        )


def export(output: str) -> Result:
    return CliRunner().invoke(
        cli, ["--db", "claims.db", "export", "--format", "json", "-o", output]
    )


def test_a_regular_file_is_replaced_and_keeps_its_mode(tmp_path: Path):
    report = tmp_path / "report.json"
    report.write_text("old")
    report.chmod(0o640)
    assert export(str(report)).exit_code == 0
    assert '"factcheck-report"' in report.read_text()
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_a_symlink_stays_a_link_and_its_target_gets_the_report(tmp_path: Path):
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "latest.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert export(str(link)).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert '"factcheck-report"' in target.read_text()


def test_a_dangling_symlink_creates_its_target(tmp_path: Path):
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "new.json")
    assert export(str(link)).exit_code == 0
    assert link.is_symlink() and '"factcheck-report"' in (tmp_path / "new.json").read_text()


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = export(str(fifo))
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b'"factcheck-report"' in received[0]


def test_a_character_device_is_written_to_not_replaced():
    """A terminal (a pty here: never /dev/null, which a buggy run as root would replace)."""
    master, replica = os.openpty()
    try:
        device = os.ttyname(replica)
        received = bytearray()
        reader = threading.Thread(target=lambda: _drain(master, received), daemon=True)
        reader.start()
        result = export(device)
        assert result.exit_code == 0, result.output
        assert stat.S_ISCHR(os.stat(device).st_mode)
        reader.join(timeout=5)
        assert b"factcheck-report" in received
    finally:
        os.close(replica)
        os.close(master)


def _drain(fd: int, into: bytearray) -> None:
    while b"factcheck-report" not in into:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        into.extend(chunk)


def test_dash_writes_to_stdout(tmp_path: Path):
    result = export("-")
    assert result.exit_code == 0
    assert '"factcheck-report"' in result.stdout
    assert not (tmp_path / "-").exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_block_device_is_refused(tmp_path: Path):
    disk = tmp_path / "disk"
    os.mknod(disk, stat.S_IFBLK | 0o600, os.makedev(240, 0))  # a "local use" major: no driver
    result = export(str(disk))
    assert result.exit_code == 1 and "block device" in result.stderr
    assert stat.S_ISBLK(disk.stat().st_mode)
