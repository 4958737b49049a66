"""Write seeds/sentiment_lexicon.csv from the VADER lexicon that the vaderSentiment package
(MIT licence, C.J. Hutto; see seeds/sentiment_lexicon_LICENSE.txt) ships: one row per
word and its mean valence rating (-4 very negative .. +4 very positive); a word the
lexicon lists twice keeps its last rating, as the package's own scorer does.

Only plain words are kept (lower-case letters a-z, as the project's tokenizer splits
text: see macro text_tokens); emoticons, emoji and entries with other characters are
dropped. Run once; the seed is committed.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import vaderSentiment

WORD = re.compile(r"^[a-z]+$")


def main() -> int:
    source = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    out = Path(__file__).resolve().parents[1] / "seeds" / "sentiment_lexicon.csv"
    valences: dict[str, float] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        token, valence = line.split("\t")[:2]
        if WORD.match(token):
            # a word listed twice keeps its last line, as vaderSentiment's own reader does
            valences[token] = float(valence)
    rows = sorted(valences.items())
    with out.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["token", "valence"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} words to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
