"""De-duplication quality on the labelled messy association lists (tests/fixtures/registers).

Reads every export the way labels.json describes it (encoding, delimiter, header row, columns),
turns each row into an actor (postcode → municipality from the built-in reference data, as an
import places actors offline), runs ``find_all_duplicates`` over all rows of all files together
and compares the pairs with the truth: two rows are a true pair when they are the same
association. Broken rows (labelled with a problem) are left out: an import rejects them.

    .venv/bin/python bench/evaluate_dedupe.py [--json] [--misses]
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapper.domain.dedupe import DuplicatePair, find_all_duplicates  # noqa: E402
from mapper.domain.model import Actor, Contact, Location  # noqa: E402
from mapper.geo.reference import postcode_place  # noqa: E402

REGISTERS = ROOT / "tests" / "fixtures" / "registers"


@dataclass(frozen=True)
class Quality:
    """Pairwise precision and recall of the pairs found against the labelled truth."""

    rows: int
    true_pairs: int
    found_pairs: int
    correct_pairs: int
    merge_pairs: int
    correct_merge_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.found_pairs if self.found_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def merge_precision(self) -> float:
        return self.correct_merge_pairs / self.merge_pairs if self.merge_pairs else 1.0

    @property
    def merge_recall(self) -> float:
        return self.correct_merge_pairs / self.true_pairs if self.true_pairs else 1.0


def _csv_rows(path: Path, spec: Mapping[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    text = path.read_bytes().decode(spec["encoding"])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=spec["delimiter"])
    header: list[str] = []
    last = 0
    for record in reader:
        line, last = last + 1, reader.line_num
        if line < spec["header_line"]:
            continue
        if line == spec["header_line"]:
            header = record
            continue
        yield line, dict(zip(header, record, strict=False))


def _xlsx_rows(path: Path, spec: Mapping[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book[spec["sheet"]]
        header: list[str] = []
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if line == spec["header_line"]:
                header = [str(v) for v in values]
            elif line > spec["header_line"]:
                yield line, dict(zip(header, values, strict=False))
    finally:
        book.close()


def _text(value: Any) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def row_actor(actor_id: str, values: Mapping[str, Any], columns: Mapping[str, str]) -> Actor:
    """A register row as an actor, as an import would read it."""

    def get(field: str) -> str | None:
        column = columns.get(field)
        return _text(values.get(column)) if column else None

    postcode = get("postcode")
    if postcode and postcode.isdigit():
        postcode = postcode.zfill(4)
    place = postcode_place(postcode)
    cvr = get("cvr")
    return Actor(
        id=actor_id,
        name=get("name") or "",
        kind="local_association",
        registry_ids=(("cvr", cvr),) if cvr else (),
        location=Location(
            address=get("address"),
            postcode=postcode,
            city=get("city"),
            municipality_code=place.municipality_code if place else None,
        ),
        contact=Contact(email=get("email"), phone=get("phone"), website=get("website")),
    )


def labelled_actors(folder: Path = REGISTERS) -> tuple[list[Actor], dict[str, str]]:
    """Every unbroken row of every export as an actor (id 'file:line'), and each id's truth."""
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    actors: list[Actor] = []
    truth: dict[str, str] = {}
    for file, spec in labels["files"].items():
        by_line = {row["line"]: row for row in spec["rows"]}
        reader = _xlsx_rows if file.endswith(".xlsx") else _csv_rows
        for line, values in reader(folder / file, spec):
            label = by_line.get(line)
            if label is None:
                raise ValueError(f"{file}: line {line} is not labelled")
            if label.get("problem") or label["entity"] is None:
                continue
            actor_id = f"{file}:{line}"
            actors.append(row_actor(actor_id, values, spec["columns"]))
            truth[actor_id] = label["entity"]
    return actors, truth


def true_pairs(truth: Mapping[str, str]) -> set[tuple[str, str]]:
    by_entity: dict[str, list[str]] = {}
    for actor_id, entity in truth.items():
        by_entity.setdefault(entity, []).append(actor_id)
    return {
        (min(a, b), max(a, b))
        for ids in by_entity.values()
        for a, b in itertools.combinations(ids, 2)
    }


def evaluate(folder: Path = REGISTERS) -> tuple[Quality, list[DuplicatePair], set[tuple[str, str]]]:
    """The quality of find_all_duplicates on the labelled lists, the pairs and the truth."""
    actors, truth = labelled_actors(folder)
    pairs = find_all_duplicates(actors)
    expected = true_pairs(truth)
    found = {(p.first_id, p.second_id) for p in pairs}
    merges = {(p.first_id, p.second_id) for p in pairs if p.decision == "merge"}
    quality = Quality(
        rows=len(actors),
        true_pairs=len(expected),
        found_pairs=len(found),
        correct_pairs=len(found & expected),
        merge_pairs=len(merges),
        correct_merge_pairs=len(merges & expected),
    )
    return quality, pairs, expected


def _names(actors: Sequence[Actor]) -> dict[str, str]:
    return {a.id: a.name for a in actors}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="list wrong and missed pairs")
    args = parser.parse_args(argv)
    quality, pairs, expected = evaluate()
    if args.json:
        print(
            json.dumps(
                {
                    **quality.__dict__,
                    "precision": round(quality.precision, 4),
                    "recall": round(quality.recall, 4),
                    "merge_precision": round(quality.merge_precision, 4),
                    "merge_recall": round(quality.merge_recall, 4),
                }
            )
        )
    else:
        print(
            f"{quality.rows} rows, {quality.true_pairs} true pairs; found {quality.found_pairs} "
            f"pairs, {quality.correct_pairs} correct: precision {quality.precision:.3f}, "
            f"recall {quality.recall:.3f}; decided 'merge' {quality.merge_pairs}: precision "
            f"{quality.merge_precision:.3f}, recall {quality.merge_recall:.3f}"
        )
    if args.misses:
        actors, _ = labelled_actors()
        names = _names(actors)
        found = {(p.first_id, p.second_id): p for p in pairs}
        for ids, pair in sorted(found.items()):
            if ids not in expected:
                details = "; ".join(e.detail for e in pair.evidence)
                print(f"WRONG {pair.score:5.1f} {names[ids[0]]!r} ~ {names[ids[1]]!r}: {details}")
        for ids in sorted(expected - set(found)):
            print(f"MISSED {names[ids[0]]!r} ~ {names[ids[1]]!r}  ({ids[0]}, {ids[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
