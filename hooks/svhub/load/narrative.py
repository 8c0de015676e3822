"""Rules for the Markdown narrative of a case study, which comes from outside
contributors and is therefore untrusted.

Unsafe constructs are refused with a message at their line; any other raw HTML
that slips through is cleaned against an allow-list when the page is built.
"""

from __future__ import annotations

import html
import re

import nh3

from .characters import direction_controls
from .messages import Diagnostic, Position, Severity

# The sections a narrative should have, each with what it asks of the writer
# (the scaffold writes the question into a new file as a comment).
RECOMMENDED_SECTIONS: tuple[tuple[str, str], ...] = (
    ("The challenge", "What problem or need did the commissioner face?"),
    ("What the commissioner did", "How was social value asked for, weighted and managed? Name the stages."),
    ("Social value delivered", "What came of it? Say whose figures they are; mark self-reported ones."),
    ("Lessons for commissioners", "What could another commissioner reuse? Include what did not work."),
)

_UNSAFE_TAG = re.compile(r"<\s*(script|iframe|frame|object|embed|style|form|base|meta|link)\b", re.I)
# In a raw HTML tag, or in an attr_list block such as `{ onclick=... }`; `<svg/onload=` counts too.
_EVENT_ATTRIBUTE = re.compile(r"(?:<[^>]*|\{[^}\n]*)(?<![\w-])on[a-z]+\s*=", re.I | re.S)
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|(?:href|src)\s*=\s*[\"']?\s*([^\"'\s>}]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$",
                          re.I | re.M)
# An image loaded from another website tells that website who reads the page.
_REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?\s*(?:[a-z]+:)?//|<img\b[^>]*\ssrc\s*=\s*[\"']?\s*(?:[a-z]+:)?//",
                           re.I | re.S)
# Ids that the page's own templates and the theme's scripts rely on.
RESERVED_ID_PREFIXES = ("_", "hub-", "cs-", "md-")
RESERVED_CLASS_PREFIXES = ("hub-", "md-")
_EXPLICIT_ID = re.compile(r"\{[^}\n]*?(?:#|\bid\s*=\s*[\"']?)([\w-]+)|<[^>]*\sid\s*=\s*[\"']?\s*([\w-]+)", re.I | re.S)
_SAFE_SCHEME = re.compile(r"^(https?:|mailto:|#|/|\.|[^:]*$)", re.I)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
}


def unsafe_constructs(body: str) -> list[tuple[int, str, str]]:
    """(offset, message, hint) for everything in the narrative refused outright."""
    found: list[tuple[int, str, str]] = []
    for match in _UNSAFE_TAG.finditer(body):
        found.append((match.start(), f"raw <{match.group(1).lower()}> is not allowed in the narrative",
                      "write plain Markdown; embedded scripts, frames, styles and forms are refused for safety"))
    for match in _EVENT_ATTRIBUTE.finditer(body):
        found.append((match.start(), "an HTML event attribute (on...=) is not allowed in the narrative",
                      "remove the attribute; scripts in content are refused for safety"))
    for match in _LINK_TARGET.finditer(body):
        target = next(g for g in match.groups() if g is not None)
        cleaned = re.sub(r"[\s\x00-\x1f]", "", html.unescape(target))  # browsers decode 'javascript&colon;'
        if not _SAFE_SCHEME.match(cleaned):
            scheme = cleaned.split(":", 1)[0].lower()
            found.append((match.start(), f"a link or image uses the unsafe scheme '{scheme}:'",
                          "links must be http://, https://, mailto: or a path on this site"))
    for match in _REMOTE_IMAGE.finditer(body):
        found.append((match.start(), "an image from another website is not allowed in the narrative",
                      "loading it would tell that website who reads the page; link to the image instead"))
    for match in _EXPLICIT_ID.finditer(body):
        name = next(g for g in match.groups() if g is not None)
        if name.lower().startswith(RESERVED_ID_PREFIXES):
            found.append((match.start(), f"the id '{name}' is reserved for the page's own parts",
                          "remove it, or choose an id that does not start with "
                          + ", ".join(f"'{p}'" for p in RESERVED_ID_PREFIXES)))
    for offset, what in direction_controls(body):
        found.append((offset, what, "retype the text without it"))
    return sorted(found)


def check_narrative(path: str, body: str, body_line: int) -> list[Diagnostic]:
    diagnostics = [
        Diagnostic(path, *Position.of(body, offset, body_line), Severity.ERROR, message, hint)
        for offset, message, hint in unsafe_constructs(body)
    ]
    headings = [(m.start(), len(m.group(1)), m.group(2)) for m in _HEADING.finditer(_without_code(body))]
    for offset, level, text in headings:
        anchor = _anchor(text)
        if anchor.startswith(RESERVED_ID_PREFIXES) and "{" not in text:
            diagnostics.append(Diagnostic(
                path, *Position.of(body, offset, body_line), Severity.ERROR,
                f"the heading '{text}' would get the id '{anchor}', which is reserved for the page's own parts",
                "reword the heading"))
        if level == 1:
            diagnostics.append(Diagnostic(
                path, *Position.of(body, offset, body_line), Severity.ERROR,
                f"top-level heading '# {text}' in the narrative",
                "the title is the page's only top-level heading; use '## ' for sections"))
    present = {text for _, level, text in headings if level == 2}
    for section, _question in RECOMMENDED_SECTIONS:
        if section not in present:
            diagnostics.append(Diagnostic(
                path, body_line, 1, Severity.WARNING,
                f"recommended section '## {section}' is missing",
                "the four recommended sections are: " + "; ".join(title for title, _ in RECOMMENDED_SECTIONS)))
    return diagnostics


def _anchor(text: str) -> str:
    """The id the Markdown engine gives a heading, near enough to spot a reserved one."""
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", text.lower())).strip("-")


def _without_code(body: str) -> str:
    """Blank out fenced code so that '#' lines inside it are not read as headings."""
    return re.sub(r"^```.*?^```", lambda m: re.sub(r"[^\n]", " ", m.group()), body, flags=re.M | re.S)


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Drop what the allow-list alone lets through: ids and classes that would
    clash with the page's own (Material's scripts find parts by id), and
    images that would be fetched from another website."""
    if attribute == "id" and value.lower().startswith(RESERVED_ID_PREFIXES):
        return None
    if attribute == "class":
        kept = [name for name in value.split() if not name.lower().startswith(RESERVED_CLASS_PREFIXES)]
        return " ".join(kept) or None
    if tag == "img" and attribute == "src" and re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", value, re.I):
        return None
    return value


def sanitise_html(html: str) -> str:
    """Last line of defence for narrative HTML built by the site engine."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )
