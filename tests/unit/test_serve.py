"""`factcheck serve` without a browser: the token, the origin check, the reviewer's
name reaching each tab's process, and the command's warnings (aiohttp's test client
against the real textual-serve app)."""

from __future__ import annotations

import ast
import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.ingest import Article, add_article
from factcheck.store import Store
from factcheck.web_server import REVIEWER_COOKIE, DeskServer, is_loopback, review_command


def _recorder(out: Path) -> list[str]:
    """A stand-in for `factcheck review --served`: writes the argv it was started with."""
    code = "import sys, pathlib; pathlib.Path(sys.argv[1]).write_text(repr(sys.argv[2:]))"
    return [sys.executable, "-c", code, str(out), "--served", "7"]


async def _client(server: DeskServer) -> TestClient:
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    return client


async def test_without_a_token_set_the_page_opens():
    client = await _client(DeskServer(["factcheck", "review", "--served"], host="x", port=1))
    try:
        response = await client.get("/")
        assert response.status == 200
        assert "textual-terminal" in await response.text()
        # the websocket URL points back at the host the browser used
        assert f"ws://{client.host}:{client.port}/ws" in await response.text()
    finally:
        await client.close()


async def test_a_token_is_required_then_remembered_in_a_cookie():
    server = DeskServer(["factcheck", "review", "--served"], host="x", port=1, token="s3cret")
    client = await _client(server)
    try:
        refused = await client.get("/")
        assert refused.status == 403 and "needs its token" in await refused.text()
        assert (await client.get("/?token=wrong")).status == 403
        assert (await client.get("/static/css/xterm.css")).status == 403
        opened = await client.get("/?token=s3cret")
        assert opened.status == 200
        cookie = opened.cookies["factcheck_token"]
        assert cookie["httponly"] and cookie["samesite"] == "Strict"
        # the page's own requests carry the cookie, not the query string
        assert (await client.get("/static/css/xterm.css")).status == 200
    finally:
        await client.close()


async def test_a_websocket_from_another_site_is_refused():
    client = await _client(DeskServer(["factcheck", "review", "--served"], host="x", port=1))
    try:
        response = await client.get("/ws", headers={"Origin": "https://evil.example"})
        assert response.status == 403 and "another site" in await response.text()
    finally:
        await client.close()


async def test_the_reviewer_in_the_url_starts_each_tab_as_that_reviewer(tmp_path: Path):
    out = tmp_path / "argv.txt"
    client = await _client(DeskServer(_recorder(out), host="x", port=1))
    try:
        page = await client.get("/?reviewer=Ana%20Lima%1b")
        assert page.cookies[REVIEWER_COOKIE].value == "Ana%20Lima"
        origin = f"http://{client.host}:{client.port}"
        websocket = await client.ws_connect("/ws?width=80&height=24", headers={"Origin": origin})
        for _ in range(100):
            if out.exists():
                break
            await asyncio.sleep(0.05)
        await websocket.close()
        await asyncio.sleep(0.3)  # let the server reap the process before the loop closes
        assert ast.literal_eval(out.read_text()) == ["--served", "--reviewer", "Ana Lima", "7"]
    finally:
        await client.close()


def test_review_command_quotes_what_the_shell_will_read():
    command = review_command(["python", "-m", "factcheck", "review", "--served", "3"], "a'; rm")
    assert (
        subprocess.run(
            ["sh", "-c", "printf '%s|' " + command.split(" ", 3)[3]],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        == "review|--served|--reviewer|a'; rm|3|"
    )


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("desk.example", False),
    ],
)
def test_is_loopback(host: str, loopback: bool):
    assert is_loopback(host) is loopback


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[DeskServer]:
    """`DeskServer.serve` recorded instead of run (it would block)."""
    started: list[DeskServer] = []
    monkeypatch.setattr(DeskServer, "serve", lambda self, debug=False: started.append(self))
    return started


def _one_document(db: Path) -> Path:
    with Store(db) as store:
        add_article(store, Article("Rents rose 4% in 2023.", title="Rents", source="-"))
    return db


def test_serve_on_another_host_without_a_token_warns(tmp_path: Path, served):
    db = _one_document(tmp_path / "claims.db")
    result = CliRunner().invoke(cli, ["--db", str(db), "serve", "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert "no authentication" in result.output and "[serve] token" in result.output
    (server,) = served
    assert (server.host, server.port, server.token) == ("0.0.0.0", 8000, "")
    command = server.base_command
    assert command[:3] == [sys.executable, "-m", "factcheck"]
    assert command[command.index("--db") + 1] == str(db.resolve())
    assert command[-2:] == ["review", "--served"]


def test_serve_with_a_token_prints_no_warning_on_localhost(tmp_path: Path, served):
    config = tmp_path / "config.toml"
    config.write_text('[serve]\ntoken = "t0k"\n', encoding="utf-8")
    db = _one_document(tmp_path / "claims.db")
    result = CliRunner().invoke(
        cli, ["--db", str(db), "--config", str(config), "serve", "--port", "8123"]
    )
    assert result.exit_code == 0 and "warning" not in result.output
    (server,) = served
    assert server.url == "http://127.0.0.1:8123/?token=t0k"
    assert server.base_command[-2:] == ["review", "--served"]
    assert str(config.resolve()) in server.base_command


def test_serve_resolves_documents_before_serving(tmp_path: Path, served):
    db = _one_document(tmp_path / "claims.db")
    result = CliRunner().invoke(cli, ["--db", str(db), "serve", "4"])
    assert result.exit_code == 1 and "no document with id 4" in result.output
    result = CliRunner().invoke(cli, ["--db", str(db), "serve", "1"])
    assert result.exit_code == 0 and served[0].base_command[-3:] == ["review", "--served", "1"]


def test_serve_refuses_an_empty_desk(tmp_path: Path, served):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "claims.db"), "serve"])
    assert result.exit_code == 1 and "no documents yet" in result.output
    assert served == []


def test_the_cli_does_not_load_the_web_server():
    code = (
        "import sys, factcheck.cli; print('aiohttp' in sys.modules, 'textual_serve' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False False"
