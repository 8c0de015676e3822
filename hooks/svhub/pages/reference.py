"""Structured reference data (duties, timeline, support, barriers, glossary),
written once in content/_data/*.yml and rendered wherever a page asks for it
with a directive on its own line, such as `[[hub:duty s1-7]]`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from ..config import HubPaths
from ..load.messages import Diagnostic, Position, Severity, UserError, did_you_mean
from ..record import RecordForm
from ..structure.vocabularies import Vocabularies
from .formatting import long_date
from .guidance import format_sources

DIRECTIVE = re.compile(r"^\[\[hub:([a-z-]+)(?:\s+([A-Za-z0-9_-]+))?\]\]\s*$", re.M)
DATASETS = ("duties", "timeline", "support", "barriers", "glossary")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def when(value: Any) -> str:
    """A date, a year-month ('2014-01') or a year, as a reader would write it."""
    if isinstance(value, date):
        return long_date(value)
    text = str(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    return f"{MONTHS[int(match.group(2)) - 1]} {match.group(1)}" if match else text


def sources_line(sources: list[dict[str, Any]] | None) -> str:
    items = [
        f"[{s['title']}]({s['url']})" + (f" ({s['publisher']}" + (f", {s['date']})" if s["date"] else ")"))
        for s in format_sources(sources)
    ]
    return ("<small>Sources: " + "; ".join(items) + "</small>") if items else ""


def link(href: str, from_uri: str) -> str:
    """A link written relative to the site root, made relative to the page."""
    if re.match(r"^[a-z]+:", href) or href.startswith("#"):
        return href
    target = href.lstrip("/")
    if target.endswith("/") or target == "":
        target += "index.md"
    return posixpath.relpath(target, posixpath.dirname(from_uri) or ".")


def _indent(text: str, spaces: int = 4) -> str:
    return "\n".join((" " * spaces + line) if line.strip() else "" for line in text.strip().split("\n"))


@dataclass
class ReferenceData:
    data: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    record_form: RecordForm | None = None

    @classmethod
    def load(cls, paths: HubPaths, vocab: Vocabularies) -> ReferenceData:
        data = {}
        for name in DATASETS:
            file = paths.reference_data / f"{name}.yml"
            data[name] = (yaml.safe_load(file.read_text(encoding="utf-8")) or []) if file.exists() else []
        return cls(data, RecordForm.load(paths.reference_data, data["duties"], vocab))

    # Renderers, one per directive -----------------------------------------

    def _duty(self, duty: dict[str, Any], from_uri: str) -> str:
        body = duty["duty"]
        if duty.get("does_not_require"):
            body += f"\n\n**What it does not require:** {duty['does_not_require']}"
        line = sources_line(duty.get("sources"))
        if line:
            body += "\n\n" + line
        title = f"{duty['section']}: {duty['title']}".replace('"', "'")
        return f'!!! duty "{title}"\n\n{_indent(body)}\n'

    def duties(self, arg: str | None, from_uri: str) -> str:
        return "\n".join(self._duty(d, from_uri) for d in self.data["duties"])

    def duty(self, arg: str | None, from_uri: str) -> str:
        by_id = {d["id"]: d for d in self.data["duties"]}
        if arg not in by_id:
            raise KeyError(f"no duty with id '{arg}'{did_you_mean(arg or '', by_id)}")
        return self._duty(by_id[arg], from_uri)

    def timeline(self, arg: str | None, from_uri: str) -> str:
        parts = []
        for event in self.data["timeline"]:
            text = f"## {when(event['date'])}: {event['title']}\n\n"
            if event.get("applies_to"):
                text += f"**Applies to:** {event['applies_to']}\n\n"
            text += f"{event['what_changed']}\n\n{sources_line(event.get('sources'))}\n"
            parts.append(text)
        return "\n".join(parts)

    def support(self, arg: str | None, from_uri: str) -> str:
        parts = []
        for offer in self.data["support"]:
            parts.append(
                f"## {offer['name']} {{#{offer['id']}}}\n\n"
                f"**What it is:** {offer['what']}\n\n"
                f"**Who it is for:** {offer['who_for']}\n\n"
                f"**Status today:** {offer['status']}\n\n"
                f"{sources_line(offer.get('sources'))}\n"
            )
        return "\n".join(parts)

    def barriers(self, arg: str | None, from_uri: str) -> str:
        cards = []
        for number, barrier in enumerate(self.data["barriers"], start=1):
            links = "\n".join(f"- [{item['title']}]({link(item['href'], from_uri)})" for item in barrier["links"])
            card = f"**Barrier {number}:** {barrier['barrier']}\n\n---\n\n{barrier['answer']}\n\n{links}"
            cards.append("-   " + _indent(card).lstrip())
        return '<div class="grid cards hub-barriers" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>\n"

    def glossary(self, arg: str | None, from_uri: str) -> str:
        parts = []
        for entry in self.data["glossary"]:
            term = entry["term"] + (f" ({entry['abbr']})" if entry.get("abbr") else "")
            text = f"### {term} {{#{entry['id']}}}\n\n{entry['definition']}\n"
            if entry.get("see"):
                text += f"\nMore: [{entry['term']}]({link(entry['see'], from_uri)})\n"
            line = sources_line(entry.get("sources"))
            if line:
                text += f"\n{line}\n"
            parts.append(text)
        return "\n".join(parts)

    def record(self, arg: str | None, from_uri: str) -> str:
        if self.record_form is None:
            raise KeyError("there is no content/_data/record.yml")
        return self.record_form.html(from_uri) + "\n"

    def abbreviations(self) -> str:
        return "\n".join(
            f"*[{e['abbr']}]: {e['term']}" for e in self.data["glossary"] if e.get("abbr")
        )

    # Expansion --------------------------------------------------------------

    def expand(self, markdown: str, from_uri: str) -> str:
        renderers: dict[str, Callable[[str | None, str], str]] = {
            "duties": self.duties, "duty": self.duty, "timeline": self.timeline,
            "support": self.support, "barriers": self.barriers, "glossary": self.glossary,
            "record": self.record,
        }

        def replace(match: re.Match) -> str:
            name, arg = match.group(1), match.group(2)
            line = Position.of(markdown, match.start()).line
            if name not in renderers:
                raise UserError([Diagnostic(
                    f"content/{from_uri}", line, 1, Severity.ERROR,
                    f"unknown directive '[[hub:{name}]]'{did_you_mean(name, renderers)}",
                    "directives are: " + ", ".join(renderers))])
            try:
                return renderers[name](arg, from_uri)
            except KeyError as exc:
                raise UserError([Diagnostic(f"content/{from_uri}", line, 1, Severity.ERROR,
                                            str(exc).strip("\"'"), "check the id in content/_data/")]) from None

        expanded = DIRECTIVE.sub(replace, markdown)
        abbreviations = self.abbreviations()
        return f"{expanded}\n\n{abbreviations}\n" if abbreviations else expanded
