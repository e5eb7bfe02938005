"""Scores back to the LMS (AGS): a launched page reports results, Kurswerk queues them and
posts them to the line item with a cached access token; a platform that is down gets
them later, nothing lost."""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import unquote

import jwt
import pytest

from designer.models import LtiScore, db
from designer.models.columns import utcnow
from designer.services import lti_connector, lti_scores
from tests.lti.conftest import CLIENT_ID
from tests.lti.test_launch import _launch

AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


@pytest.fixture(autouse=True)
def _no_cached_tokens():
    lti_connector._tokens.clear()
    yield
    lti_connector._tokens.clear()


def _results_url(client, platform, design, **changes) -> str:
    page = _launch(client, platform, design, **changes).get_data(as_text=True)
    match = re.search(r'src="/static/js/lti-lms\.js\?results=([^"]+)"', page)
    assert match, "the launched page loads the LTI adapter with its results address"
    return unquote(unescape(match.group(1)))


def _with_line_item(platform):
    return {
        AGS: {
            "scope": [SCORE, "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"],
            "lineitem": platform.base + "/lineitems/7?type=quiz",
        }
    }


def test_a_result_is_posted_to_the_line_item(
    app, client, platform, registered, released, workspace
):
    url = _results_url(client, platform, released, **_with_line_item(platform))
    response = client.post(url, json={"completed": True, "percent": 75})
    assert response.status_code == 204
    [posted] = platform.scores
    assert posted["path"] == "/lineitems/7/scores"
    assert posted["content_type"] == "application/vnd.ims.lis.v1.score+json"
    assert posted["authorization"] == "Bearer access-1"
    body = posted["body"]
    assert body["userId"] == "user-7"
    assert (body["scoreGiven"], body["scoreMaximum"]) == (75, 100)
    assert (body["activityProgress"], body["gradingProgress"]) == ("Completed", "FullyGraded")
    assert body["timestamp"].endswith("Z")
    assert db.session.query(LtiScore).one().accepted_at is not None
    # The token was asked for with a client assertion signed by the tool's key.
    [asked] = platform.token_requests
    assert asked["grant_type"] == "client_credentials" and asked["scope"] == SCORE
    keys = jwt.PyJWKSet.from_dict(client.get(f"/lti/jwks/{workspace.id}.json").get_json())
    assertion = asked["client_assertion"]
    key = keys[jwt.get_unverified_header(assertion)["kid"]].key
    claims = jwt.decode(assertion, key, algorithms=["RS256"], audience=platform.base + "/token")
    assert claims["iss"] == claims["sub"] == CLIENT_ID


def test_the_access_token_is_cached(client, platform, registered, released):
    url = _results_url(client, platform, released, **_with_line_item(platform))
    client.post(url, json={"completed": False, "percent": None})
    client.post(url, json={"completed": True, "percent": 100})
    assert len(platform.scores) == 2 and len(platform.token_requests) == 1
    first, second = (s["body"] for s in platform.scores)
    assert "scoreGiven" not in first and first["gradingProgress"] == "Pending"
    assert first["activityProgress"] == "InProgress"
    assert second["scoreGiven"] == 100


def test_a_platform_that_is_down_gets_the_score_later(app, client, platform, registered, released):
    url = _results_url(client, platform, released, **_with_line_item(platform))
    platform.score_status = 503
    assert client.post(url, json={"completed": True, "percent": 50}).status_code == 204
    score = db.session.query(LtiScore).one()
    assert score.accepted_at is None and score.attempts == 1
    assert score.last_error == "HTTP 503" and score.next_try_at > utcnow()
    # Not due yet: nothing is posted.
    assert lti_scores.deliver(app.config["SECRET_KEY"]) == 0
    assert len(platform.scores) == 1
    # Still down at the next try: the pause grows.
    later = score.next_try_at + timedelta(seconds=1)
    assert lti_scores.deliver(app.config["SECRET_KEY"], now=later) == 0
    assert score.attempts == 2
    assert score.next_try_at - later == lti_scores.FIRST_PAUSE * 2
    # Up again: accepted, and never posted again.
    platform.score_status = 200
    again = score.next_try_at + timedelta(seconds=1)
    assert lti_scores.deliver(app.config["SECRET_KEY"], now=again) == 1
    db.session.commit()
    assert score.accepted_at == again
    assert lti_scores.deliver(app.config["SECRET_KEY"], now=again + timedelta(days=1)) == 0
    assert [s["status"] for s in platform.scores] == [503, 503, 200]
    assert platform.scores[-1]["body"]["scoreGiven"] == 50


def test_a_link_without_line_item_posts_nothing(client, platform, registered, released):
    url = _results_url(client, platform, released)
    assert client.post(url, json={"completed": True, "percent": 80}).status_code == 204
    assert platform.scores == [] and db.session.query(LtiScore).count() == 0


@pytest.mark.parametrize(
    "body",
    [{"completed": "yes", "percent": 5}, {"completed": True, "percent": 101}, ["x"], None],
)
def test_bad_results_are_refused(client, platform, registered, released, body):
    url = _results_url(client, platform, released, **_with_line_item(platform))
    assert client.post(url, json=body).status_code == 400
    assert db.session.query(LtiScore).count() == 0


def test_a_forged_results_address_is_refused(client, platform, registered, released):
    response = client.post("/lti/results/forged", json={"completed": True, "percent": 1})
    assert response.status_code == 404


def test_scores_wait_while_the_platform_is_paused(app, client, platform, registered, released):
    url = _results_url(client, platform, released, **_with_line_item(platform))
    registered.paused = True
    db.session.commit()
    client.post(url, json={"completed": True, "percent": 10})
    assert platform.scores == []
    registered.paused = False
    db.session.commit()
    assert lti_scores.deliver(app.config["SECRET_KEY"], now=utcnow() + timedelta(seconds=1)) == 1
    assert len(platform.scores) == 1


def test_the_send_scores_command_posts_what_is_due(app, client, platform, registered, released):
    url = _results_url(client, platform, released, **_with_line_item(platform))
    platform.score_status = 503
    client.post(url, json={"completed": True, "percent": 90})
    platform.score_status = 200
    db.session.query(LtiScore).one().next_try_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    from designer.cli import send_scores

    out = app.test_cli_runner().invoke(send_scores).output
    assert out.strip().splitlines()[-1] == "accepted 1, waiting 0"
    assert [s["status"] for s in platform.scores] == [503, 200]
