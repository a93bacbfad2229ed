"""Numbers as the interface language writes them: Danish "250.000" and "2,5", English "250,000"
and "2.5". ``parse_number`` is the one parser of numbers typed into the application's forms;
``format_number`` writes what it reads back.

``lang`` None means the language the interface runs in: QLocale's default, which
``ui.app.install_translator`` sets with the translation.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication, QLocale

LOCALES = {
    "da": (QLocale.Language.Danish, QLocale.Country.Denmark),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
DIGITS = frozenset("0123456789")
MINUS_SIGNS = ("-", "\u2212")  # hyphen-minus and the typographic minus sign
SPACES = ("\u00a0", "\u202f", " ")
"""People group thousands with spaces as well (no-break and narrow no-break spaces too)."""


def locale_for(lang: str | None = None) -> QLocale:
    """The QLocale whose number format the interface language uses."""
    if lang is None:
        return QLocale()
    language, country = LOCALES.get(lang, LOCALES["da"])
    return QLocale(language, country)


def format_number(value: float, decimals: int = 0, *, lang: str | None = None) -> str:
    """``value`` with ``decimals`` decimals and grouped thousands: 250000.0 → "250.000" in
    Danish, 2.5 with one decimal → "2,5"."""
    if decimals < 0:
        raise ValueError(f"decimals must be 0 or more, not {decimals}")
    if not math.isfinite(value):
        raise ValueError(f"cannot write {value!r} as a number")
    text = _plain_minus(locale_for(lang).toString(float(value), "f", decimals))
    if text.startswith("-") and not any(c in "123456789" for c in text):
        return text[1:]  # -0.25 rounds to "0", not "-0"
    return text


def parse_number(text: str, *, lang: str | None = None) -> float | None:
    """The number in ``text`` as the interface language writes it; None for blank text.

    Danish: "250.000" → 250000, "2,5" → 2.5, "1.234,5" → 1234.5; English the other way round.
    Thousands may also be grouped with spaces. A thousands separator must stand between groups
    of three digits, so Danish "2.5" is refused (with a hint to write "2,5") rather than read as
    25 or 2.5. Raises ValueError, with a message in the interface language, for anything that
    is not a number.
    """
    locale = locale_for(lang)
    stripped = text.strip()
    if not stripped:
        return None
    minus = (*MINUS_SIGNS, locale.negativeSign())
    sign = next((s for s in ("+", locale.positiveSign(), *minus) if stripped.startswith(s)), "")
    body, negative = stripped.removeprefix(sign).lstrip(), sign in minus
    digits = _digits(body, locale)
    if digits is None:
        raise ValueError(_refusal(stripped, locale))
    number = float(digits)
    if not math.isfinite(number):
        raise ValueError(
            substitute(
                QCoreApplication.translate("LocaleFormat", '"%1" is too large a number'),
                _shown(stripped),
            )
        )
    return -number if negative else number


def substitute(template: str, *values: object) -> str:
    """Qt's "%1 … %2" placeholders filled in one pass (a value holding "%2" stays as it is)."""
    return re.sub(
        r"%(\d)",
        lambda m: str(values[int(m[1]) - 1]) if 0 < int(m[1]) <= len(values) else m[0],
        template,
    )


def _digits(body: str, locale: QLocale) -> str | None:
    """``body`` (without its sign) as "1234.5" for float(), or None when it is no number."""
    point = locale.decimalPoint()
    whole, _, fraction = body.partition(point)
    if not (whole or fraction) or not set(fraction) <= DIGITS:
        return None
    separators = {c for c in whole if c in {locale.groupSeparator(), *SPACES} - {point}}
    if len(separators) > 1:
        return None
    groups = whole.split(separators.pop()) if separators else [whole]
    if not all(set(g) <= DIGITS for g in groups):
        return None
    if len(groups) > 1 and not (0 < len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
        return None
    return f"{''.join(groups) or '0'}.{fraction or '0'}"


def _refusal(text: str, locale: QLocale) -> str:
    point, group = locale.decimalPoint(), locale.groupSeparator()
    # "2.5" in Danish (or "2,5" in English): one separator, not followed by three digits.
    head, sep, tail = text.lstrip("+-\u2212").partition(group)
    if (
        sep
        and point not in text
        and group not in tail
        and head
        and set(head) <= DIGITS
        and tail
        and set(tail) <= DIGITS
        and len(tail) != 3
    ):
        return substitute(
            QCoreApplication.translate("LocaleFormat", '"%1": write decimals with "%2", e.g. %3'),
            _shown(text),
            point,
            f"{head}{point}{tail}",
        )
    return substitute(
        QCoreApplication.translate("LocaleFormat", '"%1" is not a number; write it like %2'),
        _shown(text),
        _plain_minus(locale.toString(1234.5, "f", 1)),
    )


def _shown(text: str, limit: int = 30) -> str:
    """The user's text as quoted back in a message: a long paste is cut short."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain_minus(text: str) -> str:
    # Some locales write U+2212; a hyphen-minus is what people type and what we read back.
    return text.replace("\u2212", "-")
