"""a workspace's time zone: the pages show its times in it (default Europe/Berlin)

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 06:45:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "time_zone", sa.String(length=64), nullable=False, server_default="Europe/Berlin"
            )
        )


def downgrade():
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.drop_column("time_zone")
