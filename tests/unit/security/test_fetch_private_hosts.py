"""Issue 12 item 5: `add URL` fetches no private or local address unless allowed.

The test server listens on 127.0.0.1, so every spelling of "this machine" must be
refused before a request reaches it: names, numeric forms, IPv6, IPv4-mapped IPv6,
and redirects from a public host into any of them. `[fetch] allow_private_hosts`
lets it through. Passwords in URLs are never stored, shown or exported.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator

import httpx
import pytest
from click.testing import CliRunner
from ingest_fixtures import ArticleServer, Route, page, serve

from factcheck.cli import cli
from factcheck.config import FetchConfig
from factcheck.errors import InputError
from factcheck.ingest import read_article
from factcheck.ingest.addresses import is_public_address
from factcheck.store import Store

ALLOW = FetchConfig(allow_private_hosts=True)


@pytest.fixture
def server() -> Iterator[ArticleServer]:
    with serve({"/meals": Route(body=page("school-meals.html"))}) as running:
        yield running


def _port(server: ArticleServer) -> int:
    return int(server.base_url.rsplit(":", 1)[1])


LOCAL_SPELLINGS = [
    "127.0.0.1",
    "localhost",
    "127.1",
    "0x7f000001",
    "2130706433",
    "0177.0.0.1",
    "0x7f.0.0.1",
    "0.0.0.0",
    "[::1]",
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
]


@pytest.mark.parametrize("host", LOCAL_SPELLINGS)
def test_every_spelling_of_this_machine_is_refused(server: ArticleServer, host: str):
    url = f"http://{host}:{_port(server)}/meals"
    with pytest.raises(InputError, match=r"private or local address") as caught:
        read_article(url)
    message = str(caught.value)
    assert "\n" not in message and "allow_private_hosts" in message
    assert server.requests == []


def test_allow_private_hosts_lets_the_request_through(server: ArticleServer):
    article = read_article(server.url("/meals"), fetch=ALLOW)
    assert article.publisher == "Northfield Courier"


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "127.8.9.10",
        "0.0.0.0",
        "255.255.255.255",
        "224.0.0.1",
        "198.18.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "fec0::1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::a9fe:a9fe",
        "2002:a9fe:a9fe::1",
        "::7f00:1",
        "ff02::1",
    ],
)
def test_private_and_local_addresses_are_not_public(address: str):
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111"])
def test_public_addresses_are_public(address: str):
    assert is_public_address(ipaddress.ip_address(address))


@pytest.fixture
def public_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """`news.example` resolves to a public address; every other name as the system says."""
    real = socket.getaddrinfo

    def fake(host, port, *args, **kwargs):
        if host == "news.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))]
        if host == "mixed.example":
            return [
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port)),
            ]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1/admin",
        "http://0x7f000001/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:8080/",
        "//10.0.0.1/relative-scheme",
    ],
)
def test_a_redirect_into_a_private_host_is_refused(public_name: None, target: str):
    """A public page may redirect; each hop is checked before it is requested."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": target})
        return httpx.Response(200, content=page("school-meals.html"))

    with pytest.raises(InputError, match="private or local address"):
        read_article("https://news.example/story", transport=httpx.MockTransport(handler))
    assert seen == ["https://news.example/story"]


def test_a_name_with_one_private_address_among_public_ones_is_refused(public_name: None):
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    with pytest.raises(InputError, match=r"mixed\.example is a private or local address"):
        read_article("https://mixed.example/story", transport=transport)


def test_a_redirect_to_another_scheme_is_refused(public_name: None):
    transport = httpx.MockTransport(
        lambda request: httpx.Response(302, headers={"Location": "file:///etc/passwd"})
    )
    with pytest.raises(InputError, match="only http:// and https://"):
        read_article("https://news.example/story", transport=transport)


def test_cli_add_refuses_a_private_address_in_one_line(server: ArticleServer, tmp_path):
    result = CliRunner().invoke(cli, ["--db", "claims.db", "add", server.url("/meals")])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and "private or local" in result.stderr
    assert server.requests == []


def test_credentials_are_never_stored_shown_or_exported(server: ArticleServer, tmp_path):
    (tmp_path / "config.toml").write_text("[fetch]\nallow_private_hosts = true\n")
    url = f"http://desk:s3cret@127.0.0.1:{_port(server)}/meals"
    runner = CliRunner()
    added = runner.invoke(cli, ["--db", "claims.db", "add", url])
    assert added.exit_code == 0, added.output
    assert server.requests[0][1].get("Authorization", "").startswith("Basic ")  # still sent
    outputs = [added.output]
    for args in (
        ["documents"],
        ["document", "1"],
        ["document", "1", "--format", "json"],
        ["show", "1"],
        ["show", "1", "--format", "json"],
        ["list", "--doc", "1"],
    ):
        outputs.append(runner.invoke(cli, ["--db", "claims.db", *args]).output)
    for format in ("markdown", "html", "json", "csv", "claimreview"):
        outputs.append(
            runner.invoke(cli, ["--db", "claims.db", "export", "--format", format]).output
        )
    assert all("s3cret" not in output for output in outputs)
    with Store("claims.db") as store:
        document = store.get_document(1)
    assert "s3cret" not in document.source and "s3cret" not in (document.url or "")
    assert document.source == f"http://127.0.0.1:{_port(server)}/meals"
    manual = runner.invoke(
        cli,
        ["--db", "claims.db", "add", "-", "--url", "https://u:pw@example.org/a"],
        input="The port handled 4 million containers in 2024, officials said.\n",
    )
    assert manual.exit_code == 0 and "pw@" not in manual.output
    with Store("claims.db") as store:
        assert store.get_document(2).url == "https://example.org/a"


def test_a_saved_page_canonical_url_loses_its_password(tmp_path):
    saved = tmp_path / "saved.html"
    saved.write_bytes(
        page("school-meals.html").replace(
            b"<head>", b'<head><link rel="canonical" href="https://u:pw@news.example/meals">', 1
        )
    )
    article = read_article(str(saved))
    assert article.url == "https://news.example/meals"


def test_urls_stored_with_a_password_before_are_shown_and_exported_without_it(tmp_path):
    """A database filled by an older factcheck (or an import) may hold one."""
    import sqlite3

    from factcheck.models import Claim, Evidence, SourceKind

    text = "The port handled 4 million containers in 2024, officials said."
    with Store("claims.db") as store:
        store.add_document(
            text, title="Port", source="-", claims=[Claim(text, 0, len(text), 0, len(text))]
        )
        store.save_evidence(1, [Evidence(SourceKind.REFERENCE, "ref", "4 million", 0.9)])
        store.mark([1], "disputed", reviewer="ana", evidence_id=1)
    with sqlite3.connect("claims.db") as connection:
        connection.execute(
            "UPDATE documents SET source = ?, url = ?", ("https://u:s3cret@a.example/x",) * 2
        )
        connection.execute("UPDATE evidence SET url = ?", ("https://u:s3cret@b.example/y",))
    connection.close()
    runner = CliRunner()
    commands = [
        ["show", "1"],
        ["show", "1", "--format", "json"],
        ["document", "1"],
        ["document", "1", "--format", "json"],
        ["list", "--doc", "1"],
        *(["export", "--format", f] for f in ("markdown", "html", "json", "csv", "claimreview")),
    ]
    for args in commands:
        result = runner.invoke(cli, ["--db", "claims.db", *args])
        assert result.exit_code == 0, (args, result.output)
        assert "s3cret" not in result.output, args
        assert "a.example" in result.output or args[0] == "show", args


@pytest.fixture
def recorded_connects(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where the socket layer is asked to connect; nothing leaves the machine."""
    import httpcore

    targets: list[str] = []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        targets.append(host)
        raise httpcore.ConnectError("no network in tests")

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", connect_tcp)
    return targets


def test_the_connection_goes_to_the_address_that_was_checked(public_name, recorded_connects):
    with pytest.raises(InputError, match="cannot reach"):
        read_article("http://news.example/story")
    assert recorded_connects == ["93.184.216.34"]  # not the name, resolved again elsewhere


def test_a_name_that_rebinds_to_a_private_address_is_refused(monkeypatch, recorded_connects):
    answers = iter(["93.184.216.34", "127.0.0.1", "127.0.0.1"])

    def rebinding(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(InputError, match="private or local address"):
        read_article("http://rebind.example/story")
    assert recorded_connects == []
