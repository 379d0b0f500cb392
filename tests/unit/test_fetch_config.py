"""The [fetch] section of config.toml: defaults, validation, and the shipped file."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import load_config, parse_config
from factcheck.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent.parent.parent


def test_fetch_settings_are_read_and_typed():
    config = parse_config('[fetch]\ntimeout = 3\nmax_megabytes = 2\nuser_agent = "me"\n')
    assert config.fetch.timeout == 3.0 and isinstance(config.fetch.timeout, float)
    assert config.fetch.max_megabytes == 2.0
    assert config.fetch.user_agent == "me"
    assert config.fetch.max_redirects == 5


def test_fetch_typos_and_wrong_types_are_refused():
    with pytest.raises(ConfigError, match=r"unknown key 'max_megabyte' .*'max_megabytes'"):
        parse_config("[fetch]\nmax_megabyte = 2\n")
    with pytest.raises(ConfigError, match=r"\[fetch\] max_redirects must be an integer"):
        parse_config('[fetch]\nmax_redirects = "five"\n')


def test_shipped_config_toml_documents_the_defaults():
    shipped = load_config(REPO_ROOT / "config.toml")
    assert shipped.fetch == parse_config("").fetch
