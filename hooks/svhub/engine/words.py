"""What a query's words name, and where they are in a text: the facet values a
reader's words name (offered as filters), and the snippet a result shows
around the words it matched.

The browser's engine does the same (engine/words.js), reading the names from
the facet table the build writes; tests/js/words.test.js checks that both give
the same answers.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import stemmer
from .index import _JS_LEADING, _JS_TRAILING, JS_WHITESPACE, positive

# What splits a text into words: lunr's separators, whitespace and the hyphen.
_SPLIT = re.compile(f"([{JS_WHITESPACE}\\-]+)")
_WORD = re.compile(f"[^{JS_WHITESPACE}\\-]+")
_POSSESSIVE = re.compile("['\u2019][sS]$")
SNIPPET_WORDS = 24  # words a snippet shows
SNIPPET_LEAD = 4    # words shown before the first matched one


def word_stem(word: str) -> str:
    """A word of text as the index holds it ("" for a word of punctuation)."""
    word = _JS_TRAILING.sub("", _JS_LEADING.sub("", word.lower()))
    return stemmer.stem(word) if word else ""


@dataclass(frozen=True)
class Named:
    """A facet value a query names, and the words of the query that name it."""

    param: str
    id: str
    phrase: str


def _words(text: str) -> list[tuple[str, int, int]]:
    """Each word's stem, without a possessive 's, with where it starts and ends in
    `text` ("the council's" names a council); punctuation alone is left out."""
    return [(stem, m.start(), m.end()) for m in _WORD.finditer(text)
            if (stem := word_stem(_POSSESSIVE.sub("", m.group())))]


def names_of(facets: Iterable[Mapping[str, Any]]) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    """Every name of every value that has names (its label and synonyms), as
    stems, with the (param, id) of the values it names."""
    found: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for facet in facets:
        for value in facet["values"]:
            for name in value.get("names", ()):
                key = tuple(stem for stem, _start, _end in _words(name))
                if key and (facet["param"], value["id"]) not in found.setdefault(key, []):
                    found[key].append((facet["param"], value["id"]))
    return found


def recognise(facets: Iterable[Mapping[str, Any]], text: str) -> list[Named]:
    """The facet values the query's words name, in the order the query names
    them: at each word, the longest name that starts there; a word is part of
    one name at most, and an excluded word ("-nhs") names nothing."""
    names = names_of(facets)
    longest = max((len(key) for key in names), default=0)
    words, found, i = _words(positive(text)), [], 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            key = tuple(stem for stem, _start, _end in words[i:i + n])
            if key in names:
                phrase = text[words[i][1]:words[i + n - 1][2]]
                found += [Named(param, value, phrase) for param, value in names[key]
                          if not any(f.param == param and f.id == value for f in found)]
                i += n
                break
        else:
            i += 1
    return found


@dataclass(frozen=True)
class Snippet:
    """A stretch of text around the first matched word: pieces of text, each
    marked or not, and whether text was left out before or after."""

    pieces: tuple[tuple[str, bool], ...]
    before: bool
    after: bool


def snippet(text: str, terms: Collection[str], size: int = SNIPPET_WORDS) -> Snippet:
    """The `size` words of `text` from a little before the first word whose stem
    is one of `terms`, each such word marked (without the punctuation around
    it); the start when none is."""
    parts = _SPLIT.split(text)
    count = (len(parts) + 1) // 2
    marked = [bool(stem) and stem in terms for stem in (word_stem(parts[2 * k]) for k in range(count))]
    first = marked.index(True) if True in marked else 0
    start = max(0, min(first - SNIPPET_LEAD, count - size))
    end = min(count, start + size)
    pieces: list[tuple[str, bool]] = []
    for k in range(start, end):
        word = parts[2 * k]
        lead, trail = _JS_LEADING.match(word), _JS_TRAILING.search(word)
        lead_end = lead.end() if lead else 0
        core_end = max(lead_end, trail.start()) if trail else len(word)
        around = ((word[:lead_end], False), (word[lead_end:core_end], True), (word[core_end:], False)) \
            if marked[k] else ((word, False),)
        for piece, mark in (*around, (parts[2 * k + 1] if k < end - 1 else "", False)):
            if not piece:
                continue
            if pieces and not mark and not pieces[-1][1]:
                pieces[-1] = (pieces[-1][0] + piece, False)
            else:
                pieces.append((piece, mark))
    return Snippet(tuple(pieces), start > 0, end < count)
