"""The record of consideration: the seven steps of content/_data/record.yml,
rendered by `[[hub:record]]` as one plain HTML form that works, and prints as a
blank form, without JavaScript.

Every legal statement is shown from its duties.yml entry (by id), the other
regimes' included, so the form never holds a second copy of the law; the
choices come from the case-study vocabularies, so the
examples (found by the finder's own engine, record/*.js) filter on the same
values. Every value is escaped here: the data is trusted, but not its markup.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import yaml
from markupsafe import Markup, escape

from ..finder.files import FACETS_PATH, TEXT_PATHS
from ..structure.vocabularies import Vocabularies
from ..urls import SECTION, page_url, relative
from .guidance import format_sources

DATA_FILE = "record.yml"
ID_PREFIX = "rec-"  # a question's element id is its name after this
KINDS = ("text", "textarea", "number", "date", "select", "radio", "checkboxes")


def page_link(target: str, from_uri: str) -> str:
    """A site path ('the-act/the-duty.md', 'case-studies/data/x.json') as a link from
    the page built from `from_uri`. The form is raw HTML, which MkDocs does not
    rewrite, so a page's link is written to its directory URL here."""
    here = page_url(from_uri)
    if target.endswith(".md"):
        return relative(here, page_url(target))
    return posixpath.relpath(target, here.rstrip("/") or ".")


@dataclass(frozen=True)
class RecordForm:
    """The record's data, the duties it cites and the vocabularies its choices come from."""

    data: dict[str, Any]
    duties: dict[str, dict[str, Any]]
    vocab: Vocabularies
    thresholds: tuple[dict[str, Any], ...] = ()

    @classmethod
    def load(cls, folder: Path, duties: list[dict[str, Any]], vocab: Vocabularies,
             thresholds: list[dict[str, Any]] | None = None) -> RecordForm | None:
        file = folder / DATA_FILE
        if not file.exists():
            return None
        return cls(yaml.safe_load(file.read_text(encoding="utf-8")), {d["id"]: d for d in duties}, vocab,
                   tuple(thresholds or ()))

    def _threshold_test(self, spec: dict[str, Any]) -> dict[str, int]:
        """`at_threshold`: the Schedule 1 figure for each kind of authority, read from thresholds.yml,
        so the record and the scope check apply one rule (`*` for every kind not named)."""
        from .reference import money  # one parser of a written figure
        table = next(t for t in self.thresholds if t["id"] == spec["table"])
        column = table["columns"][0]["key"]
        rows = {r["id"]: money(r[column]) for r in table["rows"] if "id" in r}
        return {kind: rows[row] for kind, row in spec["rows"].items()}

    # The parts ------------------------------------------------------------

    def options(self, question: dict[str, Any]) -> list[tuple[str, str]]:
        if question.get("vocabulary"):
            return [(t.value, t.label) for t in self.vocab[question["vocabulary"]]]
        if question.get("options") == "nations":
            return [(n["id"], n["label"]) for n in self.data["nations"]]
        return [(str(o["id"]), o["label"]) for o in question.get("options") or []]

    def _question(self, q: dict[str, Any], link) -> str:
        name, label, kind = q["name"], escape(q["label"]), q["kind"]
        if kind not in KINDS:
            raise KeyError(f"question '{name}' has kind '{kind}'; kinds are: {', '.join(KINDS)}")
        ident = f"{ID_PREFIX}{name}"
        extra = ""
        if q.get("help"):
            extra += ('<p class="hub-record-help">Help: ' + ", ".join(
                f'<a href="{escape(link(h["href"]))}">{escape(h["title"])}</a>' for h in q["help"]) + "</p>")
        if q.get("guide"):
            extra += f'<p class="hub-record-help">Guidance: <a href="{escape(link(q["guide"]))}">{label}</a></p>'
        if kind in ("radio", "checkboxes"):
            kind_attr = "radio" if kind == "radio" else "checkbox"
            choices = "".join(
                f'<div class="hub-record-choice"><input type="{kind_attr}" id="{ident}-{escape(v)}" '
                f'name="{escape(name)}" value="{escape(v)}" data-record>'
                f'<label for="{ident}-{escape(v)}">{escape(text)}</label></div>'
                for v, text in self.options(q))
            return (f'<fieldset class="hub-record-q hub-record-{kind}" data-question="{escape(name)}">'
                    f'<legend>{label}</legend>{choices}{extra}</fieldset>')
        field_attrs = f'id="{ident}" name="{escape(name)}" data-record'
        if kind == "textarea":
            control = f'<textarea {field_attrs} rows="4"></textarea>'
        elif kind == "select":
            control = (f'<select {field_attrs}><option value="">Choose…</option>'
                       + "".join(f'<option value="{escape(v)}">{escape(text)}</option>' for v, text in self.options(q))
                       + "</select>")
        elif kind == "number":
            control = f'<input type="number" inputmode="numeric" min="0" step="any" {field_attrs}>'
        else:
            control = f'<input type="{kind}" {field_attrs}>'
        return (f'<div class="hub-record-q" data-question="{escape(name)}"><label for="{ident}">{label}</label>'
                f'{control}{extra}</div>')

    @staticmethod
    def _sources(sources: list[dict[str, Any]] | None) -> str:
        if not sources:
            return ""
        return ('<p class="hub-record-sources"><small>Sources: ' + "; ".join(
            f'<a href="{escape(s["url"])}">{escape(s["title"])}</a> ({escape(s["publisher"])}'
            + (f", {escape(s['date'])}" if s["date"] else "") + ")"
            + (f" ({escape(s['status'])})" if s["status"] else "")
            for s in format_sources(sources)) + "</small></p>")

    def _duty(self, duty_id: str, cited_by: str) -> dict[str, Any]:
        if duty_id not in self.duties:
            raise KeyError(f"record {cited_by} cites no duty with id '{duty_id}' in duties.yml")
        return self.duties[duty_id]

    @staticmethod
    def _inline(text: str) -> str:
        """A duties.yml paraphrase, whose Markdown (emphasis, cited links) is the hub's own, as HTML."""
        html = markdown.markdown(" ".join(text.split()))
        return html.removeprefix("<p>").removesuffix("</p>")

    def _clauses(self, step: dict[str, Any]) -> str:
        if not step["clauses"]:
            return ""
        links = ", ".join(f'<a href="{escape(c["url"])}" data-clause>{escape(c["label"])}</a>' for c in step["clauses"])
        return f'<p class="hub-record-clauses">Rests on {links} of the Public Services (Social Value) Act 2012.</p>'

    def _law(self, step: dict[str, Any]) -> str:
        parts = []
        for duty_id in step["duties"]:
            duty = self._duty(duty_id, f"step '{step['id']}'")
            parts.append(f'<p><strong>{escape(duty["section"])}: {escape(duty["title"])}.</strong> '
                         f'{self._inline(duty["duty"])}</p>')
        if not parts:
            return ""
        return ('<details class="hub-record-law"><summary>What the Act asks, in our words</summary>'
                + "".join(parts) + "</details>")

    def _regime(self, regime: dict[str, Any], link) -> str:
        when = {"answers": regime.get("when") or {}}
        for key in ("value_at_least", "value_over"):
            if key in regime:
                when[key] = regime[key]
        if "at_threshold" in regime:
            when["value_at_least_for"] = self._threshold_test(regime["at_threshold"])
        duty = self._duty(regime["duty"], f"regime '{regime['id']}'")
        questions = "".join(self._question(q, link) for q in regime["questions"])
        note = f'<p>{escape(" ".join(regime["note"].split()))}</p>' if regime.get("note") else ""
        return (
            f'<fieldset class="hub-record-regime" id="regime-{escape(regime["id"])}" '
            f"data-regime=\"{escape(regime['id'])}\" data-when=\"{escape(json.dumps(when, allow_nan=False))}\">"
            f'<legend>{escape(regime["title"])}</legend>'
            f'<p class="hub-record-applies"><strong>Answer only if it applies.</strong> '
            f'{escape(" ".join(regime["applies"].split()))}</p>'
            f'<p><strong>{escape(duty["section"])}: {escape(duty["title"])}.</strong> {self._inline(duty["duty"])} '
            f'Read <a href="{escape(regime["url"])}" data-clause>{escape(regime["provision"])}</a>.</p>'
            f'{note}{self._sources(duty.get("sources"))}{questions}</fieldset>')

    def _step(self, number: int, step: dict[str, Any], link) -> str:
        regimes = {r["id"]: r for r in self.data["regimes"]}
        body = "".join(self._question(q, link) for q in step.get("questions") or [])
        body += "".join(self._regime(regimes[r], link) for r in step.get("regimes") or [])
        if step.get("regimes"):
            body += ('<p class="hub-record-none" data-no-regime hidden>None of these applies to the answers in '
                     'step 1 (the kind of authority, the nation and the value).</p>')
        title_id = f"step-{step['id']}-title"
        return (
            f'<section class="hub-record-step" id="step-{escape(step["id"])}" data-step="{escape(step["id"])}" '
            f'aria-labelledby="{title_id}">'
            f'<h2 id="{title_id}">Step {number}: {escape(step["title"])}</h2>'
            f'{self._clauses(step)}{self._law(step)}'
            f'<div class="hub-record-good"><p><strong>What a good answer looks like:</strong> '
            f'{escape(" ".join(step["good_answer"].split()))}</p></div>{body}</section>')

    def html(self, from_uri: str) -> str:
        """The whole form, for the page built from `from_uri`."""

        def link(target: str) -> str:
            return page_link(target, from_uri)

        steps = self.data["steps"]
        nav = "".join(f'<li><a href="#step-{escape(s["id"])}">{escape(s["title"])}</a></li>' for s in steps)
        nations = {n["id"]: n["regions"] for n in self.data["nations"]}
        data = {
            "facets": link(FACETS_PATH), "text": link(TEXT_PATHS[0]), "older-text": link(TEXT_PATHS[1]),
            "finder": link(f"{SECTION}/index.md"), "nations": json.dumps(nations, allow_nan=False),
            "version": str(self.data["version"]),
        }
        attrs = " ".join(f'data-{key}="{escape(value)}"' for key, value in data.items())
        parts = [
            f'<div class="hub-record" id="hub-record" {attrs}>',
            '<nav class="hub-record-nav" aria-label="Steps of the record"><ol>' + nav + "</ol></nav>",
            '<div class="hub-record-tools" id="hub-record-tools" hidden>'
            '<p class="hub-record-draft-note">Your answers are kept as a draft in this browser only, until you '
            'clear it. Nothing is sent anywhere.</p>'
            '<div class="hub-record-buttons">'
            '<button type="button" class="md-button md-button--primary" data-action="save-json">Save the record</button>'
            '<button type="button" class="md-button" data-action="save-markdown">Save as Markdown</button>'
            '<button type="button" class="md-button" data-action="print">Print</button>'
            '<label class="md-button hub-record-open" for="hub-record-file">Open a saved record</label>'
            '<input type="file" id="hub-record-file" accept=".json,application/json">'
            '<button type="button" class="md-button" data-action="clear">Clear this draft</button>'
            "</div>"
            '<p class="hub-record-status" id="hub-record-status" role="status" aria-live="polite"></p></div>',
            # The examples come after step 2 (the service area, themes and nation are chosen by then):
            # beside the steps on a wide screen, between them on a phone.
            '<div class="hub-record-layout hub-record-form" id="hub-record-form">',
            *(self._step(number, step, link) for number, step in enumerate(steps[:2], start=1)),
            '<aside class="hub-record-examples" id="hub-record-examples" aria-labelledby="hub-record-examples-title">'
            '<h2 id="hub-record-examples-title">Examples from the library</h2>'
            '<p class="hub-record-examples-nojs">Choose a service area, themes and a nation, and the case studies '
            f'that match are listed here. You can also <a href="{escape(data["finder"])}">browse the case '
            "studies</a>.</p>"
            '<p id="hub-record-examples-count" class="hub-record-examples-count" role="status" aria-live="polite"></p>'
            '<ol id="hub-record-examples-list" class="hub-record-examples-list"></ol>'
            f'<p><a id="hub-record-finder-link" href="{escape(data["finder"])}" hidden>The same list in the '
            "finder</a></p></aside>",
            *(self._step(number, step, link) for number, step in enumerate(steps[2:], start=3)),
            "</div>",
            '<section class="hub-record-print" id="hub-record-print" hidden aria-hidden="true"></section>',
            "</div>",
        ]
        return str(Markup("".join(parts)))
