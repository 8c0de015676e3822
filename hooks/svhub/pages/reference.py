"""Structured reference data (duties, thresholds, timeline, support, barriers, glossary),
written once in content/_data/*.yml and rendered wherever a page asks for it
with a directive on its own line, such as `[[hub:duty s1-7]]`.

The data is read, checked and resolved in load.reference (the schemas are in
load.dataschema, the citation rules in load.citations); this module only renders it.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..config import HubPaths
from ..dates import long_date, parse_date
from ..load.messages import Diagnostic, Position, Severity, UserError, did_you_mean, has_errors
from ..load.reference import load_reference
from ..structure.instruments import Register
from ..structure.reference import Reference
from ..structure.thresholds import scope_answer, scope_check_data
from ..structure.vocabularies import Vocabularies
from ..templates import render
from ..urls import relative
from .guidance import format_sources
from .instruments import label_history, table
from .record import RecordForm

DIRECTIVE = re.compile(r"^\[\[hub:([a-z-]+)(?:\s+([A-Za-z0-9_-]+))?\]\]\s*$", re.M)
DATASETS = ("duties", "thresholds", "timeline", "support", "barriers", "glossary", "open", "scope")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def when(value: Any) -> str:
    """A date, a year-month ('2014-01') or a year, as a reader would write it."""
    day = parse_date(value)
    if day is not None:
        return long_date(day)
    text = str(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    return f"{MONTHS[int(match.group(2)) - 1]} {match.group(1)}" if match else text


def sources_line(sources: list[dict[str, Any]] | None) -> str:
    """An entry's sources, as every list of sources reads (templates/sources.html)."""
    return str(render("sources.html", sources=format_sources(sources), css_class="hub-statement-sources"))


def link(href: str, from_uri: str) -> str:
    """A Markdown link written relative to the site root, made relative to the page's source file."""
    if re.match(r"^[a-z]+:", href) or href.startswith("#"):
        return href
    target = href.lstrip("/")
    if target.endswith("/") or target == "":
        target += "index.md"
    return relative(posixpath.dirname(from_uri), target)


def _indent(text: str, spaces: int = 4) -> str:
    return "\n".join((" " * spaces + line) if line.strip() else "" for line in text.strip().split("\n"))


def as_history(entry: dict[str, Any], text: str) -> str:
    """An entry marked `history: "Until …"` reads as a history passage."""
    if not entry.get("history"):
        return text
    title = str(entry["history"]).replace('"', "'")
    return f'!!! history "{title}"\n\n{_indent(text)}\n'


@dataclass
class ReferenceData:
    data: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    register: Register = field(default_factory=Register)
    record_form: RecordForm | None = None

    @classmethod
    def of(cls, reference: Reference, vocab: Vocabularies) -> ReferenceData:
        """The renderers over the checked model; the record's form when record.yml exists."""
        record = None
        if reference.record is not None:
            record = RecordForm(reference.record, {d["id"]: d for d in reference["duties"]}, vocab,
                                tuple(reference["thresholds"]))
        return cls({name: reference[name] for name in DATASETS}, reference.register, record)

    @classmethod
    def load(cls, paths: HubPaths, vocab: Vocabularies) -> ReferenceData:
        """Every dataset, loaded and checked by load.reference; problems are one UserError listing them all."""
        reference, problems = load_reference(paths)
        if has_errors(problems):
            raise UserError(problems)
        return cls.of(reference, vocab)

    # Renderers, one per directive -----------------------------------------

    def _duty(self, duty: dict[str, Any], from_uri: str) -> str:
        body = duty["duty"]
        if duty.get("does_not_require"):
            body += f"\n\n**What it does not require:** {duty['does_not_require']}"
        line = sources_line(duty.get("sources"))
        if line:
            body += "\n\n" + line
        title = f"{duty['section']}: {duty['title']}".replace('"', "'")
        return as_history(duty, f'!!! duty "{title}"\n\n{_indent(body)}\n')

    def duties(self, arg: str | None, from_uri: str) -> str:
        return "\n".join(self._duty(d, from_uri) for d in self.data["duties"])

    def duty(self, arg: str | None, from_uri: str) -> str:
        by_id = {d["id"]: d for d in self.data["duties"]}
        if arg not in by_id:
            raise KeyError(f"no duty with id '{arg}'{did_you_mean(arg or '', by_id)}")
        return self._duty(by_id[arg], from_uri)

    def _threshold_table(self, table: dict[str, Any]) -> str:
        """One table of money thresholds, each figure with its own source and how far it was checked."""
        def cell(text: Any) -> str:
            return " ".join(str(text).split()).replace("|", "\\|")

        columns = table["columns"]
        rows = [
            "| " + " | ".join([cell(table.get("row_heading", "Type of contract"))]
                              + [cell(c["label"]) for c in columns] + ["Source"]) + " |",
            "| " + " | ".join(["---"] * (len(columns) + 2)) + " |",
        ]
        for row in table["rows"]:
            sources = "; ".join(f"[{s['publisher'] or s['title']}]({s['url']})"
                                for s in format_sources(row.get("sources")))
            if row.get("checked"):
                sources += f" ({row['checked']})"
            rows.append("| " + " | ".join([cell(row["contract"])]
                                          + [cell(row.get(c["key"], "")) for c in columns]
                                          + [cell(sources)]) + " |")
        body = f"**{table['title']}**\n\n"
        if table.get("intro"):
            body += f"{table['intro']}\n\n"
        body += "\n".join(rows) + "\n"
        for note in table.get("notes") or []:
            body += f"\n- {note}"
        if table.get("notes"):
            body += "\n"
        line = sources_line(table.get("sources"))
        if line:
            body += f"\n{line}\n"
        return as_history(table, body)

    def thresholds(self, arg: str | None, from_uri: str) -> str:
        """`[[hub:thresholds]]` renders every table; `[[hub:thresholds <id>]]` one of them."""
        tables = self.data["thresholds"]
        if arg is not None:
            by_id = {t["id"]: t for t in tables}
            if arg not in by_id:
                raise KeyError(f"no threshold table with id '{arg}'{did_you_mean(arg, by_id)}")
            tables = [by_id[arg]]
        return "\n".join(self._threshold_table(t) for t in tables)

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
        """`current`: the routes of help that exist today; `history`: past offers, marked with
        their dates (no argument: both)."""
        if arg not in (None, "current", "history"):
            raise KeyError(f"[[hub:support {arg}]]: the choices are 'current' and 'history'")
        parts = []
        for offer in self.data["support"]:
            past = bool(offer.get("history"))
            if arg is not None and past != (arg == "history"):
                continue
            if past:
                text = (f"**What it was:** {offer['what']}\n\n**Who it was for:** {offer['who_for']}\n\n"
                        f"**What became of it:** {offer['status']}\n\n")
            else:
                text = (f"**Run by:** {offer['body']}\n\n**What it offers:** {offer['what']}\n\n"
                        f"**Who it is for:** {offer['who_for']}\n\n"
                        f"**Where:** [{offer['where']['title']}]({offer['where']['url']})\n\n")
            level = "###" if arg else "##"
            parts.append(f"{level} {offer['name']} {{#{offer['id']}}}\n\n"
                         + as_history(offer, text + f"{sources_line(offer.get('sources'))}\n"))
        return "\n".join(parts)

    def barriers(self, arg: str | None, from_uri: str) -> str:
        cards = []
        for number, barrier in enumerate(self.data["barriers"], start=1):
            links = "\n".join(f"- [{item['title']}]({link(item['href'], from_uri)})" for item in barrier["links"])
            answer = as_history(barrier, barrier["answer"])
            card = f"**Barrier {number}:** {barrier['barrier']}\n\n---\n\n{answer}\n\n{links}"
            cards.append("-   " + _indent(card).lstrip())
        return '<div class="grid cards hub-barriers" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>\n"

    def glossary(self, arg: str | None, from_uri: str) -> str:
        parts = []
        for entry in self.data["glossary"]:
            term = entry["term"] + (f" ({entry['abbr']})" if entry.get("abbr") else "")
            text = f"{entry['definition']}\n"
            if entry.get("see"):
                text += f"\nMore: [{entry['term']}]({link(entry['see'], from_uri)})\n"
            line = sources_line(entry.get("sources"))
            if line:
                text += f"\n{line}\n"
            parts.append(f"### {term} {{#{entry['id']}}}\n\n" + as_history(entry, text))
        return "\n".join(parts)

    def open(self, arg: str | None, from_uri: str) -> str:
        """`[[hub:open <page>]]`: the one box on a page listing what the hub could not settle.

        Each open point is written once in open.yml, with what was searched and where
        a reader can check, and names the pages it bears on; a page gathers its own.
        """
        items = [item for item in self.data["open"] if arg in (item.get("pages") or [])]
        if not items:
            raise KeyError(f"no open point names the page '{arg}' in content/_data/open.yml")
        lines = []
        for item in items:
            lines.append(f"- **Not confirmed: {item['question']}** {item['detail']}\n"
                         f"  *Searched:* {item['searched']}\n"
                         f"  *Check it yourself:* [{item['check']['title']}]({item['check']['url']}).")
        body = ("Everything else on this page is stated from the text of the law or the "
                "publisher's own guidance. These points are still open:\n\n" + "\n".join(lines))
        return f'!!! open "What is still open"\n\n{_indent(body)}\n'

    def scope(self, arg: str | None, from_uri: str) -> str:
        """`[[hub:scope <id>]]`: a worked scope example, answered from thresholds.yml and duties.yml."""
        by_id = {e["id"]: e for e in self.data["scope"]}
        if arg not in by_id:
            raise KeyError(f"no scope example with id '{arg}'{did_you_mean(arg or '', by_id)}")
        example = by_id[arg]
        rows = "| Part of the contract | Threshold that applies | Public contract at this value? | What follows |\n| --- | --- | --- | --- |\n"
        for part in example["parts"]:
            answer = scope_answer(self.data["thresholds"], example["table"], part["row"], part["kind"],
                                  int(example["value"]))
            rows += (f"| **{part['name']}.** {' '.join(part['why'].split())} | {answer.threshold} "
                     f"({answer.row_label}) | {answer.public} | {answer.follows} |\n")
        # The rule's data for the check that answers as the reader chooses (scope/check.js).
        data = json.dumps(scope_check_data(self.data["thresholds"], example["table"]), allow_nan=False)
        check = str(render("scope-check-data.html", data=data, value=int(example["value"]))) + "\n"
        return (f"{check}**{example['title']}**, let by {example['authority']}.\n\n{rows}\n"
                "<small>Thresholds from the table above, which cites its sources.</small>\n")

    def instruments(self, arg: str | None, from_uri: str) -> str:
        return table(self.register)

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
            "duties": self.duties, "duty": self.duty, "thresholds": self.thresholds,
            "timeline": self.timeline,
            "support": self.support, "barriers": self.barriers, "glossary": self.glossary,
            "instruments": self.instruments, "open": self.open, "scope": self.scope,
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
                                            str(exc.args[0] if exc.args else exc), "check the id in content/_data/")]) from None

        expanded = label_history(DIRECTIVE.sub(replace, self.register.rewrite(markdown)))
        abbreviations = self.abbreviations()
        return f"{expanded}\n\n{abbreviations}\n" if abbreviations else expanded
