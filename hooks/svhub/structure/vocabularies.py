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


@dataclass(frozen=True, eq=False)
class Vocabulary:
    name: str
    terms: dict[str, Term] = field(default_factory=dict)

    def __contains__(self, value: object) -> bool:
        return value in self.terms

    def __iter__(self):
        return iter(self.terms.values())

    def label(self, value: str) -> str:
        return self.terms[value].label

    @property
    def values(self) -> list[str]:
        return list(self.terms)


@dataclass(frozen=True, eq=False)
class Vocabularies:
    by_name: dict[str, Vocabulary]

    def __getitem__(self, name: str) -> Vocabulary:
        return self.by_name[name]


def parse_vocabularies(data: dict) -> Vocabularies:
    by_name = {
        name: Vocabulary(
            name,
            {
                value: Term(value, spec["label"], spec["description"], spec.get("dimension"))
                for value, spec in entries.items()
            },
        )
        for name, entries in data.items()
    }
    return Vocabularies(by_name)


@lru_cache(maxsize=4)
def load_vocabularies(path: Path | None = None) -> Vocabularies:
    path = path or HubPaths().vocabularies
    return parse_vocabularies(yaml.safe_load(path.read_text(encoding="utf-8")))
