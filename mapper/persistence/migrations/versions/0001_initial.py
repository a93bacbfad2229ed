"""initial schema: actors, problems, partnerships

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("parent_pk", sa.Integer(), nullable=True),
        sa.Column("service_area_km", sa.Float(), nullable=True),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("volunteers", sa.Integer(), nullable=True),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("consent_given_on", sa.Date(), nullable=True),
        sa.Column("consent_purpose", sa.Text(), nullable=True),
        sa.Column("verified_on", sa.Date(), nullable=True),
        sa.Column("contact_name", sa.String(length=300), nullable=True),
        sa.Column("contact_email", sa.String(length=300), nullable=True),
        sa.Column("contact_phone", sa.String(length=100), nullable=True),
        sa.Column("contact_website", sa.String(length=500), nullable=True),
        sa.Column("we_are", sa.Text(), nullable=True),
        sa.Column("best_at", sa.Text(), nullable=True),
        sa.Column("worst_at", sa.Text(), nullable=True),
        sa.Column("attractive_partner_because", sa.Text(), nullable=True),
        sa.Column("role_towards_target_group", sa.Text(), nullable=True),
        sa.Column("how_we_know_it_works", sa.Text(), nullable=True),
        sa.Column("evidence_level", sa.String(length=64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("postcode", sa.String(length=20), nullable=True),
        sa.Column("city", sa.String(length=200), nullable=True),
        sa.Column("municipality_code", sa.String(length=4), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("location_precision", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_pk"],
            ["actors.pk"],
            name=op.f("fk_actors_parent_pk_actors"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_actors")),
        sa.UniqueConstraint("uid", name=op.f("uq_actors_uid")),
    )
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actors_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_actors_municipality_code"), ["municipality_code"], unique=False
        )

    op.create_table(
        "actor_codes",
        sa.Column("actor_pk", sa.Integer(), nullable=False),
        sa.Column("facet", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_pk"],
            ["actors.pk"],
            name=op.f("fk_actor_codes_actor_pk_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("actor_pk", "facet", "position", name=op.f("pk_actor_codes")),
    )
    with op.batch_alter_table("actor_codes", schema=None) as batch_op:
        batch_op.create_index("ix_actor_codes_facet_code", ["facet", "code"], unique=False)

    op.create_table(
        "actor_registry_ids",
        sa.Column("actor_pk", sa.Integer(), nullable=False),
        sa.Column("scheme", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_pk"],
            ["actors.pk"],
            name=op.f("fk_actor_registry_ids_actor_pk_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("actor_pk", "scheme", name=op.f("pk_actor_registry_ids")),
    )
    with op.batch_alter_table("actor_registry_ids", schema=None) as batch_op:
        batch_op.create_index(
            "ix_actor_registry_ids_scheme_value", ["scheme", "value"], unique=False
        )

    op.create_table(
        "actor_resources",
        sa.Column("actor_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("hours_per_month", sa.Float(), nullable=True),
        sa.Column("amount_dkk", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_pk"],
            ["actors.pk"],
            name=op.f("fk_actor_resources_actor_pk_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("actor_pk", "position", name=op.f("pk_actor_resources")),
    )
    with op.batch_alter_table("actor_resources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_resources_kind"), ["kind"], unique=False)

    op.create_table(
        "actor_success_examples",
        sa.Column("actor_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_pk"],
            ["actors.pk"],
            name=op.f("fk_actor_success_examples_actor_pk_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("actor_pk", "position", name=op.f("pk_actor_success_examples")),
    )
    op.create_table(
        "problems",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("owner_pk", sa.Integer(), nullable=True),
        sa.Column("problem_municipality_code", sa.String(length=4), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("concreteness", sa.String(length=20), nullable=True),
        sa.Column("prevention_level", sa.String(length=64), nullable=True),
        sa.Column("our_role", sa.Text(), nullable=True),
        sa.Column("how_we_know_it_works", sa.Text(), nullable=True),
        sa.Column("seeking_description", sa.Text(), nullable=True),
        sa.Column("must_not", sa.Text(), nullable=True),
        sa.Column("max_distance_km", sa.Float(), nullable=True),
        sa.Column("partner_gets", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("involves_statutory_task", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("postcode", sa.String(length=20), nullable=True),
        sa.Column("city", sa.String(length=200), nullable=True),
        sa.Column("municipality_code", sa.String(length=4), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("location_precision", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_pk"],
            ["actors.pk"],
            name=op.f("fk_problems_owner_pk_actors"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_problems")),
        sa.UniqueConstraint("uid", name=op.f("uq_problems_uid")),
    )
    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_problems_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_problems_owner_pk"), ["owner_pk"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_problems_problem_municipality_code"),
            ["problem_municipality_code"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_problems_status"), ["status"], unique=False)

    op.create_table(
        "partnerships",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("problem_pk", sa.Integer(), nullable=False),
        sa.Column("actor_pk", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("updated_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_pk"],
            ["actors.pk"],
            name=op.f("fk_partnerships_actor_pk_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["problem_pk"],
            ["problems.pk"],
            name=op.f("fk_partnerships_problem_pk_problems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_partnerships")),
        sa.UniqueConstraint("problem_pk", "actor_pk", name=op.f("uq_partnerships_problem_pk")),
    )
    with op.batch_alter_table("partnerships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partnerships_actor_pk"), ["actor_pk"], unique=False)

    op.create_table(
        "problem_codes",
        sa.Column("problem_pk", sa.Integer(), nullable=False),
        sa.Column("facet", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["problem_pk"],
            ["problems.pk"],
            name=op.f("fk_problem_codes_problem_pk_problems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("problem_pk", "facet", "position", name=op.f("pk_problem_codes")),
    )
    op.create_table(
        "problem_resources",
        sa.Column("problem_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("hours_per_month", sa.Float(), nullable=True),
        sa.Column("amount_dkk", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["problem_pk"],
            ["problems.pk"],
            name=op.f("fk_problem_resources_problem_pk_problems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("problem_pk", "position", name=op.f("pk_problem_resources")),
    )
    op.create_table(
        "partnership_stage_history",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("partnership_pk", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["partnership_pk"],
            ["partnerships.pk"],
            name=op.f("fk_partnership_stage_history_partnership_pk_partnerships"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_partnership_stage_history")),
    )
    with op.batch_alter_table("partnership_stage_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partnership_stage_history_partnership_pk"),
            ["partnership_pk"],
            unique=False,
        )

    op.create_table(
        "partnership_success_factors",
        sa.Column("partnership_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["partnership_pk"],
            ["partnerships.pk"],
            name=op.f("fk_partnership_success_factors_partnership_pk_partnerships"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "partnership_pk", "position", name=op.f("pk_partnership_success_factors")
        ),
    )


def downgrade() -> None:
    op.drop_table("partnership_success_factors")
    with op.batch_alter_table("partnership_stage_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnership_stage_history_partnership_pk"))

    op.drop_table("partnership_stage_history")
    op.drop_table("problem_resources")
    op.drop_table("problem_codes")
    with op.batch_alter_table("partnerships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnerships_actor_pk"))

    op.drop_table("partnerships")
    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problems_status"))
        batch_op.drop_index(batch_op.f("ix_problems_problem_municipality_code"))
        batch_op.drop_index(batch_op.f("ix_problems_owner_pk"))
        batch_op.drop_index(batch_op.f("ix_problems_municipality_code"))

    op.drop_table("problems")
    op.drop_table("actor_success_examples")
    with op.batch_alter_table("actor_resources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_resources_kind"))

    op.drop_table("actor_resources")
    with op.batch_alter_table("actor_registry_ids", schema=None) as batch_op:
        batch_op.drop_index("ix_actor_registry_ids_scheme_value")

    op.drop_table("actor_registry_ids")
    with op.batch_alter_table("actor_codes", schema=None) as batch_op:
        batch_op.drop_index("ix_actor_codes_facet_code")

    op.drop_table("actor_codes")
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actors_municipality_code"))
        batch_op.drop_index(batch_op.f("ix_actors_kind"))

    op.drop_table("actors")
