"""Structured reference data (duties, thresholds, timeline, support, barriers, glossary),
written once in content/_data/*.yml and rendered wherever a page asks for it
with a directive on its own line, such as `[[hub:duty s1-7]]`.

Loading checks it as the case studies are checked: every source a deep link
or a registered instrument, every `instrument:` citation known, and a
citation of a revoked instrument only in an entry marked `history: "…"`
(timeline entries are history by nature).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..config import HubPaths
from ..load.frontmatter import FrontMatterError
from ..load.frontmatter import parse_data as parse_yaml
from ..load.messages import Diagnostic, Position, Report, Severity, UserError, did_you_mean
from ..structure.vocabularies import Vocabularies
from .formatting import long_date
from .guidance import format_sources
from .instruments import Register, check_sources, check_text, label_history, table
from .record import RecordForm

DIRECTIVE = re.compile(r"^\[\[hub:([a-z-]+)(?:\s+([A-Za-z0-9_-]+))?\]\]\s*$", re.M)
DATASETS = ("duties", "thresholds", "timeline", "support", "barriers", "glossary", "open", "scope")
CHECKED_ONLY = ("collections",)  # read by pages.CollectionText; checked here with the rest
HISTORY_BY_NATURE = frozenset({"timeline"})
NOT_TEXT = frozenset({"id", "url", "href", "date", "section", "history", "sources", "pages"})
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
        + (f" ({s['status']})" if s["status"] else "")
        + (" (a copy on another site: the publisher's own page was not available)" if s["is_copy"] else "")
        for s in format_sources(sources)
    ]
    return ('<small class="hub-statement-sources">Sources: ' + "; ".join(items) + "</small>") if items else ""


def link(href: str, from_uri: str) -> str:
    """A link written relative to the site root, made relative to the page."""
    if re.match(r"^[a-z]+:", href) or href.startswith("#"):
        return href
    target = href.lstrip("/")
    if target.endswith("/") or target == "":
        target += "index.md"
    return posixpath.relpath(target, posixpath.dirname(from_uri) or ".")


def money(text: str) -> int:
    """A threshold as written in thresholds.yml ("£207,720") as pounds."""
    digits = re.sub(r"[^0-9]", "", str(text).split("(")[0])
    return int(digits)


@dataclass(frozen=True)
class ScopeAnswer:
    """One part of a contract, answered: the threshold that applies and what follows."""

    threshold: str
    row_label: str
    public: str
    follows: str


def scope_answer(tables: list[dict[str, Any]], table_id: str, row_id: str, kind: str, value: int) -> ScopeAnswer:
    """The scope check's one rule, shared by the page and its tests.

    The Procurement Act threshold comes from the row the contract falls in; the
    2012 Act reaches only contracts that include services (s.1(1)), so a works
    contract below its threshold is outside both, and one above it turns on
    section 1(16), an open point.
    """
    table = next(t for t in tables if t["id"] == table_id)
    row = next(r for r in table["rows"] if r.get("id") == row_id)
    figure = row[table["columns"][0]["key"]]
    label = row["contract"].rsplit("(", 1)[-1].rstrip(")")
    above = value >= money(figure)
    public = "Yes" if above else "No"
    if kind == "works" and not above:
        follows = ("Below the works threshold, so not a public contract. The 2012 Act covers "
                   "services, not works only, so it does not apply. Part 6 of the Procurement "
                   "Act (below-threshold contracts) may.")
    elif kind == "works":
        follows = ("A public contract, so sections 12 and 13 of the Procurement Act apply. "
                   "Whether the 2012 Act reaches a works contract with some services is an open point.")
    elif above:
        follows = ("A public contract for services: the 2012 Act's duty to consider applies "
                   "before you start (PPN 003, paragraph 2), with sections 12 and 13 of the Procurement Act.")
    else:
        follows = ("Below the threshold, so not a public contract. Before 2025 the 2012 Act did "
                   "not reach such contracts; its current test is an open point.")
    return ScopeAnswer(figure, label, public, follows)


def _indent(text: str, spaces: int = 4) -> str:
    return "\n".join((" " * spaces + line) if line.strip() else "" for line in text.strip().split("\n"))


def as_history(entry: dict[str, Any], text: str) -> str:
    """An entry marked `history: "Until …"` reads as a history passage."""
    if not entry.get("history"):
        return text
    title = str(entry["history"]).replace('"', "'")
    return f'!!! history "{title}"\n\n{_indent(text)}\n'


def _check_entry(entry: Any, path: tuple, history: bool, register: Register, report: Report) -> None:
    if isinstance(entry, dict):
        if "history" in entry and (not isinstance(entry["history"], str) or not entry["history"].strip()):
            report.at(path + ("history",), "'history' must say when, as text",
                      'for example history: "Until 24 February 2025"')
        history = history or bool(entry.get("history"))
        for key, value in entry.items():
            if key == "sources":
                check_sources(value, path + (key,), report, register)
            elif key not in NOT_TEXT:
                _check_entry(value, path + (key,), history, register, report)
    elif isinstance(entry, list):
        for index, item in enumerate(entry):
            _check_entry(item, path + (index,), history, register, report)
    elif isinstance(entry, str):
        check_text(entry, register, report, history=history, position=path)


def _resolved(value: Any, register: Register, key: str = "") -> Any:
    """The data with its citations rewritten to deep links and its instrument sources filled in."""
    if isinstance(value, dict):
        if "instrument" in value and value.get("instrument") in register:
            return register.source(value["instrument"], str(value.get("part") or ""))
        return {k: _resolved(v, register, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolved(v, register, key) for v in value]
    if isinstance(value, str) and key not in NOT_TEXT:
        return register.rewrite(value)
    return value


def check_file(file: Path, shown: str, register: Register, history: bool = False) -> tuple[Any, list]:
    """One data file, parsed with positions and checked: (data, diagnostics)."""
    report = Report(shown)
    try:
        doc = parse_yaml(file.read_bytes())
    except FrontMatterError as exc:
        report.add(exc.position, exc.message, exc.hint)
        return None, report.items
    report.doc = doc
    _check_entry(doc.data, (), history, register, report)
    return doc.data, report.items


@dataclass
class ReferenceData:
    data: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    register: Register = field(default_factory=Register)
    record_form: RecordForm | None = None

    @classmethod
    def load(cls, paths: HubPaths, vocab: Vocabularies, register: Register | None = None) -> ReferenceData:
        """Every dataset, checked; problems are one UserError listing them all."""
        register = register or Register()
        data, problems = {}, []
        for name in DATASETS + CHECKED_ONLY:
            file = paths.reference_data / f"{name}.yml"
            if not file.exists():
                data[name] = []
                continue
            loaded, found = check_file(file, paths.display(file), register, name in HISTORY_BY_NATURE)
            problems += found
            data[name] = _resolved(loaded or [], register)
        if problems:
            raise UserError(sorted(problems))
        return cls(data, register, RecordForm.load(paths.reference_data, data["duties"], vocab, data["thresholds"]))

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
        parts = []
        for offer in self.data["support"]:
            parts.append(
                f"## {offer['name']} {{#{offer['id']}}}\n\n"
                + as_history(offer, f"**What it is:** {offer['what']}\n\n"
                             f"**Who it is for:** {offer['who_for']}\n\n"
                             f"**Status today:** {offer['status']}\n\n"
                             f"{sources_line(offer.get('sources'))}\n")
            )
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
        return (f"**{example['title']}**, let by {example['authority']}.\n\n{rows}\n"
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
