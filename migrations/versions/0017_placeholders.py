"""placeholders: nuggets a template made and Grobkonzept fields it left open

Existing nuggets and designs have none: their findings stay as they were.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30 06:30:00

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade():
    with op.batch_alter_table("nuggets", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("placeholder", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("nugget_revisions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("placeholder", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("designs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("placeholder_fields", JSON, nullable=True))


def downgrade():
    with op.batch_alter_table("designs", schema=None) as batch_op:
        batch_op.drop_column("placeholder_fields")
    with op.batch_alter_table("nugget_revisions", schema=None) as batch_op:
        batch_op.drop_column("placeholder")
    with op.batch_alter_table("nuggets", schema=None) as batch_op:
        batch_op.drop_column("placeholder")
