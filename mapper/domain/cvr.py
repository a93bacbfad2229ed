"""CVR numbers (Det Centrale Virksomhedsregister): the Danish business register's eight-digit id,
checked by its modulus-11 control (weights 2, 7, 6, 5, 4, 3, 2, 1)."""

from __future__ import annotations

import operator
import re

_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
# How CVR numbers are written in exports: "DK12345678", "DK-12 34 56 78", "CVR: 12345678",
# "CVR-nr. 12.34.56.78".
_PREFIX = re.compile(r"^\s*(?:cvr(?:[\s.-]*nr)?\.?\s*:?\s*)?(?:dk)?[\s:-]*", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s.\-]")
_EIGHT_DIGITS = re.compile(r"[1-9][0-9]{7}", re.ASCII)


def valid_cvr(text: str) -> bool:
    """True for exactly eight digits whose weighted sum is divisible by 11 (no prefix, no
    spaces; use ``normalise_cvr`` for text as typed). The first digit is never 0."""
    if _EIGHT_DIGITS.fullmatch(text) is None:
        return False
    total: int = sum(map(operator.mul, map(int, text), _WEIGHTS))
    return total % 11 == 0


def normalise_cvr(text: str | None) -> str | None:
    """The eight digits of a CVR number as written in a register ('DK 12 34 56 78',
    'CVR-nr. 12345678'), or None when there is no valid CVR number in the text."""
    if not text:
        return None
    digits = _SEPARATORS.sub("", _PREFIX.sub("", text, count=1))
    return digits if valid_cvr(digits) else None
