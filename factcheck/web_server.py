"""The team desk in the browser: textual-serve running one review process per tab.

`factcheck serve` (in `factcheck.cli.serve_command`) imports this lazily, so no other command
pays for aiohttp. textual-serve does the real work: it serves its page (xterm.js) and,
for every browser tab's websocket, starts `command` as a subprocess speaking Textual's
web driver protocol. Each tab therefore runs the ordinary `factcheck review` on the
shared claims.db, which WAL and `BEGIN IMMEDIATE` already make safe for several
writers; the review screen's poll shows each reviewer the others' verdicts.

What this module adds to textual-serve, without touching its page or its JavaScript:

- a token (`[serve] token`): requests must carry `?token=` once; a session cookie
  (HttpOnly, SameSite=Strict) carries it to the websocket and the static files;
- a same-origin check on the websocket, so another web page open in the reviewer's
  browser cannot drive the desk (cross-site websocket hijacking);
- the reviewer's name: `?reviewer=NAME` is kept in a session cookie, and each tab's
  process starts with `--reviewer NAME`; without one the process asks (and reloads the
  page with the name, so a browser session is asked once);
- URLs built from the request's own host, so `--host 0.0.0.0` serves a page whose
  websocket points back at the address the browser used.
"""

from __future__ import annotations

import hmac
import ipaddress
import shlex
from collections.abc import Awaitable, Callable, Sequence
from contextvars import ContextVar
from urllib.parse import quote, unquote, urlsplit

from aiohttp import web
from textual_serve.server import Server

from factcheck.desk.session import clean_reviewer_name
from factcheck.errors import InputError

TOKEN_COOKIE = "factcheck_token"
REVIEWER_COOKIE = "factcheck_reviewer"

_session_reviewer: ContextVar[str | None] = ContextVar("session_reviewer", default=None)
"""The reviewer of the websocket being handled (each aiohttp request is its own task)."""
_request_origin: ContextVar[str | None] = ContextVar("request_origin", default=None)
"""scheme://host:port of the page request being handled."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def review_command(base: Sequence[str], reviewer: str | None) -> str:
    """The shell command textual-serve runs for one tab: `base` plus the reviewer.

    textual-serve runs it through the shell, so every part is quoted; the name has been
    through `clean_reviewer_name` (no control characters) as well.
    """
    args = [*base]
    if reviewer is not None:
        args[args.index("--served") + 1 : args.index("--served") + 1] = ["--reviewer", reviewer]
    return shlex.join(args)


class DeskServer(Server):
    """textual-serve's `Server` with a token, an origin check and per-tab reviewers.

    `base_command` is the argv of `factcheck review --served ...`; the command each tab
    runs is derived from it per websocket (see `command`).
    """

    def __init__(
        self,
        base_command: Sequence[str],
        *,
        host: str,
        port: int,
        token: str = "",
        title: str = "factcheck review",
    ) -> None:
        self.base_command = list(base_command)
        self.token = token
        super().__init__(review_command(base_command, None), host=host, port=port, title=title)

    # textual-serve reads `self.command` when a websocket starts its process and
    # `self.public_url` when it renders the page; both are made per request here.

    @property
    def command(self) -> str:
        """The command for the websocket being handled: with its reviewer, if known."""
        return review_command(self.base_command, _session_reviewer.get())

    @command.setter
    def command(self, value: str) -> None:  # Server.__init__ assigns it; derived instead
        pass

    @property
    def public_url(self) -> str:
        """The URL the browser used (so a page served on 0.0.0.0 links back correctly)."""
        return _request_origin.get() or self._bound_url

    @public_url.setter
    def public_url(self, value: str) -> None:
        self._bound_url = value

    @property
    def url(self) -> str:
        """What to open in a browser (with the token, when one is set)."""
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::") else self.host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}/" + (f"?token={quote(self.token)}" if self.token else "")

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(
            f"factcheck serve: open {self.url} (one review process per tab)",
            markup=False,
            highlight=False,
        )
        self.console.print("Press Ctrl+C to stop.", markup=False, highlight=False)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        _request_origin.set(f"{request.scheme}://{request.host}")
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        _session_reviewer.set(_reviewer_of(unquote(request.cookies.get(REVIEWER_COOKIE, ""))))
        return await super().handle_websocket(request)

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Refuse requests without the token and cross-origin websockets; remember the
        token and the reviewer's name in session cookies when the page is opened."""
        query_token = request.query.get("token")
        if self.token and not any(
            _same_secret(candidate, self.token)
            for candidate in (query_token, request.cookies.get(TOKEN_COOKIE))
        ):
            raise web.HTTPForbidden(
                text="factcheck serve: this desk needs its token: open the URL"
                " `factcheck serve` printed (it ends in ?token=...).\n"
            )
        if request.path == "/ws" and not _same_origin(request):
            raise web.HTTPForbidden(text="factcheck serve: websocket from another site refused\n")
        response = await handler(request)
        if request.path == "/" and not response.prepared:
            if self.token and query_token:
                response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="Strict")
            reviewer = _reviewer_of(request.query.get("reviewer"))
            if reviewer is not None:
                response.set_cookie(
                    REVIEWER_COOKIE, quote(reviewer), httponly=True, samesite="Strict"
                )
        return response


def _reviewer_of(value: str | None) -> str | None:
    """A usable reviewer name from a query string or cookie, or None (then ask)."""
    if not value:
        return None
    try:
        return clean_reviewer_name(value)
    except InputError:
        return None


def _same_secret(candidate: str | None, token: str) -> bool:
    return candidate is not None and hmac.compare_digest(candidate.encode(), token.encode())


def _same_origin(request: web.Request) -> bool:
    """A browser always sends Origin with a websocket; it must be this server's host."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True  # not a browser (curl, a test client): no ambient cookies to abuse
    return urlsplit(origin).netloc == request.host
