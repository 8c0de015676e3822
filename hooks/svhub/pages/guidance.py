"""Review metadata and sources for hand-written guidance pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..dates import long_date, parse_date
from ..structure.vocabularies import Vocabularies
from .review import review_info

REVIEW_FIELDS = ("owner", "last_reviewed", "review_by")


def format_sources(sources: list[dict[str, Any]] | None) -> list[dict[str, str]]:
    formatted = []
    for source in sources or []:
        when = parse_date(source.get("date")) if source.get("date") else None
        formatted.append({
            "title": str(source.get("title", "")),
            "url": str(source.get("url", "")),
            "publisher": str(source.get("publisher", "")),
            "date": long_date(when) if when else "",
            "date_iso": when.isoformat() if when else "",
            # An instrument from the register says whether it is still law.
            "status": str(source.get("status", "")),
            "replaced_by": str(source.get("replaced_by", "")),
            # A mirror's copy, used only where the publisher's page is not stored: labelled so.
            "is_copy": source.get("copy") is True,
        })
    return formatted


def guidance_meta(meta: dict[str, Any], vocab: Vocabularies, today: date) -> dict[str, Any]:
    """Page data for the review panel, when the page's front matter has it."""
    if not all(meta.get(f) for f in REVIEW_FIELDS):
        return {}
    reviewed, review_by = parse_date(meta["last_reviewed"]), parse_date(meta["review_by"])
    if not reviewed or not review_by:
        return {}
    return {"hub": {
        "review": review_info(str(meta["owner"]), reviewed, review_by, vocab, today).as_dict(),
        "sources": format_sources(meta.get("sources")),
    }}
