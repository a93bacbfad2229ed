"""SQLAlchemy tables of the landscape database (portable: SQLite and PostgreSQL).

Every main record carries an internal integer key (never shown to users or exported), its stable
interchange id (``uid``), a ``version`` for optimistic locking and UTC timestamps, so that shared
mode, sync and an audit trail can build on it. Code lists live in child tables so that filters are
plain portable SQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from mapper.persistence.checks import ACTOR_CHECKS, PARTNERSHIP_CHECKS, PROBLEM_CHECKS

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes: ``timestamptz`` on PostgreSQL, naive UTC text on SQLite."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use aware UTC datetimes")
        utc = value.astimezone(dt.UTC)
        return utc if dialect.name == "postgresql" else utc.replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.astimezone(dt.UTC) if value.tzinfo else value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


AUTHOR_LENGTH = 200


class TimestampedRecord:
    """Columns every main record has: version for compare-and-swap saves, timestamps by the
    database clock, who created and last changed it, and its tombstone (deleted_at/_by: a
    deleted record stays as a tombstone, so an offline copy can learn of the deletion)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))
    updated_by: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    deleted_by: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class LocationColumns:
    address: Mapped[str | None] = mapped_column(String(500))
    postcode: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(200))
    municipality_code: Mapped[str | None] = mapped_column(String(4), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    location_precision: Mapped[str | None] = mapped_column(String(20))


class ActorRecord(TimestampedRecord, LocationColumns, Base):
    __tablename__ = "actors"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(500), nullable=False)
    kind: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    parent_pk: Mapped[int | None] = mapped_column(
        ForeignKey("actors.pk", ondelete="SET NULL"), index=True
    )
    service_area_km: Mapped[float | None] = mapped_column(Float)
    employees: Mapped[int | None] = mapped_column(Integer)
    volunteers: Mapped[int | None] = mapped_column(Integer)
    public: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    consent_given_on: Mapped[dt.date | None] = mapped_column(Date)
    consent_purpose: Mapped[str | None] = mapped_column(Text)
    verified_on: Mapped[dt.date | None] = mapped_column(Date)
    contact_name: Mapped[str | None] = mapped_column(String(300))
    contact_email: Mapped[str | None] = mapped_column(String(300))
    contact_phone: Mapped[str | None] = mapped_column(String(100))
    contact_website: Mapped[str | None] = mapped_column(String(500))
    we_are: Mapped[str | None] = mapped_column(Text)
    best_at: Mapped[str | None] = mapped_column(Text)
    worst_at: Mapped[str | None] = mapped_column(Text)
    attractive_partner_because: Mapped[str | None] = mapped_column(Text)
    role_towards_target_group: Mapped[str | None] = mapped_column(Text)
    how_we_know_it_works: Mapped[str | None] = mapped_column(Text)
    evidence_level: Mapped[str | None] = mapped_column(String(64))
    seeking_description: Mapped[str | None] = mapped_column(Text)
    """What the actor itself seeks, in words; the sought codes are facets of actor_codes."""

    codes: Mapped[list[ActorCode]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="(ActorCode.facet, ActorCode.position)",
    )
    resources: Mapped[list[ActorResource]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="ActorResource.position",
    )
    success_examples: Mapped[list[ActorSuccessExample]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="ActorSuccessExample.position",
    )
    registry_ids: Mapped[list[ActorRegistryId]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="ActorRegistryId.scheme",
    )
    review_notes: Mapped[list[ActorReviewNote]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="ActorReviewNote.position",
    )

    __table_args__ = (
        CheckConstraint(ACTOR_CHECKS["volunteer_not_public"], name="volunteer_not_public"),
        CheckConstraint(ACTOR_CHECKS["lat_range"], name="lat_range"),
        CheckConstraint(ACTOR_CHECKS["lon_range"], name="lon_range"),
        CheckConstraint(ACTOR_CHECKS["counts"], name="counts"),
        CheckConstraint(ACTOR_CHECKS["version"], name="version"),
        CheckConstraint(ACTOR_CHECKS["precision"], name="precision"),
    )


class ActorCode(Base):
    """One code of an actor: facet is target_group, role or prevention_level, or what the
    actor seeks: sought_resource, sought_role or sought_target_group."""

    __tablename__ = "actor_codes"

    actor_pk: Mapped[int] = mapped_column(
        ForeignKey("actors.pk", ondelete="CASCADE"), primary_key=True
    )
    facet: Mapped[str] = mapped_column(String(32), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (Index("ix_actor_codes_facet_code", "facet", "code"),)


class ActorResource(Base):
    __tablename__ = "actor_resources"

    actor_pk: Mapped[int] = mapped_column(
        ForeignKey("actors.pk", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    description: Mapped[str | None] = mapped_column(Text)
    hours_per_month: Mapped[float | None] = mapped_column(Float)
    amount_dkk: Mapped[float | None] = mapped_column(Float)


class ActorSuccessExample(Base):
    __tablename__ = "actor_success_examples"

    actor_pk: Mapped[int] = mapped_column(
        ForeignKey("actors.pk", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)


class ActorRegistryId(Base):
    """An id in an external register, e.g. scheme 'cvr' (used later for de-duplication)."""

    __tablename__ = "actor_registry_ids"

    actor_pk: Mapped[int] = mapped_column(
        ForeignKey("actors.pk", ondelete="CASCADE"), primary_key=True
    )
    scheme: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(100), nullable=False)

    __table_args__ = (Index("ix_actor_registry_ids_scheme_value", "scheme", "value"),)


class ActorReviewNote(Base):
    """A value an import kept on the actor for a person to review (mapper.domain.model
    ReviewNote): the field it was meant for, the value as read, and why (a reason code)."""

    __tablename__ = "actor_review_notes"

    actor_pk: Mapped[int] = mapped_column(
        ForeignKey("actors.pk", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    field: Mapped[str] = mapped_column(String(64), nullable=False)
    value: Mapped[str] = mapped_column(Text, nullable=False)
    reason: Mapped[str] = mapped_column(String(32), nullable=False)


class ImportMapping(Base):
    """The column mapping last used for one source of registers (e.g. a booking system's
    export), so the next import of the same source needs no choices. ``source_key`` is
    derived from the source's normalised header set; ``mapping`` is JSON."""

    __tablename__ = "import_mappings"

    source_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    mapping: Mapped[str] = mapped_column(Text, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(100))


class ActorMerge(Base):
    """One merge of two actors: the survivor took the merged actor's fields (``fields``: JSON
    field → 'survivor' or 'merged'); the merged actor stays as a tombstone."""

    __tablename__ = "actor_merges"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    survivor_pk: Mapped[int] = mapped_column(ForeignKey("actors.pk"), nullable=False, index=True)
    merged_pk: Mapped[int] = mapped_column(ForeignKey("actors.pk"), nullable=False)
    fields: Mapped[str] = mapped_column(Text, nullable=False)
    score: Mapped[float | None] = mapped_column(Float)
    evidence: Mapped[str | None] = mapped_column(Text)
    """JSON list of the evidence the pair was found on."""
    merged_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    merged_by: Mapped[str] = mapped_column(String(100), nullable=False)


class ActorDistinctPair(Base):
    """Two actors a person decided are different associations: never proposed as duplicates
    again. Stored once, with the smaller key first."""

    __tablename__ = "actor_distinct_pairs"

    first_pk: Mapped[int] = mapped_column(
        ForeignKey("actors.pk", ondelete="CASCADE"), primary_key=True
    )
    second_pk: Mapped[int] = mapped_column(
        ForeignKey("actors.pk", ondelete="CASCADE"), primary_key=True
    )
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    decided_by: Mapped[str] = mapped_column(String(100), nullable=False)

    __table_args__ = (CheckConstraint("first_pk < second_pk", name="ordered"),)


class ProblemRecord(TimestampedRecord, LocationColumns, Base):
    __tablename__ = "problems"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    owner_pk: Mapped[int | None] = mapped_column(
        ForeignKey("actors.pk", ondelete="SET NULL"), index=True
    )
    problem_municipality_code: Mapped[str | None] = mapped_column(String(4), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    concreteness: Mapped[str | None] = mapped_column(String(20))
    prevention_level: Mapped[str | None] = mapped_column(String(64))
    our_role: Mapped[str | None] = mapped_column(Text)
    how_we_know_it_works: Mapped[str | None] = mapped_column(Text)
    seeking_description: Mapped[str | None] = mapped_column(Text)
    must_not: Mapped[str | None] = mapped_column(Text)
    max_distance_km: Mapped[float | None] = mapped_column(Float)
    partner_gets: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="draft", index=True)
    involves_statutory_task: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    codes: Mapped[list[ProblemCode]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="(ProblemCode.facet, ProblemCode.position)",
    )
    resources: Mapped[list[ProblemResource]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="ProblemResource.position",
    )

    __table_args__ = (
        CheckConstraint(PROBLEM_CHECKS["status"], name="status"),
        CheckConstraint(PROBLEM_CHECKS["lat_range"], name="lat_range"),
        CheckConstraint(PROBLEM_CHECKS["lon_range"], name="lon_range"),
        CheckConstraint(PROBLEM_CHECKS["version"], name="version"),
        CheckConstraint(PROBLEM_CHECKS["precision"], name="precision"),
    )


class ProblemCode(Base):
    """One code of a problem: facet is target_group, required_resource, sought_role,
    sought_actor_kind or excluded_actor_kind."""

    __tablename__ = "problem_codes"

    problem_pk: Mapped[int] = mapped_column(
        ForeignKey("problems.pk", ondelete="CASCADE"), primary_key=True
    )
    facet: Mapped[str] = mapped_column(String(32), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (Index("ix_problem_codes_facet_code", "facet", "code"),)


class ProblemResource(Base):
    """A resource the problem's owner seeks from a partner."""

    __tablename__ = "problem_resources"

    problem_pk: Mapped[int] = mapped_column(
        ForeignKey("problems.pk", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), nullable=False)
    description: Mapped[str | None] = mapped_column(Text)
    hours_per_month: Mapped[float | None] = mapped_column(Float)
    amount_dkk: Mapped[float | None] = mapped_column(Float)


class PartnershipRecord(TimestampedRecord, Base):
    __tablename__ = "partnerships"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    problem_pk: Mapped[int] = mapped_column(
        ForeignKey("problems.pk", ondelete="CASCADE"), nullable=False
    )
    actor_pk: Mapped[int] = mapped_column(
        ForeignKey("actors.pk", ondelete="CASCADE"), nullable=False, index=True
    )
    stage: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    type: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(Text)
    updated_on: Mapped[dt.date | None] = mapped_column(Date)
    effect: Mapped[str | None] = mapped_column(Text)
    evidence_level: Mapped[str | None] = mapped_column(String(64))

    success_factors: Mapped[list[PartnershipSuccessFactor]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="PartnershipSuccessFactor.position",
    )
    history: Mapped[list[PartnershipStageChange]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="PartnershipStageChange.pk",
    )

    __table_args__ = (
        UniqueConstraint("problem_pk", "actor_pk"),
        CheckConstraint(PARTNERSHIP_CHECKS["version"], name="version"),
    )


class PartnershipSuccessFactor(Base):
    __tablename__ = "partnership_success_factors"

    partnership_pk: Mapped[int] = mapped_column(
        ForeignKey("partnerships.pk", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), nullable=False)


class PartnershipStageChange(Base):
    __tablename__ = "partnership_stage_history"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    partnership_pk: Mapped[int] = mapped_column(
        ForeignKey("partnerships.pk", ondelete="CASCADE"), nullable=False, index=True
    )
    stage: Mapped[str] = mapped_column(String(32), nullable=False)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))


class ProblemMatchWeight(Base):
    """A problem statement's own weight for one matching criterion (overrides the default)."""

    __tablename__ = "problem_match_weights"

    problem_pk: Mapped[int] = mapped_column(
        ForeignKey("problems.pk", ondelete="CASCADE"), primary_key=True
    )
    criterion: Mapped[str] = mapped_column(String(32), primary_key=True)
    weight: Mapped[float] = mapped_column(Float, nullable=False)


class BoundaryRecord(Base):
    """One area of an imported boundary layer: a municipality (kommune), region or postcode
    area (postnummer). The shape is stored as GeoJSON text in WGS84, simplified for display, so
    the table is portable and needs no spatial extension; the bounding box allows quick filters.
    Importing a layer replaces all its rows."""

    __tablename__ = "boundaries"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    layer: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    """municipalities, regions or postcodes"""
    code: Mapped[str] = mapped_column(String(20), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    parent_code: Mapped[str | None] = mapped_column(String(20))
    """The enclosing area's code: a municipality's region, a postcode's municipality."""
    geometry: Mapped[str] = mapped_column(Text, nullable=False)
    point_lat: Mapped[float | None] = mapped_column(Float)
    point_lon: Mapped[float | None] = mapped_column(Float)
    min_lat: Mapped[float] = mapped_column(Float, nullable=False)
    min_lon: Mapped[float] = mapped_column(Float, nullable=False)
    max_lat: Mapped[float] = mapped_column(Float, nullable=False)
    max_lon: Mapped[float] = mapped_column(Float, nullable=False)
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    __table_args__ = (UniqueConstraint("layer", "code"),)


class ActorAnalysisRecord(Base):
    """What matching derived from one actor's texts, and from which version of the actor and
    of the analyser (mapper.matching.text_relevance.analyser_version): derived data, made
    again whenever either moves (mapper.services.matching refreshes stale rows)."""

    __tablename__ = "actor_analysis"

    actor_pk: Mapped[int] = mapped_column(
        ForeignKey("actors.pk", ondelete="CASCADE"), primary_key=True
    )
    actor_version: Mapped[int] = mapped_column(Integer, nullable=False)
    analyser: Mapped[str] = mapped_column(String(40), nullable=False)
    has_text: Mapped[bool] = mapped_column(Boolean, nullable=False)
    # The inferred codes the matcher uses, per facet as bits (the vocabulary's codes in sorted
    # order, as mapper.matching.index numbers them) and their highest confidence: the index
    # reads these columns instead of one row per code.
    target_group_bits: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    target_group_confidence: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    role_bits: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    role_confidence: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    resource_bits: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    resource_confidence: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    # The codes it declares, as the same bits (mapper.matching.analysis.DECLARED_FACETS): the
    # index reads one row per actor instead of every row of actor_codes.
    declared_target_group_bits: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    declared_role_bits: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    declared_prevention_bits: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    declared_sought_resource_bits: Mapped[int] = mapped_column(
        BigInteger, nullable=False, default=0
    )
    declared_sought_role_bits: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    declared_sought_target_group_bits: Mapped[int] = mapped_column(
        BigInteger, nullable=False, default=0
    )


class ActorTerm(Base):
    """One term of an actor's texts (a stem, a compound part or an '@facet:code' concept) and
    its BM25 impact: the postings of the text-relevance model, read term by term."""

    __tablename__ = "actor_terms"

    # Keyed by term first: a ranking reads whole terms (on SQLite the table is clustered so).
    term: Mapped[str] = mapped_column(String(100), primary_key=True)
    actor_pk: Mapped[int] = mapped_column(
        ForeignKey("actors.pk", ondelete="CASCADE"), primary_key=True
    )
    impact: Mapped[float] = mapped_column(Float, nullable=False)

    __table_args__ = (
        Index("ix_actor_terms_actor_pk", "actor_pk"),
        {"sqlite_with_rowid": False},
    )


class ActorInferredCode(Base):
    """A code the actor's texts speak of that it has not declared (mapper.matching.lexicon
    infer_actor_codes), with its confidence and the words that triggered it; ``sought`` for
    what its 'Vi søger …' text asks for. Used by matching with a discount; never declared."""

    __tablename__ = "actor_inferred_codes"

    actor_pk: Mapped[int] = mapped_column(
        ForeignKey("actors.pk", ondelete="CASCADE"), primary_key=True
    )
    sought: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    facet: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    confidence: Mapped[float] = mapped_column(Float, nullable=False)
    evidence: Mapped[str] = mapped_column(Text, nullable=False)
    """The triggering words, as JSON list."""


class RecordHistoryEntry(Base):
    """One change of an actor, problem statement or partnership (the change history,
    historik): the version it gave the record, when (database clock) and by whom, what was
    done, and the changed fields as JSON ``{interchange field path: [old, new]}``."""

    __tablename__ = "record_history"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_type: Mapped[str] = mapped_column(String(16), nullable=False)
    """'actor', 'problem' or 'partnership'."""
    record_uid: Mapped[str] = mapped_column(String(401), nullable=False)
    """The interchange id; a partnership's is 'problem id:actor id' (two ids of up to 200)."""
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    changed_by: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    """'created', 'changed', 'deleted', 'revived', 'merged' or 'imported'."""
    changes: Mapped[str | None] = mapped_column(Text)
    """JSON {field: [old, new]}; None when no values are kept (an import's new record, or
    values erased for privacy)."""

    __table_args__ = (Index("ix_record_history_record", "record_type", "record_uid"),)


class SyncOrigin(Base):
    """Where a checked-out local copy came from (one row; none in other databases)."""

    __tablename__ = "sync_origin"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(Text, nullable=False)
    """The server's SQLAlchemy URL without its password (PGPASSWORD or ~/.pgpass gives it)."""
    municipality_code: Mapped[str | None] = mapped_column(String(4))
    """The municipality the copy holds; None: the whole landscape."""
    checked_out_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    checked_out_by: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))
    copy_id: Mapped[str] = mapped_column(String(36), nullable=False)
    """This copy's own id (a UUID): its receipts on the server carry it."""
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class SyncBase(Base):
    """What the copy and the server last agreed on for one record: both versions and the
    content (interchange JSON), the base of the three-way merge."""

    __tablename__ = "sync_base"

    record_type: Mapped[str] = mapped_column(String(16), primary_key=True)
    record_uid: Mapped[str] = mapped_column(String(401), primary_key=True)
    server_version: Mapped[int] = mapped_column(Integer, nullable=False)
    local_version: Mapped[int] = mapped_column(Integer, nullable=False)
    snapshot: Mapped[str] = mapped_column(Text, nullable=False)


class SyncPending(Base):
    """A record a sync sends to the server, noted in the copy first (see migration 0010)."""

    __tablename__ = "sync_pending"

    record_type: Mapped[str] = mapped_column(String(16), primary_key=True)
    record_uid: Mapped[str] = mapped_column(String(401), primary_key=True)
    push_id: Mapped[str] = mapped_column(String(36), nullable=False)
    snapshot: Mapped[str] = mapped_column(Text, nullable=False)


class SyncReceipt(Base):
    """On the server: the version a copy's last push gave a record (see migration 0010)."""

    __tablename__ = "sync_receipts"

    copy_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(16), primary_key=True)
    record_uid: Mapped[str] = mapped_column(String(401), primary_key=True)
    push_id: Mapped[str] = mapped_column(String(36), nullable=False)
    server_version: Mapped[int] = mapped_column(Integer, nullable=False)


class SyncConflict(Base):
    """A field changed on both sides to different values, and the user's decision."""

    __tablename__ = "sync_conflicts"

    record_type: Mapped[str] = mapped_column(String(16), primary_key=True)
    record_uid: Mapped[str] = mapped_column(String(401), primary_key=True)
    field: Mapped[str] = mapped_column(String(100), primary_key=True)
    base_value: Mapped[str | None] = mapped_column(Text)
    local_value: Mapped[str | None] = mapped_column(Text)
    server_value: Mapped[str | None] = mapped_column(Text)
    found_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    resolution: Mapped[str | None] = mapped_column(String(8))
    """'local' or 'server'; None while the conflict is open."""
