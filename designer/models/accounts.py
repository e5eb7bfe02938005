from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from flask_login import UserMixin
from sqlalchemy import (
    Boolean,
    ColumnElement,
    ForeignKey,
    Index,
    Integer,
    String,
    case,
    false,
    literal,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column

from designer.models import db
from designer.models.columns import Timestamp, utcnow


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    _display_name: Mapped[str] = mapped_column("display_name", String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    locale: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    # Part of every session's id: log-out and a password change raise it, which ends every
    # session of the account, copied cookies included.
    session_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Set when the person followed the link mailed to their address; until then they can
    # log in but nobody can add them by address.
    email_verified_at: Mapped[datetime | None] = mapped_column(Timestamp)
    # Looks after the instance (the admin area); sees no design it is not a member of.
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A deactivated account cannot log in and has no session; an administrator can
    # reactivate it.
    deactivated_at: Mapped[datetime | None] = mapped_column(Timestamp)
    # A deleted account keeps its row, emptied of everything personal, so that what the
    # person wrote stays with the workspace under the name "former member".
    deleted_at: Mapped[datetime | None] = mapped_column(Timestamp)
    last_login_at: Mapped[datetime | None] = mapped_column(Timestamp)
    # A new address the person asked for; `email` keeps working until this one is confirmed.
    pending_email: Mapped[str | None] = mapped_column(String(254))

    @property
    def is_active(self) -> bool:
        """Flask-Login refuses to log in an inactive account."""
        return self.deactivated_at is None and self.deleted_at is None

    # The name a deleted account goes by, in the reader's language: the web layer sets it
    # to a translated text (models cannot translate).
    former_member_name: ClassVar[Callable[[], str]] = staticmethod(lambda: "former member")

    @hybrid_property
    def display_name(self) -> str:
        """The person's name, or "former member" once the account is deleted, both when
        read from a loaded account and when selected as a column."""
        return User.former_member_name() if self.deleted_at else self._display_name

    @display_name.inplace.setter
    def _set_display_name(self, value: str) -> None:
        self._display_name = value

    @display_name.inplace.expression
    @classmethod
    def _display_name_column(cls) -> ColumnElement[str]:
        former = literal(cls.former_member_name())
        return case((cls.deleted_at.is_not(None), former), else_=cls._display_name).label(
            "display_name"
        )

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"


class LoginAttempt(db.Model):
    """Failed log-ins, kept in the database so the limit holds across app processes."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_email_created", "email", "created_at"),
        Index("ix_login_attempts_remote_addr_created", "remote_addr", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    remote_addr: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class LoginLink(db.Model):
    """A one-time link that lets a person set a new password and log in, made by a
    coordinator for a member who is locked out. Only the SHA-256 of its token is kept."""

    __tablename__ = "login_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(Timestamp)
    used_at: Mapped[datetime | None] = mapped_column(Timestamp)
