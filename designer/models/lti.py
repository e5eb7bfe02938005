"""LTI 1.3: the tool's signing keys, the platforms (LMS) registered for a workspace and the
one-time links that let a platform register itself (LTI Dynamic Registration)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from designer.models import db
from designer.models.columns import JsonType, Timestamp, utcnow


class LtiKey(db.Model):
    """An RSA key pair a workspace's tool signs with. The private key is kept encrypted
    with a key derived from the app's SECRET_KEY. A rotated key is `retired_at` and still
    published until `expires_at`, so tokens signed with it stay verifiable."""

    __tablename__ = "lti_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    kid: Mapped[str] = mapped_column(String(64), unique=True)
    public_pem: Mapped[str] = mapped_column(Text)
    private_encrypted: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(Timestamp)
    expires_at: Mapped[datetime | None] = mapped_column(Timestamp)


class LtiPlatform(db.Model):
    """A platform (LMS) registered for a workspace: by dynamic registration or by hand."""

    __tablename__ = "lti_platforms"
    __table_args__ = (UniqueConstraint("issuer", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200), default="")
    issuer: Mapped[str] = mapped_column(String(500))
    client_id: Mapped[str] = mapped_column(String(200))
    deployment_ids: Mapped[list] = mapped_column(JsonType, default=list)
    auth_login_url: Mapped[str] = mapped_column(String(1000))
    auth_token_url: Mapped[str] = mapped_column(String(1000))
    key_set_url: Mapped[str] = mapped_column(String(1000))
    # "dynamic" or "manual"
    registered_by: Mapped[str] = mapped_column(String(10), default="manual")
    paused: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class LtiRegistrationLink(db.Model):
    """A one-time link for LTI Dynamic Registration. Only the SHA-256 of its secret is
    kept; the link is shown once, when a coordinator creates it."""

    __tablename__ = "lti_registration_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(Timestamp)
    used_at: Mapped[datetime | None] = mapped_column(Timestamp)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class LtiNonce(db.Model):
    """A nonce of a launch that was accepted: a second launch with it is a replay."""

    __tablename__ = "lti_nonces"

    nonce: Mapped[str] = mapped_column(String(100), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(Timestamp, index=True)


class LtiLearner(db.Model):
    """Someone who launched from a platform: known by the platform's opaque user id
    (`sub`) within one deployment. The e-mail address is kept only if the platform sends
    one; names are not kept."""

    __tablename__ = "lti_learners"
    __table_args__ = (UniqueConstraint("platform_id", "deployment_id", "sub"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(
        ForeignKey("lti_platforms.id", ondelete="CASCADE"), index=True
    )
    deployment_id: Mapped[str] = mapped_column(String(200))
    sub: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    last_launch_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class DesignRelease(db.Model):
    """The revision of a design that is released for delivery: LTI launches show it, and
    only released designs are offered to an LMS. A later revision is released explicitly."""

    __tablename__ = "design_releases"

    id: Mapped[int] = mapped_column(primary_key=True)
    design_id: Mapped[int] = mapped_column(
        ForeignKey("designs.id", ondelete="CASCADE"), unique=True
    )
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    released_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    released_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class LtiScore(db.Model):
    """A score waiting to be accepted by the platform's line item (Assignment and Grade
    Services). Rows stay until the platform accepts them; failures are retried later."""

    __tablename__ = "lti_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(
        ForeignKey("lti_platforms.id", ondelete="CASCADE"), index=True
    )
    learner_id: Mapped[int] = mapped_column(ForeignKey("lti_learners.id", ondelete="CASCADE"))
    lineitem_url: Mapped[str] = mapped_column(String(1000))
    score_given: Mapped[float | None] = mapped_column(Float)
    score_maximum: Mapped[float] = mapped_column(Float, default=100)
    activity_progress: Mapped[str] = mapped_column(String(20))
    grading_progress: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    attempts: Mapped[int] = mapped_column(default=0)
    next_try_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow, index=True)
    accepted_at: Mapped[datetime | None] = mapped_column(Timestamp)
    last_error: Mapped[str] = mapped_column(String(200), default="")
