"""SQLAlchemy tables, one module per aggregate. Models hold data; services change it."""

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


db = SQLAlchemy(model_class=Base)

from designer.models.accounts import LoginAttempt, LoginLink, User  # noqa: E402
from designer.models.assets import Asset  # noqa: E402
from designer.models.badges import Badge, BadgeAward, IssuerKey  # noqa: E402
from designer.models.collab import (  # noqa: E402
    Invitation,
    PartnerOrganisation,
    PartnershipAgreement,
    Presence,
)
from designer.models.designs import (  # noqa: E402
    Design,
    DesignMember,
    LearningObjective,
    Module,
    Placement,
    placement_objectives,
)
from designer.models.events import Event  # noqa: E402
from designer.models.learner_results import LtiAnswer, LtiEnrolment, LtiNuggetResult  # noqa: E402
from designer.models.lti import (  # noqa: E402
    DesignRelease,
    LtiKey,
    LtiLearner,
    LtiNonce,
    LtiPlatform,
    LtiRegistrationLink,
    LtiScore,
)
from designer.models.mail import MailOptOut, NoticeDigest, NoticeSetting, OutboxMail  # noqa: E402
from designer.models.nuggets import Nugget, NuggetRevision  # noqa: E402
from designer.models.offers import Offer  # noqa: E402
from designer.models.quality import (  # noqa: E402
    Comment,
    Notification,
    Review,
    WorkspaceChecklist,
)
from designer.models.requests import RequestSender, TrainingRequest  # noqa: E402
from designer.models.revisions import Revision  # noqa: E402
from designer.models.sign_on import JoinRule, SignOnIdentity, SignOnProvider  # noqa: E402
from designer.models.templates import DesignTemplate  # noqa: E402
from designer.models.tokens import ApiToken  # noqa: E402
from designer.models.workspaces import Membership, Workspace  # noqa: E402

__all__ = [
    "Badge",
    "BadgeAward",
    "IssuerKey",
    "db",
    "ApiToken",
    "Asset",
    "Comment",
    "Design",
    "DesignMember",
    "DesignRelease",
    "DesignTemplate",
    "Event",
    "Invitation",
    "JoinRule",
    "LearningObjective",
    "LtiAnswer",
    "LtiEnrolment",
    "LtiNuggetResult",
    "LoginAttempt",
    "LtiKey",
    "LtiLearner",
    "LtiNonce",
    "LtiPlatform",
    "LtiRegistrationLink",
    "LtiScore",
    "LoginLink",
    "MailOptOut",
    "Membership",
    "Module",
    "Notification",
    "NoticeDigest",
    "NoticeSetting",
    "OutboxMail",
    "Nugget",
    "Offer",
    "PartnerOrganisation",
    "PartnershipAgreement",
    "NuggetRevision",
    "Placement",
    "Presence",
    "RequestSender",
    "Review",
    "Revision",
    "SignOnIdentity",
    "SignOnProvider",
    "TrainingRequest",
    "User",
    "Workspace",
    "WorkspaceChecklist",
    "placement_objectives",
]
