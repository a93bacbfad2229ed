"""The core's errors as sentences in the interface language.

The core raises typed errors that carry codes and parameters (mapper/domain/errors.py); this is
where they become words, as matching's Reasons become words in mapper/matching/reasons.py. The
English ``message`` of an error is for the CLI and logs and never shown here: a code this module
does not know still gets a sentence in the interface language naming the field and the value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from mapper.domain.errors import InputProblem, MapperError
from ui.locale_format import format_number, substitute
from ui.models.problem_table import status_label
from ui.storage_text import STORAGE_TEXTS, database_name, output_file_text
from ui.text_pieces import (
    JSON_TYPES,
    QT_TRANSLATE_NOOP,
    SHOWN_PROBLEMS,
    code_label,
    field_title_of,
    listed,
    plain_number,
    quoted,
    record_title,
    translate,
)

# --------------------------------------------------------------------------- problems


def describe_problem(problem: InputProblem, field_title: str | None = None) -> str:
    """One problem as a sentence in the interface language. ``field_title`` is the field's
    title in the form that shows it; without it the field is named from its path."""
    title = field_title or field_title_of(problem.field)
    if problem.code == "file_problem":
        title = problem.record  # the file's name: its sentence is about the whole file
    render = PROBLEM_TEXTS.get(problem.code)
    if render is None:
        return _invalid(title, problem.value, problem.params)
    return render(title, problem.value, problem.params)


def _invalid(title: str, value: object, _params: Mapping[str, object]) -> str:
    if value is None or value == "":
        return substitute(translate("ErrorText", "%1 is not valid."), title)
    return substitute(
        translate("ErrorText", "%1: the value %2 is not valid."), title, quoted(value)
    )


def _nearest_suffix(text: str, nearest: object) -> str:
    if nearest is None or nearest == "":
        return text
    return text + " " + substitute(translate("ErrorText", "Did you mean %1?"), quoted(nearest))


def _required(title: str, _value: object, _params: Mapping[str, object]) -> str:
    return substitute(translate("ErrorText", "%1 must be filled in."), title)


def _blank(title: str, _value: object, _params: Mapping[str, object]) -> str:
    return substitute(translate("ErrorText", "%1 cannot be only spaces."), title)


def _unknown_code(title: str, value: object, params: Mapping[str, object]) -> str:
    text = substitute(
        translate("ErrorText", "%1: %2 is not one of the choices."), title, quoted(value)
    )
    nearest = params.get("nearest")
    facet = params.get("facet")
    shown = code_label(facet, nearest) if isinstance(facet, str) and nearest else nearest
    return _nearest_suffix(text, shown)


def _not_one_of(title: str, value: object, params: Mapping[str, object]) -> str:
    text = substitute(
        translate("ErrorText", "%1: %2 is not one of the allowed values."), title, quoted(value)
    )
    return _nearest_suffix(text, params.get("nearest"))


def _wrong_value(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(
        translate("ErrorText", "%1 must be %2."), title, quoted(params.get("expected", ""))
    )


def _wrong_type(title: str, value: object, params: Mapping[str, object]) -> str:
    expected = params.get("expected")
    names = expected if isinstance(expected, (list, tuple)) else [expected]
    kinds = [translate("ErrorText", JSON_TYPES[n]) for n in names if n in JSON_TYPES]
    if not kinds:
        return _invalid(title, value, params)
    shown = kinds[0]
    if len(kinds) > 1:
        shown = substitute(translate("ErrorText", "%1 or %2"), ", ".join(kinds[:-1]), kinds[-1])
    return substitute(translate("ErrorText", "%1 must be %2."), title, shown)


def _out_of_range(title: str, value: object, params: Mapping[str, object]) -> str:
    low, high = params.get("min"), params.get("max")
    if isinstance(low, (int, float)) and isinstance(high, (int, float)):
        return substitute(
            translate("ErrorText", "%1 must be between %2 and %3."),
            title,
            plain_number(low),
            plain_number(high),
        )
    if isinstance(low, (int, float)):
        return substitute(
            translate("ErrorText", "%1 must be at least %2."), title, plain_number(low)
        )
    if isinstance(high, (int, float)):
        return substitute(
            translate("ErrorText", "%1 must be at most %2."), title, plain_number(high)
        )
    return _invalid(title, value, params)


def _too_long(title: str, value: object, params: Mapping[str, object]) -> str:
    limit, length = params.get("limit"), params.get("length")
    if isinstance(limit, int) and isinstance(length, int):
        return substitute(
            translate("ErrorText", "%1 is too long: %2 characters, at most %3 are allowed."),
            title,
            format_number(length),
            format_number(limit),
        )
    return substitute(
        translate("ErrorText", "%1 is too long: at most %2 characters."), title, limit or "?"
    )


def _too_large(title: str, value: object, params: Mapping[str, object]) -> str:
    limit = params.get("limit")
    if not isinstance(limit, int):
        return _invalid(title, value, params)
    return substitute(
        translate("ErrorText", "%1 is too large: at most %2."), title, format_number(limit)
    )


def _nul_character(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "%1 holds an invisible control character (NUL) that cannot be saved; "
            "delete it or type the text again.",
        ),
        title,
    )


def _too_short(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(
        translate("ErrorText", "%1 is too short: at least %2 characters."),
        title,
        params.get("min", "?"),
    )


def _too_many(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(
        translate("ErrorText", "%1: at most %2 may be given."), title, params.get("max", "?")
    )


def _too_few(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(
        translate("ErrorText", "%1: at least %2 must be given."), title, params.get("min", "?")
    )


def _duplicate_items(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(translate("ErrorText", "%1 names the same thing twice."), title)


def _bad_format(title: str, value: object, params: Mapping[str, object]) -> str:
    kind = params.get("format")
    if kind == "date":
        return substitute(
            translate("ErrorText", "%1: %2 is not a date; write it as YYYY-MM-DD."),
            title,
            quoted(value),
        )
    if kind == "email":
        return _not_email(title, value, params)
    if kind in ("uri", "url"):
        return _not_website(title, value, params)
    if kind == "cvr":
        return substitute(
            translate(
                "ErrorText",
                "%1: %2 is not a valid CVR number (eight digits that pass the check digit).",
            ),
            title,
            quoted(value),
        )
    return substitute(
        translate("ErrorText", "%1: %2 is not written the right way."), title, quoted(value)
    )


def _unknown_field(title: str, value: object, params: Mapping[str, object]) -> str:
    text = substitute(translate("ErrorText", "%1 is not a field of this record."), title)
    return _nearest_suffix(text, params.get("nearest"))


def _not_a_number(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(translate("ErrorText", "%1 must be a number."), title)


def _not_email(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(
        translate("ErrorText", "%1: %2 is not an e-mail address (e.g. name@example.dk)."),
        title,
        quoted(value),
    )


def _not_website(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "%1: a website address starts with http:// or https:// (e.g. https://www.example.dk).",
        ),
        title,
    )


def _both_or_neither(title: str, value: object, params: Mapping[str, object]) -> str:
    return translate("ErrorText", "A location needs both latitude and longitude.")


def _consent_required(title: str, value: object, params: Mapping[str, object]) -> str:
    return translate(
        "ErrorText",
        "An individual volunteer is registered only with consent: fill in the date of consent.",
    )


def _purpose_required(title: str, value: object, params: Mapping[str, object]) -> str:
    return translate(
        "ErrorText",
        "An individual volunteer is registered only for a stated purpose: fill in the purpose.",
    )


def _volunteer_public(title: str, value: object, params: Mapping[str, object]) -> str:
    return translate(
        "ErrorText", "An individual volunteer is personal data and cannot be shown publicly."
    )


def _duplicate_id(title: str, value: object, params: Mapping[str, object]) -> str:
    text = substitute(translate("ErrorText", "The id %1 is already in use."), quoted(value))
    free = params.get("free")
    if free:
        text += " " + substitute(translate("ErrorText", "%1 is free."), quoted(free))
    return text


def _unknown_reference(title: str, value: object, params: Mapping[str, object]) -> str:
    kind = params.get("kind")
    if kind == "problem":
        text = translate("ErrorText", "%1: there is no problem statement with the id %2.")
    else:
        text = translate("ErrorText", "%1: there is no actor with the id %2.")
    return _nearest_suffix(substitute(text, title, quoted(value)), params.get("nearest"))


def _own_parent(title: str, value: object, params: Mapping[str, object]) -> str:
    return translate("ErrorText", "An actor cannot be its own parent organisation.")


def _cycle(params: Mapping[str, object]) -> str:
    """'a → b → a' from a ``cycle`` param."""
    ids = [str(i) for i in _items(params.get("cycle"))]
    return " → ".join([*ids, ids[0]]) if ids else "–"


def _parent_cycle(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "The parent organisations would go round in a circle (%1): "
            "clear the parent of one of them.",
        ),
        _cycle(params),
    )


def _duplicate_partnership(title: str, value: object, params: Mapping[str, object]) -> str:
    return translate("ErrorText", "The same partnership appears twice.")


def _in_use(title: str, value: object, params: Mapping[str, object]) -> str:
    count = params.get("count")
    if count == 1:
        return translate(
            "ErrorText",
            "It cannot be deleted: a partnership refers to it. Close it instead.",
        )
    return substitute(
        translate(
            "ErrorText", "It cannot be deleted: %1 partnerships refer to it. Close it instead."
        ),
        count if count is not None else "?",
    )


def _statuses(codes: object) -> str:
    items = codes if isinstance(codes, (list, tuple)) else []
    return ", ".join(status_label(str(c)) for c in items) or "–"


def _unknown_status(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(
        translate("ErrorText", "%1 is not a status; it can move on to: %2."),
        quoted(value),
        _statuses(params.get("allowed")),
    )


def _status_move(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "A problem statement cannot move from %1 to %2; it can move on to: %3.",
        ),
        status_label(str(params.get("current", ""))),
        status_label(str(value)),
        _statuses(params.get("allowed")),
    )


FILE_PROBLEM_TEXTS = {
    "not_found": QT_TRANSLATE_NOOP("ErrorText", "The file %1 does not exist."),
    "folder": QT_TRANSLATE_NOOP("ErrorText", "%1 is a folder, not a file."),
    "unreadable": QT_TRANSLATE_NOOP("ErrorText", "The file %1 cannot be read."),
    "old_excel": QT_TRANSLATE_NOOP(
        "ErrorText",
        "%1 is an old Excel workbook (.xls) or protected by a password. Open it in Excel and "
        "save it as .xlsx without a password.",
    ),
    "not_workbook": QT_TRANSLATE_NOOP(
        "ErrorText",
        "%1 is not an Excel workbook. Save it again from Excel as .xlsx, or export it as CSV.",
    ),
    "workbook_as_csv": QT_TRANSLATE_NOOP(
        "ErrorText", "%1 is an Excel workbook, not a CSV file. Name it .xlsx."
    ),
    "empty": QT_TRANSLATE_NOOP("ErrorText", "%1 is empty."),
    "not_csv": QT_TRANSLATE_NOOP("ErrorText", "%1 cannot be read as CSV."),
    "bad_byte": QT_TRANSLATE_NOOP(
        "ErrorText",
        "%1 cannot be read in the chosen encoding. Choose 'Detect automatically' or the "
        "file's own encoding.",
    ),
    "damaged_workbook": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The Excel workbook %1 is damaged. Open it in Excel and save it again, or export it "
        "as CSV.",
    ),
    "no_worksheet": QT_TRANSLATE_NOOP("ErrorText", "The Excel workbook %1 has no worksheet."),
    "header_line": QT_TRANSLATE_NOOP(
        "ErrorText", "The chosen header line of %1 is empty or beyond the file."
    ),
    "no_header": QT_TRANSLATE_NOOP(
        "ErrorText",
        "No row of column names (such as Navn, Adresse, Postnr.) was found at the top of %1.",
    ),
    "unsupported_encoding": QT_TRANSLATE_NOOP(
        "ErrorText",
        "%1 is %2 text, which cannot be read. Save it from Excel as 'CSV UTF-8', or as .xlsx.",
    ),
    "no_rows": QT_TRANSLATE_NOOP("ErrorText", "%1 has column names but no rows."),
}
"""One sentence per FILE_PROBLEMS entry of mapper.io.tabular; %1 is the file's name."""


def _file_problem(title: str, value: object, params: Mapping[str, object]) -> str:
    text = FILE_PROBLEM_TEXTS.get(str(params.get("what")))
    if text is None:
        return substitute(translate("ErrorText", "The file %1 cannot be used."), title)
    return substitute(translate("ErrorText", text), title, params.get("encoding") or "")


def _ragged_row(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "The row has more values than the header has columns (%1): a value holding the "
            "delimiter without quotes, or a shifted row.",
        ),
        params.get("columns", "?"),
    )


def _not_json(title: str, value: object, params: Mapping[str, object]) -> str:
    return substitute(
        translate("ErrorText", "The file is not valid JSON (line %1, column %2)."),
        params.get("line", "?"),
        params.get("column", "?"),
    )


def _not_object(title: str, value: object, params: Mapping[str, object]) -> str:
    return translate("ErrorText", "The file is not a landscape document.")


def _municipality_code(title: str, value: object, params: Mapping[str, object]) -> str:
    text = substitute(
        translate("ErrorText", "%1: %2 is not the code of a Danish municipality."),
        title,
        quoted(value),
    )
    return _nearest_suffix(text, params.get("nearest"))


ProblemText = Callable[[str, object, Mapping[str, object]], str]
PROBLEM_TEXTS: dict[str, ProblemText] = {
    "invalid": _invalid,
    "required": _required,
    "blank": _blank,
    "unknown_code": _unknown_code,
    "not_one_of": _not_one_of,
    "wrong_value": _wrong_value,
    "wrong_type": _wrong_type,
    "out_of_range": _out_of_range,
    "too_long": _too_long,
    "too_large": _too_large,
    "nul_character": _nul_character,
    "too_short": _too_short,
    "too_many": _too_many,
    "too_few": _too_few,
    "duplicate_items": _duplicate_items,
    "bad_format": _bad_format,
    "unknown_field": _unknown_field,
    "not_a_number": _not_a_number,
    "not_email": _not_email,
    "not_website": _not_website,
    "both_or_neither": _both_or_neither,
    "consent_required": _consent_required,
    "purpose_required": _purpose_required,
    "volunteer_public": _volunteer_public,
    "duplicate_id": _duplicate_id,
    "unknown_reference": _unknown_reference,
    "own_parent": _own_parent,
    "parent_cycle": _parent_cycle,
    "duplicate_partnership": _duplicate_partnership,
    "in_use": _in_use,
    "unknown_status": _unknown_status,
    "status_move": _status_move,
    "not_json": _not_json,
    "not_object": _not_object,
    "municipality_code": _municipality_code,
    "file_problem": _file_problem,
    "ragged_row": _ragged_row,
}
"""One sentence per InputProblem code (mapper.domain.errors.PROBLEM_CODES)."""


# --------------------------------------------------------------------------- errors


def describe_error(error: BaseException) -> str:
    """Any error as a sentence (or a short list) in the interface language."""
    if isinstance(error, MapperError):
        render = ERROR_TEXTS.get(error.code)
        if render is not None:
            return render(error.params)
        return substitute(
            translate("ErrorText", "The action could not be completed (%1)."), error.code
        )
    if isinstance(error, OSError) and error.filename:
        return substitute(
            translate("ErrorText", "The file %1 cannot be read or written."),
            Path(str(error.filename)).name,
        )
    return substitute(
        translate("ErrorText", "An unexpected error occurred (%1)."), type(error).__name__
    )


def _validation(params: Mapping[str, object]) -> str:
    problems = [p for p in _items(params.get("problems")) if isinstance(p, InputProblem)]
    head = translate("ErrorText", "Nothing was saved.")
    if not problems:
        return head
    several_records = len({p.record for p in problems}) > 1
    lines = []
    for problem in problems[:SHOWN_PROBLEMS]:
        text = describe_problem(problem)
        lines.append(f"{record_title(problem.record)}: {text}" if several_records else text)
    if len(problems) == 1:
        return f"{head} {lines[0]}"
    lines = [
        substitute(translate("ErrorText", "Nothing was saved; %1 problems:"), len(problems)),
        *(f"• {line}" for line in lines),
    ]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(
            substitute(translate("ErrorText", "… and %1 more."), len(problems) - SHOWN_PROBLEMS)
        )
    return "\n".join(lines)


def _items(value: object) -> list[object]:
    return list(value) if isinstance(value, (list, tuple)) else []


def _not_found(params: Mapping[str, object]) -> str:
    kind, record_id = params.get("kind"), params.get("record_id")
    if kind == "actor":
        text = translate("ErrorText", "There is no actor with the id %1.")
    elif kind == "problem":
        text = translate("ErrorText", "There is no problem statement with the id %1.")
    elif kind == "partnership":
        text = translate("ErrorText", "There is no partnership %1.")
    else:
        text = translate("ErrorText", "%1 was not found.")
    return _nearest_suffix(substitute(text, quoted(record_id)), params.get("hint"))


def _conflict(params: Mapping[str, object]) -> str:
    kind = params.get("kind")
    if kind == "actor":
        text = translate("ErrorText", "Someone else changed the actor %1 while you edited it.")
    elif kind == "problem":
        text = translate(
            "ErrorText", "Someone else changed the problem statement %1 while you edited it."
        )
    elif kind == "partnership":
        text = translate(
            "ErrorText", "Someone else changed the partnership %1 while you edited it."
        )
    else:
        text = translate("ErrorText", "Someone else changed %1 while you edited it.")
    return substitute(text, quoted(params.get("record_id")))


def _database(params: Mapping[str, object]) -> str:
    url = str(params.get("url", ""))
    cause = params.get("cause")
    cause_params = params.get("cause_params")
    details = cause_params if isinstance(cause_params, Mapping) else {}
    if cause == "not_a_url":
        text = translate("ErrorText", "%1 is not a database address.")
    elif cause == "cannot_create_folder":
        return substitute(
            translate("ErrorText", "The folder %1 for the database cannot be created."),
            details.get("folder", url),
        )
    elif cause == "no_driver":
        text = translate("ErrorText", "This kind of database cannot be used: %1.")
    elif cause == "foreign_tables":
        text = translate(
            "ErrorText",
            "The database %1 holds tables that were not made by this application; "
            "choose another database.",
        )
    elif cause == "unreachable":
        text = translate(
            "ErrorText",
            "The database %1 cannot be opened. Check that it exists and that you may use it.",
        )
    elif cause in STORAGE_TEXTS:
        return STORAGE_TEXTS[cause](database_name(url), details)
    else:
        text = translate("ErrorText", "The database %1 cannot be used.")
    return substitute(text, url)


def _nothing_to_match(params: Mapping[str, object]) -> str:
    fields = ", ".join(field_title_of(str(f)) for f in _items(params.get("missing")))
    return substitute(
        translate(
            "ErrorText",
            "The problem statement says nothing a partner could be matched on: "
            "fill in at least one of %1.",
        ),
        fields,
    )


def _geo_import(params: Mapping[str, object]) -> str:
    file = Path(str(params.get("file", ""))).name
    cause = str(params.get("cause", ""))
    cause_params = params.get("cause_params")
    details: Mapping[str, object] = cause_params if isinstance(cause_params, Mapping) else {}
    render = GEO_TEXTS.get(cause, _geo_unreadable)
    return render(file, details) + " " + translate("ErrorText", "Nothing was imported.")


def _geo_unreadable(file: str, _details: Mapping[str, object]) -> str:
    return substitute(translate("ErrorText", "The file %1 cannot be read."), file)


def _geo_text(template: str) -> Callable[[str, Mapping[str, object]], str]:
    return lambda file, _details: substitute(translate("ErrorText", template), file)


def _geo_unknown_layer(file: str, details: Mapping[str, object]) -> str:
    return substitute(
        translate("ErrorText", "%1 is not a kind of boundary; use one of %2."),
        quoted(details.get("layer", "")),
        listed(_items(details.get("layers"))),
    )


def _geo_unsupported(file: str, details: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "Files like %1 cannot be imported; use GeoJSON (.geojson, .json), "
            "GeoPackage (.gpkg) or Shapefile (.shp, or a .zip holding one).",
        ),
        file,
    )


def _geo_several(file: str, details: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "The zip file %1 holds several shapefiles (%2); unpack it and import one of them.",
        ),
        file,
        listed(_items(details.get("names"))),
    )


def _geo_columns(file: str, details: Mapping[str, object]) -> str:
    columns = listed(_items(details.get("columns"))) or "–"
    return substitute(translate("ErrorText", "Its columns are: %1."), columns)


def _geo_no_such_column(file: str, details: Mapping[str, object]) -> str:
    text = substitute(
        translate("ErrorText", "The file %1 has no column %2."),
        file,
        quoted(details.get("column", "")),
    )
    return _nearest_suffix(f"{text} {_geo_columns(file, details)}", details.get("nearest"))


def _geo_no_column(file: str, details: Mapping[str, object]) -> str:
    if details.get("what") == "name":
        text = translate("ErrorText", "The file %1 has no column with the names of the areas.")
    else:
        text = translate("ErrorText", "The file %1 has no column with the codes of the areas.")
    return _nearest_suffix(
        f"{substitute(text, file)} {_geo_columns(file, details)}", details.get("nearest")
    )


def _geo_no_polygons(file: str, details: Mapping[str, object]) -> str:
    found = _items(details.get("found"))
    text = substitute(translate("ErrorText", "The file %1 holds no areas (polygons)."), file)
    if found:
        text += " " + substitute(translate("ErrorText", "It holds: %1."), listed(found))
    return text


def _geo_no_coded_polygon(file: str, details: Mapping[str, object]) -> str:
    return substitute(
        translate("ErrorText", "No area in the file %1 has a code in the column %2."),
        file,
        quoted(details.get("column", "")),
    )


def _geo_unconvertible(file: str, details: Mapping[str, object]) -> str:
    crs = details.get("crs") or translate("ErrorText", "longitude/latitude")
    return substitute(
        translate("ErrorText", "Some coordinates in %1 cannot be converted from %2."), file, crs
    )


GEO_TEXTS: dict[str, Callable[[str, Mapping[str, object]], str]] = {
    "unreadable": _geo_unreadable,
    "unknown_layer": _geo_unknown_layer,
    "no_such_file": _geo_text(QT_TRANSLATE_NOOP("ErrorText", "The file %1 does not exist.")),
    "is_folder": _geo_text(QT_TRANSLATE_NOOP("ErrorText", "%1 is a folder, not a file.")),
    "unsupported_type": _geo_unsupported,
    "no_features": _geo_text(QT_TRANSLATE_NOOP("ErrorText", "The file %1 is empty.")),
    "no_shapes": _geo_text(QT_TRANSLATE_NOOP("ErrorText", "The file %1 has no shapes.")),
    "bad_zip": _geo_text(QT_TRANSLATE_NOOP("ErrorText", "%1 is not a readable zip file.")),
    "zip_without_shapefile": _geo_text(
        QT_TRANSLATE_NOOP("ErrorText", "The zip file %1 holds no shapefile (.shp).")
    ),
    "zip_with_several_shapefiles": _geo_several,
    "no_such_column": _geo_no_such_column,
    "no_column": _geo_no_column,
    "no_polygons": _geo_no_polygons,
    "no_coded_polygon": _geo_no_coded_polygon,
    "unknown_crs": _geo_text(
        QT_TRANSLATE_NOOP(
            "ErrorText",
            "The file %1 does not say which coordinate system it uses, and its coordinates "
            "are not longitude/latitude. Keep the .prj file beside a shapefile, or save the "
            "file with its coordinate system (e.g. EPSG:25832).",
        )
    ),
    "unconvertible_coordinates": _geo_unconvertible,
}
"""One sentence per GeoImportError cause (mapper.domain.errors.GEO_IMPORT_CAUSES)."""


def _partnership_exists(params: Mapping[str, object]) -> str:
    stage = code_label("partnership_stages", params.get("stage"))
    return substitute(
        translate(
            "ErrorText",
            "The problem statement %1 and the actor %2 are already partners (stage: %3).",
        ),
        quoted(params.get("problem_id")),
        quoted(params.get("actor_id")),
        stage,
    )


def _actor_in_use(params: Mapping[str, object]) -> str:
    reasons = []
    owned = _items(params.get("owned_problems"))
    if owned:
        reasons.append(
            substitute(translate("ErrorText", "it owns the problem statements %1"), listed(owned))
        )
    partnered = _items(params.get("partnerships"))
    if partnered:
        reasons.append(
            substitute(
                translate("ErrorText", "it is a partner on the problem statements %1"),
                listed(partnered),
            )
        )
    children = _items(params.get("children"))
    if children:
        reasons.append(
            substitute(
                translate("ErrorText", "it is the parent organisation of %1"), listed(children)
            )
        )
    cycle = _items(params.get("cycle"))
    if cycle:
        reasons.append(
            substitute(
                translate(
                    "ErrorText",
                    "the parent organisations go round in a circle (%1): "
                    "clear the parent of %2 first",
                ),
                _cycle(params),
                quoted(cycle[-1]),
            )
        )
    return substitute(
        translate("ErrorText", "The actor %1 cannot be deleted: %2."),
        quoted(params.get("actor_id")),
        "; ".join(reasons) or "–",
    )


def _cancelled(_params: Mapping[str, object]) -> str:
    return translate("ErrorText", "Stopped; nothing was changed.")


def _municipality_error(params: Mapping[str, object]) -> str:
    # The hint is the nearest code with the municipality's own name, e.g. "0561 (Esbjerg)".
    return _municipality_code(
        field_title_of("municipality_code"), params.get("value"), {"nearest": params.get("hint")}
    )


def _backup(params: Mapping[str, object]) -> str:
    name = Path(str(params.get("path", ""))).name or str(params.get("path", ""))
    extra = params.get("failure_params")
    tool = str(extra.get("tool", "pg_dump")) if isinstance(extra, Mapping) else "pg_dump"
    failure = params.get("failure")
    if failure == "target_exists":
        text = translate("ErrorText", "%1 exists already and was not overwritten.")
    elif failure == "no_client_tools":
        text = translate(
            "ErrorText", "PostgreSQL's client tools are not installed (%2 is missing)."
        )
    elif failure == "tool_failed":
        text = translate("ErrorText", "%2 failed; nothing was changed.")
    elif failure == "not_a_landscape":
        text = translate("ErrorText", "%1 is not a database of this program; nothing was changed.")
    elif failure == "no_database":
        text = translate("ErrorText", "There is no database to back up: %1.")
    elif failure == "older_schema_on_server":
        text = translate(
            "ErrorText",
            "%1 has another schema version than the server; restore it into a new, empty "
            "database. Nothing was changed.",
        )
    elif failure == "bad_keep":
        text = translate("ErrorText", "The number of backups to keep must be at least 1.")
    else:
        text = translate("ErrorText", "The backup could not be made or restored (%1).")
    return substitute(text, name, tool)


def _not_a_person(params: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "%1 is not a person (an individual volunteer): only a person's data can be "
            "exported or erased for the person.",
        ),
        str(params.get("actor_id", "")),
    )


def _sync(params: Mapping[str, object]) -> str:
    cause = params.get("cause")
    if cause == "not_checkout":
        return translate(
            "ErrorText",
            "This database is not an offline copy: make one with File → Take offline….",
        )
    if cause == "target_exists":
        return translate(
            "ErrorText",
            "The file for the copy exists already and was not overwritten: choose a new file.",
        )
    if cause == "no_conflict":
        return translate(
            "ErrorText", "That conflict is no longer open (it was decided or synchronised)."
        )
    if cause == "ambiguous":
        return translate(
            "ErrorText",
            "The id names records of several kinds; decide the conflict from the list of "
            "sync conflicts.",
        )
    if cause == "busy":
        return translate(
            "ErrorText",
            "Others changed the server while this synchronisation ran, three times in a row. "
            "Nothing is lost: synchronise again.",
        )
    return translate("ErrorText", "The synchronisation could not be completed.")


ERROR_TEXTS: dict[str, Callable[[Mapping[str, object]], str]] = {
    "validation": _validation,
    "not_found": _not_found,
    "conflict": _conflict,
    "database": _database,
    "output_file": output_file_text,
    "nothing_to_match": _nothing_to_match,
    "geo_import": _geo_import,
    "partnership_exists": _partnership_exists,
    "actor_in_use": _actor_in_use,
    "cancelled": _cancelled,
    "municipality_code": _municipality_error,
    "backup": _backup,
    "not_a_person": _not_a_person,
    "sync": _sync,
}
"""One sentence per MapperError code (each error class's ``code``)."""
