"""automatic badge awards: the LTI learner an award went to and the platform's name

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-30 09:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("badge_awards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lti_learner_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("lti_platform", sa.String(length=500), nullable=False, server_default="")
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_badge_awards_lti_learner_id_lti_learners"),
            "lti_learners",
            ["lti_learner_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_badge_awards_badge_id"), ["badge_id", "lti_learner_id"]
        )


def downgrade():
    with op.batch_alter_table("badge_awards", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_badge_awards_badge_id"), type_="unique")
        batch_op.drop_constraint(
            batch_op.f("fk_badge_awards_lti_learner_id_lti_learners"), type_="foreignkey"
        )
        batch_op.drop_column("lti_platform")
        batch_op.drop_column("lti_learner_id")
