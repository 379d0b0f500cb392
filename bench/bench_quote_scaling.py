"""Cost of segmenting quotation-heavy text as it grows: linear, or not (issue 11, session 28).

    python bench/bench_quote_scaling.py                  # this checkout
    python bench/bench_quote_scaling.py --repo /tmp/old  # another checkout, for "before"

The quotation rules of `factcheck.text.sentences` look for marks around each candidate
end, and `claims.spans.endings` looks at statement ends: each bounded (1,500 characters, a
statement's end) so that the cost per sentence is constant. Made-up text of 1/4, 1/2
and all of --max-mb, in four shapes that drive those rules hardest:
- print: print-style quoted paragraphs, each opened, only the last closed, line breaks;
- glued: the same with the paragraph breaks lost ('... said.“A. B.“C.”');
- straight: straight marks glued between a stop and a capital ('... taste."During');
- open: an opening mark never closed, then plain sentences (a stray mark).
Each is segmented (`split_sentences`) and cut into statements (`statement_spans`, no
scorer): CPU seconds, and seconds per MB, which stay flat when the cost is linear.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

SHAPES = {
    "print": "She said: “The bridge cost $4 million. It opened in 2019, and it carries "
    "9,000 cars a day.\n\n“We built it in two years. Rents rose 12%.”\n",
    "glued": "The mayor said in an email.“The bridge cost $4 million. It opened in 2019, "
    "which we have written about before.“We built it in two years, yet none have.” ",
    "straight": 'The caption reads: "Stay home.Rest well."During this time, rinse your '
    'throat. Drink warm water." "Propolis" is a resin. ',
    "open": "“The council met on day 4 and voted. The plan, which is yet to pass, cuts "
    "40 jobs. The fund grew by 40%. ",
}


def sample(shape: str, size: int) -> str:
    unit = SHAPES[shape]
    return (unit * (size // len(unit) + 1))[:size]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=REPO_ROOT, help="checkout to time")
    parser.add_argument("--max-mb", type=float, default=1.0, help="largest text, MB")
    args = parser.parse_args()
    sys.path.insert(0, str(args.repo.resolve()))
    from factcheck.claims.spans import statement_spans
    from factcheck.text.sentences import split_sentences

    print(f"splitter from {args.repo}")
    print(f"{'shape':10}{'MB':>7}{'sentences':>11}{'CPU s':>9}{'s / MB':>9}")
    for shape in SHAPES:
        for share in (0.25, 0.5, 1.0):
            text = sample(shape, int(args.max_mb * share * 1_000_000))
            started = time.process_time()
            sentences = split_sentences(text)
            for start, end in sentences:
                statement_spans(text, start, end)
            seconds = time.process_time() - started
            mb = len(text) / 1_000_000
            print(f"{shape:10}{mb:7.2f}{len(sentences):11}{seconds:9.2f}{seconds / mb:9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
