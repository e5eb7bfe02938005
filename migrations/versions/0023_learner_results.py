"""LTI learner results: per nugget, per question, enrolments (Names and Roles)

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-30 09:20:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "lti_enrolments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.Integer(), nullable=False),
        sa.Column("context_id", sa.String(length=255), nullable=False),
        sa.Column("design_id", sa.Integer(), nullable=False),
        sa.Column("memberships_url", sa.String(length=1000), nullable=False),
        sa.Column("learners", sa.Integer(), nullable=True),
        sa.Column("counted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["design_id"],
            ["designs.id"],
            name=op.f("fk_lti_enrolments_design_id_designs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["platform_id"],
            ["lti_platforms.id"],
            name=op.f("fk_lti_enrolments_platform_id_lti_platforms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lti_enrolments")),
        sa.UniqueConstraint(
            "platform_id", "context_id", "design_id", name=op.f("uq_lti_enrolments_platform_id")
        ),
    )
    with op.batch_alter_table("lti_enrolments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lti_enrolments_design_id"), ["design_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_lti_enrolments_platform_id"), ["platform_id"], unique=False
        )

    op.create_table(
        "lti_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("design_id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=True),
        sa.Column("nugget_key", sa.String(length=64), nullable=False),
        sa.Column("question_index", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["design_id"],
            ["designs.id"],
            name=op.f("fk_lti_answers_design_id_designs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["lti_learners.id"],
            name=op.f("fk_lti_answers_learner_id_lti_learners"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["revisions.id"],
            name=op.f("fk_lti_answers_revision_id_revisions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lti_answers")),
        sa.UniqueConstraint(
            "learner_id",
            "design_id",
            "nugget_key",
            "question_index",
            name=op.f("uq_lti_answers_learner_id"),
        ),
    )
    with op.batch_alter_table("lti_answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lti_answers_design_id"), ["design_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lti_answers_learner_id"), ["learner_id"], unique=False)

    op.create_table(
        "lti_nugget_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("design_id", sa.Integer(), nullable=False),
        sa.Column("nugget_key", sa.String(length=64), nullable=False),
        sa.Column("launches", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["design_id"],
            ["designs.id"],
            name=op.f("fk_lti_nugget_results_design_id_designs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["lti_learners.id"],
            name=op.f("fk_lti_nugget_results_learner_id_lti_learners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lti_nugget_results")),
        sa.UniqueConstraint(
            "learner_id", "design_id", "nugget_key", name=op.f("uq_lti_nugget_results_learner_id")
        ),
    )
    with op.batch_alter_table("lti_nugget_results", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lti_nugget_results_design_id"), ["design_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_lti_nugget_results_learner_id"), ["learner_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("lti_nugget_results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lti_nugget_results_learner_id"))
        batch_op.drop_index(batch_op.f("ix_lti_nugget_results_design_id"))

    op.drop_table("lti_nugget_results")
    with op.batch_alter_table("lti_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lti_answers_learner_id"))
        batch_op.drop_index(batch_op.f("ix_lti_answers_design_id"))

    op.drop_table("lti_answers")
    with op.batch_alter_table("lti_enrolments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lti_enrolments_platform_id"))
        batch_op.drop_index(batch_op.f("ix_lti_enrolments_design_id"))

    op.drop_table("lti_enrolments")
