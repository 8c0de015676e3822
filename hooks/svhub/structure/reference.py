"""The reference data as the pages use it: every dataset of content/_data/,
checked and with its citations resolved (by load.reference), the instrument
register, the record of consideration and the collections' text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .instruments import Register


@dataclass(frozen=True)
class CollectionText:
    """What the six contract-type collection pages say, from content/_data/collections.yml."""

    intro: str
    thin: str
    owner: str
    last_reviewed: date
    review_by: date
    sources: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Reference:
    """Each dataset by its file's name ([] when the file is absent), the register,
    record.yml as written (None when absent) and the collections' text."""

    data: dict[str, Any] = field(default_factory=dict)
    register: Register = field(default_factory=Register)
    record: dict[str, Any] | None = None
    collections: CollectionText | None = None

    def __getitem__(self, name: str) -> Any:
        return self.data.get(name, [])
