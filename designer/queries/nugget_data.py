"""A nugget's fields as plain data: what a NuggetRevision stores and a snapshot reads."""

from __future__ import annotations

from datetime import date
from typing import Any

from designer.core import snapshot as s
from designer.models import Nugget

TEXT_FIELDS = (
    "title",
    "summary",
    "content_html",
    "learning_type",
    "delivery_mode",
    "social_form",
    "method",
    "media",
    "assessment",
    "activity_kind",
    "rationale",
    "author_note",
    "license",
    "attribution",
    "url",
)
SCHEDULE_PARTS = ("date", "start", "end", "place")
# Fields that revisions written before them do not hold, with the value they mean there.
ADDED_LATER: dict[str, Any] = {"author_note": ""}
FLAG_FIELDS = ("has_video", "captions_available", "ai_generated", "ai_checked")


def revision_data(nugget: Nugget) -> dict[str, Any]:
    """The nugget's current fields, for an immutable NuggetRevision."""
    data: dict[str, Any] = {name: getattr(nugget, name) or "" for name in TEXT_FIELDS}
    data.update({name: bool(getattr(nugget, name)) for name in FLAG_FIELDS})
    data["duration_minutes"] = nugget.duration_minutes or 0
    data["pass_mark_percent"] = nugget.pass_mark_percent
    data["tags"] = list(nugget.tags or [])
    data["questions"] = list(nugget.questions or [])
    data["asset_ids"] = list(nugget.asset_ids or [])
    data["schedule"] = {
        "date": nugget.schedule_date.isoformat() if nugget.schedule_date else "",
        "start": nugget.schedule_start or "",
        "end": nugget.schedule_end or "",
        "place": nugget.schedule_place or "",
    }
    return data


def completed(data: dict[str, Any]) -> dict[str, Any]:
    """Stored revision data with the fields added since it was written, at their blank."""
    return {**ADDED_LATER, **data}


def apply_snapshot_nugget(nugget: Nugget, n: s.Nugget, asset_ids: list[int]) -> None:
    """Copy a snapshot nugget's fields onto a Nugget row (import, restore)."""
    for name in TEXT_FIELDS:
        setattr(nugget, name, getattr(n, name))
    for name in FLAG_FIELDS:
        setattr(nugget, name, getattr(n, name))
    nugget.duration_minutes = n.duration_minutes
    nugget.pass_mark_percent = n.pass_mark_percent
    nugget.tags = list(n.tags)
    nugget.questions = [question_dict(q) for q in n.questions]
    nugget.asset_ids = asset_ids
    sched = n.schedule or s.Schedule()
    nugget.schedule_date = date.fromisoformat(sched.date) if sched.date else None
    nugget.schedule_start, nugget.schedule_end = sched.start, sched.end
    nugget.schedule_place = sched.place


def question_dict(q: s.Question) -> dict[str, Any]:
    return {
        "kind": q.kind,
        "text": q.text,
        "feedback": q.feedback,
        "answers": [_answer_dict(a) for a in q.answers],
    }


def _answer_dict(a: s.Answer) -> dict[str, Any]:
    """As the nugget service stores an answer: "match" only on a matching question's."""
    out: dict[str, Any] = {"text": a.text, "correct": a.correct, "feedback": a.feedback}
    if a.match:
        out["match"] = a.match
    return out


def to_snapshot_nugget(key: str, data: dict[str, Any], asset_keys: tuple[str, ...]) -> s.Nugget:
    sched = data.get("schedule") or {}
    schedule = s.Schedule(**{k: sched.get(k, "") for k in ("date", "start", "end", "place")})
    return s.Nugget(
        key=key,
        **{name: data.get(name, "") for name in TEXT_FIELDS},
        **{name: bool(data.get(name)) for name in FLAG_FIELDS},
        duration_minutes=int(data.get("duration_minutes") or 0),
        pass_mark_percent=data.get("pass_mark_percent"),
        tags=tuple(data.get("tags") or ()),
        assets=asset_keys,
        questions=tuple(
            s.Question(
                kind=q["kind"],
                text=q["text"],
                feedback=q.get("feedback", ""),
                answers=tuple(
                    s.Answer(
                        a["text"], bool(a["correct"]), a.get("feedback", ""), a.get("match", "")
                    )
                    for a in q.get("answers", [])
                ),
            )
            for q in data.get("questions") or ()
        ),
        schedule=schedule
        if any((schedule.date, schedule.start, schedule.end, schedule.place))
        else None,
    )


def comparable(values: dict[str, Any]) -> dict[str, Any]:
    """Nugget fields in one flat shape, from revision data or from cleaned form values,
    so that two versions can be compared field by field."""
    out = dict(values)
    schedule = out.pop("schedule", None)
    if schedule is not None:
        out.update(
            {f"schedule_{k}": schedule.get(k, "") for k in ("date", "start", "end", "place")}
        )
    if "schedule_date" in out:
        day = out["schedule_date"]
        out["schedule_date"] = day.isoformat() if isinstance(day, date) else (day or "")
    return out
