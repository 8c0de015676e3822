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

# Every pattern below runs over contributed text, so none may backtrack: each either
# matches what it scanned or fails within a bounded distance, and the spans scanned
# from different starts never overlap (tests/test_hostile_inputs.py feeds each
# 100,000 hostile characters). Possessive quantifiers (*+, ++) give up nothing.
_UNSAFE_TAG = re.compile(r"<\s*+(script|iframe|frame|object|embed|style|form|base|meta|link)\b", re.I)
# A raw HTML tag up to the next < or >, and an attr_list block such as `{ onclick=... }`.
_TAG = re.compile(r"<[^<>]*+")
_ATTR_LIST = re.compile(r"\{[^{}\n]*+")
_EVENT_ATTRIBUTE = re.compile(r"(?<![\w-])on[a-z]++\s*+=", re.I)  # `<svg/onload=` counts too
_TAG_URL = re.compile(r"(?<![\w-])(?:href|src)\s*+=\s*+(?:\"([^\"]*+)|'([^']*+)|([^\s\"'>]*+))", re.I)
_IMG_TAG = re.compile(r"<\s*+img\b", re.I)
_TAG_ID = re.compile(r"(?<![\w-])id\s*+=\s*+[\"']?\s*+([\w-]++)", re.I)
_ATTR_ID = re.compile(r"(?:#|(?<![\w-])id\s*+=\s*+[\"']?)([\w-]++)", re.I)
# A Markdown link's destination after `](`, and a reference definition `[x]: url`.
_DESTINATION = re.compile(r"[ \t]*+<?([^()\[\]<> \n]*+)")
_REFERENCE = re.compile(r"^[ \t]*+\[[^\]\n]++\]:[ \t]*+<?([^\s>]*+)", re.M)
_BRACKET = re.compile(r"\\*+[\[\]]")
_DIRECTIVE = re.compile(r"\[\[\s*+hub:", re.I)
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*+):", re.I)
_SAFE_SCHEMES = {"http", "https", "mailto"}
_HEADING = re.compile(r"^(#{1,6})[ \t]++([^\n]*+)", re.M)
_URL_TRIM = "".join(map(chr, range(0x21)))  # C0 controls and space, trimmed from both ends
_URL_DROPPED = re.compile(r"[\t\n\r]")
# Markdown links nest brackets; past this depth Python-Markdown's work grows with the square.
MAX_BRACKET_DEPTH = 8
# Ids that the page's own templates and the theme's scripts rely on.
RESERVED_ID_PREFIXES = ("_", "hub-", "cs-", "md-")
RESERVED_CLASS_PREFIXES = ("hub-", "md-")
# An element's id is also a global name in the page (window.<id>) unless the browser
# defines that name itself: these are the globals the hub's and the theme's scripts
# read (the finder's namespace, the search's lunr, and the names a UMD bundle tests).
RESERVED_GLOBAL_IDS = frozenset({"hubfinder", "lunr", "module", "exports", "define", "require"})


def browser_url(raw: str) -> str:
    """A URL as a browser reads it before fetching: entities decoded, controls and spaces
    trimmed from the ends, tabs and newlines dropped, backslashes read as slashes."""
    return _URL_DROPPED.sub("", html.unescape(raw).strip(_URL_TRIM)).replace("\\", "/")


def url_scheme(raw: str) -> str | None:
    """The scheme a browser would use ('javascript' for 'JaVa\tScRiPt&colon;'), or None."""
    match = _SCHEME.match(browser_url(raw))
    return match.group(1).lower() if match else None


def same_site(raw: str) -> bool:
    """A path on this site: no scheme and not protocol-relative ('//host', '\\\\host')."""
    url = browser_url(raw)
    return url_scheme(url) is None and not url.startswith("//")


def reserved_id(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith(RESERVED_ID_PREFIXES) or lowered in RESERVED_GLOBAL_IDS


def _markdown_links(body: str) -> tuple[list[tuple[int, int | None, str]], int | None]:
    """Each Markdown link or image destination as (offset of its '](', offset of an
    image's '![' or None, destination), and
    the offset where brackets first nest deeper than MAX_BRACKET_DEPTH, in one pass."""
    links: list[tuple[int, int | None, str]] = []
    openers: list[int] = []
    too_deep = None
    for match in _BRACKET.finditer(body):
        if len(match.group()) % 2 == 0:  # an escaped bracket, \[ or \]
            continue
        at = match.end() - 1
        if body[at] == "[":
            openers.append(at)
            if len(openers) > MAX_BRACKET_DEPTH and too_deep is None:
                too_deep = openers[0]
        elif openers:
            opener = openers.pop()
            if body.startswith("(", at + 1):
                destination = _DESTINATION.match(body, at + 2).group(1)
                image = opener - 1 if opener > 0 and body[opener - 1] == "!" else None
                links.append((at, image, destination))
    return links, too_deep


# What Python-Markdown's work grows with faster than the text (measured: 500 unclosed
# '[a](' in one paragraph take over a second, 1,000 definition lines exhaust its stack).
# Each limit is far beyond what a case study uses: its largest paragraph is under 2,000
# characters, and none has a code fence, an abbreviation or a definition list.
MAX_BLOCK = 10_000  # characters in a paragraph (lines with no blank line between them)
MAX_UNCLOSED = 10  # link addresses '](' without their ')' in one paragraph
MAX_OPEN_TAGS = 50  # '<' without '>' in one paragraph
MAX_LINE_KINDS = 100  # code fences, abbreviation and definition lines in the narrative
MAX_QUOTE_DEPTH = 10
_BLOCK = re.compile(r"[^\n]++(?:\n[ \t]*+[^\s][^\n]*+)*+")
_LINE_KINDS = {
    "code fence lines": re.compile(r"^[ \t]*+(?:```|~~~)", re.M),
    "abbreviation definitions": re.compile(r"^[ \t]*+\*\[", re.M),
    "definition-list lines": re.compile(r"^[ \t]*+:", re.M),
}
_DEEP_QUOTE = re.compile(rf"^(?:[ \t]*+>){{{MAX_QUOTE_DEPTH + 1}}}", re.M)


def markdown_limits(body: str) -> list[tuple[int, str, str]]:
    """(offset, message, hint) for what would make the site engine's Markdown slow or
    crash, refused before the build sees it: each check here is linear."""
    found: list[tuple[int, str, str]] = []
    for block in _BLOCK.finditer(body):
        text = block.group()
        if len(text) > MAX_BLOCK:
            found.append((block.start(), f"a paragraph of {len(text):,} characters; the limit is {MAX_BLOCK:,}",
                          "break it into shorter paragraphs with blank lines"))
        if text.count("](") - text.count(")") > MAX_UNCLOSED:
            found.append((block.start(), "this paragraph has many link addresses '](' that are never closed with ')'",
                          "close each link: [text](address)"))
        if text.count("<") - text.count(">") > MAX_OPEN_TAGS:
            found.append((block.start(), "this paragraph has many '<' that are never closed with '>'",
                          "write '&lt;' for a '<' that is not the start of an HTML tag"))
    for kind, pattern in _LINE_KINDS.items():
        for number, match in enumerate(pattern.finditer(body), start=1):
            if number > MAX_LINE_KINDS:
                found.append((match.start(), f"more than {MAX_LINE_KINDS} {kind} in the narrative",
                              "a case study is prose: use fewer"))
                break
    deep = _DEEP_QUOTE.search(body)
    if deep:
        found.append((deep.start(), f"quotations nested more than {MAX_QUOTE_DEPTH} deep",
                      "use fewer '>' at the start of the line"))
    return found


def markdown_destinations(body: str) -> list[tuple[int, str]]:
    """Every Markdown link's and image's destination, and every reference definition's,
    with its offset: the links the site engine resolves (raw HTML it leaves alone)."""
    links, _too_deep = _markdown_links(body)
    return sorted([(offset, url) for offset, _image, url in links]
                  + [(m.start(), m.group(1)) for m in _REFERENCE.finditer(body)])


def unsafe_constructs(body: str) -> list[tuple[int, str, str]]:
    """(offset, message, hint) for everything in the narrative refused outright."""
    found = markdown_limits(body)
    links, too_deep = _markdown_links(body)
    if too_deep is not None:
        found.append((too_deep, f"square brackets nest more than {MAX_BRACKET_DEPTH} deep",
                      "close each '[' with ']'; a link's text needs one pair"))
    for match in _UNSAFE_TAG.finditer(body):
        found.append((match.start(), f"raw <{match.group(1).lower()}> is not allowed in the narrative",
                      "write plain Markdown; embedded scripts, frames, styles and forms are refused for safety"))
    for match in _DIRECTIVE.finditer(body):
        found.append((match.start(), "hub directives ([[hub:…]]) are for the hub's own pages, not case studies",
                      "remove it; write the text, or link to the guidance page that shows it"))
    targets = list(links)  # (offset, offset of the image or None, URL)
    targets += [(m.start(), None, m.group(1)) for m in _REFERENCE.finditer(body)]
    for tag in _TAG.finditer(body):
        text = tag.group()
        if _EVENT_ATTRIBUTE.search(text):
            found.append((tag.start(), "an HTML event attribute (on...=) is not allowed in the narrative",
                          "remove the attribute; scripts in content are refused for safety"))
        targets += _attribute_urls(text, tag.start(), image=bool(_IMG_TAG.match(text)))
        for name in _TAG_ID.finditer(text):
            found += _reserved_id(tag.start(), name.group(1))
    for block in _ATTR_LIST.finditer(body):
        if _EVENT_ATTRIBUTE.search(block.group()):
            found.append((block.start(), "an HTML event attribute (on...=) is not allowed in the narrative",
                          "remove the attribute; scripts in content are refused for safety"))
        targets += _attribute_urls(block.group(), block.start(), image=False)
        for name in _ATTR_ID.finditer(block.group()):
            found += _reserved_id(block.start(), name.group(1))
    for offset, image, target in targets:
        scheme = url_scheme(target)
        if scheme is not None and scheme not in _SAFE_SCHEMES:
            found.append((offset, f"a link or image uses the unsafe scheme '{scheme}:'",
                          "links must be http://, https://, mailto: or a path on this site"))
        elif image is not None and not same_site(target):
            found.append((image, "an image from another website is not allowed in the narrative",
                          "loading it would tell that website who reads the page; link to the image instead"))
    for offset, what in direction_controls(body):
        found.append((offset, what, "retype the text without it"))
    return sorted(found)


def _attribute_urls(text: str, start: int, image: bool) -> list[tuple[int, int | None, str]]:
    """The href and src values in a tag or attr_list block that starts at `start`."""
    return [(start + url.start(), start if image and url.group()[:1].lower() == "s" else None,
             next(g for g in url.groups() if g is not None)) for url in _TAG_URL.finditer(text)]


def _reserved_id(offset: int, name: str) -> list[tuple[int, str, str]]:
    if name.lower() in RESERVED_GLOBAL_IDS:
        return [(offset, f"the id '{name}' would replace a global name the page's scripts use",
                 "choose another id; an element's id is also a name in the page's JavaScript")]
    if not reserved_id(name):
        return []
    return [(offset, f"the id '{name}' is reserved for the page's own parts",
             "remove it, or choose an id that does not start with "
             + ", ".join(f"'{p}'" for p in RESERVED_ID_PREFIXES))]


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


def check_narrative(path: str, body: str, body_line: int) -> list[Diagnostic]:
    diagnostics = [
        Diagnostic(path, *Position.of(body, offset, body_line), Severity.ERROR, message, hint)
        for offset, message, hint in unsafe_constructs(body)
    ]
    headings = [(m.start(), len(m.group(1)), m.group(2).rstrip().rstrip("#").rstrip())
                for m in _HEADING.finditer(_without_code(body))]
    for offset, level, text in headings:
        anchor = _anchor(text)
        if reserved_id(anchor) and "{" not in text:
            diagnostics.append(Diagnostic(
                path, *Position.of(body, offset, body_line), Severity.ERROR,
                f"the heading '{text}' would get the id '{anchor}', which is reserved for the page's own parts",
                "reword the heading"))
        if level == 1:
            diagnostics.append(Diagnostic(
                path, *Position.of(body, offset, body_line), Severity.ERROR,
                f"top-level heading '# {text}' in the narrative",
                "the title is the page's only top-level heading; use '## ' for sections"))
    diagnostics += _sections_without_prose(path, body, body_line, headings)
    present = {text for _, level, text in headings if level == 2}
    for section, _question in RECOMMENDED_SECTIONS:
        if section not in present:
            diagnostics.append(Diagnostic(
                path, body_line, 1, Severity.WARNING,
                f"recommended section '## {section}' is missing",
                "the four recommended sections are: " + "; ".join(title for title, _ in RECOMMENDED_SECTIONS)))
    return diagnostics


NO_PROSE = "has no text yet"  # the scaffold's new file is expected to say this until the story is written


def _prose(text: str) -> str:
    """What a reader would read: the text without HTML comments or heading lines."""
    kept, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        kept.append(text[at:start])
        end = text.find("-->", start + 4)
        at = len(text) if end < 0 else end + 3
    kept.append(text[at:])
    return "".join(line for line in "".join(kept).split("\n") if not _HEADING.match(line)).strip()


def _sections_without_prose(path: str, body: str, body_line: int,
                            headings: list[tuple[int, int, str]]) -> list[Diagnostic]:
    """Each '## ' section holding only comments or headings (the scaffold's prompts, not
    yet answered), at its heading's line; or the whole narrative, when it has no text."""
    sections = [(offset, text) for offset, level, text in headings if level == 2]
    if not sections and not _prose(body):
        return [Diagnostic(path, body_line, 1, Severity.ERROR, f"the story {NO_PROSE}: it holds only "
                           "comments or headings", "write the story under each heading, replacing the comments")]
    found = []
    ends = [offset for offset, level, _ in headings if level <= 2]
    for offset, text in sections:
        end = next((e for e in ends if e > offset), len(body))
        if not _prose(body[offset:end]):
            found.append(Diagnostic(path, *Position.of(body, offset, body_line), Severity.ERROR,
                                    f"the section '## {text}' {NO_PROSE}: it holds only comments or headings",
                                    "write it, or remove the heading if there is nothing to say"))
    return found


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
    if attribute == "id" and reserved_id(value):
        return None
    if attribute == "class":
        kept = [name for name in value.split() if not name.lower().startswith(RESERVED_CLASS_PREFIXES)]
        return " ".join(kept) or None
    if tag == "img" and attribute == "src" and not same_site(value):
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
