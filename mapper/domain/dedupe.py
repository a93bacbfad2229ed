"""Duplicate actors: candidate pairs found by blocking, scored on normalised names and agreeing
fields, each with the evidence for its score (pure: no database). Settings in data/dedupe.json.

Blocking compares only records that share a postcode, a municipality, a CVR number, an e-mail
address, a web domain, a phone number, an address, a rare beginning of a name word or an
abbreviation ("DN" and "Danmarks Naturfredningsforening"); within a postcode, municipality or
name-word block the names are compared in bulk (rapidfuzz ``cdist``) and only pairs whose names
come close are scored one by one. The score is the name score (0-100) moved by what else agrees
or differs: the same CVR number makes a pair a merge unless the names are clearly different,
two different valid CVR numbers make it no pair at all, the same e-mail, website, phone or
address raises it, another postcode or municipality lowers it.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlsplit

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from mapper.domain.cvr import normalise_cvr
from mapper.domain.model import Actor
from mapper.domain.text import fold_danish
from mapper.domain.vocabulary import read_data_json

EVIDENCE_FIELDS: Final = (
    "name",
    "cvr",
    "email",
    "website",
    "phone",
    "address",
    "postcode",
    "town",
    "municipality",
)
"""Every ``Evidence.field``, in the order a pair's evidence is listed."""
DECISIONS: Final = ("merge", "review")


@dataclass(frozen=True)
class Evidence:
    """One reason two records may be (or may not be) the same."""

    field: str
    """One of EVIDENCE_FIELDS."""
    agrees: bool
    detail: str
    """What was compared, e.g. 'name score 93', 'cvr 12345678', 'postcode 6700 ≠ 6800'."""


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that may be the same actor."""

    first_id: str
    """Interchange ids, ``first_id < second_id``."""
    second_id: str
    score: float
    """0-100."""
    evidence: tuple[Evidence, ...]
    decision: str
    """'merge' (score ≥ AUTO_MERGE: the same actor) or 'review' (a person decides)."""


@dataclass(frozen=True)
class DedupeSettings:
    """data/dedupe.json, read once."""

    auto_merge: float
    review: float
    candidate_name: float
    """Names scoring below this in a postcode, municipality or name-word block are not scored."""
    cvr_name: float
    """With the same CVR number, names scoring below this are 'clearly different'."""
    adjustments: Mapping[str, float]
    blocking_keys: frozenset[str]
    max_exact_block: int
    max_name_token_block: int
    name_token_prefix: int
    max_block_cells: int
    filler_words: frozenset[str]
    abbreviations: Mapping[str, str]
    word_endings: tuple[tuple[str, str], ...]
    not_place_words: frozenset[str]
    districts: Mapping[str, str]
    qualifier_words: frozenset[str]
    """Words that tell two branches apart like numbers do ('nord', 'syd', 'junior')."""
    """City districts as place words, with their city ('noerrebro' → 'koebenhavn')."""
    shared_hosts: frozenset[str]


@functools.cache
def settings() -> DedupeSettings:
    """The de-duplication settings shipped in data/dedupe.json."""
    data: dict[str, Any] = read_data_json("dedupe.json")
    thresholds, blocking, names = data["thresholds"], data["blocking"], data["names"]
    return DedupeSettings(
        auto_merge=float(thresholds["auto_merge"]),
        review=float(thresholds["review"]),
        candidate_name=float(thresholds["candidate_name"]),
        cvr_name=float(thresholds["cvr_name"]),
        adjustments={k: float(v) for k, v in data["adjustments"].items()},
        blocking_keys=frozenset(blocking["keys"]),
        max_exact_block=int(blocking["max_exact_block"]),
        max_name_token_block=int(blocking["max_name_token_block"]),
        name_token_prefix=int(blocking["name_token_prefix"]),
        max_block_cells=int(blocking["max_block_cells"]),
        filler_words=frozenset(names["filler_words"]),
        abbreviations=dict(names["abbreviations"]),
        # Longest ending first, so 'centeret' is not cut as 'et'.
        word_endings=tuple(sorted(names["word_endings"].items(), key=lambda e: -len(e[0]))),
        not_place_words=frozenset(names["not_place_words"]),
        districts=dict(names["districts"]),
        qualifier_words=frozenset(names["qualifier_words"]),
        shared_hosts=frozenset(data["web"]["shared_hosts"]),
    )


AUTO_MERGE: Final = settings().auto_merge
"""Pairs scoring at least this are the same actor (decision 'merge')."""
REVIEW: Final = settings().review
"""Pairs scoring at least this (and below AUTO_MERGE) are for a person to decide."""


# --------------------------------------------------------------------------------------------
# Names

# "A/S", "I/S": joined before folding would split them into single letters.
_SLASHED_FORM = re.compile(r"(?<!\w)(\w)\s*/\s*(\w)(?!\w)")


@functools.lru_cache(maxsize=200_000)
def name_words(name: str) -> tuple[str, ...]:
    """A name's folded words (case, accents, æ ø å as ae oe aa, punctuation gone) with
    abbreviations written out ('Kbh.' → 'koebenhavn', 'afd.' → 'afdeling', '&' → 'og') and
    definite compounds made indefinite ('Idrætsforeningen' → 'idraetsforening')."""
    config = settings()
    text = _SLASHED_FORM.sub(r"\1\2", name).replace("&", " og ")
    words = []
    for word in fold_danish(text).split():
        word = config.abbreviations.get(word, word)
        for ending, plain in config.word_endings:
            if word.endswith(ending) and len(word) > len(ending):
                word = word[: -len(ending)] + plain
                break
        words.append(word)
    return tuple(words)


_LONG_FILLER: Final = 8
"""Filler words this long are also recognised misspelt ('Foreninen', 'Forneingen')."""


@functools.lru_cache(maxsize=50_000)
def is_filler(word: str) -> bool:
    """A folded word that says what kind of body a name is rather than which ('forening',
    'aps', 'og'), also a long one misspelt by a letter or two."""
    fillers = settings().filler_words
    if word in fillers:
        return True
    if len(word) < _LONG_FILLER - 1 or not word.isalpha():
        return False
    long = [f for f in fillers if len(f) >= _LONG_FILLER]
    return process.extractOne(word, long, scorer=fuzz.ratio, score_cutoff=85) is not None


def comparable_name(name: str) -> str:
    """The name as duplicates are compared: its words (``name_words``) without the words that
    say what kind of body it is rather than which ('Foreningen', 'ApS', 'og'), or all its
    words when nothing else is left ('Foreningen' alone stays 'forening')."""
    words = name_words(name)
    kept = [w for w in words if not is_filler(w)]
    return " ".join(kept or words)


@functools.cache
def place_words() -> frozenset[str]:
    """Folded words of Danish municipality, town and city district names ('esbjerg',
    'koebenhavn', 'ribe', 'noerrebro'): a name often ends in its place, and two names that
    differ only in it are two actors."""
    found: set[str] = set()
    for source in ("dk_municipalities.json", "dk_postcodes.json"):
        document = read_data_json(source)
        at = document["fields"].index("name")
        for row in document["rows"]:
            found.update(w for w in fold_danish(row[at]).split() if len(w) >= 3)
    config = settings()
    return frozenset((found | set(config.districts)) - config.not_place_words)


@functools.cache
def _postcode_towns() -> Mapping[str, frozenset[str]]:
    """The place words of each postcode's town ('6760' → {'ribe'})."""
    document = read_data_json("dk_postcodes.json")
    code, name = document["fields"].index("postcode"), document["fields"].index("name")
    places = place_words()
    return {
        row[code]: frozenset(w for w in fold_danish(row[name]).split() if w in places)
        for row in document["rows"]
        if "-" not in row[code]
    }


@functools.cache
def _town_municipalities() -> Mapping[str, str]:
    """Folded town names ('varde', 'esbjerg v') and the one municipality each lies in."""
    document = read_data_json("dk_postcodes.json")
    name = document["fields"].index("name")
    code = document["fields"].index("municipality_code")
    found: dict[str, set[str]] = defaultdict(set)
    for row in document["rows"]:
        found[fold_danish(row[name])].add(row[code])
    return {town: codes.pop() for town, codes in found.items() if len(codes) == 1}


@functools.lru_cache(maxsize=50_000)
def _town_places(city: str | None, postcode: str | None) -> frozenset[str]:
    """The place words of where a record says it is: its town, else its postcode's town."""
    if city:
        places = place_words()
        found = frozenset(w for w in fold_danish(city).split() if w in places)
        if found:
            return found
    return _postcode_towns().get(postcode or "", frozenset())


# --------------------------------------------------------------------------------------------
# What is compared of one record


@dataclass(frozen=True, slots=True)
class _NameFeatures:
    sorted_key: str
    """Comparable words sorted: word order does not count."""
    compact_key: str
    """Comparable words joined without spaces: 'Frivillig Center' = 'Frivilligcenter'."""
    placeless_key: str
    placeless_compact: str
    numbers: frozenset[str]
    """Numbers and qualifiers ('1', 'nord'): names that differ in them are two branches."""
    places: frozenset[str]
    wide_places: frozenset[str]
    """The places and the cities of its districts ('noerrebro' → also 'koebenhavn')."""
    rest: tuple[str, ...]
    """Comparable words that are neither places nor numbers."""
    initials: tuple[str, ...]
    """The abbreviations the name could be written as ('danmarks naturfredningsforening' → dn)."""
    abbreviation: str | None
    """The name's one word when it could be such an abbreviation ('DN Esbjerg' → dn)."""
    pieces: tuple[str, ...]
    """The beginnings of its words, the blocks of records compared by name."""


@dataclass(frozen=True, slots=True)
class _Features:
    id: str
    name: _NameFeatures
    cvr: str | None
    email: str | None
    website: str | None
    phone: str | None
    postcode: str | None
    municipality: str | None
    address: str | None
    town_places: frozenset[str]
    """The place words of its town (city, else postcode): where a name without a place is."""


def website_key(url: str | None) -> str | None:
    """A website as compared: its host without 'www.', plus the first path part on shared
    hosts ('https://www.facebook.com/EsbjergRoklub' → 'facebook.com/esbjergroklub')."""
    text = (url or "").strip().casefold()
    if not text:
        return None
    if "://" not in text:
        text = "http://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return None
    if "." not in host:
        return None
    if host in settings().shared_hosts:
        segment = next((s for s in parts.path.split("/") if s), "")
        return f"{host}/{segment}" if segment else None
    return host


def phone_key(phone: str | None) -> str | None:
    """A Danish phone number's eight digits ('+45 75 12 34 56' → '75123456'), else None."""
    digits = "".join(c for c in phone or "" if c.isdigit())
    if len(digits) == 10 and digits.startswith("45"):
        digits = digits[2:]
    elif len(digits) == 12 and digits.startswith("0045"):
        digits = digits[4:]
    return digits if len(digits) == 8 else None


def email_key(email: str | None) -> str | None:
    text = (email or "").strip().casefold()
    return text if "@" in text else None


def _postcode_key(postcode: str | None) -> str | None:
    digits = (postcode or "").strip()
    return digits if len(digits) == 4 and digits.isdigit() else None


def _municipality_key(code: str | None) -> str | None:
    text = (code or "").strip()
    return text.zfill(4) if text.isdigit() and len(text) <= 4 else None


def actor_cvr(actor: Actor) -> str | None:
    """The actor's valid CVR number (registry id scheme 'cvr'), or None."""
    for scheme, value in actor.registry_ids:
        if scheme.casefold() == "cvr":
            return normalise_cvr(value)
    return None


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


_DIGIT = re.compile(r"\d")


def _pieces(words: Sequence[str]) -> tuple[str, ...]:
    """The first letters of each word: a word misspelt further on still shares them
    ('kulturforening', 'kulturforenig')."""
    size = settings().name_token_prefix
    return tuple(sorted({w[:size] for w in words if len(w) >= 3}))


@functools.lru_cache(maxsize=200_000)
def _name_features(name: str) -> _NameFeatures:
    words = name_words(name)
    kept = [w for w in words if not is_filler(w)] or list(words)
    places = place_words()
    name_places = frozenset(w for w in kept if w in places)
    qualifiers = settings().qualifier_words
    numbers = frozenset(w for w in kept if _DIGIT.search(w) or w in qualifiers)
    placeless = [w for w in kept if w not in name_places] or kept
    rest = tuple(w for w in placeless if w not in numbers)
    initials = {_initials(rest), _initials([w for w in words if w not in name_places])}
    short = rest[0] if len(rest) == 1 and 2 <= len(rest[0]) <= 6 and rest[0].isalpha() else None
    return _NameFeatures(
        sorted_key=" ".join(sorted(kept)),
        compact_key="".join(kept),
        placeless_key=" ".join(sorted(placeless)),
        placeless_compact="".join(placeless),
        numbers=numbers,
        places=name_places,
        wide_places=name_places | {settings().districts.get(w, w) for w in name_places},
        rest=rest,
        initials=tuple(sorted(i for i in initials if len(i) >= 2)),
        abbreviation=short,
        pieces=_pieces(rest),
    )


def _features(actor: Actor) -> _Features:
    location, contact = actor.location, actor.contact
    postcode = _postcode_key(location.postcode)
    address = fold_danish(location.address) if location.address else ""
    return _Features(
        id=actor.id,
        name=_name_features(actor.name),
        cvr=actor_cvr(actor) if actor.registry_ids else None,
        email=email_key(contact.email) if contact.email else None,
        website=website_key(contact.website) if contact.website else None,
        phone=phone_key(contact.phone) if contact.phone else None,
        postcode=postcode,
        municipality=(
            _municipality_key(location.municipality_code)
            or (_town_municipalities().get(fold_danish(location.city)) if location.city else None)
        ),
        address=f"{address}|{postcode}" if address and postcode else None,
        town_places=_town_places(location.city, postcode),
    )


# --------------------------------------------------------------------------------------------
# Scoring one pair


def _abbreviates(short: _NameFeatures, long: _NameFeatures) -> str | None:
    """The abbreviation when ``short``'s name is ``long``'s written as initials ('DN Esbjerg'
    for 'Danmarks Naturfredningsforening Esbjerg')."""
    word = short.abbreviation
    return word if word is not None and word in long.initials else None


_WORD_MATCH: Final = 60


def _unmatched(words: Iterable[str], others: Sequence[str]) -> list[str]:
    """Words like none of ``others``: not within a few letters, not part of one, no part."""
    return [
        w
        for w in words
        if not any(w in o or o in w or fuzz.ratio(w, o, score_cutoff=_WORD_MATCH) for o in others)
    ]


@functools.lru_cache(maxsize=100_000)
def _different_words(a: tuple[str, ...], b: tuple[str, ...]) -> str:
    """'dansk ≠ ungdommens' when each name has a word the other has nothing like ('Dansk Røde
    Kors' and 'Ungdommens Røde Kors'), else ''."""
    mine, theirs = set(a) - set(b), set(b) - set(a)
    if not mine or not theirs:
        return ""
    only_mine = _unmatched(sorted(mine), b)
    only_theirs = _unmatched(sorted(theirs), a) if only_mine else []
    if only_mine and only_theirs:
        return f"words {' '.join(only_mine)} ≠ {' '.join(only_theirs)}"
    return ""


def _marks(words: frozenset[str]) -> str:
    return " ".join(sorted(words))


def _name_score(first: _Features, second: _Features) -> tuple[float, str]:
    """The names' score 0-100 and, when a rule moved it, why."""
    a, b = first.name, second.name
    score = max(fuzz.ratio(a.sorted_key, b.sorted_key), fuzz.ratio(a.compact_key, b.compact_key))
    note = ""
    adjust = settings().adjustments
    if a.places and b.places:
        if a.places == b.places:
            # The same place says nothing about which association: the rest of the names do.
            score = max(
                fuzz.ratio(a.placeless_key, b.placeless_key),
                fuzz.ratio(a.placeless_compact, b.placeless_compact),
            )
        elif a.places.isdisjoint(b.places):
            score = min(score, adjust["name_cap_other_place"])
            note = f"places {' '.join(sorted(a.places))} ≠ {' '.join(sorted(b.places))}"
    elif a.places or b.places:
        named, other = (first, second) if a.places else (second, first)
        if other.town_places and named.name.wide_places.isdisjoint(other.town_places):
            # 'Ældre Sagen Ribe' is not the 'Ældre Sagen' of Tjæreborg.
            score = min(score, adjust["name_cap_other_place"])
            places, town = sorted(named.name.places), sorted(other.town_places)
            note = f"place {' '.join(places)} ≠ town {' '.join(town)}"
        else:
            # A name without its town is like the same name with it.
            score = max(
                score,
                fuzz.ratio(a.placeless_key, b.placeless_key),
                fuzz.ratio(a.placeless_compact, b.placeless_compact),
            )
    # (Only worth the look when the score is above what it would cap.)
    cap = adjust["name_cap_other_words"]
    different = _different_words(a.rest, b.rest) if score > cap and not note else ""
    if different:
        score = min(score, cap)
        note = different
    abbreviation = _abbreviates(a, b) or _abbreviates(b, a)
    if abbreviation and (not note or note == different):
        score = max(score, adjust["abbreviation"])
        note = f"abbreviation {abbreviation}"
    label = "numbers" if _DIGIT.search(_marks(a.numbers | b.numbers)) else "words"
    if a.numbers and b.numbers and a.numbers != b.numbers:
        score = min(score, adjust["name_cap_other_number"])
        note = f"{label} {_marks(a.numbers)} ≠ {_marks(b.numbers)}"
    elif bool(a.numbers) != bool(b.numbers):
        score += adjust["one_number_only"]
        note = f"{label} {_marks(a.numbers or b.numbers)} in one name only"
    return max(0.0, float(score)), note


def _score(
    a: _Features, b: _Features, shared: Collection[str] = (), floor: float = 0.0
) -> tuple[float, tuple[Evidence, ...]] | None:
    """The pair's score and evidence; None when two valid CVR numbers say they are two, or
    when the score is below ``floor``. ``shared`` are values on too many records to say
    anything ('email:fc@esbjerg.dk')."""
    if a.cvr and b.cvr and a.cvr != b.cvr:
        return None
    config = settings()
    adjust = config.adjustments
    names, note = _name_score(a, b)
    score = names
    same_cvr = a.cvr is not None and a.cvr == b.cvr
    agreeing = [
        (field, mine)
        for field, mine, theirs in (
            ("email", a.email, b.email),
            ("website", a.website, b.website),
            ("phone", a.phone, b.phone),
            ("address", a.address, b.address),
        )
        if mine and mine == theirs and f"{field}:{mine}" not in shared
    ]
    for field, _ in agreeing:
        score += adjust[f"same_{field}"]
    other_municipality = bool(
        a.municipality and b.municipality and a.municipality != b.municipality
    )
    other_town = bool(a.town_places and b.town_places and a.town_places.isdisjoint(b.town_places))
    both_postcodes = bool(a.postcode and b.postcode)
    if both_postcodes:
        if a.postcode == b.postcode:
            score += adjust["same_postcode"]
        elif not (other_municipality or other_town):
            score += adjust["other_postcode"]
    if other_municipality:
        score += adjust["other_municipality"]
    elif other_town:
        # Another town ('Tjæreborg', 'Esbjerg V'), also where one record has no postcode.
        score += adjust["other_town"]
    if same_cvr and names >= config.cvr_name:
        score = max(score, adjust["same_cvr"])
    score = round(min(100.0, max(0.0, score)), 1)
    if score < floor:
        return None
    # The evidence, in EVIDENCE_FIELDS order.
    detail = f"name score {round(names)}" + (f" ({note})" if note else "")
    evidence = [Evidence("name", names >= config.review, detail)]
    if same_cvr:
        evidence.append(Evidence("cvr", True, f"cvr {a.cvr}"))
    for field, value in agreeing:
        shown = value.partition("|")[0] if field == "address" else value
        evidence.append(Evidence(field, True, f"{field} {shown}"))
    if both_postcodes:
        if a.postcode == b.postcode:
            evidence.append(Evidence("postcode", True, f"postcode {a.postcode}"))
        else:
            evidence.append(Evidence("postcode", False, f"postcode {a.postcode} ≠ {b.postcode}"))
    if other_town and not other_municipality:
        town = f"town {_marks(a.town_places)} ≠ {_marks(b.town_places)}"
        evidence.append(Evidence("town", False, town))
    if a.municipality and b.municipality:
        if other_municipality:
            detail = f"municipality {a.municipality} ≠ {b.municipality}"
        else:
            detail = f"municipality {a.municipality}"
        evidence.append(Evidence("municipality", not other_municipality, detail))
    return score, tuple(evidence)


def score_pair(first: Actor, second: Actor) -> tuple[float, tuple[Evidence, ...]] | None:
    """How likely two actors are the same (0-100) and why; None when their valid CVR numbers
    differ (two legal entities are never merged)."""
    return _score(_features(first), _features(second))


def decision_for(score: float) -> str:
    """'merge' at or above AUTO_MERGE, else 'review'."""
    return "merge" if score >= settings().auto_merge else "review"


# --------------------------------------------------------------------------------------------
# Blocking


_PARALLEL_CELLS: Final = 20_000
_EXACT_FIELDS: Final = ("cvr", "email", "website", "phone", "address")


def _blocks(
    features: Sequence[_Features], keys: Callable[[_Features], Iterable[str]], new: int
) -> Iterator[tuple[str, list[int]]]:
    """Blocks (key, members in ascending order) holding a new record and another record."""
    blocks: defaultdict[str, list[int]] = defaultdict(list)
    for index, f in enumerate(features):
        for key in keys(f):
            blocks[key].append(index)
    for key, members in blocks.items():
        if len(members) >= 2 and members[0] < new:
            yield key, members


@dataclass(frozen=True)
class _Pairing:
    """What every candidate pair must satisfy: two different records, one of them new, not
    two different valid CVR numbers."""

    total: int
    new: int
    cvr: NDArray[np.int64]
    """Each record's CVR number, 0 when it has none."""

    def codes(self, first: NDArray[np.int64], second: NDArray[np.int64]) -> NDArray[np.int64]:
        """``low * total + high`` for each pair that may be one actor."""
        low, high = np.minimum(first, second), np.maximum(first, second)
        cvr_low, cvr_high = self.cvr[low], self.cvr[high]
        keep = (low != high) & (low < self.new)
        keep &= (cvr_low == 0) | (cvr_high == 0) | (cvr_low == cvr_high)
        return np.asarray(low[keep] * self.total + high[keep], np.int64)


def _close_names(
    rows: list[int], columns: list[int], keys: Sequence[Sequence[str]], cutoff: float
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The (row, column) records whose names come within ``cutoff`` on any of ``keys``."""
    if not rows or not columns:
        empty = np.empty(0, np.int64)
        return empty, empty
    scores: NDArray[np.uint8] | None = None
    # Threads pay off for large blocks only; most blocks are a few dozen records.
    workers = -1 if len(rows) * len(columns) >= _PARALLEL_CELLS else 1
    for texts in keys:
        found = process.cdist(
            [texts[i] for i in rows],
            [texts[i] for i in columns],
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            dtype=np.uint8,
            workers=workers,
        )
        scores = found if scores is None else np.maximum(scores, found)
    assert scores is not None
    hit_rows, hit_columns = np.nonzero(scores)
    return np.asarray(rows, np.int64)[hit_rows], np.asarray(columns, np.int64)[hit_columns]


class _NameComparison:
    """Compares the names within blocks in bulk (rapidfuzz cdist) and keeps the close pairs."""

    def __init__(self, features: Sequence[_Features], pairing: _Pairing, cutoff: float) -> None:
        names = [f.name for f in features]
        self._names = names
        self._whole = ([n.sorted_key for n in names], [n.compact_key for n in names])
        self._placeless = (
            [n.placeless_key for n in names],
            [n.placeless_compact for n in names],
        )
        self._pairing = pairing
        self._cutoff = cutoff
        self.codes: list[NDArray[np.int64]] = []

    def block(self, rows: list[int], columns: list[int]) -> None:
        """Compare the names of ``rows`` (new records) with those of ``columns``."""
        if not rows or len(rows) * len(columns) > settings().max_block_cells:
            return  # too common to say anything alone; finer blocks compare these
        found = _close_names(rows, columns, self._whole, self._cutoff)
        self.codes.append(self._pairing.codes(*found))
        # A name without its town against the names with one, compared without their towns.
        names = self._names
        rows_with = [m for m in rows if names[m].places]
        columns_with = [m for m in columns if names[m].places]
        if (rows_with or columns_with) and (
            len(rows_with) < len(rows) or len(columns_with) < len(columns)
        ):
            rows_without = [m for m in rows if not names[m].places]
            columns_without = [m for m in columns if not names[m].places]
            for mine, theirs in ((rows_with, columns_without), (rows_without, columns_with)):
                found = _close_names(mine, theirs, self._placeless, self._cutoff)
                self.codes.append(self._pairing.codes(*found))

    def members(self, members: list[int]) -> None:
        """Compare the names of every new record of a block with every other record's."""
        self.block([m for m in members if m < self._pairing.new], members)


def _word_blocks(features: Sequence[_Features], new: int, limit: int) -> Iterator[list[int]]:
    """Records sharing the beginning of a name word; a block of more than ``limit``
    records is split by municipality, then by postcode, and left out if still too large."""
    by_piece = _blocks(features, lambda f: f.name.pieces, new)
    splits: tuple[Callable[[_Features], object], ...] = (
        lambda f: f.municipality,
        lambda f: f.postcode,
    )
    pending = [(members, 0) for _, members in by_piece]
    while pending:
        members, level = pending.pop()
        if len(members) <= limit:
            yield members
            continue
        if level == len(splits):
            continue  # a common word in a crowded postcode: the postcode block compares it
        split = splits[level]
        parts: defaultdict[object, list[int]] = defaultdict(list)
        for m in members:
            parts[split(features[m])].append(m)
        for part in parts.values():
            if len(part) >= 2 and part[0] < new:
                pending.append((part, level + 1))


def _present(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def _candidates(
    features: Sequence[_Features], new: int, cutoff: float
) -> tuple[NDArray[np.int64], frozenset[str]]:
    """Candidate pairs as ``low * len(features) + high`` codes (low < high, low a new record),
    and the e-mail addresses, websites … on too many records to be a block (shared, as
    'email:fc@esbjerg.dk')."""
    config = settings()
    keys = config.blocking_keys
    pairing = _Pairing(
        len(features), new, np.asarray([int(f.cvr or 0) for f in features], np.int64)
    )
    codes: list[NDArray[np.int64]] = []
    shared: set[str] = set()
    exact = [name for name in _EXACT_FIELDS if name in keys or name == "address"]

    def exact_keys(f: _Features) -> Iterator[str]:
        for name in exact:
            value = getattr(f, name)
            if value:
                yield f"{name}:{value}"

    for key, members in _blocks(features, exact_keys, new):
        if len(members) > config.max_exact_block:
            shared.add(key)
            continue
        block = np.asarray(members, np.int64)
        low, high = np.triu_indices(len(block), k=1)
        codes.append(pairing.codes(block[low], block[high]))
    if "abbreviation" in keys:
        codes.extend(_abbreviation_pairs(features, pairing))
    names = _NameComparison(features, pairing, cutoff)
    if "postcode" in keys:
        for _, members in _blocks(features, lambda f: _present(f.postcode), new):
            names.members(members)
    if "municipality" in keys:
        # Records that both have a postcode met in the postcode block; the municipality block
        # compares those without one with the rest (another postcode of the same municipality
        # meets through the name words).
        for _, members in _blocks(features, lambda f: _present(f.municipality), new):
            rows = [m for m in members if m < new]
            unplaced = [m for m in members if not features[m].postcode]
            names.block([m for m in rows if not features[m].postcode], members)
            names.block([m for m in rows if features[m].postcode], unplaced)
    if "name_token" in keys:
        for members in _word_blocks(features, new, config.max_name_token_block):
            names.members(members)
    codes.extend(names.codes)
    if not codes:
        return np.empty(0, np.int64), frozenset(shared)
    return np.unique(np.concatenate(codes)), frozenset(shared)


def _abbreviation_pairs(
    features: Sequence[_Features], pairing: _Pairing
) -> Iterator[NDArray[np.int64]]:
    """Names that are one short word ('DN', place and number aside) with the names whose
    initials it is."""
    limit = settings().max_exact_block
    by_initials: defaultdict[str, list[int]] = defaultdict(list)
    for index, f in enumerate(features):
        for initials in f.name.initials:
            by_initials[initials].append(index)
    for index, f in enumerate(features):
        word = f.name.abbreviation
        long = by_initials.get(word) if word else None
        if long and len(long) <= limit:
            others = np.asarray(long, np.int64)
            yield pairing.codes(np.full(len(others), index, np.int64), others)


# --------------------------------------------------------------------------------------------
# The API


def find_duplicates(
    records: Sequence[Actor],
    existing: Sequence[Actor] = (),
    *,
    distinct: Collection[tuple[str, str]] = (),
    min_score: float | None = None,
) -> list[DuplicatePair]:
    """Pairs within ``records`` and between ``records`` and ``existing`` (never two existing
    actors) scoring at least ``min_score`` (default REVIEW), never a pair named in ``distinct``
    (either order) nor two records with the same id; best first."""
    config = settings()
    floor = config.review if min_score is None else min_score
    features = [_features(a) for a in (*records, *existing)]
    total = len(features)
    decided = {(min(a, b), max(a, b)) for a, b in distinct}
    pairs: list[DuplicatePair] = []
    # A pair found by postcode, municipality or name word gains at most the same postcode.
    cutoff = min(config.candidate_name, floor - config.adjustments["same_postcode"])
    candidates, shared = _candidates(features, len(records), max(cutoff, 0))
    for code in candidates.tolist():
        a, b = features[code // total], features[code % total]
        if a.id == b.id:
            continue
        first, second = (a, b) if a.id < b.id else (b, a)
        if (first.id, second.id) in decided:
            continue
        scored = _score(first, second, shared, floor)
        if scored is None:
            continue
        score, evidence = scored
        pairs.append(DuplicatePair(first.id, second.id, score, evidence, decision_for(score)))
    pairs.sort(key=lambda p: (-p.score, p.first_id, p.second_id))
    return _unique(pairs)


def _unique(pairs: list[DuplicatePair]) -> list[DuplicatePair]:
    """Each pair of ids once (a record may be both new and existing, e.g. on re-import)."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for pair in pairs:
        ids = (pair.first_id, pair.second_id)
        if ids not in seen:
            seen.add(ids)
            kept.append(pair)
    return kept


def find_all_duplicates(
    actors: Sequence[Actor],
    *,
    distinct: Collection[tuple[str, str]] = (),
    min_score: float | None = None,
) -> list[DuplicatePair]:
    """Every pair within one register (for ``mapper dedupe``), best first."""
    return find_duplicates(actors, (), distinct=distinct, min_score=min_score)
