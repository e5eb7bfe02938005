"""Scores back to the LMS (LTI Assignment and Grade Services).

What a learner does in a launched page is reported as a score for the resource link's
line item. Each score is first stored (`LtiScore`), then posted with pylti1p3's
`AssignmentsGradesService`; a score the platform does not accept (down, an error) stays
and is tried again later with growing pauses, so nothing is lost. The OAuth access token
is cached per platform and scope until shortly before it expires."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta

import requests
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiException
from pylti1p3.grade import Grade
from pylti1p3.registration import Registration
from pylti1p3.service_connector import ServiceConnector
from sqlalchemy import func, select

from designer.models import LtiLearner, LtiPlatform, LtiScore, Workspace, db
from designer.models.columns import utcnow
from designer.services import lti_keys

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
FIRST_PAUSE = timedelta(seconds=30)
LONGEST_PAUSE = timedelta(hours=6)
HTTP_TIMEOUT = 10
TOKEN_MARGIN = 30  # seconds before its expiry a cached token is no longer used

# (platform id, scope key) -> (access token, expires at in time.time() seconds)
_tokens: dict[tuple[int, str], tuple[str, float]] = {}
_tokens_lock = threading.Lock()


class _Connector(ServiceConnector):
    """pylti1p3's service connector with the process-wide token cache."""

    def __init__(self, platform_id: int, registration: Registration):
        session = requests.Session()
        session.request = _with_timeout(session.request)  # type: ignore[method-assign]
        super().__init__(registration, session)
        self.platform_id = platform_id

    def _get_cached_access_token(self, scope_key: str) -> str | None:
        with _tokens_lock:
            found = _tokens.get((self.platform_id, scope_key))
        if found and found[1] - TOKEN_MARGIN > time.time():
            return found[0]
        return None

    def _cache_access_token(self, scope_key: str, access_token: str, expires_in: float) -> None:
        with _tokens_lock:
            _tokens[(self.platform_id, scope_key)] = (access_token, time.time() + expires_in)

    def forget_tokens(self) -> None:
        with _tokens_lock:
            for key in [k for k in _tokens if k[0] == self.platform_id]:
                del _tokens[key]


def _with_timeout(request):
    def call(method, url, **kwargs):
        kwargs.setdefault("timeout", HTTP_TIMEOUT)
        return request(method, url, **kwargs)

    return call


def record(
    learner: LtiLearner,
    lineitem_url: str,
    percent: float | None,
    completed: bool,
) -> LtiScore:
    """Queue the learner's result for the line item: a percentage once every quiz of the
    link is answered (else none yet), and whether they completed it."""
    score = LtiScore(
        platform_id=learner.platform_id,
        learner_id=learner.id,
        lineitem_url=lineitem_url,
        score_given=percent,
        score_maximum=100,
        activity_progress="Completed" if completed else "InProgress",
        grading_progress="FullyGraded" if percent is not None else "Pending",
    )
    db.session.add(score)
    db.session.flush()
    return score


def _connector(platform: LtiPlatform, secret_key: str) -> _Connector:
    workspace = db.session.get(Workspace, platform.workspace_id)
    key = lti_keys.current_key(workspace, secret_key)
    registration = (
        Registration()
        .set_issuer(platform.issuer)
        .set_client_id(platform.client_id)
        .set_auth_token_url(platform.auth_token_url)
        .set_tool_private_key(lti_keys.private_pem(key, secret_key))
        .set_tool_public_key(key.public_pem)
    )
    return _Connector(platform.id, registration)


def _grade(score: LtiScore, learner: LtiLearner) -> Grade:
    grade = (
        Grade()
        .set_user_id(learner.sub)
        .set_score_maximum(score.score_maximum)
        .set_activity_progress(score.activity_progress)
        .set_grading_progress(score.grading_progress)
        .set_timestamp(score.created_at.strftime("%Y-%m-%dT%H:%M:%S.000Z"))
    )
    if score.score_given is not None:
        grade.set_score_given(score.score_given)
    return grade


def _pause(attempts: int) -> timedelta:
    return min(FIRST_PAUSE * 2 ** max(attempts - 1, 0), LONGEST_PAUSE)


def deliver(secret_key: str, now: datetime | None = None, limit: int = 100) -> int:
    """Post the scores that are due, oldest first; returns how many were accepted."""
    now = now or utcnow()
    due = db.session.scalars(
        select(LtiScore)
        .where(LtiScore.accepted_at.is_(None), LtiScore.next_try_at <= now)
        .order_by(LtiScore.id)
        .limit(limit)
    ).all()
    connectors: dict[int, _Connector] = {}
    accepted = 0
    for score in due:
        platform = db.session.get(LtiPlatform, score.platform_id)
        if platform.paused:
            continue
        if platform.id not in connectors:
            connectors[platform.id] = _connector(platform, secret_key)
        connector = connectors[platform.id]
        service = AssignmentsGradesService(
            connector, {"scope": [SCORE_SCOPE], "lineitem": score.lineitem_url}
        )
        score.attempts += 1
        try:
            service.put_grade(_grade(score, db.session.get(LtiLearner, score.learner_id)))
        except (LtiException, requests.RequestException, ValueError, KeyError) as exc:
            status = getattr(getattr(exc, "response", None), "status_code", None)
            if status == 401:
                connector.forget_tokens()
            score.last_error = (f"HTTP {status}" if status else type(exc).__name__)[:200]
            score.next_try_at = now + _pause(score.attempts)
            continue
        score.accepted_at = now
        score.last_error = ""
        accepted += 1
    db.session.flush()
    return accepted


def waiting() -> int:
    """How many scores no platform has accepted yet."""
    return db.session.scalar(select(func.count(LtiScore.id)).where(LtiScore.accepted_at.is_(None)))
