"""What a design becomes in a SCORM package: pages, manifest items, packaged file names.

The plan is the same for SCORM 1.2 and 2004; only the manifest and the runtime script
differ. Identifiers are made from positions (nugget keys need not be valid XML ids).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from designer.core.snapshot import Asset, DesignSnapshot, Module, PlacedNugget
from designer.export.scorm import content
from designer.export.scorm.names import NameRegistry, slug
from designer.export.scorm.options import Settings
from designer.export.scorm.quiz import answerable
from designer.export.scorm.texts import text

START, CONTENT, QUIZ, INFO = "start", "content", "quiz", "info"
SHARED_RESOURCE = "RES-SHARED"


@dataclass(frozen=True)
class Section:
    """One part of a page: the course start, a nugget as content, quiz or information."""

    kind: str
    anchor: str
    placed: PlacedNugget | None = None


@dataclass(frozen=True)
class Page:
    """One HTML file; `tracked` pages are SCOs, the others plain asset pages."""

    resource: str
    filename: str
    title: str
    sections: tuple[Section, ...]
    tracked: bool
    assets: tuple[str, ...] = ()

    @property
    def has_quiz(self) -> bool:
        return any(s.kind == QUIZ for s in self.sections)


@dataclass(frozen=True)
class Item:
    """An entry of the organization: a module (children only) or a page."""

    identifier: str
    title: str
    page: Page | None = None
    children: tuple[Item, ...] = ()


@dataclass(frozen=True)
class CoursePlan:
    snap: DesignSnapshot
    settings: Settings
    items: tuple[Item, ...]
    pages: tuple[Page, ...]
    asset_paths: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return _title(self.snap)

    def packaged_assets(self) -> list[Asset]:
        return [a for a in self.snap.assets if a.key in self.asset_paths]

    def shared_assets(self) -> list[Asset]:
        """Assets used by more than one page: they go into the shared resource."""
        uses = Counter(key for page in self.pages for key in page.assets)
        return [a for a in self.packaged_assets() if uses[a.key] > 1]

    def own_assets(self, page: Page) -> list[Asset]:
        shared = {a.key for a in self.shared_assets()}
        return [self.snap.asset(k) for k in page.assets if k not in shared]

    def pass_mark(self, section: Section) -> int:
        """The pass mark of a quiz section in percent (the nugget's own or the design's)."""
        assert section.placed is not None
        return self.snap.pass_mark(section.placed.nugget)

    def page_pass_mark(self, page: Page) -> int | None:
        """The pass mark the manifest declares for a page: that of its quizzes when they
        agree; None when they differ (each quiz then passes by its own) or there is none."""
        marks = {self.pass_mark(s) for s in page.sections if s.kind == QUIZ}
        return marks.pop() if len(marks) == 1 else None


def section_kind(placed: PlacedNugget, settings: Settings) -> str:
    nugget = placed.nugget
    if nugget.activity_kind == "live_session" or placed.delivery_mode not in settings.content_modes:
        return INFO
    if nugget.activity_kind == "quiz" and answerable(nugget.questions):
        return QUIZ
    return CONTENT


def build_plan(snap: DesignSnapshot, settings: Settings) -> CoursePlan:
    """Pages and items of the package; asset keys each page uses; packaged asset names."""
    names = NameRegistry()
    start = Section(START, "start")
    if settings.single_sco:
        sections = [start] + [
            Section(section_kind(p, settings), f"n{p.position + 1}", p) for p in snap.placed()
        ]
        page = _page(snap, "RES-COURSE", names.claim("course.html"), snap.title, sections, True)
        pages = [page]
        items = [Item("ITEM-COURSE", _title(snap), page)]
    else:
        first = _page(snap, "RES-START", names.claim("start.html"), snap.title, [start], True)
        pages, modules = [first], []
        for index, module in enumerate(snap.modules, start=1):
            children = [_nugget_item(snap, settings, p, names) for p in snap.module_placed(module)]
            pages += [child.page for child in children if child.page]
            if children:
                modules.append(Item(f"MOD-{index}", _module_title(module), None, tuple(children)))
        items = [Item("ITEM-START", text("overview", snap.language), first), *modules]
    return CoursePlan(snap, settings, tuple(items), tuple(pages), _asset_paths(snap, pages))


def _nugget_item(
    snap: DesignSnapshot, settings: Settings, placed: PlacedNugget, names: NameRegistry
) -> Item:
    number = placed.position + 1
    kind = section_kind(placed, settings)
    filename = names.claim(f"{number:02d}-{slug(placed.nugget.title, 'page')[:40]}.html")
    section = Section(kind, f"n{number}", placed)
    page = _page(snap, f"RES-{number}", filename, placed.nugget.title, [section], kind != INFO)
    return Item(f"ITEM-{number}", page.title, page)


def _page(
    snap: DesignSnapshot,
    resource: str,
    filename: str,
    title: str,
    sections: list[Section],
    tracked: bool,
) -> Page:
    keys: list[str] = []
    for section in sections:
        for key in _section_assets(snap, section):
            if key not in keys:
                keys.append(key)
    title = title.strip() or text("untitled", snap.language)
    return Page(resource, filename, title, tuple(sections), tracked, tuple(keys))


def _section_assets(snap: DesignSnapshot, section: Section) -> list[str]:
    if section.placed is None:
        return []
    nugget = section.placed.nugget
    by_name = {a.filename: a.key for a in snap.assets}
    inline = [by_name[n] for n in content.referenced_names(nugget.content_html) if n in by_name]
    return list(dict.fromkeys([*nugget.assets, *sorted(inline)]))


def _asset_paths(snap: DesignSnapshot, pages: list[Page]) -> dict[str, str]:
    names = NameRegistry()
    used = {key for page in pages for key in page.assets}
    return {a.key: f"files/{names.claim(a.filename)}" for a in snap.assets if a.key in used}


def _title(snap: DesignSnapshot) -> str:
    return snap.title.strip() or text("course", snap.language)


def _module_title(module: Module) -> str:
    return module.title.strip() or module.key
