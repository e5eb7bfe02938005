"""The one place that answers "may this user do this to that?".

Roles (design.md §8): coordinator (manage members), designer (create and edit designs and
nuggets), expert (edit the designs they are invited to or started), reviewer (comment,
review, sign off; no edits), viewer (read). A person can also hold a role on one design
only (`DesignMember`): a guest sees that design and nothing else of the workspace.

An instance administrator (`User.is_admin`) looks after the site as a whole: accounts,
workspaces, settings, health (`InstanceAction`, `can_administer`). Being an administrator
gives no role in any workspace: an administrator sees a design's contents only as a member.

Every blueprint and service asks `can()` / `require()` (`require_admin()` for the instance);
no view checks roles itself.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import select

from designer.models import Design, DesignMember, Membership, Nugget, Placement, Workspace, db
from designer.models.accounts import User
from designer.services.errors import PermissionDenied


class Action(StrEnum):
    WORKSPACE_VIEW = "workspace.view"
    WORKSPACE_MANAGE = "workspace.manage"
    MEMBERS_MANAGE = "workspace.members"
    # Who joins the workspace on signing on (e-mail domain or provider group, with a role).
    JOIN_RULES_MANAGE = "workspace.join_rules"
    LIBRARY_VIEW = "library.view"
    NUGGET_EDIT = "nugget.edit"
    DESIGN_CREATE = "design.create"
    DESIGN_VIEW = "design.view"
    DESIGN_EDIT = "design.edit"
    DESIGN_DELETE = "design.delete"
    DESIGN_EXPORT = "design.export"
    DESIGN_COMMENT = "design.comment"
    DESIGN_REVIEW = "design.review"
    DESIGN_MEMBERS = "design.members"
    # Working together (collab): sharing nuggets beyond the workspace, the trash.
    NUGGET_SHARE = "workspace.nugget_share"
    TRASH_RESTORE = "workspace.trash_restore"
    TRASH_EMPTY = "workspace.trash_empty"
    TEMPLATE_SAVE = "template.save"
    # Quality (review): submitting for review, signing off, editing workspace checklists.
    DESIGN_SUBMIT = "review.submit"
    DESIGN_SIGN_OFF = "review.sign_off"
    CHECKLIST_EDIT = "checklist.edit"
    # The public catalogue: publishing a design as an offer, withdrawing it (coordinators).
    OFFER_PUBLISH = "offer.publish"
    # Requests for training sent from the catalogue: reading, answering, closing, turning
    # them into designs, and their retention period (coordinators).
    REQUESTS_MANAGE = "workspace.requests"
    # Awarding a design's badge to a person by hand, revoking an award (coordinators).
    BADGE_AWARD = "badge.award"
    # LTI: the tool's keys and the platforms (LMS) registered for the workspace.
    LTI_MANAGE = "workspace.lti"
    # Releasing a revision of a design for delivery (LTI launches show it).
    DESIGN_RELEASE = "design.release"


class InstanceAction(StrEnum):
    """What an administrator does to the instance (the admin area)."""

    VIEW = "instance.view"  # the admin area, the instance's health
    ACCOUNTS = "instance.accounts"  # deactivate, reactivate, reset, grant administration
    WORKSPACES = "instance.workspaces"  # list, sizes, members, hand coordination over
    SETTINGS = "instance.settings"  # mail (a test mail), sign-on


WORKSPACE_ACTIONS = {
    Action.WORKSPACE_VIEW,
    Action.WORKSPACE_MANAGE,
    Action.MEMBERS_MANAGE,
    Action.JOIN_RULES_MANAGE,
    Action.LIBRARY_VIEW,
    Action.NUGGET_EDIT,
    Action.DESIGN_CREATE,
    Action.NUGGET_SHARE,
    Action.TRASH_RESTORE,
    Action.TRASH_EMPTY,
    Action.TEMPLATE_SAVE,
    Action.CHECKLIST_EDIT,
    Action.REQUESTS_MANAGE,
    Action.LTI_MANAGE,
}

_READ = {Action.WORKSPACE_VIEW, Action.LIBRARY_VIEW, Action.DESIGN_VIEW, Action.DESIGN_EXPORT}

# What each workspace role may do to the workspace and to any design in it.
ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    "coordinator": frozenset(Action),
    "designer": frozenset(
        _READ
        | {
            Action.NUGGET_EDIT,
            Action.NUGGET_SHARE,
            Action.TRASH_RESTORE,
            Action.DESIGN_CREATE,
            Action.DESIGN_EDIT,
            Action.DESIGN_DELETE,
            Action.DESIGN_COMMENT,
            Action.DESIGN_MEMBERS,
            Action.TEMPLATE_SAVE,
            Action.DESIGN_SUBMIT,
            Action.CHECKLIST_EDIT,
        }
    ),
    "expert": frozenset(_READ | {Action.DESIGN_CREATE, Action.DESIGN_COMMENT}),
    "reviewer": frozenset(
        _READ | {Action.DESIGN_COMMENT, Action.DESIGN_REVIEW, Action.DESIGN_SIGN_OFF}
    ),
    "viewer": frozenset(_READ),
}

# What a role held on one design only allows on that design.
DESIGN_ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    "coordinator": ROLE_ACTIONS["designer"] - WORKSPACE_ACTIONS,
    "designer": ROLE_ACTIONS["designer"] - WORKSPACE_ACTIONS,
    "expert": frozenset(
        {
            Action.DESIGN_VIEW,
            Action.DESIGN_EXPORT,
            Action.DESIGN_EDIT,
            Action.DESIGN_COMMENT,
            Action.DESIGN_SUBMIT,
        }
    ),
    "reviewer": frozenset(
        {
            Action.DESIGN_VIEW,
            Action.DESIGN_EXPORT,
            Action.DESIGN_COMMENT,
            Action.DESIGN_REVIEW,
            Action.DESIGN_SIGN_OFF,
        }
    ),
    "viewer": frozenset({Action.DESIGN_VIEW, Action.DESIGN_EXPORT}),
}

# An expert of the workspace edits (and submits) the designs they started or were
# invited to.
_EXPERT_OWN_DESIGN = frozenset({Action.DESIGN_EDIT, Action.DESIGN_SUBMIT})

# Nobody signs off a design they wrote themselves (the four-eyes principle).
_AUTHOR_EXCLUDED = frozenset({Action.DESIGN_SIGN_OFF})


def workspace_role(user: User | None, workspace_id: int) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(
        select(Membership.role).where(
            Membership.workspace_id == workspace_id, Membership.user_id == user.id
        )
    )


def design_member_role(user: User | None, design_id: int) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(
        select(DesignMember.role).where(
            DesignMember.design_id == design_id, DesignMember.user_id == user.id
        )
    )


def allowed_on_design(user: User | None, design: Design) -> frozenset[Action]:
    """Every action `user` may take on `design`."""
    if design.deleted_at is not None and user is not None:
        role = workspace_role(user, design.workspace_id)
        return frozenset({Action.DESIGN_VIEW}) if role == "coordinator" else frozenset()
    actions: set[Action] = set()
    role = workspace_role(user, design.workspace_id)
    if role:
        actions |= ROLE_ACTIONS[role] - WORKSPACE_ACTIONS
    member_role = design_member_role(user, design.id)
    if member_role:
        actions |= DESIGN_ROLE_ACTIONS[member_role]
    if role == "expert" and user is not None and design.created_by_id == user.id:
        actions |= _EXPERT_OWN_DESIGN
    if user is not None and design.created_by_id == getattr(user, "id", None):
        actions -= _AUTHOR_EXCLUDED
    return frozenset(actions)


def sign_off_candidates(design: Design) -> list[User]:
    """The people who may sign `design` off: members whose workspace role or role on the
    design allows it, the design's author excepted (two queries)."""
    workspace_roles = [r for r, acts in ROLE_ACTIONS.items() if Action.DESIGN_SIGN_OFF in acts]
    design_roles = [r for r, acts in DESIGN_ROLE_ACTIONS.items() if Action.DESIGN_SIGN_OFF in acts]
    by_workspace = db.session.scalars(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.workspace_id == design.workspace_id, Membership.role.in_(workspace_roles))
    ).all()
    by_design = db.session.scalars(
        select(User)
        .join(DesignMember, DesignMember.user_id == User.id)
        .where(DesignMember.design_id == design.id, DesignMember.role.in_(design_roles))
    ).all()
    people = {u.id: u for u in [*by_workspace, *by_design] if u.id != design.created_by_id}
    return sorted(people.values(), key=lambda u: (u.display_name.lower(), u.id))


def readers_of(design: Design) -> list[User]:
    """The people who may read `design`: members of its workspace and its guests (two
    queries; nobody while it is in the trash)."""
    if design.deleted_at is not None:
        return []
    by_workspace = db.session.scalars(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.workspace_id == design.workspace_id)
    ).all()
    by_design = db.session.scalars(
        select(User)
        .join(DesignMember, DesignMember.user_id == User.id)
        .where(DesignMember.design_id == design.id)
    ).all()
    people = {u.id: u for u in [*by_workspace, *by_design]}
    return sorted(people.values(), key=lambda u: u.id)


def allowed_on_workspace(user: User | None, workspace: Workspace) -> frozenset[Action]:
    role = workspace_role(user, workspace.id)
    return ROLE_ACTIONS[role] & WORKSPACE_ACTIONS if role else frozenset()


def can(user: User | None, action: Action, target: Design | Workspace) -> bool:
    if isinstance(target, Design):
        return action in allowed_on_design(user, target)
    if action not in WORKSPACE_ACTIONS:
        raise ValueError(f"{action} is not an action on a workspace")
    return action in allowed_on_workspace(user, target)


def can_see_nugget(user: User | None, nugget: Nugget) -> bool:
    """A nugget of a workspace library is seen by whoever may view that library, and by a
    guest of a design (not in the trash) on which it is placed, as part of that design."""
    workspace = db.session.get(Workspace, nugget.workspace_id)
    if can(user, Action.LIBRARY_VIEW, workspace):
        return True
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    placed_on_own_design = (
        select(Placement.id)
        .join(Design, Design.id == Placement.design_id)
        .join(DesignMember, DesignMember.design_id == Design.id)
        .where(
            Placement.nugget_id == nugget.id,
            Design.deleted_at.is_(None),
            DesignMember.user_id == user.id,
        )
        .limit(1)
    )
    return db.session.scalar(placed_on_own_design) is not None


def edits_library_nugget(user: User | None, nugget: Nugget, design: Design) -> bool:
    """Whether saving `nugget` from `design`'s canvas writes the library nugget itself.
    Those who may edit the library do; anyone else (a guest, an expert) does only while no
    other design uses the nugget: otherwise the save makes a copy for `design` alone, so
    their edit never reaches other designs as "update available"."""
    workspace = db.session.get(Workspace, nugget.workspace_id)
    if can(user, Action.NUGGET_EDIT, workspace):
        return True
    used_elsewhere = select(Placement.id).where(
        Placement.nugget_id == nugget.id, Placement.design_id != design.id
    )
    return db.session.scalar(used_elsewhere.limit(1)) is None


def can_administer(user: User | None, action: InstanceAction) -> bool:
    """Every instance action is an administrator's, and only an active one's."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_admin) and user.is_active and action in InstanceAction


def require_admin(user: User | None, action: InstanceAction) -> None:
    if not can_administer(user, action):
        raise PermissionDenied(str(action))


def require(user: User | None, action: Action, target: Design | Workspace) -> None:
    if not can(user, action, target):
        raise PermissionDenied(str(action))
