"""The review app and its factory, `make_app(store, config, sources)`.

`factcheck review` and the tests build the app the same way, so tests inject fake
evidence sources (a Wikipedia that answers instantly, or fails) and a tmp database.
Keys come from the bindings' ids, remapped by config.toml `[keymap]`; a wrong id there
is a `ConfigError` before the screen opens, with a "did you mean".
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Sequence
from functools import partial
from typing import Any
from urllib.parse import urlencode

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.keys import REPLACED_KEYS, Keys, _character_to_key, key_to_character
from textual.notifications import SeverityLevel
from textual.screen import Screen

from factcheck.config import Config
from factcheck.desk.session import documents_to_review
from factcheck.errors import ConfigError
from factcheck.evidence.sources import EvidenceSource
from factcheck.models import ClaimKind, Status
from factcheck.store import Store
from factcheck.text.wording import plural
from factcheck.tui.claim_view import status_filters
from factcheck.tui.lookups import SourceGate
from factcheck.tui.screens.review_screen import ReviewScreen
from factcheck.tui.untrusted import safe_str


class ReviewApp(App[None]):
    """Review one document (or pick one first when `document_id` is None)."""

    CSS_PATH = "factcheck.tcss"
    TITLE = "factcheck review"
    BINDINGS = [  # noqa: RUF012 - Textual reads a plain class list
        Binding("question_mark", "help", "Help", id="help", tooltip="Every key"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        store: Store,
        config: Config,
        sources: Sequence[EvidenceSource] = (),
        *,
        document_id: int | None = None,
        among: Collection[int] | None = None,
        ask_reviewer: bool = False,
        served: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.config = config
        self.sources = list(sources)
        """Every evidence source; they run only in the screen's thread workers."""
        self.source_gate = SourceGate()
        """Lets one worker at a time use the sources (they share a connection)."""
        self.reviewer = config.review.reviewer
        self.document_id = document_id
        self.among = among
        """The picker offers only these documents (None: every one with open claims)."""
        self.ask_reviewer = ask_reviewer
        """Ask for the reviewer's name before anything else (a browser without one)."""
        self.served = served
        """Run by `factcheck serve` for a browser: the help lists keys browsers keep."""
        self._quit_warned = False

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification as plain text, whoever sends it (screens pass markup=True
        by default): messages quote claim text, evidence titles and error text, and
        `[/b]` or `[@click=app.quit]` there must show as typed, not crash or act, and
        their control characters shown, not sent to the terminal (`tui.untrusted`)."""
        super().notify(
            safe_str(message),
            title=safe_str(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    @property
    def wikipedia_source(self) -> EvidenceSource | None:
        """The source `w` asks: the first one named "wikipedia", if any."""
        return next((s for s in self.sources if s.name == "wikipedia"), None)

    @property
    def suggestion_sources(self) -> list[EvidenceSource]:
        """The sources asked automatically when a claim without evidence is selected:
        every one but Wikipedia (local and quick; Wikipedia waits for `w`)."""
        return [s for s in self.sources if s.name != "wikipedia"]

    def get_default_screen(self) -> Screen[Any]:
        """The review screen itself when the document is known (one screen to build,
        not a blank default screen and then this one: first paint is sooner)."""
        if self.document_id is not None and not self.ask_reviewer:
            return ReviewScreen(self.document_id)
        return super().get_default_screen()

    async def on_event(self, event: events.Event) -> None:
        """Before the first key or click, the review screen reads the claims it has not
        read yet (it paints the first screenful first): a key pressed while the rest
        were loading acts on the whole document, never on a part of it."""
        if isinstance(event, events.InputEvent) and not event.is_forwarded:
            screen = self.review_screen
            if screen is not None:
                screen.before_input()
        await super().on_event(event)

    def on_mount(self) -> None:
        self.set_keymap(self.config.keymap)
        if self.ask_reviewer:
            from factcheck.tui.screens.reviewer import ReviewerPrompt  # only when asked

            self.push_screen(ReviewerPrompt(), self.reviewer_chosen)
        elif self.document_id is None:
            self.show_picker()

    def reviewer_chosen(self, name: str | None) -> None:
        """Start reviewing as `name`. In a browser, the page reloads with the name in
        its URL: `factcheck serve` keeps it in a session cookie, so every further tab
        of this browser session starts as this reviewer without asking again."""
        if name is None:
            return
        if self.is_web:
            self.open_url("?" + urlencode({"reviewer": name}), new_tab=False)
            return
        self.reviewer = name
        self.ask_reviewer = False
        if self.document_id is None:
            self.show_picker()
        else:
            self.push_screen(ReviewScreen(self.document_id))

    def show_picker(self) -> None:
        summaries = documents_to_review(self.store, reviewer=self.reviewer, among=self.among)
        from factcheck.tui.screens.picker import PickerScreen  # only without a document

        picker = PickerScreen(summaries, assigned=self.store.assignments(), reviewer=self.reviewer)
        self.push_screen(picker, self.open_document)

    def open_document(self, document_id: int | None) -> None:
        if document_id is not None:
            self.document_id = document_id
            self.push_screen(ReviewScreen(document_id))

    @property
    def review_screen(self) -> ReviewScreen | None:
        screens = [s for s in self.screen_stack if isinstance(s, ReviewScreen)]
        return screens[-1] if screens else None

    def action_help(self) -> None:
        from factcheck.tui.screens.help import HelpScreen  # on `?`: not before first paint

        if not isinstance(self.screen, HelpScreen):
            note = browser_keys_note(self.config.keymap) if self.served or self.is_web else None
            self.push_screen(HelpScreen(help_rows(self.config.keymap), browser_note=note))

    async def action_quit(self) -> None:
        """Quit, unless verdicts are still waiting for a locked database (then warn once)."""
        screen = self.review_screen
        if screen is not None and screen.pending and not self._quit_warned:
            self._quit_warned = True
            self.notify(
                f"{plural(len(screen.pending), 'verdict')} not saved yet (the database could"
                " not be written); press q again to quit without them.",
                severity="warning",
            )
            return
        self.exit()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The review actions in the command palette (ctrl+p), next to Textual's own
        but its "Keys" panel: ours (the help screen, with keymap ids) is the one "Keys"."""
        yield from (c for c in super().get_system_commands(screen) if c.title != "Keys")
        if not isinstance(screen, ReviewScreen):
            return
        for status in Status:
            yield SystemCommand(
                f"Mark {status}",
                f"Record '{status}' on the selected claim and move on",
                partial(screen.action_mark, str(status)),
            )
        yield SystemCommand(
            "Undo last verdict", "Give the claim its previous status back", screen.action_undo
        )
        yield SystemCommand("Add a note", "Saved with the next verdict", screen.action_note)
        yield SystemCommand(
            "Look up Wikipedia", "Search Wikipedia for this claim", screen.action_wikipedia
        )
        yield SystemCommand("Search claims", "Only claims containing text", screen.action_search)
        yield SystemCommand(
            "Next undecided claim", "The next claim without a verdict", screen.action_next_undecided
        )
        for choice in status_filters():
            yield SystemCommand(
                f"Filter: {'all claims' if choice is None else f'only {choice}'}",
                "Which claims the list shows, by status",
                partial(screen.set_filter, choice),
            )
        for kind in (None, *ClaimKind):
            yield SystemCommand(
                f"Kind: {'every kind' if kind is None else f'only {kind}'}",
                "Which claims the list shows, by kind",
                partial(screen.set_kind, kind),
            )
        yield SystemCommand(
            "Show or hide low-scoring claims",
            "Claims under the check-worthiness threshold",
            screen.action_toggle_low,
        )
        yield SystemCommand(
            "Show or hide the Recent panel", "More room for the list", screen.action_toggle_recent
        )
        yield SystemCommand("Keys", "Every key and its keymap id", self.action_help)


def binding_ids() -> dict[str, Binding]:
    """Every remappable binding of the review app, by id."""
    bindings = [*ReviewApp.BINDINGS, *ReviewScreen.BINDINGS]
    return {b.id: b for b in bindings if isinstance(b, Binding) and b.id}


def help_rows(keymap: dict[str, str]) -> list[tuple[str, str, str]]:
    """(keys, id, description) for the help screen, with the keymap applied."""
    rows = []
    cite_keys = []
    for binding_id, binding in binding_ids().items():
        keys = keymap.get(binding_id, binding.key)
        if binding_id.startswith("cite_"):  # nine rows would drown the rest: one row
            cite_keys.append(_display_keys(keys))
            if binding_id == "cite_9":
                default = cite_keys == [str(n) for n in range(1, 10)]
                shown = "1-9" if default else " ".join(cite_keys)
                rows.append((shown, "cite_1 … cite_9", "Cite evidence 1-9 in the next verdict"))
            continue
        rows.append((_display_keys(keys), binding_id, binding.tooltip or binding.description))
    return rows


BROWSER_KEPT_KEYS = ("ctrl+w", "ctrl+t", "ctrl+n", "ctrl+tab", "ctrl+shift+tab", "f11")
"""Keys a browser keeps for itself (close, new tab, new window, switch tab, full
screen): a page never receives them, so in `factcheck serve` they cannot be bindings."""


def browser_keys_note(keymap: dict[str, str]) -> str:
    """What the help screen says in a browser: which keys the browser keeps, what the
    review uses instead, and any [keymap] entry that a browser would swallow."""
    kept = ", ".join(BROWSER_KEPT_KEYS)
    note = (
        f"In a browser: {kept} stay with the browser and never reach factcheck, so no"
        " review key uses them: undo is ctrl+z, the command palette ctrl+p, quit q."
    )
    lost = [
        f"{binding_id} ({key.strip()})"
        for binding_id, binding in binding_ids().items()
        for key in keymap.get(binding_id, binding.key).split(",")
        if key.strip().lower() in BROWSER_KEPT_KEYS
    ]
    if lost:
        note += " Your [keymap] binds " + ", ".join(lost) + ": map them to other keys."
    return note


def _display_keys(keys: str) -> str:
    names = {
        "question_mark": "?",
        "slash": "/",
        "escape": "esc",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
        "left_curly_bracket": "{",
        "right_curly_bracket": "}",
    }
    return ", ".join(names.get(k.strip(), k.strip()) for k in keys.split(","))


MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
KEY_NAMES = frozenset(key.value.rsplit("+", 1)[-1] for key in Keys) | {
    "enter",
    "tab",
    "space",
    "backspace",
    *(f"f{n}" for n in range(1, 25)),
}
"""Named keys Textual knows (besides single characters and Unicode character names)."""


def check_keymap(keymap: dict[str, str], *, config: Config | None = None) -> None:
    """Refuse what would break the screen's keys, in one line with the config line.

    An unknown binding id (with a "did you mean"), an empty or malformed key
    (`foo+bar+baz`), and two bindings left on one key (`mark_disputed = "s"` would
    leave `s` to two verdicts and "supported" without a key of its own).
    """
    config = config or Config()
    known = binding_ids()
    for binding_id, keys in keymap.items():
        where = config.where("keymap", binding_id)
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, list(known), n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{where}: unknown binding id {binding_id!r} in [keymap]{hint}")
        if not keys.strip():
            raise ConfigError(f"{where}: [keymap] {binding_id} has no key")
        for key in keys.split(","):
            if not _is_key(key.strip()):
                raise ConfigError(
                    f"{where}: [keymap] {binding_id}: {key.strip()!r} is not a key"
                    ' (write e.g. "x", "ctrl+x", "f2" or "question_mark")'
                )
    owner: dict[str, str] = {}
    # Remapped bindings last, so the message blames the [keymap] line that collides.
    ordered = sorted(known.items(), key=lambda item: item[0] in keymap)
    for binding_id, binding in ordered:
        for spelled in keymap.get(binding_id, binding.key).split(","):
            key = _same_key(spelled.strip())
            if key in owner:
                other = owner[key]
                blamed = binding_id if binding_id in keymap else other
                left = other if blamed == binding_id else binding_id
                raise ConfigError(
                    f"{config.where('keymap', blamed)}: [keymap] {blamed} = {spelled.strip()!r}"
                    " is already"
                    f" the key of {left}; give {left} another key in [keymap] too"
                )
            owner[key] = binding_id


def _is_key(key: str) -> bool:
    """Whether Textual can bind `key`: modifiers, then one character or a key name."""
    *modifiers, name = key.split("+")
    if (
        not name
        or any(m not in MODIFIERS for m in modifiers)
        or len(set(modifiers)) != len(modifiers)
    ):
        return False
    if len(name) == 1:
        return name.isprintable()
    return name in KEY_NAMES or name in REPLACED_KEYS or key_to_character(name) is not None


def _same_key(key: str) -> str:
    """One spelling per key, so `?` and `question_mark` are seen to collide."""
    *modifiers, name = key.split("+")
    if len(name) == 1:
        name = _character_to_key(name)
    return "+".join([*sorted(modifiers), name])


def make_app(
    store: Store,
    config: Config,
    sources: Sequence[EvidenceSource] = (),
    *,
    document_id: int | None = None,
    among: Collection[int] | None = None,
    ask_reviewer: bool = False,
    served: bool = False,
) -> ReviewApp:
    """The review app over an open store; shared by `factcheck review` and the tests."""
    check_keymap(config.keymap, config=config)
    if document_id is not None:
        store.get_document(document_id)  # NotFoundError now, not inside the UI
    return ReviewApp(
        store,
        config,
        sources,
        document_id=document_id,
        among=among,
        ask_reviewer=ask_reviewer,
        served=served,
    )
