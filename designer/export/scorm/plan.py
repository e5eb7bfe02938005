"""What a design becomes in a SCORM package: pages, manifest items, packaged file names.

Every page is the course player (`designer.export.learner`) showing some units. By
default the package is one SCO: the player with the whole course and its own navigation
(Moodle 4.5 records only the first SCO of a SCORM 2004 package per visit). The option
"one SCO per nugget" gives the overview and every nugget a page and an item of its own.
The plan is the same for SCORM 1.2 and 2004; only the manifest and the runtime script
differ. Identifiers are made from positions (nugget keys need not be valid XML ids).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from designer.core.snapshot import Asset, DesignSnapshot
from designer.export.learner import content
from designer.export.learner.course import QUIZ, Course, Unit, course_of
from designer.export.learner.texts import text
from designer.export.scorm.names import NameRegistry, slug
from designer.export.scorm.options import Settings

SHARED_RESOURCE = "RES-SHARED"


@dataclass(frozen=True)
class Page:
    """One HTML file; `tracked` pages are SCOs, the others plain asset pages."""

    resource: str
    filename: str
    title: str
    units: tuple[Unit, ...]
    tracked: bool
    assets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    """An entry of the organization: a module (children only) or a page."""

    identifier: str
    title: str
    page: Page | None = None
    children: tuple[Item, ...] = ()


@dataclass(frozen=True)
class CoursePlan:
    course: Course
    settings: Settings
    items: tuple[Item, ...]
    pages: tuple[Page, ...]
    asset_paths: dict[str, str] = field(default_factory=dict)

    @property
    def snap(self) -> DesignSnapshot:
        return self.course.snap

    @property
    def title(self) -> str:
        return self.course.title

    def packaged_assets(self) -> list[Asset]:
        return [a for a in self.snap.assets if a.key in self.asset_paths]

    def shared_assets(self) -> list[Asset]:
        """Assets used by more than one page: they go into the shared resource."""
        uses = Counter(key for page in self.pages for key in page.assets)
        return [a for a in self.packaged_assets() if uses[a.key] > 1]

    def own_assets(self, page: Page) -> list[Asset]:
        shared = {a.key for a in self.shared_assets()}
        return [self.snap.asset(k) for k in page.assets if k not in shared]

    def page_pass_mark(self, page: Page) -> int | None:
        """The pass mark the manifest declares for a page: that of its quizzes when they
        agree; None when they differ (each quiz then passes by its own) or there is none."""
        marks = {self.snap.pass_mark(u.placed.nugget) for u in page.units if u.kind == QUIZ}
        return marks.pop() if len(marks) == 1 else None


def build_plan(snap: DesignSnapshot, settings: Settings) -> CoursePlan:
    """Pages and items of the package; asset keys each page uses; packaged asset names."""
    course = course_of(snap, settings.content_modes)
    names = NameRegistry()
    if settings.single_sco:
        page = _page(course, "RES-COURSE", names.claim("index.html"), course.title, course.units())
        pages = [page]
        items = [Item("ITEM-COURSE", course.title, page)]
    else:
        first = _page(course, "RES-START", names.claim("start.html"), snap.title, [course.start])
        pages, modules = [first], []
        for index, chapter in enumerate(course.chapters, start=1):
            children = [_nugget_item(course, unit, names) for unit in chapter.units]
            pages += [child.page for child in children]
            modules.append(Item(f"MOD-{index}", chapter.title, None, tuple(children)))
        items = [Item("ITEM-START", text("overview", snap.language), first), *modules]
    return CoursePlan(course, settings, tuple(items), tuple(pages), _asset_paths(snap, pages))


def _nugget_item(course: Course, unit: Unit, names: NameRegistry) -> Item:
    number = unit.placed.position + 1
    filename = names.claim(f"{number:02d}-{slug(unit.title, 'page')[:40]}.html")
    page = _page(course, f"RES-{number}", filename, unit.title, [unit])
    return Item(f"ITEM-{number}", page.title, page)


def _page(course: Course, resource: str, filename: str, title: str, units: list[Unit]) -> Page:
    keys: list[str] = []
    for unit in units:
        for key in _unit_assets(course.snap, unit):
            if key not in keys:
                keys.append(key)
    title = title.strip() or text("untitled", course.snap.language)
    tracked = any(u.tracked for u in units)
    return Page(resource, filename, title, tuple(units), tracked, tuple(keys))


def _unit_assets(snap: DesignSnapshot, unit: Unit) -> list[str]:
    if unit.placed is None:
        return []
    nugget = unit.placed.nugget
    by_name = {a.filename: a.key for a in snap.assets}
    inline = [by_name[n] for n in content.referenced_names(nugget.content_html) if n in by_name]
    return list(dict.fromkeys([*nugget.assets, *sorted(inline)]))


def _asset_paths(snap: DesignSnapshot, pages: list[Page]) -> dict[str, str]:
    names = NameRegistry()
    used = {key for page in pages for key in page.assets}
    return {a.key: f"files/{names.claim(a.filename)}" for a in snap.assets if a.key in used}
