"""Finding typed objects in JSON-LD, however deeply a page or a feed nests them.

Pages and fact-check feeds put their objects at the top level, in a list, in an
`@graph`, or inside another object (`mainEntity`, `itemReviewed`). `typed_nodes`
walks all of that with an explicit stack, so hostile nesting (100,000 levels) costs
memory in proportion to its size, never a RecursionError.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["typed_nodes"]


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
