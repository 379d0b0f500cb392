"""URLs as factcheck stores, shows and exports them: never with a user name or password.

A journalist may paste `https://user:secret@intranet.example/story`; the password must
not end up in claims.db, on screen or in a published report. `without_credentials` is
applied where a URL is read (`factcheck.ingest`, `add --url`) and again where one is
shown or exported, for databases filled before this rule.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

__all__ = ["without_credentials"]


def without_credentials(url: str) -> str:
    """`url` without its `user:password@` part; anything else is returned unchanged."""
    if "@" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:  # an unparseable URL (bad IPv6 brackets): drop up to the last @
        scheme, sep, rest = url.partition("://")
        if not sep:
            return url
        authority, slash, path = rest.partition("/")
        return f"{scheme}://{authority.rpartition('@')[2]}{slash}{path}"
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
