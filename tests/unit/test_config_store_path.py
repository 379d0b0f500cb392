"""Which database a config file opens, the notice when one is created, and config
errors found after loading ([keymap]) naming their line however TOML spells the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.config import DB_ENV, load_config
from factcheck.errors import ConfigError
from factcheck.tui.app import check_keymap


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config file in another folder than the working directory (`work`)."""
    monkeypatch.delenv(DB_ENV, raising=False)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    return tmp_path / "elsewhere"


def factcheck(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_a_config_without_store_path_keeps_the_database_in_the_working_directory(
    elsewhere: Path,
) -> None:
    config = elsewhere / "my.toml"
    config.write_text('[review]\nreviewer = "ana"\n')
    result = factcheck("--config", str(config), "documents")
    assert result.exit_code == 0, result.output
    assert not (elsewhere / "claims.db").exists()  # nothing created beside the config file
    here = Path("claims.db").resolve()
    assert here.is_file()
    assert result.stderr.splitlines()[0] == (
        f"created a new database {here} (the default: claims.db in the working directory)"
    )


def test_a_relative_store_path_in_a_config_file_is_relative_to_that_file(
    elsewhere: Path,
) -> None:
    config = elsewhere / "desk.toml"
    config.write_text('[store]\npath = "data/desk.db"\n')
    (elsewhere / "data").mkdir()
    result = factcheck("--config", str(config), "documents")
    assert result.exit_code == 0, result.output
    assert (elsewhere / "data" / "desk.db").is_file() and not Path("data").exists()
    assert f"created a new database {elsewhere / 'data' / 'desk.db'}" in result.stderr
    assert f"([store] path in {config})" in result.stderr
    # the same database from any folder, and no notice once it exists
    again = factcheck("--config", str(config), "documents")
    assert "created a new database" not in again.stderr


def test_the_notice_names_what_chose_the_database(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "(--db)" in factcheck("--db", "a.db", "documents").stderr
    monkeypatch.setenv(DB_ENV, "b.db")
    assert f"(${DB_ENV})" in factcheck("documents").stderr
    assert "created a new database" not in factcheck("documents").stderr


def test_the_notice_shows_a_hostile_path_without_obeying_it(elsewhere: Path) -> None:
    result = factcheck("--db", "evil\x1b]0;owned\x07.db", "documents")
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "created a new database" in result.stderr


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('# keys\n\nkeymap.mark_disputed = "s"\n[review]\nreviewer = "ana"\n', 3),
        ('[review]\nreviewer = "ana"\n[keymap]\n\n"mark_disputed" = "s"\n', 5),
        ('# keys\nkeymap = { note = "n", mark_disputed = "s" }\n', 2),
        ("# keys\n\n[keymap.mark_disputed]\n", 3),
        ('keymap.mark_supportd = "x"\n[review]\nreviewer = "ana"\n', 1),
    ],
)
def test_keymap_errors_name_the_line_however_the_key_is_written(
    tmp_path: Path, text: str, line: int
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        check_keymap(load_config(path).keymap, config=load_config(path))
    assert str(caught.value).startswith(f"{path}:{line}: "), str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '# a comment\nstore.pth = "x.db"\n',
            ":2: unknown key 'pth' in [store] (did you mean 'path'?)",
        ),
        ('[review]\nreviewer = "ana"\nkeymap.note = "x"\n', ":3: unknown key 'keymap' in [review]"),
    ],
)
def test_other_errors_name_the_line_of_a_dotted_key_too(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}{message}"


def test_a_bad_keymap_stops_review_before_anything_is_added(elsewhere: Path) -> None:
    config = elsewhere / "my.toml"
    config.write_text('[keymap]\nmark_supportd = "x"\n')
    Path("a.txt").write_text("Exports grew 5% in 2024.\n")
    result = factcheck("--config", str(config), "review", "a.txt")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {config}:2: unknown binding id 'mark_supportd'")
    assert not Path("claims.db").exists()  # no database made, no article added
