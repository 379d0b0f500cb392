"""Migrations import no live code: a step's copy of what it needs is frozen in schema.py."""

from __future__ import annotations

import ast
from pathlib import Path

import factcheck.store.schema
from factcheck.store import Store
from factcheck.store.references import stem_counts

PASSAGES = [
    ("Korea", "Seoul is the capital of South Korea."),
    ("Asia's economies", "Asia’s fourth-largest economy grew; it's said they'd grown."),
    ("İstanbul", "Straße und Ærø: ÉCOLE Élan, emissions and the EMISSION of CO2."),
    ("", "the a of"),  # stop words only: a passage with no stems still counts
]


def test_the_schema_module_imports_nothing_from_factcheck() -> None:
    tree = ast.parse(Path(factcheck.store.schema.__file__).read_text(encoding="utf-8"))
    imported = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert imported  # the walk sees the module's imports at all
    assert [name for name in imported if name.split(".")[0] == "factcheck"] == []


def test_the_frozen_v4_stem_counts_are_what_the_store_counts(old_database) -> None:
    """If the live stemmer ever changes, this fails: the counts old libraries hold would
    differ from the store's, and a new migration must recount them."""
    path, conn = old_database(3)
    conn.executemany(
        "INSERT INTO reference_passages (ref_id, title, text) VALUES (?, ?, ?)",
        [(f"p{n}", title, text) for n, (title, text) in enumerate(PASSAGES)],
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        upgraded = set(store.db.execute("SELECT stem, documents, occurrences FROM reference_stems"))
    expected = set(stem_counts(PASSAGES))
    assert ("", len(PASSAGES), sum(n for stem, _, n in expected if stem)) in upgraded
    assert upgraded == expected
