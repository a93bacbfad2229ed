"""Danish text helpers shared by sorting, search and matching."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

# Danish alphabet order: … x y z æ ø å. The three letters map to the first characters after
# 'z' so that plain string comparison of keys gives Danish order on every platform (Qt's
# locale-aware comparison depends on ICU being present, which it is not everywhere).
_DANISH_TAIL = str.maketrans({"æ": "{", "ø": "|", "å": "}", "ä": "{", "ö": "|"})


def danish_sort_key(text: str) -> str:
    """Case-insensitive key that orders Danish names as a Danish reader expects."""
    folded = text.casefold().translate(_DANISH_TAIL)
    # Other accents sort with their base letter (é as e, ü as u).
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_WORD = re.compile(r"[a-zæøåéü0-9]+")
# Light Danish stemming: strip the commonest inflection endings from longer words, so that
# "frivillige"/"frivilligt" and "unge"/"ungdom" meet; longest ending first.
_ENDINGS = ("erne", "ende", "ene", "hed", "er", "en", "et", "e", "t")


@cache
def _stopwords() -> frozenset[str]:
    text = resources.files("mapper_data").joinpath("stopwords_da.txt").read_text("utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    if len(word) > 5:
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                return word[: -len(ending)]
    return word


def normalise_danish(text: str) -> str:
    """Lower-case words without punctuation, stop words or common endings, for fuzzy matching."""
    stop = _stopwords()
    words = _WORD.findall(text.casefold())
    return " ".join(_stem(w) for w in words if w not in stop and len(w) > 1)


# Danish letters spelled out as they are typed without a Danish keyboard and in older spellings
# ("Aabenraa" for "Åbenrå"), so either way of writing finds the other.
_SPELLED_OUT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ß": "ss"})
_FOLDED_WORD = re.compile(r"[^\W_]+")


def fold_danish(text: str) -> str:
    """The words of a text for search and comparison: lower case, æ ø å spelled out as ae oe
    aa, other accents dropped, words joined by single spaces ('Åens Fælles-Café' →
    'aaens faelles cafe')."""
    folded = text.casefold().translate(_SPELLED_OUT)
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_FOLDED_WORD.findall(folded))
