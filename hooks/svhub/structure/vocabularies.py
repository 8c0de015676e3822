"""The controlled vocabularies, read from the one YAML file that defines them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..config import HubPaths


@dataclass(frozen=True)
class Term:
    value: str
    label: str
    description: str
    dimension: str | None = None
    group: str | None = None  # a value of the vocabulary its vocabulary is grouped by (a framework's theme)
    # Other words readers use for it ("NHS", "councils", "highways"): the search
    # offers the value as a filter when a query names it, and finds its case studies.
    synonyms: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Its label and its synonyms: every name a reader may know it by."""
        return (self.label, *self.synonyms)


@dataclass(frozen=True)
class About:
    """Where a vocabulary's list comes from (`_about` in the YAML): a framework's
    own list must be traceable to a source that gives it in full."""

    note: str
    sources: tuple[dict, ...] = ()


@dataclass(frozen=True, eq=False)
class Vocabulary:
    name: str
    terms: dict[str, Term] = field(default_factory=dict)
    about: About | None = None

    def __contains__(self, value: object) -> bool:
        return value in self.terms

    def __iter__(self):
        return iter(self.terms.values())

    def label(self, value: str) -> str:
        return self.terms[value].label

    @property
    def values(self) -> list[str]:
        return list(self.terms)

    @property
    def meanings(self) -> dict[str, str]:
        """Each term's label and synonyms, in lower case with single spaces, to its
        value: what a person means by a word ('completed' means 'delivered')."""
        return {" ".join(name.lower().replace("-", " ").split()): term.value
                for term in self for name in term.names}


@dataclass(frozen=True, eq=False)
class Vocabularies:
    by_name: dict[str, Vocabulary]

    def __getitem__(self, name: str) -> Vocabulary:
        return self.by_name[name]


ABOUT = "_about"  # the key in a vocabulary that says where it comes from; not a value


def parse_vocabularies(data: dict) -> Vocabularies:
    by_name = {}
    for name, entries in data.items():
        about = entries.get(ABOUT)
        by_name[name] = Vocabulary(
            name,
            {
                value: Term(value, spec["label"], spec["description"], spec.get("dimension"), spec.get("group"),
                            _synonyms(spec.get("synonyms")))
                for value, spec in entries.items() if value != ABOUT
            },
            About(" ".join(about["note"].split()), tuple(about.get("sources") or ())) if about else None,
        )
    return Vocabularies(by_name)


def _synonyms(value: str | list[object] | None) -> tuple[str, ...]:
    """A term's synonyms: a list of names, or one name written on its own."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(str(name) for name in value)


@lru_cache(maxsize=4)
def load_vocabularies(path: Path | None = None) -> Vocabularies:
    path = path or HubPaths().vocabularies
    return parse_vocabularies(yaml.safe_load(path.read_text(encoding="utf-8")))
