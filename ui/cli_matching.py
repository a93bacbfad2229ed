"""The matching commands of the ``mapper`` CLI: match, review, consortium, weights."""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from mapper.domain.vocabulary import load_vocabulary
from mapper.matching.model import CRITERIA, MAX_WEIGHT, Contribution, Match, Ranking, Reason
from mapper.matching.reasons import (
    criterion_label,
    gate_label,
    not_given_text,
    number,
    render,
    review_group_label,
)

if TYPE_CHECKING:  # numpy, the index and SQLAlchemy load when a command runs
    from mapper.services.matching import Consortium, Review

BAR_WIDTH = 20
PROGRESS_FROM = 2_000
"""Actors to analyse before a ranking from which the CLI says how far it has come."""
MAX_SIGNED = 8  # reasons shown for and against each (the breakdown line has every criterion)


class WeightError(ValueError):
    pass


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    match = sub.add_parser("match", help="rank partners for a problem (or problems for an actor)")
    match.add_argument("problem_id", nargs="?", help="the problem statement's id")
    match.add_argument(
        "--actor", metavar="ACTOR_ID", help="rank open problem statements for this actor instead"
    )
    match.add_argument(
        "--partners",
        action="store_true",
        help="with --actor: rank other actors as partners for this actor",
    )
    match.add_argument("--top", type=int, default=10, help="how many results (default 10)")
    match.add_argument(
        "--weight",
        action="append",
        default=[],
        metavar="CRITERION=WEIGHT",
        help=f"override a weight for this run; criteria: {', '.join(CRITERIA)}",
    )
    match.add_argument(
        "--rotation",
        action="store_true",
        help="fair rotation: mildly penalise actors proposed recently",
    )
    _common(match)

    review = sub.add_parser("review", help="360° review: supplement, referrers, take-over")
    review.add_argument("problem_id")
    review.add_argument(
        "--per-group",
        type=int,
        default=None,
        help="partners per group (default: review.per_group in data/matching.json)",
    )
    _common(review)

    consortium = sub.add_parser("consortium", help="propose 2-4 actors that cover what is sought")
    consortium.add_argument("problem_id")
    consortium.add_argument(
        "--max-members",
        type=int,
        default=None,
        help="most members (default: consortium.max_members in data/matching.json)",
    )
    consortium.add_argument(
        "--pool",
        type=int,
        default=None,
        help="best-ranked partners considered (default: consortium.pool in data/matching.json)",
    )
    _common(consortium)

    weights = sub.add_parser("weights", help="show or save a problem's matching weights")
    weights.add_argument("problem_id")
    weights.add_argument("set", nargs="*", metavar="CRITERION=WEIGHT")
    weights.add_argument("--reset", action="store_true", help="back to the default weights")
    weights.add_argument("--json", action="store_true")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="JSON instead of text")
    parser.add_argument(
        "--lang",
        choices=("da", "en"),
        default="da",
        help="language of reasons and labels (default da)",
    )


def parse_weights(items: list[str]) -> dict[str, float]:
    """CRITERION=WEIGHT items; a WeightError (in Danish) names the criterion and value of the
    first that is not a known criterion with a finite weight from 0 to MAX_WEIGHT."""
    weights: dict[str, float] = {}
    limit = f"{MAX_WEIGHT:g}"
    for item in items:
        name, _, text = item.partition("=")
        name = name.strip()
        if name not in CRITERIA:
            raise WeightError(f"ukendt kriterium {name!r}; brug et af {', '.join(CRITERIA)}")
        try:
            value = float(text)
        except ValueError:
            raise WeightError(
                f"vægten for {name} skal være et tal fra 0 til {limit}, ikke {text.strip()!r} "
                f"(f.eks. {name}=2)"
            ) from None
        if not math.isfinite(value):
            raise WeightError(
                f"vægten for {name} skal være et endeligt tal fra 0 til {limit}, "
                f"ikke {text.strip()!r}"
            )
        if value < 0:
            raise WeightError(f"vægten for {name} kan ikke være negativ: {text.strip()}")
        if value > MAX_WEIGHT:
            raise WeightError(f"vægten for {name} kan højst være {limit}, ikke {text.strip()}")
        weights[name] = value
    return weights


def check_count(option: str, value: int | None) -> None:
    """A count option (--per-group, --max-members, --pool): absent, or 1 to MAX_RESULTS."""
    from mapper.services.matching import MAX_RESULTS

    if value is not None and not 1 <= value <= MAX_RESULTS:
        raise WeightError(
            f"{option} skal være et helt tal fra 1 til {number(MAX_RESULTS, 'da')}, ikke {value}"
        )


# --------------------------------------------------------------------------- JSON


def reason_json(reason: Reason, lang: str) -> dict[str, Any]:
    return {"code": reason.code, "text": render(reason, lang), "sign": reason.sign}


def contribution_json(c: Contribution, lang: str) -> dict[str, Any]:
    return {
        "criterion": c.criterion,
        "label": criterion_label(c.criterion, lang),
        "score": round(c.score, 4),
        "weight": c.weight,
        "points": round(c.points, 4),
        "neutral": c.neutral,
        "unknown": c.unknown,
        "reasons": [render(r, lang) for r in c.reasons],
    }


def match_json(m: Match, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rank": m.rank,
        "actor_id": m.actor_id,
        "name": m.actor_name,
        "kind": m.actor_kind,
        "score": round(m.score, 4),
    }
    if m.problem_id:
        out.update(problem_id=m.problem_id, problem_title=m.problem_title)
    out.update(
        distance_km=None if m.distance_km is None else round(m.distance_km, 2),
        reasons=[render(r, lang) for r in m.reasons],
        reasons_for=[render(r, lang) for r in m.reasons_for],
        reasons_against=[render(r, lang) for r in m.reasons_against],
        not_given=not_given_text(m, lang),
        confidence=round(m.confidence, 4),
        unresolved=m.unresolved,
        warnings=[render(r, lang) for r in m.warnings],
        breakdown=[contribution_json(c, lang) for c in m.contributions],
    )
    return out


def ranking_json(r: Ranking, lang: str) -> dict[str, Any]:
    return {
        "subject_id": r.subject_id,
        "considered": r.considered,
        "weights": dict(r.weights),
        "excluded": dict(r.excluded),
        "excluded_examples": [
            {
                "id": e.actor_id,
                "name": e.actor_name,
                "gate": e.gate,
                "reason": render(e.reason, lang),
            }
            for e in r.excluded_examples
        ],
        "notes": [render(n, lang) for n in r.notes],
        "existing_partnerships": [
            {"actor_id": e.actor_id, "name": e.actor_name, "stage": e.stage} for e in r.existing
        ],
        "results": [match_json(m, lang) for m in r.matches],
    }


# --------------------------------------------------------------------------- text


def bar(score: float) -> str:
    filled = round(score / 100 * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def print_match(
    m: Match, lang: str, out: TextIO, indent: str = "", stage: str | None = None
) -> None:
    vocab = load_vocabulary()
    title = m.problem_title or m.actor_name
    kind = vocab.label("actor_kinds", m.actor_kind, lang)
    subject = f"{title} [{m.problem_id}]" if m.problem_id else f"{title} ({kind}) [{m.actor_id}]"
    if stage:
        # Already a partnership on this problem: say so where the partner is ranked.
        label = _lower(vocab.label("partnership_stages", stage, lang))
        subject += f" – {'samarbejde' if lang == 'da' else 'partnership'}: {label}"
    print(f"{indent}{m.rank:>2}. {subject}", file=out)
    score = number(m.score, lang, 1)
    sure = ""
    if m.confidence < 1.0:
        word = "oplyst" if lang == "da" else "known"
        sure = f"  ({number(100 * m.confidence, lang)} % {word})"
    print(f"{indent}    {bar(m.score)} {score:>5}{sure}", file=out)
    # What speaks for and against, signed; what the profile does not say, marked '?'.
    for reason in m.reasons_for[:MAX_SIGNED]:
        print(f"{indent}    + {render(reason, lang)}", file=out)
    for reason in m.reasons_against[:MAX_SIGNED]:
        print(f"{indent}    − {render(reason, lang)}", file=out)
    unknown = not_given_text(m, lang)
    if unknown:
        print(f"{indent}    ? {unknown}", file=out)
    for warning in m.warnings:
        print(f"{indent}    ! {render(warning, lang)}", file=out)
    parts = [
        f"{criterion_label(c.criterion, lang)} {number_signed(c.points, lang)}"
        for c in sorted(m.contributions, key=lambda c: -abs(c.points))
    ]
    print(f"{indent}    = {' · '.join(parts)}", file=out)


def _lower(text: str) -> str:
    return text if len(text) > 1 and text[1].isupper() else text[:1].lower() + text[1:]


def number_signed(value: float, lang: str) -> str:
    sign = "+" if value >= 0 else "−"
    return f"{sign}{number(abs(value), lang, 1)}"


def print_ranking(r: Ranking, lang: str, out: TextIO, heading: str) -> None:
    print(heading, file=out)
    stages = {e.actor_id: e.stage for e in r.existing}
    for note in r.notes:
        print(f"  ! {render(note, lang)}", file=out)
    if r.existing:
        vocab = load_vocabulary()
        word = "Eksisterende samarbejder" if lang == "da" else "Existing partnerships"
        items = [
            f"{e.actor_name} ({_lower(vocab.label('partnership_stages', e.stage, lang))})"
            for e in r.existing
        ]
        print(f"  {word}: {'; '.join(items)}", file=out)
    if not r.matches:
        print("  (ingen)" if lang == "da" else "  (none)", file=out)
    for m in r.matches:
        print_match(m, lang, out, "  ", stages.get(m.actor_id))
    excluded = [f"{n} {gate_label(g, lang)}" for g, n in r.excluded.items() if n]
    if excluded:
        word = "Udelukket" if lang == "da" else "Excluded"
        print(f"  {word}: {', '.join(excluded)}", file=out)


# --------------------------------------------------------------------------- commands


def cmd_match(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.matching import MatchingService

    if bool(args.problem_id) == bool(args.actor):
        raise WeightError("give either a PROBLEM_ID or --actor ACTOR_ID")
    if args.top < 1:
        raise WeightError("--top must be at least 1")
    weights = parse_weights(args.weight)
    database = open_database(args.db)
    try:
        service = MatchingService(database)
        if args.actor and args.partners:
            ranking = service.rank_actors_for_actor(args.actor, top=args.top)
            heading = f"Partnere for aktøren {ranking.subject_title or args.actor}"
        elif args.actor:
            ranking = service.rank_problems_for_actor(
                args.actor, top=args.top, rotation=args.rotation
            )
            heading = f"Problemstillinger for aktøren {ranking.subject_title or args.actor}"
        else:
            ranking = service.rank_actors_for_problem(
                args.problem_id,
                top=args.top,
                weights=weights,
                rotation=args.rotation,
                progress=analysis_progress(err),
            )
            heading = f"Partnere til problemstillingen »{ranking.subject_title or args.problem_id}«"
    finally:
        database.close()
    if args.json:
        json.dump(ranking_json(ranking, args.lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print_ranking(ranking, args.lang, out, heading)
    return 0


def analysis_progress(err: TextIO) -> Callable[[int, int], None]:
    """Says on stderr how far the first ranking after many new or changed actors has come in
    reading their texts (a large import: minutes); quiet for a few."""

    def report(done: int, total: int) -> None:
        if total >= PROGRESS_FROM:
            err.write(
                f"Læser aktørernes tekster (én gang efter ændringer): "
                f"{number(done, 'da')} af {number(total, 'da')}\n"
            )
            err.flush()

    return report


def cmd_review(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.matching import MatchingService

    check_count("--per-group", args.per_group)
    database = open_database(args.db)
    try:
        review: Review = MatchingService(database).review(args.problem_id, per_group=args.per_group)
    finally:
        database.close()
    if args.json:
        json.dump(
            {
                "problem_id": review.problem_id,
                "groups": [
                    {
                        "group": g.name,
                        "label": review_group_label(g.name, args.lang),
                        "note": render(g.note, args.lang) if g.note else None,
                        "results": [match_json(m, args.lang) for m in g.matches],
                    }
                    for g in review.groups
                ],
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
        return 0
    print(f"360°-eftersyn af »{review.problem_title or review.problem_id}«", file=out)
    for group in review.groups:
        print(f"\n{review_group_label(group.name, args.lang)}", file=out)
        if group.note:
            print(f"  {render(group.note, args.lang)}", file=out)
        for m in group.matches:
            print_match(m, args.lang, out, "  ")
        if not group.matches:
            print("  (ingen)" if args.lang == "da" else "  (none)", file=out)
    return 0


def _item_label(item: str, lang: str) -> str:
    facet, _, code = item.partition(":")
    vocab = load_vocabulary()
    return vocab.label("resource_kinds" if facet == "resource" else "roles", code, lang)


def cmd_consortium(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.matching import MatchingService

    check_count("--max-members", args.max_members)
    check_count("--pool", args.pool)
    database = open_database(args.db)
    try:
        proposal: Consortium = MatchingService(database).consortium(
            args.problem_id, max_members=args.max_members, pool=args.pool
        )
    finally:
        database.close()
    if args.json:
        json.dump(
            {
                "problem_id": proposal.problem_id,
                "sought": list(proposal.sought),
                "uncovered": list(proposal.uncovered),
                "members": [
                    {
                        "actor_id": m.match.actor_id,
                        "name": m.match.actor_name,
                        "score": round(m.match.score, 4),
                        "rank": m.match.rank,
                        "covers": list(m.covers),
                        "also_offers": list(m.also_offers),
                    }
                    for m in proposal.members
                ],
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
        return 0
    print(f"Konsortium til »{proposal.problem_title or proposal.problem_id}«", file=out)
    for member in proposal.members:
        m = member.match
        score = number(m.score, args.lang, 1)
        print(f"  {m.actor_name} [{m.actor_id}] – nr. {m.rank}, {score}", file=out)
        # Labels hold commas and 'og' themselves: items are separated by semicolons.
        if member.covers:
            covers = "; ".join(_lower(_item_label(i, args.lang)) for i in member.covers)
            print(f"    dækker: {covers}", file=out)
        if member.also_offers:
            also = "; ".join(_lower(_item_label(i, args.lang)) for i in member.also_offers)
            print(f"    kan også: {also}", file=out)
    if proposal.uncovered:
        missing = "; ".join(_lower(_item_label(i, args.lang)) for i in proposal.uncovered)
        print(f"  Ikke dækket: {missing}", file=out)
    return 0


def cmd_weights(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.matching import MatchingService

    new = parse_weights(args.set)
    database = open_database(args.db)
    try:
        service = MatchingService(database)
        if args.reset:
            service.save_weights(args.problem_id, None)
        elif new:
            service.save_weights(args.problem_id, {**service.saved_weights(args.problem_id), **new})
        weights = service.settings_for(args.problem_id).weights
    finally:
        database.close()
    if args.json:
        json.dump(dict(weights), out, indent=2)
        out.write("\n")
    else:
        for criterion in CRITERIA:
            print(f"{criterion:<14} {weights[criterion]:g}", file=out)
    return 0


COMMANDS = {
    "match": cmd_match,
    "review": cmd_review,
    "consortium": cmd_consortium,
    "weights": cmd_weights,
}
