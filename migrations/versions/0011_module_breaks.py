"""breaks of a module's timetable (from imported plans), kept in the Verlaufsplan

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 04:40:00

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade():
    with op.batch_alter_table("modules", schema=None) as batch_op:
        batch_op.add_column(sa.Column("breaks", JSON, nullable=True))


def downgrade():
    with op.batch_alter_table("modules", schema=None) as batch_op:
        batch_op.drop_column("breaks")
