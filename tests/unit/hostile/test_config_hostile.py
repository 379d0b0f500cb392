"""Issue 12 item 21: absurd config values and broken [keymap] entries are refused at
load, in one line naming the file, the line and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import load_config
from factcheck.errors import ConfigError
from factcheck.tui.app import check_keymap


@pytest.mark.parametrize(
    ("section", "line", "message"),
    [
        ("[store]", "timeout = nan", r"\[store\] timeout must be at least 0"),
        ("[store]", "timeout = inf", r"\[store\] timeout must be"),
        ("[store]", "timeout = -1", r"\[store\] timeout must be at least 0"),
        ("[fetch]", "max_megabytes = -1", r"\[fetch\] max_megabytes must be more than 0"),
        ("[fetch]", "max_megabytes = nan", r"\[fetch\] max_megabytes must be"),
        ("[fetch]", "timeout = 0", r"\[fetch\] timeout must be more than 0"),
        ("[fetch]", "max_redirects = 1000", r"\[fetch\] max_redirects must be"),
        ("[wikipedia]", "max_retries = 100000", r"\[wikipedia\] max_retries must be"),
        ("[wikipedia]", "timeout = -inf", r"\[wikipedia\] timeout must be"),
        ("[wikipedia]", "pages = 0", r"\[wikipedia\] pages must be at least 1"),
        ("[wikipedia]", 'language = "evil.com/#"', r"\[wikipedia\] language must be a language"),
        ("[prior]", "strong_threshold = 1.5", r"\[prior\] strong_threshold must be"),
        ("[fetch]", "deadline = 0", r"\[fetch\] deadline must be more than 0"),
        ("[fetch]", "deadline = inf", r"\[fetch\] deadline must be"),
        ("[fetch]", "deadline = 1e9", r"\[fetch\] deadline must be .* at most 3600"),
        ("[fetch]", 'allow_private_hosts = "yes"', r"\[fetch\] allow_private_hosts must be true"),
        ("[ingest]", "max_megabytes = 0", r"\[ingest\] max_megabytes must be more than 0"),
        ("[ingest]", "max_megabytes = nan", r"\[ingest\] max_megabytes must be"),
        ("[ingest]", "max_megabytes = 1e12", r"\[ingest\] max_megabytes must be"),
        ("[serve]", 'token = "a b"', r"\[serve\] token must be letters, digits"),
        ("[serve]", 'token = "x;Path=/"', r"\[serve\] token must be letters, digits"),
        ("[serve]", 'token = "k\\u001b]0;x"', r"\[serve\] token must be letters, digits"),
        ("[serve]", "token = 42", r"\[serve\] token must be a string"),
    ],
)
def test_absurd_values_are_refused_with_file_line_and_key(tmp_path: Path, section, line, message):
    path = tmp_path / "config.toml"
    # The same key in an earlier section must not mislead the line number.
    path.write_text(f'[review]\nreviewer = "ana"\n\n[store]\npath = "x.db"\n\n{section}\n{line}\n')
    if section == "[store]":
        path.write_text(
            f'[review]\nreviewer = "ana"\n\n[fetch]\ntimeout = 5\n\n{section}\n{line}\n'
        )
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}:8: ")
    assert "\n" not in str(caught.value)


def test_sane_edge_values_are_accepted(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text("[store]\ntimeout = 0\n[wikipedia]\nmax_retries = 0\nlanguage = 'zh-min-nan'\n")
    config = load_config(path)
    assert config.store.timeout == 0 and config.wikipedia.language == "zh-min-nan"


def test_security_settings_accept_their_sane_values(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text(
        "[fetch]\ndeadline = 5\nallow_private_hosts = true\n[ingest]\nmax_megabytes = 0.5\n"
        '[serve]\ntoken = "Zx-9_a.b~c+d/e="\n'
    )
    config = load_config(path)
    assert (config.fetch.deadline, config.fetch.allow_private_hosts) == (5.0, True)
    assert config.ingest.max_megabytes == 0.5 and config.serve.token == "Zx-9_a.b~c+d/e="


@pytest.mark.parametrize(
    ("keymap", "message"),
    [
        ('mark_disputed = "s"', "mark_disputed = 's' is already the key of mark_supported"),
        ('quit = "s"', "quit = 's' is already the key of mark_supported"),
        ('mark_supported = "d"\nmark_disputed = "d"', "is already the key of mark_"),
        ('note = "foo+bar+baz"', "'foo+bar+baz' is not a key"),
        ('note = "ctrl+"', "is not a key"),
        ('note = "x,,y"', "is not a key"),
        ('note = "nosuchkey"', "'nosuchkey' is not a key"),
    ],
)
def test_keymap_conflicts_and_malformed_keys_name_the_line(tmp_path: Path, keymap, message):
    path = tmp_path / "config.toml"
    path.write_text(f'[review]\nreviewer = "ana"\n\n[keymap]\n{keymap}\n')
    config = load_config(path)
    with pytest.raises(ConfigError) as caught:
        check_keymap(config.keymap, config=config)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:5: ") or str(caught.value).startswith(
        f"{path}:6: "
    )


def test_good_keymaps_pass(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text(
        '[keymap]\nmark_supported = "v"\nmark_disputed = "s"\nhelp = "f1,question_mark"\n'
        'undo = "ctrl+shift+z"\nsearch = "slash"\n'
    )
    config = load_config(path)
    check_keymap(config.keymap, config=config)
