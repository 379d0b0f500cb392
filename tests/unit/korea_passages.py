"""Five passages about South Korea (title, text) that the rerank tests rank: the
seed's "Asia's fourth-largest economy" claim has one right answer among them, a near
miss with other figures, and three passages sharing only names."""

from __future__ import annotations

PASSAGES = [
    ("Economy of South Korea", "South Korea has the fourth-largest economy in Asia."),
    ("Economy of South Korea", "Exports of South Korea were worth 542 billion dollars in 2019."),
    ("Economy of South Korea", "In 2018 exports were worth 600 billion dollars, the 3rd largest."),
    ("Seoul", "Seoul is the capital and largest city of South Korea."),
    ("Korean War", "The Korean War began in 1950 when North Korea invaded the South."),
]
