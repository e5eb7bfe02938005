"""Rich text is cleaned against a list of XSS payloads: the output, parsed as a browser
would, holds only allowed tags, no event handlers, no styles and no script URLs."""

from __future__ import annotations

import html
import re

import pytest
from lxml import html as lxml_html

from designer.core.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, clean_html

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<img src=x OnErRoR=alert(1)>",
    '<p onmouseover="alert(1)">hover</p>',
    '<body onload="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<img src="javascript:alert(1)">',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>"
    "</mglyph></table></mtext></math>",
    '<math href="javascript:alert(1)">x</math>',
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div style="width: expression(alert(1))">x</div>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<input autofocus onfocus="alert(1)">',
    '<details open ontoggle="alert(1)">',
    '<base href="javascript:/">',
    "<!--<img src=x onerror=alert(1)>-->",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<a href="https://ok.example" target="_blank" onclick="alert(1)">ok</a>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<img src="https://ok.example/a.png" srcset="javascript:alert(1) 1x">',
]

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "xlink:href", "srcset"}


def _scheme(url: str) -> str | None:
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else None


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_defused(payload):
    cleaned = clean_html(payload)
    if not cleaned:
        return
    fragment = lxml_html.fragment_fromstring(cleaned, create_parent="div")
    for element in fragment.iterdescendants():
        assert element.tag in ALLOWED_TAGS, (payload, cleaned)
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (payload, cleaned)
            assert name != "style", (payload, cleaned)
            allowed = ALLOWED_ATTRIBUTES.get(element.tag, set()) | {"rel"}
            assert name in allowed, (payload, cleaned)
            if name in URL_ATTRIBUTES:
                assert _scheme(value) in URL_SCHEMES | {None}, (payload, cleaned)


def test_escaped_script_text_stays_text():
    cleaned = clean_html("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert "<script" not in cleaned
    assert "&lt;script&gt;" in cleaned


def test_harmless_markup_survives():
    source = '<p>Ein <strong>Text</strong> mit <a href="https://kurswerk.example">Link</a></p>'
    cleaned = clean_html(source)
    assert "<strong>Text</strong>" in cleaned
    assert 'href="https://kurswerk.example"' in cleaned
    assert 'rel="noopener noreferrer"' in cleaned


def test_nugget_content_is_cleaned_through_the_api(call, workspace):
    response = call(
        "POST",
        f"/workspaces/{workspace.slug}/nuggets",
        json={"title": "XSS", "content_html": '<img src=x onerror="alert(1)"><script>x</script>'},
    )
    assert response.status_code == 201
    assert "onerror" not in response.json["content_html"]
    assert "<script" not in response.json["content_html"]


def test_what_the_rich_text_editor_produces_survives():
    """Quill's semantic HTML (headings, lists, links, tables, images with alt text from the
    nugget's files) passes the sanitiser unchanged apart from the editor's own attributes."""
    from designer.core.sanitize import clean_html

    editor = (
        "<h2>Ziel</h2><h3>Teil</h3><p><strong>Fett</strong> und <em>kursiv</em> mit "
        '<a href="https://example.org" target="_blank">Link</a></p>'
        "<ul><li>eins</li></ul><ol><li>zwei</li></ol>"
        '<table><tbody><tr><td data-row="row-abc">A1</td></tr></tbody></table>'
        '<p><img src="modell.png" alt="Vier Stufen"></p>'
    )
    assert clean_html(editor) == (
        "<h2>Ziel</h2><h3>Teil</h3><p><strong>Fett</strong> und <em>kursiv</em> mit "
        '<a href="https://example.org" rel="noopener noreferrer">Link</a></p>'
        "<ul><li>eins</li></ul><ol><li>zwei</li></ol>"
        "<table><tbody><tr><td>A1</td></tr></tbody></table>"
        '<p><img src="modell.png" alt="Vier Stufen"></p>'
    )
