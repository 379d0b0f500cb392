"""config.toml: discovery order, strict validation with file/line/"did you mean"."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Config, find_config_path, load_config, parse_config
from factcheck.errors import ConfigError

REPO_CONFIG = Path(__file__).resolve().parents[2] / "config.toml"


def test_the_shipped_config_toml_is_valid_and_matches_the_defaults():
    shipped = load_config(REPO_CONFIG)
    defaults = Config()
    assert shipped.store.path == defaults.store.path == "claims.db"
    assert shipped.wikipedia == defaults.wikipedia


def test_discovery_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    assert find_config_path() is None  # nothing here: built-in defaults
    (tmp_path / "config.toml").write_text("")
    assert find_config_path() == Path("config.toml")
    monkeypatch.setenv("FACTCHECK_CONFIG", "/env/config.toml")
    assert find_config_path() == Path("/env/config.toml")
    assert find_config_path("/cli/config.toml") == Path("/cli/config.toml")


def test_values_are_read_and_numbers_widened():
    config = parse_config('[wikipedia]\nlanguage = "fr"\ntimeout = 3\n[review]\nreviewer = "ana"')
    assert config.wikipedia.language == "fr"
    assert config.wikipedia.timeout == 3.0
    assert config.review.reviewer == "ana"


def test_unknown_key_names_file_line_and_suggestion(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('[wikipedia]\nlanguage = "en"\ntimout = 3\n')
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert f"{path}:3" in message
    assert "'timout'" in message
    assert "did you mean 'timeout'" in message


def test_unknown_section_is_an_error():
    with pytest.raises(
        ConfigError, match=r"unknown section \[wikipdia\].*did you mean 'wikipedia'"
    ):
        parse_config("[wikipdia]\n")


def test_wrong_type_is_an_error():
    with pytest.raises(ConfigError, match=r"\[store\] timeout must be a number, not str"):
        parse_config('[store]\ntimeout = "soon"\n')
    with pytest.raises(ConfigError, match=r"\[review\] reviewer must be a string"):
        parse_config("[review]\nreviewer = 7\n")


def test_broken_toml_is_an_error_with_its_line(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('[store]\npath = "claims.db\n')
    with pytest.raises(ConfigError, match=r"invalid TOML.*line 2"):
        load_config(path)


def test_a_named_config_that_does_not_exist_is_an_error():
    with pytest.raises(ConfigError, match="config file not found"):
        load_config("nowhere/config.toml")


def test_database_path_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "conf" / "config.toml"
    path.parent.mkdir()
    path.write_text('[store]\npath = "desk.db"\n')
    config = load_config(path)
    assert config.database_path() == tmp_path / "conf" / "desk.db"  # relative to the file
    monkeypatch.setenv("FACTCHECK_DB", "env.db")
    assert config.database_path() == Path("env.db")
    assert config.database_path("cli.db") == Path("cli.db")
