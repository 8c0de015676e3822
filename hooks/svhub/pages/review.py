"""Review metadata that every page shows: who owns it and when it is next checked."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime

from ..dates import long_date
from ..structure.vocabularies import Vocabularies


def build_date() -> date:
    """Today, or the commit's date when SOURCE_DATE_EPOCH is set, so that two
    builds of the same commit are byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


@dataclass(frozen=True)
class ReviewInfo:
    owner: str
    last_reviewed: str
    last_reviewed_iso: str
    review_by: str
    review_by_iso: str
    due: bool
    published: str = ""
    published_iso: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def review_info(owner: str, last_reviewed: date, review_by: date, vocab: Vocabularies,
                today: date, published: date | None = None) -> ReviewInfo:
    return ReviewInfo(
        owner=vocab["owner"].label(owner) if owner in vocab["owner"] else owner,
        last_reviewed=long_date(last_reviewed),
        last_reviewed_iso=last_reviewed.isoformat(),
        review_by=long_date(review_by),
        review_by_iso=review_by.isoformat(),
        due=review_by < today,
        published=long_date(published) if published else "",
        published_iso=published.isoformat() if published else "",
    )
