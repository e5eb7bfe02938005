"""one pass mark: a design's pass mark for quizzes, a quiz nugget's own

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 04:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("designs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("pass_mark_percent", sa.Integer(), server_default="80", nullable=False)
        )
    with op.batch_alter_table("nuggets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pass_mark_percent", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("nuggets", schema=None) as batch_op:
        batch_op.drop_column("pass_mark_percent")
    with op.batch_alter_table("designs", schema=None) as batch_op:
        batch_op.drop_column("pass_mark_percent")
