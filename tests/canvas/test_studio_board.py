"""The studio's board is read from the revisions' card columns and summed by the database:
it must say what the snapshot and `analyse()` say, for the example course and after edits."""

from __future__ import annotations

from sqlalchemy import select

from designer.core.analytics import analyse
from designer.extensions import db
from designer.models import Nugget, NuggetRevision, Placement
from designer.models.nuggets import card_fields
from designer.queries.canvas import board
from designer.queries.read_model import snapshot
from designer.services import nuggets as nugget_service
from designer.services import placements as placement_service


def _assert_board_matches_snapshot(design) -> None:
    snap = snapshot(design)
    analytics = analyse(snap)
    view = board(design)
    assert [lane.title for lane in view.lanes] == [m.title for m in snap.modules]
    for lane, module, load in zip(view.lanes, snap.modules, analytics.by_module, strict=True):
        placed = snap.module_placed(module)
        assert [c.title for c in lane.cards] == [p.nugget.title for p in placed]
        assert [c.minutes for c in lane.cards] == [p.duration_minutes for p in placed]
        assert [c.delivery_mode for c in lane.cards] == [p.delivery_mode for p in placed]
        assert [c.learning_type for c in lane.cards] == [p.nugget.learning_type for p in placed]
        assert [c.objective_count for c in lane.cards] == [len(p.objectives) for p in placed]
        assert lane.load.minutes == load.minutes
        assert {s.key: s.minutes for s in lane.load.by_delivery_mode} == {
            s.key: s.minutes for s in load.by_delivery_mode if s.minutes
        }
    totals = view.totals.load
    assert totals.minutes == analytics.total_minutes
    assert {s.key: s.minutes for s in totals.by_delivery_mode} == {
        s.key: s.minutes for s in analytics.by_delivery_mode if s.minutes
    }
    assert {s.key: s.minutes for s in totals.by_learning_type} == {
        s.key: s.minutes for s in analytics.by_learning_type if s.minutes
    }


def test_the_board_of_the_example_course_says_what_the_snapshot_says(example_design):
    _assert_board_matches_snapshot(example_design)
    assert sum(len(lane.cards) for lane in board(example_design).lanes) == 11


def test_overrides_edits_and_pinned_revisions_reach_the_board(example_design, make_user, workspace):
    user = make_user("trainer@example.org", workspace=workspace, role="designer")
    first, second = db.session.scalars(
        select(Placement)
        .where(Placement.design_id == example_design.id)
        .order_by(Placement.module_id, Placement.position)
        .limit(2)
    ).all()
    placement_service.update_placement(
        user,
        example_design,
        first.id,
        {"duration_override": 95, "delivery_mode_override": "at_workplace"},
        first.lock_version,
    )
    nugget = db.session.get(Nugget, second.nugget_id)
    nugget_service.update_nugget(
        user,
        nugget,
        {"title": "Neuer Titel", "duration_minutes": 33, "learning_type": "discussion"},
        nugget.lock_version,
        via=example_design,
    )
    db.session.commit()
    _assert_board_matches_snapshot(example_design)
    lane = board(example_design).lanes[0]
    assert lane.cards[0].minutes == 95 and lane.cards[0].delivery_mode == "at_workplace"
    assert "Neuer Titel" in [c.title for c in lane.cards]


def test_every_revision_repeats_its_data_in_its_card_columns(example_design):
    revisions = db.session.scalars(select(NuggetRevision)).all()
    assert len(revisions) >= 11
    for revision in revisions:
        columns = {name: getattr(revision, name) for name in card_fields({})}
        assert columns == card_fields(revision.data)
        assert revision.title  # the example's nuggets all have titles
