"""A claims.db whose every text field holds a hostile value, as a bad import could leave it.

The values are written with plain SQL after a normal add/mark/match, so the reports
are tested on what is in the database, whatever validation the import does.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from factcheck.models import Claim, Evidence, SourceKind
from factcheck.store import Store

INJECTIONS = [
    "</script><script>alert(1)</script>",
    "</SCRIPT ><ScRiPt>alert(2)</sCrIpT>",
    "<!-- <script>alert(3)</script> -->",
    "<img src=x onerror=alert(4)>",
    "[x](javascript:alert(5))",
    "<javascript:alert(6)>",
    "<https://evil.example/autolink>",
    "![pixel](https://evil.example/track.png)",
    "&#x3C;script&#x3E;alert(7)&lt;/script&gt;",
    "\n\n# Heading\n\n[ref]: javascript:alert(8)\n- item",
    "`code` *bold* _it_ ~~del~~ | pipe \\",
    "bare https://evil.example/bare and www.evil.example links",
    '=HYPERLINK("https://evil.example","x")',
    "\x1b]0;title\x07\x1b[2J\x9b\u202e",
]
HOSTILE = " ".join(INJECTIONS)
HOSTILE_URL = "javascript:alert(9)//https://x"
HOSTILE_HTTP_URL = 'https://evil.example/a"><script>alert(10)</script>) [y](javascript:z)'

ARTICLE = "The port handled 4 million containers in 2024, the authority said on Monday."


def build_hostile_desk(path: Path) -> None:
    phrase = "4 million containers in 2024"
    start = ARTICLE.index(phrase)
    with Store(path) as store:
        document = store.add_document(
            ARTICLE,
            title="plain",
            source="plain.txt",
            claims=[Claim(phrase, start, start + len(phrase), 0, len(ARTICLE))],
        ).document
        [claim] = store.list_claims(document_id=document.id)
        [evidence] = store.save_evidence(
            claim.id or 0,
            [Evidence(SourceKind.REFERENCE, "ref", "The port handled 4 million.", 0.9)],
        )
        store.mark([claim.id or 0], "disputed", reviewer="ana", evidence_id=evidence.id)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "UPDATE documents SET title = ?, source = ?, url = ?, author = ?, publisher = ?,"
            " published_at = ?",
            (HOSTILE, HOSTILE, HOSTILE_HTTP_URL, HOSTILE, HOSTILE, "9999-" + HOSTILE),
        )
        connection.execute("UPDATE claims SET updated_at = ?", ("9999-" + HOSTILE,))
        connection.execute(
            "UPDATE verdicts SET note = ?, reviewer = ?, created_at = ?",
            (HOSTILE, HOSTILE, "9999-" + HOSTILE),
        )
        connection.execute(
            "UPDATE evidence SET title = ?, url = ?, passage = ?, revision_id = ?, fetched_at = ?",
            (HOSTILE, HOSTILE_URL, HOSTILE, HOSTILE, HOSTILE),
        )
    connection.close()
