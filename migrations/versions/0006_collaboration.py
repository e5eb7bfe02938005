"""collaboration: partners and their agreement, invitations, presence, sharing of nuggets

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-21 15:20:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "partner_organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("contribution", sa.Text(), nullable=False),
        sa.Column("is_coordinator", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_partner_organisations_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_organisations")),
        sa.UniqueConstraint(
            "workspace_id", "name", name=op.f("uq_partner_organisations_workspace_id")
        ),
    )
    with op.batch_alter_table("partner_organisations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_organisations_workspace_id"), ["workspace_id"], unique=False
        )

    op.create_table(
        "partnership_agreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("goal", sa.Text(), nullable=False),
        sa.Column("contributions", sa.Text(), nullable=False),
        sa.Column("results_use", sa.Text(), nullable=False),
        sa.Column("leaving", sa.Text(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("lock_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_partnership_agreements_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_partnership_agreements_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnership_agreements")),
        sa.UniqueConstraint("workspace_id", name=op.f("uq_partnership_agreements_workspace_id")),
    )

    op.create_table(
        "invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("design_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_by_id", sa.Integer(), nullable=True),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["accepted_by_id"],
            ["users.id"],
            name=op.f("fk_invitations_accepted_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_invitations_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["design_id"],
            ["designs.id"],
            name=op.f("fk_invitations_design_id_designs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_invitations_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitations")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_invitations_token_hash")),
    )
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitations_design_id"), ["design_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_invitations_workspace_id"), ["workspace_id"], unique=False
        )

    op.create_table(
        "presence",
        sa.Column("design_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["design_id"],
            ["designs.id"],
            name=op.f("fk_presence_design_id_designs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_presence_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("design_id", "user_id", name=op.f("pk_presence")),
    )
    with op.batch_alter_table("presence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_presence_last_seen"), ["last_seen"], unique=False)

    with op.batch_alter_table("designs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("organisation", sa.String(length=200), nullable=False, server_default="")
        )

    with op.batch_alter_table("nuggets", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("organisation", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column(
                "visibility", sa.String(length=20), nullable=False, server_default="workspace"
            )
        )
        batch_op.add_column(
            sa.Column(
                "competition_sensitive", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch_op.add_column(sa.Column("origin_workspace_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "origin_organisation", sa.String(length=200), nullable=False, server_default=""
            )
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_nuggets_origin_workspace_id_workspaces"),
            "workspaces",
            ["origin_workspace_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("nuggets", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_nuggets_origin_workspace_id_workspaces"), type_="foreignkey"
        )
        batch_op.drop_column("origin_organisation")
        batch_op.drop_column("origin_workspace_id")
        batch_op.drop_column("competition_sensitive")
        batch_op.drop_column("visibility")
        batch_op.drop_column("organisation")

    with op.batch_alter_table("designs", schema=None) as batch_op:
        batch_op.drop_column("organisation")

    with op.batch_alter_table("presence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_presence_last_seen"))
    op.drop_table("presence")
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitations_workspace_id"))
        batch_op.drop_index(batch_op.f("ix_invitations_design_id"))
    op.drop_table("invitations")
    op.drop_table("partnership_agreements")
    with op.batch_alter_table("partner_organisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_organisations_workspace_id"))
    op.drop_table("partner_organisations")
