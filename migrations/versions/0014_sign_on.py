"""single sign-on: OpenID providers, linked provider accounts, workspaces' join rules

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 06:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "sign_on_providers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("issuer", sa.String(length=500), nullable=False),
        sa.Column("client_id", sa.String(length=255), nullable=False),
        sa.Column("client_secret", sa.String(length=500), nullable=False),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_on_providers")),
        sa.UniqueConstraint("key", name=op.f("uq_sign_on_providers_key")),
    )
    op.create_table(
        "sign_on_identities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("issuer", sa.String(length=500), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_sign_on_identities_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_on_identities")),
        sa.UniqueConstraint("issuer", "subject", name=op.f("uq_sign_on_identities_issuer")),
    )
    op.create_index(
        op.f("ix_sign_on_identities_user_id"), "sign_on_identities", ["user_id"], unique=False
    )
    op.create_table(
        "workspace_join_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("value", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_workspace_join_rules_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspace_join_rules")),
        sa.UniqueConstraint(
            "workspace_id", "kind", "value", name=op.f("uq_workspace_join_rules_workspace_id")
        ),
    )
    op.create_index(
        op.f("ix_workspace_join_rules_workspace_id"),
        "workspace_join_rules",
        ["workspace_id"],
        unique=False,
    )


def downgrade():
    op.drop_index(op.f("ix_workspace_join_rules_workspace_id"), table_name="workspace_join_rules")
    op.drop_table("workspace_join_rules")
    op.drop_index(op.f("ix_sign_on_identities_user_id"), table_name="sign_on_identities")
    op.drop_table("sign_on_identities")
    op.drop_table("sign_on_providers")
