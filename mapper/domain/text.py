"""Danish text helpers shared by sorting, search and matching."""

from __future__ import annotations

import unicodedata

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
