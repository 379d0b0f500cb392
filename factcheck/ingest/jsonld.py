"""Finding typed objects in JSON-LD, however deeply a page or a feed nests them.

The one JSON-LD reader of `ingest.html` (a page's NewsArticle: its URL and date) and
`ingest.claimreview` (ClaimReview objects in a feed file or in a fact-check's page).
Pages and fact-check feeds put their objects at the top level, in a list, in an
`@graph`, or inside another object (`mainEntity`, `itemReviewed`). `typed_nodes`
walks all of that with an explicit stack, so hostile nesting (100,000 levels) costs
memory in proportion to its size, never a RecursionError.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError
from factcheck.untrusted.json_input import load_json

if TYPE_CHECKING:  # only for hints: lxml is imported by whoever parsed the page
    from lxml.html import HtmlElement

__all__ = ["page_json_ld", "typed_nodes"]


def page_json_ld(tree: HtmlElement) -> Iterator[Any]:
    """The parsed JSON of each `<script type="application/ld+json">` of a parsed page,
    in page order. A block that is not valid JSON (or absurdly nested) is skipped:
    broken JSON-LD is common, and the rest of the page still counts."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            yield load_json(script.text or "", name="JSON-LD")
        except InputError:
            continue


def typed_nodes(data: Any, types: set[str] | frozenset[str]) -> Iterator[dict[str, Any]]:
    """Every object whose `@type` (a string or a list) is one of `types`, in document order.

    A matching object is yielded and not searched further: its parts describe it.
    """
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k in types for k in kinds):
                yield node
            else:
                stack.extend(reversed(list(node.values())))
