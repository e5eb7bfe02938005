"""Language of the interface: the user's choice, else the session's, else the browser's."""

from __future__ import annotations

from flask import Flask, request, session
from flask_babel import get_locale, refresh
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from designer.core.vocab import LANGUAGES, choices, label
from designer.extensions import babel
from designer.queries import access
from designer.web import display

# Names of the export formats on German and English pages (the registry's labels are the
# English names the command line and the API show; product names stay as they are).
FORMAT_LABELS = {
    "json": _l("Kurswerk JSON"),
    "kurswerk": _l("Kurswerk bundle (design and files)"),
    "moodle": _l("Moodle course backup"),
    "xlsx": _l("Excel (Verlaufsplan)"),
}


def select_locale() -> str:
    if current_user and current_user.is_authenticated and current_user.locale in LANGUAGES:
        return current_user.locale
    if session.get("locale") in LANGUAGES:
        return session["locale"]
    return request.accept_languages.best_match(LANGUAGES) or "de"


def select_time_zone() -> str | None:
    """The time zone of the page's workspace (by its slug or design); None: the default."""
    args = request.view_args or {}
    return access.time_zone_of(args.get("slug"), args.get("design_id"))


def current_language() -> str:
    return str(get_locale() or "de")


def init_app(app: Flask) -> None:
    display.init_app(app)  # before Babel: it sets the default time zone
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_time_zone)
    # The locale is cached on the app context, which outlives a request where one is
    # already pushed (the CLI, tests); choose it anew for every request.
    app.before_request(refresh)

    @app.context_processor
    def vocabulary_helpers():
        from designer.web.forms.workspaces import role_choices

        lang = current_language()
        roles = dict(role_choices())
        statuses = {
            "draft": _l("Draft"),
            "in_review": _l("In review"),
            "changes_requested": _l("Changes requested"),
            "approved": _l("Approved"),
            "archived": _l("Archived"),
        }
        return {
            "status_label": lambda status: str(statuses.get(status, status)),
            "role_label": lambda role: str(roles.get(role, role)),
            "lang": lang,
            "vocab_label": lambda vocabulary, value: label(vocabulary, value, lang),
            "vocab_choices": lambda vocabulary: choices(vocabulary, lang),
            "format_label": lambda fmt: str(FORMAT_LABELS.get(fmt.key, fmt.label)),
        }
