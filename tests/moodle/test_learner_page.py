"""A Moodle page's text is the learner view's nugget, from the one learner renderer."""

from __future__ import annotations

from lxml import html as lxml_html

from designer.export.learner.course import course_of
from designer.export.learner.render import Links, render_fragment
from tests.moodle.test_teacher import by_title, with_nuggets


def test_page_text_is_the_learner_view_without_author_notes():
    backup = with_nuggets(
        N4={
            "summary": "Vier Stufen",
            "author_note": "Noch ein Beispiel ergänzen.",
            "url": "https://example.org/samr",
            "content_html": '<p>Text</p><p><img src="fremd.png" alt="Skizze"></p>',
        }
    )
    _, page = by_title(backup, "Das SAMR-Modell")
    content = page.findtext("content")
    assert "Noch ein Beispiel" not in content
    tree = lxml_html.fromstring(f"<div>{content}</div>")
    assert [p.get("class") for p in tree.findall("p")] == ["kw-summary", "kw-link"]
    assert tree.find(".//a[@href='https://example.org/samr']").get("rel") == "noopener"
    assert tree.find(".//img") is None  # not a file of this page: its alt text instead
    assert "Skizze" in tree.find("div[@class='kw-content']").text_content()


def test_the_fragment_is_what_the_player_shows(example_snap):
    placed = list(example_snap.placed())[1]
    course = course_of(example_snap)
    links = Links("", (), lambda a: f"files/{a.filename}")
    fragment = render_fragment(course, course.unit("n2"), links)
    assert fragment.startswith('<p class="kw-summary">')
    assert placed.nugget.summary in fragment and 'src="files/persona.png"' in fragment
