"""The HTML5 pages of a package: the course start, nugget pages and information pages.

Pages are built as lxml trees (every text escaped by lxml), in the design's language,
with one heading outline, labelled controls and native buttons (keyboard-operable).
The page script (`kurswerk.js`) finds its tasks through `data-kw-*` attributes.
"""

from __future__ import annotations

import json
from itertools import groupby

from lxml.html import HtmlElement

from designer.core.analytics import analyse
from designer.core.snapshot import Asset, PlacedNugget, Schedule
from designer.core.vocab import label
from designer.export.scorm import content
from designer.export.scorm.markup import Child, document, el
from designer.export.scorm.plan import CONTENT, INFO, QUIZ, CoursePlan, Page, Section
from designer.export.scorm.quiz import quiz_form
from designer.export.scorm.texts import day, duration, script_texts, text

STYLESHEET = "shared/kurswerk.css"
PAGE_SCRIPT = "shared/kurswerk.js"


def render_page(plan: CoursePlan, page: Page, runtime_script: str) -> bytes:
    """One page as an HTML5 document; tracked pages load the runtime and page scripts."""
    lang = plan.snap.language
    main = el("main", _main_attributes(plan, page), _body(plan, page))
    scripts = [el("script", {"src": runtime_script}), el("script", {"src": PAGE_SCRIPT})]
    root = el(
        "html",
        {"lang": lang},
        el(
            "head",
            None,
            el("meta", {"charset": "utf-8"}),
            el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
            el("title", None, page.title),
            el("link", {"rel": "stylesheet", "href": STYLESHEET}),
        ),
        el(
            "body",
            None,
            el("a", {"class": "kw-skip", "href": "#main"}, text("skip", lang)),
            main,
            scripts if page.tracked else None,
        ),
    )
    return document(root)


def _main_attributes(plan: CoursePlan, page: Page) -> dict[str, str]:
    attributes = {"id": "main", "tabindex": "-1"}
    if page.tracked:
        attributes["data-kw-sco"] = page.resource
        percent = plan.page_pass_mark(page)
        if percent is not None:
            attributes["data-kw-mastery"] = f"{percent / 100:g}"
        attributes["data-kw-texts"] = json.dumps(script_texts(plan.snap.language))
    return attributes


def _body(plan: CoursePlan, page: Page) -> list[Child]:
    if len(page.sections) == 1:
        return [_section(plan, page.sections[0], 1)]
    start, *nuggets = page.sections
    parts: list[Child] = [_section(plan, start, 1), _contents(plan, nuggets)]
    for _, group in groupby(nuggets, key=lambda s: s.placed.module.key):
        sections = list(group)
        module = sections[0].placed.module
        heading = f"m-{sections[0].anchor}"
        parts.append(
            el(
                "section",
                {"class": "kw-module", "aria-labelledby": heading},
                el("h2", {"id": heading}, module.title.strip() or module.key),
                [_section(plan, s, 3) for s in sections],
            )
        )
    return parts


def _contents(plan: CoursePlan, sections: list[Section]) -> HtmlElement | None:
    if not sections:
        return None
    lang = plan.snap.language
    links = [
        el("li", None, el("a", {"href": f"#{s.anchor}"}, s.placed.nugget.title)) for s in sections
    ]
    return el(
        "nav",
        {"class": "kw-contents", "aria-labelledby": "kw-contents-h"},
        el("h2", {"id": "kw-contents-h"}, text("contents", lang)),
        el("ol", None, links),
    )


def _section(plan: CoursePlan, section: Section, level: int) -> HtmlElement:
    if section.placed is None:
        return _start(plan, level)
    if section.kind == INFO:
        return _info(plan, section, level)
    return _nugget(plan, section, level)


def _heading(level: int, anchor: str, title: str) -> HtmlElement:
    return el(f"h{level}", {"id": f"{anchor}-h"}, title)


def _task(anchor: str, caption: str) -> HtmlElement:
    return el(
        "div",
        {"class": "kw-task"},
        el(
            "button",
            {"type": "button", "class": "kw-done", "data-kw-task": anchor, "aria-pressed": "false"},
            caption,
        ),
        " ",
        el("span", {"class": "kw-status", "role": "status"}),
    )


# --------------------------------------------------------------------------- start


def _start(plan: CoursePlan, level: int) -> HtmlElement:
    snap, lang = plan.snap, plan.snap.language
    g = snap.grobkonzept
    sub = level + 1
    intro = g.offer_description or g.format_summary
    facts = [
        (text("target_group", lang), g.target_group),
        (text("prerequisites", lang), g.prerequisites),
        (text("period", lang), _period(g.start_date, g.end_date, lang)),
    ]
    return el(
        "section",
        {"id": "start", "class": "kw-start", "aria-labelledby": "start-h"},
        _heading(level, "start", plan.title),
        el("p", {"class": "kw-intro"}, intro) if intro else None,
        _facts([(term, value) for term, value in facts if value]),
        _objectives(plan, sub),
        _workload(plan, sub),
        _outline(plan, sub),
        _task("start", text("start_done", lang)),
    )


def _period(start: str, end: str, lang: str) -> str:
    return "–".join(day(d, lang) for d in (start, end) if d)


def _facts(pairs: list[tuple[str, str]]) -> HtmlElement | None:
    if not pairs:
        return None
    return el(
        "dl", {"class": "kw-facts"}, [(el("dt", None, t), el("dd", None, v)) for t, v in pairs]
    )


def _objectives(plan: CoursePlan, level: int) -> list[HtmlElement]:
    lang = plan.snap.language
    if not plan.snap.objectives:
        return []
    items = [
        el(
            "li",
            None,
            o.text,
            f" ({label('bloom_level', o.bloom_level, lang)})" if o.bloom_level else None,
        )
        for o in plan.snap.objectives
    ]
    return [el(f"h{level}", None, text("objectives", lang)), el("ul", None, items)]


def _workload(plan: CoursePlan, level: int) -> list[HtmlElement]:
    lang = plan.snap.language
    analytics = analyse(plan.snap)
    pairs = [(text("workload_total", lang), duration(analytics.total_minutes, lang))]
    if analytics.planned_minutes:
        pairs.append((text("workload_planned", lang), duration(analytics.planned_minutes, lang)))
    pairs += [
        (label("delivery_mode", share.key, lang), duration(share.minutes, lang))
        for share in analytics.by_delivery_mode
        if share.minutes
    ]
    return [el(f"h{level}", None, text("workload", lang)), _facts(pairs)]


def _outline(plan: CoursePlan, level: int) -> list[HtmlElement]:
    snap, lang = plan.snap, plan.snap.language
    modules = [(m, snap.module_placed(m)) for m in snap.modules]
    modules = [(m, placed) for m, placed in modules if placed]
    if not modules:
        return [el("p", {"class": "kw-empty"}, text("empty_course", lang))]
    parts: list[HtmlElement] = [el(f"h{level}", None, text("outline", lang))]
    for module, placed in modules:
        parts.append(el(f"h{min(level + 1, 6)}", None, module.title))
        parts.append(el("ol", {"class": "kw-outline"}, [_outline_entry(p, lang) for p in placed]))
    return parts


def _outline_entry(placed: PlacedNugget, lang: str) -> HtmlElement:
    mode = label("delivery_mode", placed.delivery_mode, lang)
    meta = f"{duration(placed.duration_minutes, lang)}, {mode}"
    return el("li", None, placed.nugget.title, " ", el("span", {"class": "kw-meta"}, f"({meta})"))


# --------------------------------------------------------------------------- nuggets


def _nugget(plan: CoursePlan, section: Section, level: int) -> HtmlElement:
    placed, lang = section.placed, plan.snap.language
    nugget = placed.nugget
    inline = content.referenced_names(nugget.content_html)
    return el(
        "section",
        {
            "id": section.anchor,
            "class": f"kw-nugget kw-{section.kind}",
            "aria-labelledby": f"{section.anchor}-h",
        },
        _heading(level, section.anchor, nugget.title),
        el("p", {"class": "kw-meta"}, _meta(placed, lang)),
        el("p", {"class": "kw-summary"}, nugget.summary) if nugget.summary else None,
        el("div", {"class": "kw-content"}, _content(plan, placed, level + 1)),
        _link(nugget.url, lang) if nugget.url else None,
        el("p", {"class": "kw-note"}, text("forum_note", lang))
        if nugget.activity_kind == "forum"
        else None,
        _materials(plan, placed, inline, level + 1),
        quiz_form(section.anchor, nugget.questions, plan.pass_mark(section), lang)
        if section.kind == QUIZ
        else None,
        _task(section.anchor, text("mark_done", lang)) if section.kind == CONTENT else None,
    )


def _meta(placed: PlacedNugget, lang: str) -> str:
    mode = label("delivery_mode", placed.delivery_mode, lang)
    minutes = duration(placed.duration_minutes, lang)
    return f"{text('duration', lang)}: {minutes} · {text('delivery', lang)}: {mode}"


def _content(plan: CoursePlan, placed: PlacedNugget, top_heading: int) -> list[HtmlElement | str]:
    by_name = {a.filename: a for a in plan.packaged_assets()}
    paths = {name: plan.asset_paths[a.key] for name, a in by_name.items()}
    alts = {name: a.alt_text for name, a in by_name.items()}
    return content.rewrite(placed.nugget.content_html, paths, alts, top_heading)


def _link(url: str, lang: str) -> HtmlElement:
    return el(
        "p",
        {"class": "kw-link"},
        el("a", {"href": url, "target": "_blank", "rel": "noopener"}, text("link", lang)),
        " ",
        el("span", {"class": "kw-url"}, url),
    )


def _materials(
    plan: CoursePlan, placed: PlacedNugget, inline: set[str], level: int
) -> list[HtmlElement]:
    assets = [plan.snap.asset(k) for k in placed.nugget.assets if k in plan.asset_paths]
    shown = [a for a in assets if a.filename not in inline]
    if not shown:
        return []
    lang = plan.snap.language
    return [
        el(f"h{min(level, 6)}", None, text("materials", lang)),
        el("ul", {"class": "kw-materials"}, [el("li", None, _material(plan, a)) for a in shown]),
    ]


def _material(plan: CoursePlan, asset: Asset) -> HtmlElement:
    path = plan.asset_paths[asset.key]
    if asset.mimetype.startswith("image/"):
        return el(
            "figure",
            None,
            el("img", {"src": path, "alt": asset.alt_text}),
            el("figcaption", None, asset.alt_text) if asset.alt_text else None,
        )
    return el("a", {"href": path, "download": ""}, asset.filename)


# --------------------------------------------------------------------------- information


def _info(plan: CoursePlan, section: Section, level: int) -> HtmlElement:
    placed, lang = section.placed, plan.snap.language
    nugget = placed.nugget
    schedule = nugget.schedule or placed.module.schedule or Schedule()
    return el(
        "section",
        {
            "id": section.anchor,
            "class": "kw-nugget kw-info",
            "aria-labelledby": f"{section.anchor}-h",
        },
        _heading(level, section.anchor, nugget.title),
        _facts(_when(schedule, placed, lang)),
        el("p", {"class": "kw-summary"}, nugget.summary) if nugget.summary else None,
        _link(nugget.url, lang) if nugget.url else None,
        _materials(plan, placed, set(), level + 1),
    )


def _when(schedule: Schedule, placed: PlacedNugget, lang: str) -> list[tuple[str, str]]:
    open_ = text("when_open", lang)
    times = "–".join(t for t in (schedule.start, schedule.end) if t)
    pairs = [(text("date", lang), day(schedule.date, lang) if schedule.date else open_)]
    if times:
        pairs.append((text("time", lang), times))
    pairs.append((text("place", lang), schedule.place or open_))
    pairs.append((text("duration", lang), duration(placed.duration_minutes, lang)))
    pairs.append((text("delivery", lang), label("delivery_mode", placed.delivery_mode, lang)))
    return pairs
