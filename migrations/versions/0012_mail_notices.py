"""e-mail notifications: how each person wants to hear of each kind, daily digests,
opted-out addresses, header fields of outgoing mail

Notifications from before this revision are not mailed (`mail` is empty).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 06:30:00

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade():
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mail", sa.String(length=10), server_default="", nullable=False))
        batch_op.add_column(sa.Column("mailed_at", sa.DateTime(), nullable=True))
    op.create_index("ix_notifications_mail_mailed_at", "notifications", ["mail", "mailed_at"])
    with op.batch_alter_table("mail_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("headers", JSON, nullable=True))
    op.create_table(
        "notice_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("delivery", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_notice_settings_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_settings")),
        sa.UniqueConstraint("user_id", "kind", name=op.f("uq_notice_settings_user_id")),
    )
    op.create_table(
        "notice_digests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_notice_digests_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_digests")),
        sa.UniqueConstraint("user_id", "day", name=op.f("uq_notice_digests_user_id")),
    )
    op.create_table(
        "mail_opt_outs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=254), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_opt_outs")),
        sa.UniqueConstraint("address", "kind", name=op.f("uq_mail_opt_outs_address")),
    )


def downgrade():
    op.drop_table("mail_opt_outs")
    op.drop_table("notice_digests")
    op.drop_table("notice_settings")
    with op.batch_alter_table("mail_outbox", schema=None) as batch_op:
        batch_op.drop_column("headers")
    op.drop_index("ix_notifications_mail_mailed_at", table_name="notifications")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_column("mailed_at")
        batch_op.drop_column("mail")
