"""How dates, times, numbers and icons appear on pages: the one module templates use for them.

Dates and times follow the interface language (30.11.2026 and 14:05 in German, Nov 30, 2026
and 2:05 PM in English) and are shown in the time zone of the page's workspace (the app's
default, Europe/Berlin, where a page has none). Stored times are naive UTC.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from pathlib import Path

from flask import Flask, current_app, url_for
from flask_babel import format_date, format_decimal, format_time
from flask_babel import gettext as _
from markupsafe import Markup, escape

DEFAULT_TIME_ZONE = "Europe/Berlin"
SPRITE = "vendor/lucide-sprite.svg"


def day(value: date | datetime | str | None) -> str:
    """A calendar day: 30.11.2026 (de) / Nov 30, 2026 (en); a datetime in local time."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return format_date(value, "medium")


def moment(value: datetime | None) -> str:
    """A point in time in the workspace's time zone: 30.11.2026, 14:05."""
    if value is None:
        return ""
    return f"{format_date(value, 'medium')}, {format_time(value, 'short')}"


def clock(value: datetime | None) -> str:
    """The local time of day alone: 14:05 (de) / 2:05 PM (en)."""
    return "" if value is None else format_time(value, "short")


def number(value: float | int | None, digits: int = 1) -> str:
    """A number with the language's separators: 1.234,5 (de) / 1,234.5 (en)."""
    if value is None:
        return ""
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(value, pattern)


@cache
def sprite_names(folder: str) -> frozenset[str]:
    """The icon names the vendored sprite holds."""
    text = (Path(folder) / SPRITE).read_text(encoding="utf-8")
    return frozenset(part.split('"', 1)[0] for part in text.split('<symbol id="')[1:])


def icon(name: str, label: str = "") -> Markup:
    """An icon from the Lucide sprite; decorative unless a label is given.

    An unknown name raises, so a typo fails in tests instead of showing nothing."""
    if name not in sprite_names(current_app.static_folder or ""):
        raise ValueError(f"no icon {name!r} in {SPRITE}")
    href = f"{url_for('static', filename=SPRITE)}#{name}"
    if label:
        a11y = Markup(' role="img" aria-label="{}"').format(label)
    else:
        a11y = Markup(' aria-hidden="true"')
    svg = Markup('<svg class="icon icon-{}"{} focusable="false"><use href="{}"></use></svg>')
    return svg.format(name, a11y, escape(href))


def rich_text_texts() -> dict[str, str]:
    """The rich-text editor's labels in the page's language (static/js/richtext.js)."""
    return {
        "toolbar": _("Formatting"),
        "heading": _("Heading"),
        "subheading": _("Subheading"),
        "bold": _("Bold"),
        "italic": _("Italic"),
        "bulleted": _("Bulleted list"),
        "numbered": _("Numbered list"),
        "link": _("Link"),
        "linkPrompt": _("Web address of the link"),
        "linkInvalid": _("A link needs a web address starting with https:// or mailto:."),
        "image": _("Image"),
        "imageTitle": _("Insert an image"),
        "imageChoose": _("Image from the attached files"),
        "alt": _("Alternative text"),
        "altHint": _("What the image shows, for people who cannot see it."),
        "noImages": _("Attach an image file to this nugget first, then insert it here."),
        "insert": _("Insert"),
        "cancel": _("Cancel"),
        "close": _("Close"),
        "table": _("Table"),
        "addRow": _("Add a row"),
        "addColumn": _("Add a column"),
        "deleteRow": _("Delete row"),
        "deleteColumn": _("Delete column"),
        "deleteTable": _("Delete table"),
        "html": _("HTML"),
        "htmlHint": _("Show and edit the HTML of the text"),
    }


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", DEFAULT_TIME_ZONE)
    app.add_template_filter(day, "day")
    app.add_template_filter(moment, "moment")
    app.add_template_filter(clock, "clock")
    app.add_template_filter(number, "number")
    app.add_template_global(icon, "icon")
    app.add_template_global(rich_text_texts, "rich_text_texts")
