"""Test helpers for ingest: PDFs written by hand, and a local web server of fixture pages.

Everything here is made for the tests (no third-party articles, no network beyond
127.0.0.1). Imported by the ingest and `add` tests, which define their own fixtures.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pypdf import PdfWriter

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def make_pdf(
    pages: list[list[str]],
    *,
    title: str | None = None,
    author: str | None = None,
    creation_date: str | None = None,
) -> bytes:
    """A minimal valid PDF with one text line per string, written object by object."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    page_count = len(pages)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{4 + 2 * i} 0 R".encode() for i in range(page_count))
        + f"] /Count {page_count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for index, lines in enumerate(pages):
        content_number = 5 + 2 * index
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
            b" /Resources << /Font << /F1 3 0 R >> >>"
            + f" /Contents {content_number} 0 R >>".encode()
        )
        stream = "BT /F1 11 Tf 14 TL 72 720 Td " + " ".join(
            f"({escape(line)}) Tj T*" for line in lines
        )
        data = (stream + " ET").encode("cp1252")
        objects.append(f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream")
    info = {"Title": title, "Author": author, "CreationDate": creation_date}
    info_entries = " ".join(f"/{k} ({escape(v)})" for k, v in info.items() if v)
    objects.append(f"<< {info_entries} >>".encode())
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode()
    return bytes(out)


def encrypt_pdf(data: bytes, *, user_password: str, owner_password: str = "owner") -> bytes:
    """`data` encrypted with AES-256; an empty user password only restricts permissions."""
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password, owner_password, algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def blank_pdf() -> bytes:
    """A one-page PDF with no text layer, like a scan."""
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@dataclass
class Route:
    """What the fixture server answers on one path."""

    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    stream_bytes: int = 0
    """When set, send this many bytes in chunks without a Content-Length."""
    delay: float = 0.0


@dataclass
class ArticleServer:
    """A web server on 127.0.0.1 with routes a test sets; records requests it got."""

    base_url: str
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]]
    bytes_sent: dict[str, int]

    def url(self, path: str) -> str:
        return self.base_url + path


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[ArticleServer]:
    """Run an `ArticleServer` in a thread for the duration of the block."""
    requests: list[tuple[str, dict[str, str]]] = []
    sent: dict[str, int] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append((self.path, dict(self.headers.items())))
            route = routes.get(self.path, Route(status=404, body=b"<h1>Not found</h1>"))
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if not route.stream_bytes and "Content-Length" not in route.headers:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                if route.stream_bytes:
                    self._stream(route.stream_bytes)
                else:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should on a huge response

        def _stream(self, total: int, chunk: bytes = b"x" * 65536) -> None:
            for _ in range(total // len(chunk)):
                self.wfile.write(chunk)
                sent[self.path] = sent.get(self.path, 0) + len(chunk)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield ArticleServer(f"http://127.0.0.1:{server.server_port}", routes, requests, sent)
    finally:
        server.shutdown()
        server.server_close()


def page(name: str) -> bytes:
    """A fixture page from tests/fixtures/pages."""
    return (PAGES / name).read_bytes()


RouteFactory = Callable[[], dict[str, Route]]
