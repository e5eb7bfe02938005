"""Deep Linking 2.0: what a teacher picks in the LMS becomes LTI resource links.

The picker offers the released designs of the platform's workspace, their modules and
single nuggets. Each pick is a resource link whose custom parameters name the design (and
the module's and nugget's snapshot keys), with a line item (score maximum 100) where it
holds a quiz, so the LMS makes a gradebook column. The response is signed with the
workspace's tool key by pylti1p3's `DeepLink`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pylti1p3.deep_link import DeepLink
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.lineitem import LineItem

from designer.core.snapshot import DesignSnapshot
from designer.export.learner.course import QUIZ, course_of
from designer.models import LtiPlatform
from designer.queries.lti import released_designs
from designer.services import lti_connector
from designer.services.errors import Invalid

SCORE_MAXIMUM = 100
CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items"
DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data"


@dataclass(frozen=True)
class Choice:
    """One thing a teacher can pick: `value` names it in the form."""

    value: str
    title: str
    text: str
    level: int  # 0 design, 1 module, 2 nugget
    quiz: bool


def choices(workspace_id: int) -> list[Choice]:
    """Everything the picker offers, in the order of the designs, modules and nuggets."""
    found: list[Choice] = []
    for design, snap in released_designs(workspace_id):
        found.extend(_choices_of(design.id, snap))
    return found


def _choices_of(design_id: int, snap: DesignSnapshot) -> list[Choice]:
    course = course_of(snap)
    units = [u for c in course.chapters for u in c.units]
    items = [Choice(f"{design_id}", course.title, "", 0, any(u.kind == QUIZ for u in units))]
    for chapter in course.chapters:
        items.append(
            Choice(
                f"{design_id}:{chapter.key}",
                chapter.title,
                "",
                1,
                any(u.kind == QUIZ for u in chapter.units),
            )
        )
        for unit in chapter.units:
            nugget = unit.placed.nugget if unit.placed else None
            key = nugget.key if nugget else unit.anchor
            items.append(
                Choice(
                    f"{design_id}:{chapter.key}:{key}",
                    unit.title,
                    nugget.summary.strip() if nugget else "",
                    2,
                    unit.kind == QUIZ,
                )
            )
    return items


def _resource(choice: Choice, launch_url: str) -> DeepLinkResource:
    parts = choice.value.split(":")
    custom = {"design": parts[0]}
    if len(parts) > 1:
        custom["module"] = parts[1]
    if len(parts) > 2:
        custom["nugget"] = parts[2]
    resource = (
        DeepLinkResource().set_url(launch_url).set_title(choice.title).set_custom_params(custom)
    )
    if choice.quiz:
        resource.set_lineitem(
            LineItem()
            .set_score_maximum(SCORE_MAXIMUM)
            .set_label(choice.title)
            .set_resource_id(choice.value)
        )
    return resource


def response_jwt(
    platform: LtiPlatform,
    deployment_id: str,
    settings: dict[str, Any],
    picked: list[str],
    launch_url: str,
    secret_key: str,
) -> str:
    """The signed LtiDeepLinkingResponse for the picked choices (by value)."""
    offered = {c.value: c for c in choices(platform.workspace_id)}
    unknown = [v for v in picked if v not in offered]
    if unknown or not picked:
        raise Invalid({"content": "unknown" if unknown else "required"})
    if len(picked) > 1 and str(settings.get("accept_multiple", "true")).lower() == "false":
        raise Invalid({"content": "lti_one_only"})
    link = DeepLink(lti_connector.registration(platform, secret_key), deployment_id, settings)
    resources = [_resource(offered[v], launch_url) for v in picked]
    message = link.get_message_jwt(resources)
    for item, value in zip(message[CONTENT_ITEMS], picked, strict=True):  # type: ignore[arg-type]
        if offered[value].text:
            item["text"] = offered[value].text
    if message.get(DATA) is None:
        del message[DATA]  # only echoed when the platform sent data
    return link.encode_jwt(message)
