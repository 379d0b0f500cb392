"""Start-up: a command imports only what it uses (a script calls factcheck per file)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from factcheck.cli import COMMANDS, cli
from factcheck.ingest import Article, add_article
from factcheck.store import Store

SEED_TEXT = (Path(__file__).resolve().parents[2] / "seeds" / "xi-lee-call.txt").read_text(
    encoding="utf-8"
)

HEAVY = (
    "trafilatura",
    "pypdf",
    "httpx",
    "textual",
    "textual_serve",
    "aiohttp",
    "wikipediaapi",
    "onnxruntime",
    "lxml",
)


def imported_after(args: list[str], cwd: Path) -> set[str]:
    """Modules loaded by running `factcheck ARGS` in a fresh interpreter."""
    code = (
        "import sys, json\n"
        "from factcheck.cli import cli\n"
        "try:\n"
        f"    cli({args!r}, prog_name='factcheck')\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=True
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_list_on_an_empty_database_imports_no_reader_ui_or_model(tmp_path: Path) -> None:
    Store(tmp_path / "claims.db").close()  # created (and migrated) before
    loaded = imported_after(["--db", str(tmp_path / "claims.db"), "list"], tmp_path)
    assert "factcheck.cli.claims" in loaded  # the command did run
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}
    assert "sqlite_utils" not in loaded  # a read-only listing needs only sqlite3
    # the import's schema validator loads with an import, not with a listing
    assert "fastjsonschema" not in loaded


def test_help_imports_no_command_module(tmp_path: Path) -> None:
    loaded = imported_after(["--help"], tmp_path)
    # only what the group itself uses: printing helpers (sanitised library logs) and
    # the parameter checks of --db and --config
    assert {m for m in loaded if m.startswith("factcheck.cli.")} == {
        "factcheck.cli.output",
        "factcheck.cli.params",
    }
    assert not {m for m in loaded if m.split(".")[0] in (*HEAVY, "sqlite_utils")}
    assert "factcheck.store" not in loaded


def test_adding_a_text_file_imports_no_web_or_pdf_reader(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The bridge reopened on 3 March after 14 months of repairs.\n")
    Store(tmp_path / "c.db").close()
    loaded = imported_after(["--db", str(tmp_path / "c.db"), "add", str(article)], tmp_path)
    assert "factcheck.claims.splitter" in loaded
    # The transformer's scores are left pending (finished by the first read): `add` of a
    # text file loads neither numpy nor onnxruntime, nor the web and PDF readers.
    assert not {m for m in loaded if m.split(".")[0] in (*HEAVY, "numpy", "sqlite_utils")}
    with Store(tmp_path / "c.db") as store:
        assert [c.text for c in store.list_claims()]  # it was stored
        assert store.has_pending_scores()


def test_list_loads_the_model_only_while_scores_are_pending(tmp_path: Path) -> None:
    with Store(tmp_path / "claims.db") as store:
        add_article(store, Article(SEED_TEXT, title="t", source="-"), defer_scores=True)
    args = ["--db", str(tmp_path / "claims.db"), "list"]
    finishing = imported_after(args, tmp_path)  # finishes the scores `add` left
    assert {"numpy", "onnxruntime"} <= {m.split(".")[0] for m in finishing}
    with Store(tmp_path / "claims.db") as store:
        assert not store.has_pending_scores()
    loaded = imported_after(args, tmp_path)  # nothing pending: no model, no numpy
    assert "factcheck.cli.claims" in loaded
    assert not {m for m in loaded if m.split(".")[0] in (*HEAVY, "numpy")}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_lazy_command_is_registered_by_its_module_with_its_summary(name: str) -> None:
    module, summary = COMMANDS[name]
    importlib.import_module(module)
    command = cli.commands[name]
    assert command.callback is not None and command.callback.__module__ == module
    assert command.help is not None
    assert summary == command.help.split("\n\n")[0]


def test_help_lists_every_command_as_click_would() -> None:
    ctx = click.Context(cli, info_name="factcheck")
    names = cli.list_commands(ctx)
    for name in names:
        cli.get_command(ctx, name)  # now every command is loaded: click's own listing
    eager = click.Group.format_commands
    lazy_text, eager_text = click.HelpFormatter(), click.HelpFormatter()
    cli.format_commands(ctx, lazy_text)
    eager(cli, ctx, eager_text)
    assert lazy_text.getvalue() == eager_text.getvalue()
    assert set(names) == set(COMMANDS)


def test_the_review_screen_loads_without_readers_sqlite_utils_or_the_matcher(
    tmp_path: Path,
) -> None:
    """First paint of `factcheck review` pays for Textual, not for what it may use later."""
    with Store(tmp_path / "claims.db") as store:  # scored, as `review` leaves it for the screen
        article = Article("The bridge reopened on 3 March.", title="t", source="-")
        add_article(store, article)
    code = (
        "import asyncio, json, sys\n"
        "from factcheck.config import load_config\n"
        "from factcheck.store import Store\n"
        "from factcheck.tui import make_app\n"
        "async def main():\n"
        f"    app = make_app(Store({str(tmp_path / 'claims.db')!r}), load_config(None), [],"
        " document_id=1)\n"
        "    async with app.run_test() as pilot:\n"
        "        await pilot.pause()\n"
        "        print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
        "asyncio.run(main())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "factcheck.tui.screens.review_screen" in loaded
    unwanted = ("trafilatura", "pypdf", "httpx", "wikipediaapi", "sqlite_utils", "rapidfuzz")
    assert not {m for m in loaded if m.split(".")[0] in unwanted}
