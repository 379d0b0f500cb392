"""config.toml -> a typed, validated `Config`.

One function, `find_config_path`, decides which file is read (`--config`, then
`FACTCHECK_CONFIG`, then `./config.toml`, else built-in defaults), so the CLI, the TUI
and the tests agree. Validation is strict: an unknown key or a wrong type is an error
naming the file, line and key, with a "did you mean" when a close name exists, because
a silently ignored typo (`timout = 3`) is worse than a refusal.

To add a setting, add a field (with a default and a docstring) to one of the section
dataclasses below; validation and defaults follow from the dataclass. Numbers are
declared with `bounded(default, low, high)`: a value outside the range (or NaN, or
infinite) is refused at load with the file, line and key, not when it breaks later.
"""

from __future__ import annotations

import dataclasses
import difflib
import getpass
import math
import os
import re
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError
from factcheck.untrusted.local_files import (
    DEFAULT_MAX_CORPUS_MEGABYTES,
    DEFAULT_MAX_MEGABYTES,
    read_capped,
)

CONFIG_ENV = "FACTCHECK_CONFIG"
DB_ENV = "FACTCHECK_DB"
DEFAULT_CONFIG_NAME = "config.toml"
CONFIG_MAX_MEGABYTES = 1.0
"""A config.toml is a few kilobytes; anything past this is not one."""


@dataclass(frozen=True)
class Bounds:
    """The accepted range of a numeric setting (inclusive; `above` makes `low` exclusive)."""

    low: float
    high: float
    above: bool = False

    def accepts(self, value: float) -> bool:
        if not math.isfinite(value) or value > self.high:
            return False
        return value > self.low if self.above else value >= self.low

    def describe(self) -> str:
        low = f"more than {self.low:g}" if self.above else f"at least {self.low:g}"
        return f"{low} and at most {self.high:g}"


def bounded(default: Any, low: float, high: float, *, above: bool = False) -> Any:
    """A numeric field whose value must lie in [low, high] ((low, high] with `above`)."""
    return field(default=default, metadata={"bounds": Bounds(low, high, above)})


def pattern(default: str, regex: str, meaning: str) -> Any:
    """A string field whose value must match `regex` in full (`meaning` says what)."""
    return field(default=default, metadata={"pattern": (regex, meaning)})


def _login_name() -> str:
    """The reviewer name when config.toml names none: the login name, if there is one."""
    try:
        return getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry (some containers)
        return "reviewer"


@dataclass(frozen=True)
class StoreConfig:
    path: str = "claims.db"
    """The SQLite file. Written in a config file, a relative path is relative to that
    file's folder (the file means the same wherever factcheck runs); not written, it is
    claims.db in the working directory, as with no config file at all."""
    timeout: float = bounded(5.0, 0, 3600)
    """Seconds to wait for another process holding a write lock before giving up."""


@dataclass(frozen=True)
class WikipediaConfig:
    language: str = pattern("en", r"[a-z]{2,3}(-[a-z0-9]{1,8})*", "a language code such as en")
    """Wikipedia edition to search, as its language code (en, fr, de...)."""
    user_agent: str = "factcheck/0.1 (https://github.com/factcheck/factcheck)"
    """Sent with every request, as Wikimedia's API etiquette asks."""
    timeout: float = bounded(10.0, 0, 300, above=True)
    """Seconds before one HTTP request to Wikipedia is abandoned."""
    pages: int = bounded(3, 1, 20)
    """How many of the best search results to fetch and split into passages per claim."""
    max_retries: int = bounded(3, 0, 10)
    """Retries after a timeout, HTTP 429 or 5xx before Wikipedia counts as unreachable."""
    retry_wait: float = bounded(1.0, 0, 60)
    """Base back-off in seconds between retries (doubles each time; Retry-After wins)."""


@dataclass(frozen=True)
class PriorConfig:
    suggested_threshold: float = bounded(0.6, 0, 1)
    """Similarity (0-1) from which an earlier check is shown as a suggested match."""
    strong_threshold: float = bounded(0.85, 0, 1)
    """Similarity (0-1) from which an earlier check is flagged as a strong match."""
    min_claim_words: int = bounded(4, 1, 100)
    """Claims with fewer words are not matched: "He said no." matches everything."""


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str = "factcheck/0.1 (https://github.com/factcheck/factcheck)"
    """Sent when `factcheck add URL` fetches a page; some sites refuse anonymous clients."""
    timeout: float = bounded(20.0, 0, 300, above=True)
    """Seconds to wait for the server to connect or send data before giving up."""
    max_megabytes: float = bounded(10.0, 0, 1024, above=True)
    """Largest download accepted; a bigger response is abandoned, not stored."""
    max_redirects: int = bounded(5, 0, 20)
    """Redirects followed (http -> https, short links) before the URL is refused."""
    deadline: float = bounded(30.0, 0, 3600, above=True)
    """Seconds the whole download may take, however steadily the server trickles bytes."""
    allow_private_hosts: bool = False
    """Fetch loopback, private-network and link-local addresses (intranets, tests)."""


@dataclass(frozen=True)
class IngestConfig:
    max_megabytes: float = bounded(DEFAULT_MAX_MEGABYTES, 0, 1024, above=True)
    """Largest local file or stdin read (articles, references, imports); more is refused.
    Also the largest line (one passage) of a streamed .jsonl reference corpus."""
    max_corpus_megabytes: float = bounded(DEFAULT_MAX_CORPUS_MEGABYTES, 0, 1_048_576, above=True)
    """Largest .jsonl reference corpus `refs add` streams (read a line at a time, so it
    may be far larger than `max_megabytes`); more is refused."""


@dataclass(frozen=True)
class ReviewConfig:
    reviewer: str = field(default_factory=_login_name)
    """Name recorded with each verdict."""


@dataclass(frozen=True)
class PublisherConfig:
    name: str = ""
    """Who publishes the fact-checks: the `author` Organization of ClaimReview exports."""
    url: str = ""
    """The publisher's home page, given with its name in ClaimReview exports."""


@dataclass(frozen=True)
class ServeConfig:
    token: str = pattern(
        "",
        r"[A-Za-z0-9._~+/=-]*",
        "letters, digits and . _ ~ + / = - only (it goes in a URL and a cookie; e.g."
        " python3 -c 'import secrets; print(secrets.token_urlsafe())')",
    )
    """`factcheck serve`: when set, browsers must open the URL carrying it (?token=...);
    requests without it are refused. Empty: no authentication (fine on 127.0.0.1)."""


@dataclass(frozen=True)
class Config:
    """The whole configuration; each attribute is one `[section]` of config.toml."""

    store: StoreConfig = field(default_factory=StoreConfig)
    wikipedia: WikipediaConfig = field(default_factory=WikipediaConfig)
    review: ReviewConfig = field(default_factory=ReviewConfig)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    publisher: PublisherConfig = field(default_factory=PublisherConfig)
    keymap: dict[str, str] = field(default_factory=dict)
    """Review-screen binding id -> keys (e.g. `mark_disputed = "x"`); checked by the TUI."""
    prior: PriorConfig = field(default_factory=PriorConfig)
    serve: ServeConfig = field(default_factory=ServeConfig)
    source: Path | None = field(default=None, compare=False)
    """The file this was read from, or None for built-in defaults."""
    lines: dict[str, int] = field(default_factory=dict, compare=False)
    """`"section.key"` -> its line in `source`, for errors found after loading ([keymap])."""
    given: frozenset[str] = field(default_factory=frozenset, compare=False)
    """`"section.key"` for every key `source` sets (the others took their defaults)."""

    def where(self, section: str, key: str) -> str:
        """`config.toml:12` for a key's line (the file alone when the line is unknown)."""
        return _at(
            str(self.source) if self.source else "config", self.lines.get(f"{section}.{key}")
        )

    def database_path(self, override: str | os.PathLike[str] | None = None) -> Path:
        """The claims.db to open: `--db` beats `FACTCHECK_DB` beats `[store] path`.

        A relative `[store] path` written in a config file is relative to that file's
        folder, as tools read paths in their config files (git, ssh, Cargo, Compose):
        `--config ~/desk/factcheck.toml` then opens the same database from any folder.
        When the file does not set it, the default claims.db is in the working
        directory, exactly as without a config file: pointing at a config file for its
        other settings never moves the database somewhere new.
        """
        if override:
            return Path(override)
        if os.environ.get(DB_ENV):
            return Path(os.environ[DB_ENV])
        path = Path(self.store.path).expanduser()
        if not path.is_absolute() and self.source is not None and "store.path" in self.given:
            path = self.source.parent / path
        return path

    def database_origin(self, override: str | os.PathLike[str] | None = None) -> str:
        """What chose `database_path(override)`, in words for a message."""
        if override:
            return "--db"
        if os.environ.get(DB_ENV):
            return f"${DB_ENV}"
        if self.source is not None and "store.path" in self.given:
            return f"[store] path in {self.source}"
        return "the default: claims.db in the working directory"


SECTIONS: dict[str, type] = {
    f.name: typing.get_type_hints(Config)[f.name]
    for f in dataclasses.fields(Config)
    if f.name not in ("source", "lines", "given")
}
"""Section name in config.toml -> the dataclass that validates it."""


def find_config_path(cli_path: str | os.PathLike[str] | None = None) -> Path | None:
    """Which config file to read, or None for the built-in defaults."""
    if cli_path:
        return Path(cli_path)
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    local = Path(DEFAULT_CONFIG_NAME)
    return local if local.is_file() else None


def load_config(cli_path: str | os.PathLike[str] | None = None) -> Config:
    """Find, read and validate the configuration."""
    path = find_config_path(cli_path)
    if path is None:
        return Config()
    try:  # exists() itself raises in a folder we may not enter
        if not path.exists():
            raise ConfigError(f"config file not found: {path}")
        if path.is_dir():
            raise ConfigError(f"config path is a directory: {path}")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror})") from None
    # capped, and only a regular file: `--config /dev/zero` must not hang
    data = read_capped(
        path, max_megabytes=CONFIG_MAX_MEGABYTES, error=ConfigError, setting="config"
    )
    try:
        raw_text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    return parse_config(raw_text, source=path)


def parse_config(text: str, *, source: Path | None = None) -> Config:
    """Validate TOML text against the section dataclasses."""
    where = str(source) if source else "config"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{where}: invalid TOML: {error}") from None
    sections: dict[str, Any] = {}
    lines: dict[str, int] = {}
    given: set[str] = set()
    for name, value in data.items():
        if name not in SECTIONS:
            line = _line_of(text, rf"^[ \t]*\[\s*{re.escape(name)}\s*\]")
            raise ConfigError(
                f"{_at(where, line)}: unknown section [{name}]{_did_you_mean(name, SECTIONS)}"
            )
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: [{name}] must be a table")
        for key in value:
            given.add(f"{name}.{key}")
            line = _line_of_key(text, name, key)
            if line is not None:
                lines[f"{name}.{key}"] = line
        if typing.get_origin(SECTIONS[name]) is dict:
            sections[name] = _build_table(SECTIONS[name], name, value, text, where)
        else:
            sections[name] = _build_section(SECTIONS[name], name, value, text, where)
    return Config(**sections, source=source, lines=lines, given=frozenset(given))


def _build_section(cls: type, section: str, values: dict[str, Any], text: str, where: str) -> Any:
    hints = typing.get_type_hints(cls)
    rules = {f.name: f.metadata for f in dataclasses.fields(cls)}
    for key, value in values.items():
        line = _line_of_key(text, section, key)
        if key not in hints:
            raise ConfigError(
                f"{_at(where, line)}: unknown key {key!r} in [{section}]{_did_you_mean(key, hints)}"
            )
        expected = hints[key]
        if not _type_matches(value, expected):
            raise ConfigError(
                f"{_at(where, line)}: [{section}] {key} must be {_type_name(expected)}, "
                f"not {type(value).__name__} {value!r}"
            )
        if expected is float:
            values[key] = float(value)
        bounds = rules[key].get("bounds")
        if bounds is not None and not bounds.accepts(values[key]):
            raise ConfigError(
                f"{_at(where, line)}: [{section}] {key} must be {bounds.describe()}, not {value!r}"
            )
        regex = rules[key].get("pattern")
        if regex is not None and not re.fullmatch(regex[0], value):
            raise ConfigError(
                f"{_at(where, line)}: [{section}] {key} must be {regex[1]}, not {value!r}"
            )
    return cls(**values)


def _build_table(
    table_type: Any, section: str, values: dict[str, Any], text: str, where: str
) -> dict[str, Any]:
    """A free-form table such as [keymap]: any key, but every value of one type."""
    _, value_type = typing.get_args(table_type)
    for key, value in values.items():
        if not _type_matches(value, value_type):
            line = _line_of_key(text, section, key)
            raise ConfigError(
                f"{_at(where, line)}: [{section}] {key} must be {_type_name(value_type)}, "
                f"not {type(value).__name__} {value!r}"
            )
    return dict(values)


def _type_matches(value: Any, expected: Any) -> bool:
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    origin = typing.get_origin(expected)
    if origin is dict:
        key_type, value_type = typing.get_args(expected)
        return isinstance(value, dict) and all(
            isinstance(k, key_type) and _type_matches(v, value_type) for k, v in value.items()
        )
    if origin is list:
        (item_type,) = typing.get_args(expected)
        return isinstance(value, list) and all(_type_matches(v, item_type) for v in value)
    return isinstance(value, expected)


def _type_name(expected: Any) -> str:
    names = {str: "a string", float: "a number", int: "an integer", bool: "true or false"}
    if expected in names:
        return names[expected]
    if typing.get_origin(expected) is dict:
        return "a table"
    if typing.get_origin(expected) is list:
        return "a list"
    return str(expected)


def _line_of(text: str, pattern: str) -> int | None:
    match = re.search(pattern, text, flags=re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _line_of_key(text: str, section: str, key: str) -> int | None:
    """The line of `key = ...` inside `[section]` (the same key may be in several), or
    of the other ways TOML spells it: `section.key = ...`, a `[section.key]` table,
    `section = { key = ... }`; errors found after loading ([keymap]) need it too."""
    name = _toml_key(section)
    header = re.search(rf"^[ \t]*\[\s*{name}\s*\]", text, flags=re.MULTILINE)
    start = header.end() if header else 0
    following = re.compile(r"^[ \t]*\[", flags=re.MULTILINE).search(text, start)
    end = following.start() if following else len(text)
    quoted = _toml_key(key)
    # `key = ...`, or `key.sub = ...` (a dotted key makes `key` a table)
    match = re.compile(rf"^[ \t]*{quoted}\s*[=.]", flags=re.MULTILINE).search(text, start, end)
    if match is not None:
        return text.count("\n", 0, match.start()) + 1
    for spelled in (
        rf"^[ \t]*{name}\s*\.\s*{quoted}\s*=",  # dotted key
        rf"^[ \t]*\[\s*{name}\s*\.\s*{quoted}\s*\]",  # a table where a value belongs
        rf"^[ \t]*{name}\s*=\s*\{{[^\n]*?(?:[{{,]\s*){quoted}\s*=",  # inline table
        rf"^[ \t]*{re.escape(key)}\s*=",
    ):
        line = _line_of(text, spelled)
        if line is not None:
            return line
    return None


def _toml_key(key: str) -> str:
    """A regex for `key` as TOML may write it: bare, "double" or 'single' quoted."""
    return rf"(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"


def _at(where: str, line: int | None) -> str:
    return f"{where}:{line}" if line else where


def _did_you_mean(name: str, choices: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
