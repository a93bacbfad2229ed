"""Speed of codes inferred from text: N purpose sentences through infer_codes.

The sentences are put together from association-list phrasing ("Foreningens formål er at …")
with varied target groups, activities, places, negations and invented compound words, and a
running number so that no two sentences are the same string (word caches still help, as they
do on a real register, where the vocabulary of purpose sentences is small).

    .venv/bin/python bench/bench_lexicon.py 100000
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mapper.domain.vocabulary import load_vocabulary
from mapper.matching.lexicon import infer_codes

OPENINGS = (
    "Foreningens formål er at",
    "Vi arbejder for at",
    "Formålet er at",
    "Foreningen vil",
    "Vores mission er at",
)
VERBS = ("hjælpe", "støtte", "samle", "skabe fællesskab for", "give en hånd til", "styrke")
WHOM = (
    "børn, der har mistet en forælder",
    "ensomme ældre i lokalområdet",
    "unge uden uddannelse",
    "familier i krise",
    "mennesker med høretab",
    "ordblinde voksne",
    "flygtninge og indvandrere",
    "hjemløse og socialt udsatte",
    "borgere med spilafhængighed",
    "skilsmissebørn",
    "pårørende til psykisk syge",
    "alle borgere i sognet",
)
HOW = (
    "gennem en ugentlig lektiehjælpscafé",
    "med besøgsvenner og telefonvenner",
    "i vores sorggrupper",
    "på boldbanen og i klubhuset",
    "med gratis gældsrådgivning",
    "med mentorer og rollemodeller",
    "i vores væresteder",
    "med fodbold, gymnastik og svømning",
    "gennem kurser og foredrag",
    "med fællesspisning hver torsdag",
)
TAILS = ("", " Tilbuddet er ikke for børn.", " Vi er ikke en behandlingsinstitution.", "")


def sentences(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return [
        f"{rng.choice(OPENINGS)} {rng.choice(VERBS)} {rng.choice(WHOM)} "
        f"{rng.choice(HOW)} i {rng.choice(('Esbjerg', 'Varde', 'Fanø', 'Ribe'))} "
        f"(nr. {i}).{rng.choice(TAILS)}"
        for i in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=100_000)
    args = parser.parse_args()
    vocabulary = load_vocabulary()
    texts = sentences(args.count)
    start = time.perf_counter()
    infer_codes(texts[0], vocabulary)
    compile_s = time.perf_counter() - start
    start = time.perf_counter()
    inferred = 0
    for text in texts:
        inferred += len(infer_codes(text, vocabulary))
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{args.count} purpose sentences: {elapsed:.2f} s "
        f"({elapsed / args.count * 1e6:.1f} µs each), {inferred / args.count:.1f} codes each; "
        f"lexicon compiled in {compile_s * 1000:.0f} ms; peak {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
