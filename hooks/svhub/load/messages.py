"""Messages for editors, in the compiler-style form `path:line:col: error: …`."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple, Protocol

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _code(point: int) -> str:
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def escape(text: str) -> str:
    """A value or path printed as data, never as a command: newlines as \\n, other C0
    and C1 control characters as \\xNN, so a contributed value cannot start a line of
    its own (a GitHub workflow command) or send escape sequences to a terminal."""
    return _CONTROL.sub(lambda m: _NAMED.get(m[0]) or _code(ord(m[0])), str(text))


def _property(text: str) -> str:
    """A GitHub annotation property value, escaped as the workflow-command syntax needs."""
    return escape(text).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")


class Position(NamedTuple):
    """A place in a file as an editor counts it: lines and columns from 1."""

    line: int
    col: int

    @classmethod
    def of(cls, text: str, offset: int, first_line: int = 1) -> Position:
        """Where character `offset` of `text` is, when `text` starts on line `first_line`."""
        before = text[:offset]
        return cls(first_line + before.count("\n"), offset - (before.rfind("\n") + 1) + 1)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: Severity
    message: str
    hint: str = ""

    def format(self) -> str:
        text = f"{escape(self.path)}:{self.line}:{self.col}: {self.severity.value}: {escape(self.message)}"
        if self.hint:
            text += f"\n    hint: {escape(self.hint)}"
        return text

    def github_annotation(self) -> str:
        """A workflow command, so the problem shows on the pull request's diff."""
        message = escape(self.message + (f" (hint: {self.hint})" if self.hint else "")).replace("%", "%25")
        return f"::{self.severity.value} file={_property(self.path)},line={self.line},col={self.col}::{message}"


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def did_you_mean(word: str, choices: Iterable[str], meanings: Mapping[str, str] | None = None) -> str:
    """A 'did you mean …?' suffix, or nothing when no choice is close.

    A word with the same meaning as a choice ('completed' for 'delivered', from the
    vocabulary's synonyms in `meanings`) is matched first; then a shortened value
    ('yorkshire') is close to the choices it starts, however long they are: all of
    them are offered when there are a few; then the nearest spelling."""
    word, choices = str(word), [str(choice) for choice in choices]
    meant = (meanings or {}).get(" ".join(word.lower().replace("-", " ").split()))
    starting = [choice for choice in choices if word and choice.startswith(word)]
    if meant:
        match = [meant]
    else:
        match = starting if 1 <= len(starting) <= 3 else difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not match:
        return ""
    *rest, last = (f"'{choice}'" for choice in match)
    return f" (did you mean {', '.join(rest) + ' or ' if rest else ''}{last}?)"


class UserError(Exception):
    """Bad input from a person: reported as diagnostics, never as a traceback."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("\n".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics


def field_name(path: tuple) -> str:
    """A front-matter path as an editor writes it: ('outcomes', 0, 'theme') is 'outcomes[0].theme'."""
    return ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")


class Located(Protocol):
    """A parsed file that knows where its values are (load.frontmatter.Document):
    a protocol, so that messages depend on no parser."""

    def where(self, path: tuple, *, key: bool = False) -> Position: ...


class Report:
    """Collects every problem in one file, so an editor fixes them in one go."""

    def __init__(self, path: str, doc: Located | None = None):
        self.path = path
        self.doc = doc
        self.items: list[Diagnostic] = []

    def add(self, position: Position, message: str, hint: str = "", severity: Severity = Severity.ERROR) -> None:
        self.items.append(Diagnostic(self.path, position.line, position.col, severity, message, hint))

    def at(self, path: tuple, message: str, hint: str = "", *, key: bool = False,
           severity: Severity = Severity.ERROR) -> None:
        """A problem with the value (or key) at `path`, or at the file's start if it has no positions."""
        self.add(self.doc.where(path, key=key) if self.doc else Position(1, 1), message, hint, severity)
