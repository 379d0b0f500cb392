"""The review screen's footer: key hints that fit the terminal's width, in one widget.

Textual's `Footer` mounts a widget per hint and builds them all again whenever the
bindings change (focus moving, the screen opening): about twenty widgets styled two
or three times before the review screen settles, the largest single cost of opening a
review after loading the claims. This footer is one line drawn from the screen's active
bindings, looking the same (compact: `key description`, the command palette on the
right), redrawn in place when the bindings or the width change.

At 80 columns every hint cannot fit. When the hints are wider than the terminal, this
footer leaves out those for the secondary actions and the command palette, keeping the
verdict keys, `space` (next undecided), undo, Wikipedia, `?` (which lists every key)
and `q`. Clicking a hint presses its key, as in Textual's footer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip
from textual.widget import Widget

SECONDARY_ACTIONS = frozenset({"search", "filter", "note", "mark('dismissed')", "command_palette"})
"""Actions whose hints a narrow footer leaves out (`?` still lists them)."""
SEPARATOR = "▏"
"""Before the command palette's hint, as Textual's footer draws it (a `vkey` border)."""


@dataclass(frozen=True)
class Hint:
    """One key hint: where it starts on the line and what pressing it sends."""

    key: str
    key_display: str
    description: str
    action: str
    enabled: bool = True
    x: int = 0

    @property
    def width(self) -> int:
        """Cells of `key description` (without the space after it)."""
        return len(self.key_display) + 1 + len(self.description)

    @property
    def right(self) -> int:
        return self.x + self.width


class ReviewFooter(Widget):
    """One line of key hints for the screen's active bindings."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {  # noqa: RUF012 - Textual reads a plain class set
        "review-footer--key",
        "review-footer--description",
        "review-footer--separator",
    }
    DEFAULT_CSS = """
    ReviewFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    ReviewFooter > .review-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    ReviewFooter > .review-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    ReviewFooter > .review-footer--separator {
        color: $foreground 20%;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        self.refresh()

    # -- which hints ----------------------------------------------------------------

    def hints(self) -> list[Hint]:
        """The hints shown at the current width, placed: the left ones in binding
        order, the command palette's at the right edge."""
        left: list[Hint] = []
        palette: Hint | None = None
        seen: set[str] = set()
        app = self.app
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.action in seen:
                continue
            is_palette = binding.action == "command_palette"
            if not is_palette and not binding.show:
                continue
            if is_palette and not app.ENABLE_COMMAND_PALETTE:
                continue
            seen.add(binding.action)
            hint = Hint(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled=enabled,
            )
            if is_palette:
                palette = hint
            else:
                left.append(hint)
        width = self.size.width or app.size.width
        wanted = [*left, *([palette] if palette else [])]
        if sum(h.width + 1 for h in wanted) + (1 if palette else 0) > width:
            left = [h for h in left if h.action not in SECONDARY_ACTIONS]
            palette = None
        placed, x = [], 0
        for hint in left:
            placed.append(replace(hint, x=x))
            x += hint.width + 1
        if palette is not None:
            x = max(x, width - palette.width - 1)
            placed.append(replace(palette, x=x))
        return placed

    # -- drawing --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        key_style = base + self.get_component_rich_style("review-footer--key", partial=True)
        description_style = base + self.get_component_rich_style(
            "review-footer--description", partial=True
        )
        if y != 0:
            return Strip.blank(width, base)
        segments: list[Segment] = []
        at = 0
        for hint in self.hints():
            dim = Style(dim=True) if not hint.enabled else Style()
            if hint.action == "command_palette":
                gap = hint.x - 1 - at
                if gap > 0:
                    segments.append(Segment(" " * gap, base))
                segments.append(Segment(SEPARATOR, base + self._separator_style()))
                at = hint.x
            segments.append(Segment(hint.key_display, key_style + dim))
            segments.append(Segment(f" {hint.description}", description_style + dim))
            segments.append(Segment(" ", base))
            at += hint.width + 1
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    def _separator_style(self) -> Style:
        """The separator's colour blended over the footer, as a border's would be
        (a translucent colour in a Rich style would show at full strength)."""
        color = self.get_component_styles("review-footer--separator").color
        _, background = self.background_colors
        return Style(color=(background + color).rich_color)

    def on_click(self, event: events.Click) -> None:
        """A click on a hint presses its key (like Textual's footer)."""
        for hint in self.hints():
            if hint.x <= event.x < hint.right and hint.enabled:
                self.app.simulate_key(hint.key)
                return
