"""The review TUI (Textual). Only `factcheck review` imports this package, lazily:
the core (store, config, splitter, sources, CLI) never needs Textual."""

from factcheck.tui.app import ReviewApp, make_app

__all__ = ["ReviewApp", "make_app"]
