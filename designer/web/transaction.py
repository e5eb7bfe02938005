"""The one place where a view ends its transaction.

A view calls services inside `with saving(...) as outcome:`. When the block ends normally
the changes are committed (and `done` is flashed); when a service raises one of the `catch`
errors (by default `Invalid`) the changes are rolled back, the error is kept on
`outcome.error` and an `Invalid` is shown (attached to `form`, else flashed); any other
exception rolls back and propagates to the error handlers. Views never call
`db.session.commit()` or `rollback()` themselves."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass

from flask import flash
from flask_wtf import FlaskForm
from sqlalchemy.exc import DBAPIError

from designer.extensions import db
from designer.services.errors import Invalid
from designer.web.faults import kind_of, storage_fault
from designer.web.messages import attach_errors, flash_errors


@dataclass
class Outcome:
    """What became of a `saving` block: `error` is the caught error, if any."""

    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def errors(self) -> dict[str, str]:
        """The field errors of a caught `Invalid` (field name -> error code)."""
        return self.error.errors if isinstance(self.error, Invalid) else {}


@contextmanager
def saving(
    form: FlaskForm | None = None,
    *,
    done: str | None = None,
    catch: tuple[type[Exception], ...] = (Invalid,),
    show: bool = True,
) -> Iterator[Outcome]:
    """Commit the block's writes or roll them back (see the module docstring).

    `show=False` leaves showing an `Invalid` to the view (JSON answers, rows of a table)."""
    outcome = Outcome()
    try:
        yield outcome
    except catch as exc:
        db.session.rollback()
        outcome.error = exc
        if show and isinstance(exc, Invalid):
            if form is not None:
                attach_errors(form, exc)
            else:
                flash_errors(exc)
        return
    except BaseException:
        db.session.rollback()
        raise
    try:
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    if done is not None:
        flash(done, "success")


def committing() -> AbstractContextManager[Outcome]:
    """`saving` that catches nothing: every error goes to the error handlers (the API's
    422 answer, 403, 404, 409), as for buttons whose input cannot be invalid."""
    return saving(catch=())


@contextmanager
def bookkeeping() -> Iterator[None]:
    """Commit records that only keep the books (a log-in attempt, a token's last use): on a
    read-only or full store they are dropped, so people can still log in and read."""
    try:
        yield
    except BaseException:
        db.session.rollback()
        raise
    try:
        db.session.commit()
    except (DBAPIError, OSError) as exc:
        db.session.rollback()
        if kind_of(exc) not in ("read_only", "full"):
            raise
        storage_fault(exc)


def discard() -> None:
    """Roll back what a failed request wrote (for the error handlers)."""
    db.session.rollback()
