"""How many learners the platforms' courses that link a design have enrolled (LTI Names
and Role Provisioning Services 2.0).

A resource link launch whose platform offers the service names the course (its LTI
context) and the course's memberships address; `note` keeps both per platform, course and
design. Counting reads the membership list page by page (`Link: rel="next"`) with
pylti1p3's `NamesRolesProvisioningService` and keeps only the number of active members
with a Learner role: no name, e-mail address or ID of a member is stored. A count is
fresh for FRESH_FOR; a platform that fails or refuses leaves the previous count, and the
launches of a process do not ask it again within RETRY_SECONDS."""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlparse

import requests
from pylti1p3.names_roles import NamesRolesProvisioningService
from sqlalchemy import or_, select
from sqlalchemy.dialects import postgresql, sqlite

from designer.models import Design, LtiEnrolment, LtiPlatform, db
from designer.models.columns import utcnow
from designer.services import lti_connector

NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
CONTEXT_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/context"
MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership"
LEARNER_ROLES = {"Learner", MEMBERSHIP + "#Learner"}
FRESH_FOR = timedelta(hours=12)
HTTP_TIMEOUT = 5  # seconds for each page of the membership list
COUNT_SECONDS = 30  # at most this long for all pages of one course
RETRY_SECONDS = 15 * 60  # a launch process asks a failing platform again after this

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}
# enrolment id -> time.monotonic() when counting began (kept after a failure)
_attempts: dict[int, float] = {}
_attempts_lock = threading.Lock()

log = logging.getLogger(__name__)


def note(platform: LtiPlatform, design: Design, claims: dict[str, Any]) -> int | None:
    """Keep the course and memberships address a launch names (one statement, safe when
    learners launch at once). Returns the row's id when its count is due, else None;
    a launch without the service's claim or a course leaves everything as it is."""
    url = str((claims.get(NRPS_CLAIM) or {}).get("context_memberships_url") or "")
    context_id = str((claims.get(CONTEXT_CLAIM) or {}).get("id") or "")
    parsed = urlparse(url)
    if (
        parsed.scheme not in ("http", "https")
        or not parsed.netloc
        or len(url) > 1000
        or not context_id
        or len(context_id) > 255
    ):
        return None
    keys = {"platform_id": platform.id, "context_id": context_id, "design_id": design.id}
    insert = _INSERTS[db.engine.dialect.name](LtiEnrolment).values(**keys, memberships_url=url)
    db.session.execute(
        insert.on_conflict_do_update(
            index_elements=[
                LtiEnrolment.platform_id,
                LtiEnrolment.context_id,
                LtiEnrolment.design_id,
            ],
            set_={"memberships_url": url},
        )
    )
    enrolment = db.session.scalar(
        select(LtiEnrolment).filter_by(**keys).execution_options(populate_existing=True)
    )
    return enrolment.id if is_due(enrolment, utcnow()) else None


def is_due(enrolment: LtiEnrolment, now: datetime) -> bool:
    """Never counted, or counted longer than FRESH_FOR ago."""
    return enrolment.counted_at is None or enrolment.counted_at <= now - FRESH_FOR


def count_if_due(enrolment_id: int, secret_key: str) -> bool:
    """After a launch: count the course's learners unless another process did meanwhile,
    or this one is counting them or failed to within RETRY_SECONDS. True when a new count
    was kept."""
    enrolment = db.session.get(LtiEnrolment, enrolment_id)
    if enrolment is None or not is_due(enrolment, utcnow()) or not _may_try(enrolment_id):
        return False
    counted = count(enrolment, secret_key)
    if counted:
        with _attempts_lock:
            _attempts.pop(enrolment_id, None)
    return counted


def _may_try(enrolment_id: int) -> bool:
    now = time.monotonic()
    with _attempts_lock:
        last = _attempts.get(enrolment_id)
        if last is not None and now - last < RETRY_SECONDS:
            return False
        _attempts[enrolment_id] = now
    return True


def count(enrolment: LtiEnrolment, secret_key: str) -> bool:
    """Ask the platform for the course's members and keep how many are active learners.
    A failing or refusing platform leaves the previous count (False)."""
    platform = db.session.get(LtiPlatform, enrolment.platform_id)
    connector = lti_connector.connector(platform, secret_key, timeout=HTTP_TIMEOUT)
    try:
        learners = _learners(connector, enrolment.memberships_url)
    except lti_connector.SERVICE_ERRORS as exc:
        log.warning(
            "Counting the learners of LTI course %s of platform %s failed: %s",
            enrolment.id,
            platform.id,
            lti_connector.problem(exc, connector),
        )
        return False
    enrolment.learners = learners
    enrolment.counted_at = utcnow()
    db.session.flush()
    return True


def _learners(connector: lti_connector.Connector, url: str) -> int:
    """The number of active members with a Learner role, over all pages of the list."""
    service = NamesRolesProvisioningService(connector, {"context_memberships_url": url})
    deadline = time.monotonic() + COUNT_SECONDS
    learners: set[str] = set()  # user ids, only to count a member listed twice once
    page_url: str | None = url
    while page_url:
        if time.monotonic() > deadline:
            raise requests.Timeout("the membership list took too long")
        page = service.get_nrps_data(page_url)
        body = page["body"]
        members = body.get("members") if isinstance(body, dict) else None
        if not isinstance(members, list):
            raise ValueError("the answer has no list of members")
        learners.update(str(m["user_id"]) for m in members if _active_learner(m))
        page_url = page["next_page_url"]
    return len(learners)


def _active_learner(member: Any) -> bool:
    if not isinstance(member, dict) or not member.get("user_id"):
        return False
    roles = member.get("roles")
    return (
        member.get("status", "Active") == "Active"
        and isinstance(roles, list)
        and any(_is_learner(r) for r in roles)
    )


def _is_learner(role: Any) -> bool:
    return isinstance(role, str) and (
        role in LEARNER_ROLES or role.startswith(MEMBERSHIP + "/Learner#")
    )


def refresh_stale(secret_key: str, now: datetime | None = None) -> tuple[int, int]:
    """Count every course whose count is due, on platforms that are not paused (from
    cron). Returns how many were counted and how many platforms failed or refused."""
    now = now or utcnow()
    due = db.session.scalars(
        select(LtiEnrolment)
        .join(LtiPlatform, LtiPlatform.id == LtiEnrolment.platform_id)
        .where(
            LtiPlatform.paused.is_(False),
            or_(LtiEnrolment.counted_at.is_(None), LtiEnrolment.counted_at <= now - FRESH_FOR),
        )
        .order_by(LtiEnrolment.id)
    ).all()
    counted = sum(count(enrolment, secret_key) for enrolment in due)
    return counted, len(due) - counted
