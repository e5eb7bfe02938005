"""a nugget revision's title, learning type, delivery mode and minutes as columns (the
studio reads boards and totals without decoding the revisions' JSON)

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 06:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

COLUMNS = (
    ("title", sa.String(300), ""),
    ("learning_type", sa.String(20), ""),
    ("delivery_mode", sa.String(30), ""),
    ("duration_minutes", sa.Integer(), "0"),
)


def upgrade():
    with op.batch_alter_table("nugget_revisions", schema=None) as batch_op:
        for name, kind, default in COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=False, server_default=default))
    revisions = sa.table(
        "nugget_revisions",
        sa.column("id", sa.Integer),
        sa.column("data", sa.JSON),
        *(sa.column(name, kind) for name, kind, _ in COLUMNS),
    )
    bind = op.get_bind()
    rows = bind.execute(sa.select(revisions.c.id, revisions.c.data)).all()
    for revision_id, data in rows:
        data = data or {}
        bind.execute(
            revisions.update()
            .where(revisions.c.id == revision_id)
            .values(
                title=str(data.get("title") or "")[:300],
                learning_type=str(data.get("learning_type") or ""),
                delivery_mode=str(data.get("delivery_mode") or ""),
                duration_minutes=int(data.get("duration_minutes") or 0),
            )
        )


def downgrade():
    with op.batch_alter_table("nugget_revisions", schema=None) as batch_op:
        for name, _, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
