"""a note for authors on every nugget (empty for existing nuggets; nothing is moved)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 04:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("nuggets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("author_note", sa.Text(), server_default="", nullable=False))


def downgrade():
    with op.batch_alter_table("nuggets", schema=None) as batch_op:
        batch_op.drop_column("author_note")
