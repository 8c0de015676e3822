"""Split a case-study file into YAML front matter and Markdown, keeping positions.

Every node's line and column are kept so that a problem found later, by the
schema or by a cross-field rule, is reported where the editor must fix it.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .messages import Position

MAX_BYTES = 1_000_000
BOM = "\ufeff"

Path_ = tuple[str | int, ...]


class FrontMatterError(Exception):
    def __init__(self, message: str, position: Position, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.position = position
        self.hint = hint


@dataclass
class Document:
    data: Any  # a mapping for front matter; a data file may be a list
    body: str
    body_line: int
    positions: dict[Path_, Position] = field(default_factory=dict)
    key_positions: dict[Path_, Position] = field(default_factory=dict)

    def where(self, path: Path_, *, key: bool = False) -> Position:
        """The position of a value (or its key), or of its nearest known parent."""
        table = self.key_positions if key else self.positions
        for end in range(len(path), -1, -1):
            found = table.get(path[:end]) or self.positions.get(path[:end])
            if found:
                return found
        return Position(1, 1)


class _Loader(yaml.SafeLoader):
    """Safe YAML without implicit timestamps: dates are checked by the loader,
    so an impossible date is reported at its line instead of crashing PyYAML."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

if yaml.__with_libyaml__:
    class _FastLoader(yaml.cyaml.CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """The same rules through libyaml, about ten times faster: a library of
        10,000 case studies is mostly YAML. Any problem is re-parsed by _Loader,
        so messages and positions never depend on which parser ran."""

        def __init__(self, stream: str):
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _LOADERS: tuple[type, ...] = (_FastLoader, _Loader)
else:  # pragma: no cover - PyYAML without libyaml
    _LOADERS = (_Loader,)


def _too_big(size: int) -> FrontMatterError:
    return FrontMatterError(f"the file is {size:,} bytes; the limit is {MAX_BYTES:,}", Position(1, 1),
                            "keep the narrative short and link to long documents instead")


def read(file: Path, limit: int = MAX_BYTES) -> bytes:
    """A contributed file's bytes, checked before it is opened: a regular file, never
    a symbolic link (to a file outside the repository, or to /dev/zero) or a device,
    and never more than limit + 1 bytes read, whatever it claims."""
    try:
        info = os.lstat(file)
        if stat.S_ISLNK(info.st_mode):
            raise FrontMatterError("the file is a symbolic link, not a case study", Position(1, 1),
                                   "commit the file itself in casestudies/, not a link to a file elsewhere")
        if not stat.S_ISREG(info.st_mode):
            raise FrontMatterError("this is not a regular file", Position(1, 1), "give the path of a .md file")
        if info.st_size > limit:
            raise _too_big(info.st_size)
        descriptor = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise FrontMatterError(f"cannot read the file: {exc.strerror}", Position(1, 1),
                               "check that it exists") from None


def decode(raw: bytes) -> str:
    if not raw:
        raise FrontMatterError("the file is empty", Position(1, 1), "start with '---', the front matter, then '---'")
    if len(raw) > MAX_BYTES:
        raise _too_big(len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", errors="replace")
        raise FrontMatterError(
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            Position.of(before, len(before)),
            "save the file as UTF-8 in your editor",
        ) from None
    return text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> tuple[str, str, int]:
    """Return (front matter, body, line where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise FrontMatterError(
            "the file does not start with front matter",
            Position(1, 1),
            "the first line must be '---', followed by the YAML fields and a closing '---'",
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise FrontMatterError(
        "the front matter is never closed",
        Position(1, 1),
        "add a line with just '---' after the last YAML field",
    )


def _check_tabs(front: str) -> None:
    for number, line in enumerate(front.split("\n"), start=2):
        if "\t" in line:
            raise FrontMatterError(
                "a tab character in the front matter",
                Position(number, line.index("\t") + 1),
                "YAML needs spaces for indentation; replace the tab with spaces",
            )


MAX_DEPTH = 10  # a case study nests four deep (organisation_changes[0].sources[0].url)
MAX_NUMBER = 40  # characters: longer numbers are mistakes, and slow or fatal to convert
MAX_ITEMS = 100  # in one list: checking that a list's items differ takes the square of its length
_NUMBERISH = re.compile(r"[-+]?(?:0[xob])?[0-9][0-9a-fA-F_.:eE+-]*")


def _check_events(front: str, loader: type = _Loader, max_items: int | None = MAX_ITEMS) -> None:
    """Refused before anything is built: aliases (never needed, and they let a tiny
    file expand into a huge one), nesting deeper than a case study's (it would
    exhaust the parser's stack), numbers too long to be figures and, in front
    matter, lists longer than a case study needs (checking them is quadratic)."""
    depth = 0
    items: list[list[int]] = []  # for each open collection: values so far, and the most it may hold
    for event in yaml.parse(front, Loader=loader):
        mark = event.start_mark
        if items and isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent, yaml.AliasEvent)):
            items[-1][0] += 1
            if max_items is not None and items[-1][0] > items[-1][1]:
                raise FrontMatterError(f"a list or set of fields with more than {MAX_ITEMS} entries",
                                       Position(mark.line + 2, mark.column + 1),
                                       "a case study needs far fewer; check for a value pasted many times")
        if isinstance(event, yaml.AliasEvent):
            raise FrontMatterError(
                f"YAML alias '*{event.anchor}' is not allowed",
                Position(mark.line + 2, mark.column + 1),
                "write the value out in full instead of using anchors and aliases",
            )
        if isinstance(event, yaml.CollectionStartEvent):  # a mapping's keys count as values
            items.append([0, (max_items or 0) * (1 if isinstance(event, yaml.SequenceStartEvent) else 2)])
            depth += 1
            if depth > MAX_DEPTH:
                raise FrontMatterError(f"the front matter nests more than {MAX_DEPTH} levels deep",
                                       Position(mark.line + 2, mark.column + 1),
                                       "a case study's fields nest at most four levels; check the brackets")
        elif isinstance(event, yaml.CollectionEndEvent):
            items.pop()
            depth -= 1
        elif (isinstance(event, yaml.ScalarEvent) and not event.style and len(event.value) > MAX_NUMBER
              and _NUMBERISH.fullmatch(event.value)):
            raise FrontMatterError(f"a number {len(event.value):,} characters long",
                                   Position(mark.line + 2, mark.column + 1),
                                   f"a figure has at most {MAX_NUMBER} digits; put text in quotes")


def _mark(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 2, node.start_mark.column + 1)


def _walk(node: yaml.Node, path: Path_, doc: Document) -> None:
    doc.positions[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise FrontMatterError(
                    f"the key '{key}' appears twice", _mark(key_node), "keep one of them"
                )
            seen.add(key)
            doc.key_positions[path + (key,)] = _mark(key_node)
            _walk(value_node, path + (key,), doc)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), doc)


def _compose(front: str, loader_class: type, max_items: int | None) -> tuple[yaml.Node | None, Any]:
    _check_events(front, loader_class, max_items)
    loader = loader_class(front)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _load(front: str, max_items: int | None) -> tuple[yaml.Node | None, Any]:
    for loader_class in _LOADERS[:-1]:
        try:
            return _compose(front, loader_class, max_items)
        except (yaml.YAMLError, FrontMatterError):
            pass  # the pure-Python loader below reports it, with its wording
    return _compose(front, _LOADERS[-1], max_items)


def _yaml(front: str, max_items: int | None = MAX_ITEMS) -> tuple[yaml.Node | None, Any]:
    _check_tabs(front)
    try:
        return _load(front, max_items)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        tag = re.search(r"tag '([^']+)'", exc.problem or "")
        raise FrontMatterError(
            f"the YAML tag '{tag.group(1) if tag else '?'}' is not allowed",
            Position(mark.line + 2, mark.column + 1) if mark else Position(2, 1),
            "remove the tag: case studies hold only text, numbers, lists and fields",
        ) from None
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote or bracket is best shown where it was opened.
        opened = exc.context and exc.context.startswith("while scanning") and exc.context_mark
        mark = exc.context_mark if opened else (exc.problem_mark or exc.context_mark)
        position = Position(mark.line + 2, mark.column + 1) if mark else Position(2, 1)
        problem = f"{exc.context}, {exc.problem}" if opened else (exc.problem or exc.context or "invalid YAML")
        raise FrontMatterError(
            f"YAML syntax error: {problem}",
            position,
            "check indentation and quoting; values containing ': ' or starting with a symbol need quotes",
        ) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"YAML error: {exc}", Position(2, 1)) from None


def parse(raw: bytes) -> Document:
    text = decode(raw)
    front, body, body_line = split(text)
    node, data = _yaml(front)
    if not isinstance(data, dict):
        raise FrontMatterError(
            "the front matter must be a set of 'key: value' fields",
            Position(2, 1) if node is None else _mark(node),
            "see casestudies/wakefield-school-milk.md for the shape",
        )
    doc = Document(data=data, body=body, body_line=body_line)
    _walk(node, (), doc)
    return doc


def parse_data(raw: bytes) -> Document:
    """A whole YAML data file (content/_data/*.yml), by the same rules and
    with the same positions as front matter, counted from the file's line 1."""
    try:
        node, data = _yaml(decode(raw), max_items=None)
    except FrontMatterError as exc:
        raise FrontMatterError(exc.message, Position(max(1, exc.position.line - 1), exc.position.col),
                               exc.hint) from None
    doc = Document(data=data, body="", body_line=1)
    if node is not None:
        _walk(node, (), doc)
    doc.positions = {k: Position(p.line - 1, p.col) for k, p in doc.positions.items()}
    doc.key_positions = {k: Position(p.line - 1, p.col) for k, p in doc.key_positions.items()}
    return doc
