"""Register columns → actor fields, register values → vocabulary codes, rows → actor records.

The fields a register column may fill, with their Danish and English header names, are data
(``data/import_columns.json``). A header is mapped outright when its folded form is one of a
field's names ('Postnr.' = 'postnr' = 'Post nr'), else suggested by similarity (rapidfuzz).
Free-text values of coded fields ('Idrætsforening', 'Ældre, demens og pårørende') become codes
through the vocabulary's labels and Danish synonyms, then by similarity above a threshold;
what maps to nothing is returned as such, for the importer to keep as a review note.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from rapidfuzz import fuzz, process

from mapper.domain.cvr import normalise_cvr
from mapper.domain.errors import InputProblem
from mapper.domain.model import ReviewNote
from mapper.domain.municipality import MunicipalityCodeError, normalise_municipality_code
from mapper.domain.text import fold_danish
from mapper.domain.vocabulary import Vocabulary, read_data_json
from mapper.geo.reference import municipalities

FIELD_TYPES = frozenset(
    {
        "text",
        "code",
        "codes",
        "integer",
        "boolean",
        "cvr",
        "postcode",
        "postcode_city",
        "municipality",
        "email",
        "website",
        "note",
    }
)


@dataclass(frozen=True)
class ColumnField:
    """An actor field a register column can fill."""

    field: str
    """The mapping's name of the field, e.g. 'postcode' (what ``--map COLUMN=field`` takes)."""
    path: str
    """The interchange path it fills, e.g. 'location.postcode'."""
    type: str
    """How a cell is read (FIELD_TYPES)."""
    da: str
    en: str
    headers: tuple[str, ...]
    """Header names that map to it outright (folded)."""
    facet: str | None = None
    """The vocabulary facet of a code or codes field."""
    list: bool = False
    """Several columns may fill it (their values are joined)."""

    def label(self, lang: str = "da") -> str:
        return self.en if lang == "en" else self.da


@dataclass(frozen=True)
class ColumnConfig:
    """``data/import_columns.json``: the fields and the thresholds."""

    fields: Mapping[str, ColumnField]
    header_threshold: float
    """Similarity (0-100) from which a header is mapped to a field without asking."""
    code_threshold: float
    """Similarity (0-100) from which a value is taken as a code it does not spell exactly."""
    list_separators: tuple[str, ...]
    list_words: tuple[str, ...]


@cache
def column_config() -> ColumnConfig:
    raw = read_data_json("import_columns.json")
    fields = {}
    for entry in raw["fields"]:
        column = ColumnField(
            field=entry["field"],
            path=entry["path"],
            type=entry["type"],
            da=entry["da"],
            en=entry["en"],
            headers=tuple(dict.fromkeys(fold_header(h) for h in entry["headers"])),
            facet=entry.get("facet"),
            list=bool(entry.get("list", False)),
        )
        if column.type not in FIELD_TYPES:
            raise ValueError(f"import_columns.json: unknown type {column.type!r}")
        fields[column.field] = column
    return ColumnConfig(
        fields=fields,
        header_threshold=float(raw["header_threshold"]),
        code_threshold=float(raw["code_threshold"]),
        list_separators=tuple(raw["list_separators"]),
        list_words=tuple(raw["list_words"]),
    )


def fold_header(text: str) -> str:
    """A header as compared: lower case, æ ø å spelled out, punctuation as spaces
    ('CVR-nr.' → 'cvr nr', 'E-mail' → 'e mail', 'Målgruppe(r)' → 'maalgruppe r')."""
    return fold_danish(text)


# --------------------------------------------------------------------------- headers


@dataclass(frozen=True)
class ColumnSuggestion:
    """What a header probably is: the best fields with their similarity (0-100)."""

    header: str
    field: str | None
    """The field it maps to without asking (score at or above the threshold), else None."""
    score: float
    candidates: tuple[tuple[str, float], ...]
    """The closest fields, best first (for a choice in the wizard), at most three."""


def suggest_columns(headers: Sequence[str]) -> list[ColumnSuggestion]:
    """One suggestion per header. Each field that holds one value goes to the header most
    like it; a list field (target groups, notes …) may take several columns."""
    config = column_config()
    names: dict[str, str] = {}
    for column in config.fields.values():
        for name in column.headers:
            names.setdefault(name, column.field)
    choices = list(names)
    scored: list[tuple[str, list[tuple[str, float]]]] = []
    for header in headers:
        folded = fold_header(header)
        best: dict[str, float] = {}
        if folded in names:
            best[names[folded]] = 100.0
        for name, score, _ in process.extract(
            folded, choices, scorer=_header_score, limit=12, score_cutoff=50
        ):
            best[names[name]] = max(best.get(names[name], 0.0), float(score))
        ranked = sorted(best.items(), key=lambda fs: (-fs[1], fs[0]))
        scored.append((header, ranked))
    # Scalar fields: the header most like the field wins it.
    winner: dict[str, tuple[float, int]] = {}
    for i, (_, ranked) in enumerate(scored):
        if ranked and ranked[0][1] >= config.header_threshold:
            top, score = ranked[0]
            if config.fields[top].list:
                continue
            if top not in winner or score > winner[top][0]:
                winner[top] = (score, i)
    result = []
    for i, (header, ranked) in enumerate(scored):
        chosen: str | None = None
        score = ranked[0][1] if ranked else 0.0
        if ranked and score >= config.header_threshold:
            top = ranked[0][0]
            if config.fields[top].list or winner.get(top, (0.0, -1))[1] == i:
                chosen = top
        result.append(ColumnSuggestion(header, chosen, score, tuple(ranked[:3])))
    return result


def _header_score(a: str, b: str, **kwargs: Any) -> float:
    """Whole-name similarity: typing slips and word order count, a word inside a longer name
    does not ('Kontaktpersonens navn' is not 'navn')."""
    return max(fuzz.ratio(a, b, **kwargs), fuzz.token_sort_ratio(a, b, **kwargs))


def suggest_mapping(headers: Sequence[str]) -> dict[str, str]:
    """header → field for every header mapped without asking."""
    return {s.header: s.field for s in suggest_columns(headers) if s.field is not None}


def source_key(headers: Iterable[str]) -> str:
    """The key a source's saved mapping is found by: its set of folded header names, in any
    order, so the same system's export as XLSX or CSV, with columns moved, is one source."""
    folded = sorted({fold_header(h) for h in headers if h.strip()})
    digest = hashlib.sha256("\x1f".join(folded).encode("utf-8")).hexdigest()
    return f"columns:{digest[:40]}"


def mapping_problems(
    mapping: Mapping[str, str | None], headers: Sequence[str], source: str
) -> list[InputProblem]:
    """What is wrong with a mapping header → field: a header the file does not have, a field
    that does not exist, a one-value field filled from two columns, no column for the name."""
    config = column_config()
    problems = []
    known = set(headers)
    taken: dict[str, str] = {}
    for header, field in mapping.items():
        if header not in known:
            nearest = process.extractOne(header, list(headers))
            hint = nearest[0] if nearest and nearest[1] >= 60 else None
            problems.append(
                InputProblem(
                    source,
                    header,
                    header,
                    "the file has no column of this name",
                    f"nearest column: {hint}" if hint else f"columns: {', '.join(headers)}",
                    code="unknown_field",
                    params={"nearest": hint},
                )
            )
            continue
        if not field:
            continue
        if field not in config.fields:
            choices = sorted(config.fields)
            nearest = process.extractOne(field, choices)
            hint = nearest[0] if nearest else None
            problems.append(
                InputProblem(
                    source,
                    header,
                    field,
                    "no such field to import into",
                    f"nearest field: {hint}" if hint else None,
                    code="not_one_of",
                    params={"choices": choices, "nearest": hint},
                )
            )
            continue
        if not config.fields[field].list and field in taken:
            problems.append(
                InputProblem(
                    source,
                    header,
                    field,
                    f"the field {field} is already filled from the column {taken[field]!r}",
                    "map one of the two columns to another field, or to nothing",
                    code="duplicate_items",
                )
            )
        taken.setdefault(field, header)
    if "name" not in taken:
        problems.append(
            InputProblem(
                source,
                "name",
                None,
                "no column gives the name",
                "map a column to name, e.g. --map Forening=name",
                code="required",
            )
        )
    return problems


# --------------------------------------------------------------------------- values → codes


class CodeMapper:
    """Free-text values → vocabulary codes: exact labels and Danish synonyms first (any case,
    æ/ae alike), then the most similar label above the threshold. Results are remembered: a
    register repeats the same few values thousands of times."""

    def __init__(self, vocabulary: Vocabulary, threshold: float | None = None) -> None:
        self.vocabulary = vocabulary
        config = column_config()
        self.threshold = config.code_threshold if threshold is None else threshold
        self._separators = re.compile(
            "|".join(re.escape(s) for s in config.list_separators)
            + "|"
            + "|".join(rf"\s+{re.escape(w)}\s+" for w in config.list_words),
            re.IGNORECASE,
        )
        self._outer = re.compile("|".join(re.escape(s) for s in config.list_separators))
        self._indexes: dict[str, dict[str, str]] = {}
        self._memo: dict[tuple[str, str], str | None] = {}

    def _index(self, facet: str) -> dict[str, str]:
        index = self._indexes.get(facet)
        if index is None:
            index = {}
            for term in self.vocabulary.terms(facet):
                for text in (term.code, term.da, term.en, *term.synonyms):
                    index.setdefault(fold_header(text), term.code)
                    index.setdefault(fold_header(text.replace("_", " ")), term.code)
            self._indexes[facet] = index
        return index

    def code(self, facet: str, text: str) -> str | None:
        """The code one value stands for, or None."""
        key = (facet, text)
        if key in self._memo:
            return self._memo[key]
        found = self.vocabulary.resolve(facet, text)
        if found is None:
            folded = fold_header(text)
            index = self._index(facet)
            found = index.get(folded)
            if found is None and folded:
                match = process.extractOne(
                    folded, list(index), scorer=fuzz.ratio, score_cutoff=self.threshold
                )
                found = index[match[0]] if match else None
        self._memo[key] = found
        return found

    def codes(self, facet: str, text: str) -> tuple[list[str], list[str]]:
        """(codes, values that map to none) of a cell that may hold several values: the
        whole cell first ('Psykisk sårbare og psykisk syge' is one label), else its parts
        split on , ; / | and line breaks, each part whole or split again on 'og'/'and'."""
        text = text.strip()
        if not text:
            return [], []
        whole = self.code(facet, text)
        if whole is not None:
            return [whole], []
        codes: list[str] = []
        unmapped: list[str] = []
        for part in (p.strip() for p in self._outer.split(text)):
            if not part:
                continue
            code = self.code(facet, part)
            if code is not None:
                codes.append(code)
                continue
            pieces = [p.strip() for p in self._separators.split(part) if p.strip()]
            found = [(piece, self.code(facet, piece)) for piece in pieces if len(pieces) > 1]
            if not any(code for _, code in found):
                unmapped.append(part)  # kept as written, not in fragments
                continue
            for piece, code in found:
                if code is None:
                    unmapped.append(piece)
                else:
                    codes.append(code)
        return list(dict.fromkeys(codes)), list(dict.fromkeys(unmapped))


# --------------------------------------------------------------------------- rows → records


@dataclass(frozen=True)
class RowRecord:
    """One register row read into an actor record (interchange form, without id or place)."""

    values: dict[str, Any]
    notes: tuple[ReviewNote, ...]
    """What the row says that no field takes: kept on the actor for review."""
    given_id: str | None = None
    """The row's own id column, when mapped."""
    cvr: str | None = None
    """The row's valid CVR number (eight digits), when given."""


class RowReader:
    """Reads register rows into actor records by a mapping column → field (pure: no database).

    A cell becomes its field's value (codes through ``CodeMapper``; a postcode and town column
    split; a bare domain given https://); what no field takes is a review note (a value that
    maps to no code, a count such as "ca. 20 om sommeren", a note column). A row that cannot
    be an actor — ragged, no name, an invalid CVR number, a yes/no that is neither, no kind
    without ``default_kind`` — gives its problems instead, each naming the line and column."""

    def __init__(
        self,
        headers: Sequence[str],
        mapping: Mapping[str, str],
        vocabulary: Vocabulary,
        *,
        default_kind: str | None = None,
        codes: CodeMapper | None = None,
    ) -> None:
        fields = column_config().fields
        self.width = len(headers)
        self.vocabulary = vocabulary
        self.default_kind = default_kind
        self.codes = codes or CodeMapper(vocabulary)
        self.columns = [
            (i, header, fields[mapping[header]])
            for i, header in enumerate(headers)
            if mapping.get(header)
        ]
        self._column_of: dict[str, str] = {}
        for _, header, column in self.columns:
            self._column_of.setdefault(column.path, header)
            if column.type == "postcode_city":
                self._column_of.setdefault("location.city", header)

    def column_for(self, path: str) -> str:
        """The column a field path (``contact.email``, ``target_groups[2]``) was read from,
        else the path itself."""
        plain = re.sub(r"\[\d+\]", "", path)
        while plain:
            if plain in self._column_of:
                return self._column_of[plain]
            plain = plain.rpartition(".")[0]
        return path

    def read(
        self, line: int, cells: Sequence[str], *, ragged: bool = False
    ) -> RowRecord | list[InputProblem]:
        """The row's record, or every reason it cannot be one."""
        record = f"line {line}"
        if ragged:
            return [
                InputProblem(
                    record,
                    "(row)",
                    " | ".join(cells),
                    f"the row has more values than the header has columns ({self.width}): a "
                    "value holding the delimiter without quotes, or a shifted row",
                    "put quotes around values that hold the delimiter",
                    code="ragged_row",
                    params={"columns": self.width},
                )
            ]
        values: dict[str, Any] = {}
        notes: list[ReviewNote] = []
        problems: list[InputProblem] = []
        for index, header, column in self.columns:
            text = cells[index] if index < len(cells) else ""
            if not text:
                continue
            found = self._cell(column, text, values, notes)
            if found is not None:
                message, hint, code, params = found
                problems.append(
                    InputProblem(record, header, text, message, hint, code=code, params=params)
                )
        if problems:
            return problems
        if not str(values.get("name") or "").strip():
            name = self._column_of.get("name", "name")
            return [InputProblem(record, name, None, "the name is missing", code="required")]
        if not values.get("kind"):
            if self.default_kind is None:
                return [
                    self._no_kind(record, next((n.value for n in notes if n.field == "kind"), None))
                ]
            values["kind"] = self.default_kind
        cvr = (values.get("registry_ids") or {}).get("cvr")
        return RowRecord(values, tuple(dict.fromkeys(notes)), values.get("id"), cvr)

    def _no_kind(self, record: str, unmapped: str | None) -> InputProblem:
        column = self._column_of.get("kind", "kind")
        if unmapped is None:
            return InputProblem(record, column, None, "the kind is missing", code="required")
        nearest = self.vocabulary.nearest("actor_kinds", unmapped)
        return InputProblem(
            record,
            column,
            unmapped,
            "unknown code in actor_kinds",
            f"nearest valid code: {nearest}" if nearest else None,
            code="unknown_code",
            params={"facet": "actor_kinds", "nearest": nearest},
        )

    def _cell(
        self, column: ColumnField, text: str, values: dict[str, Any], notes: list[ReviewNote]
    ) -> tuple[str, str | None, str, dict[str, object]] | None:
        """Read one cell into ``values`` (interchange form) or ``notes``; a problem that
        rejects the row as (message, hint, code, params)."""
        kind, path = column.type, column.path
        if kind == "text":
            _set(values, path, text)
        elif kind in ("code", "municipality"):
            if kind == "code":
                assert column.facet is not None
                code = self.codes.code(column.facet, text)
            else:
                code = municipality_code(text)
            if code is None:
                notes.append(ReviewNote(path, text, "unmapped_code"))
            else:
                _set(values, path, code)
        elif kind == "codes":
            assert column.facet is not None
            found, unmapped = self.codes.codes(column.facet, text)
            listed = values.setdefault(path, [])
            for code in found:
                item: Any = {"kind": code} if path == "resources_offered" else code
                if item not in listed:
                    listed.append(item)
            notes += [ReviewNote(path, value, "unmapped_code") for value in unmapped]
        elif kind == "integer":
            number = whole_number(text)
            if number is None:
                notes.append(ReviewNote(path, text, "invalid_value"))
            else:
                _set(values, path, number)
        elif kind == "boolean":
            flag = yes_or_no(text)
            if flag is None:
                return (
                    "not yes or no",
                    "ja/nej, yes/no, 1/0",
                    "not_one_of",
                    {"choices": ["ja", "nej"], "nearest": None},
                )
            _set(values, path, flag)
        elif kind == "cvr":
            cvr = normalise_cvr(text)
            if cvr is None:
                return (
                    "not a valid CVR number (eight digits passing the modulus-11 check)",
                    "leave the cell empty when the number is not known",
                    "bad_format",
                    {"format": "cvr"},
                )
            values.setdefault("registry_ids", {})["cvr"] = cvr
        elif kind == "postcode":
            match = _POSTCODE.match(text)
            _set(values, path, match.group(1) if match else text)
        elif kind == "postcode_city":
            location = values.setdefault("location", {})
            if match := _POSTCODE_CITY.match(text):
                location["postcode"] = match.group(1)
                location.setdefault("city", match.group(2).strip())
            elif match := _POSTCODE.match(text):
                location["postcode"] = match.group(1)
            else:
                location.setdefault("city", text)
        elif kind == "email":
            _set(values, path, text.removeprefix("mailto:").strip())
        elif kind == "website":
            _set(values, path, website(text))
        elif kind == "note":
            notes.append(ReviewNote(column.field, text, "source_note"))
        return None


_POSTCODE = re.compile(r"^(?:dk[\s-]*)?(\d{4})(?:\.0+)?$", re.IGNORECASE)
_POSTCODE_CITY = re.compile(r"^(?:dk[\s-]*)?(\d{4})\s*[,.-]?\s+(.+)$", re.IGNORECASE)
_INTEGER = re.compile(
    r"^(?:ca\.?|cirka|~|omkring)?\s*(\d{1,3}(?:[.\s]\d{3})+|\d+)\s*$", re.IGNORECASE
)
_TRUE = frozenset({"ja", "j", "yes", "y", "true", "sand", "1", "x", "aktiv", "offentlig"})
_FALSE = frozenset({"nej", "n", "no", "false", "falsk", "0", "inaktiv", "ophørt", "lukket"})
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_BARE_DOMAIN = re.compile(r"^(?:www\.)?[^\s/:@]+\.[a-z]{2,}(?:[/?#]\S*)?$", re.IGNORECASE)


def _set(values: dict[str, Any], path: str, value: Any) -> None:
    head, _, rest = path.partition(".")
    if rest:
        values.setdefault(head, {})[rest] = value
    else:
        values[head] = value


def whole_number(text: str) -> int | None:
    """'20', '1.200', 'ca. 20' → a whole number; anything else None."""
    match = _INTEGER.match(text.strip())
    if match is None:
        return None
    return int(re.sub(r"[.\s]", "", match.group(1)))


def yes_or_no(text: str) -> bool | None:
    """ja/nej, yes/no, true/false, 1/0, x (and Excel's SAND/FALSK); None for anything else."""
    folded = text.strip().casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return None


def municipality_code(text: str) -> str | None:
    """A municipality code from a code ('561', '0561') or a name ('Esbjerg', 'Esbjerg
    Kommune', 'Københavns Kommune'), else None."""
    stripped = text.strip()
    if stripped.isdigit():
        try:
            return normalise_municipality_code(stripped)
        except MunicipalityCodeError:
            return None
    wanted = fold_danish(stripped).removeprefix("kommune ")
    for suffix in (" kommune", " kommunes"):
        wanted = wanted.removesuffix(suffix)
    names = _municipality_names()
    return names.get(wanted) or names.get(wanted.removesuffix("s"))


@cache
def _municipality_names() -> dict[str, str]:
    return {fold_danish(m.name): code for code, m in municipalities().items()}


def website(text: str) -> str:
    """A bare domain ('www.gjesing-if.dk') gets https://; anything with a scheme stays as
    written (the editor's rule then refuses all but http and https)."""
    if _SCHEME.match(text) or not _BARE_DOMAIN.match(text):
        return text
    return f"https://{text}"
