"""The record of consideration: the seven steps of content/_data/record.yml,
rendered by `[[hub:record]]` as one plain HTML form that works, and prints as a
blank form, without JavaScript.

Every legal statement is shown from its duties.yml entry (by id), the other
regimes' included, so the form never holds a second copy of the law; the
choices come from the case-study vocabularies, so the
examples (found by the finder's own engine, engine/*.js, from record/*.js) filter on the same
values. Every value is escaped by the templates (hooks/svhub/templates/record*.html): the data is trusted, but not its markup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import markdown
from markupsafe import Markup

from ..finder.files import FACETS_PATH
from ..structure.facets import REGION
from ..structure.thresholds import money
from ..structure.vocabularies import Vocabularies
from ..templates import render
from ..urls import SECTION, page_url, relative
from .guidance import format_sources

ID_PREFIX = "rec-"  # a question's element id is its name after this
VALUE_TESTS = frozenset({"value_at_least", "value_over", "value_at_least_for"})  # a regime's tests of the value
KINDS = ("text", "textarea", "number", "money", "date", "select", "radio", "checkboxes")


def page_link(target: str, from_uri: str) -> str:
    """A site path ('the-act/the-duty.md', 'case-studies/data/x.json') as a link from
    the page built from `from_uri`. The form is raw HTML, which MkDocs does not
    rewrite, so a page's link is written to its directory URL here."""
    return relative(page_url(from_uri), page_url(target) if target.endswith(".md") else target)


@dataclass(frozen=True)
class RecordForm:
    """The record's data, the duties it cites and the vocabularies its choices come from."""

    data: dict[str, Any]
    duties: dict[str, dict[str, Any]]
    vocab: Vocabularies
    thresholds: tuple[dict[str, Any], ...] = ()

    def _threshold_test(self, spec: dict[str, Any]) -> dict[str, int]:
        """`at_threshold`: the Schedule 1 figure for each kind of authority, read from thresholds.yml,
        so the record and the scope check apply one rule (`*` for every kind not named)."""
        table = next(t for t in self.thresholds if t["id"] == spec["table"])
        column = table["columns"][0]["key"]
        rows = {r["id"]: money(r[column]) for r in table["rows"] if "id" in r}
        return {kind: rows[row] for kind, row in spec["rows"].items()}

    def _step_questions(self) -> list[dict[str, Any]]:
        return [q for step in self.data["steps"] for q in step.get("questions") or []]

    def _value_question(self) -> str:
        """The name of the question whose answer is the estimated value in pounds (kind
        `money`), which a regime's value test compares: the browser reads it from the test."""
        names = [q["name"] for q in self._step_questions() if q["kind"] == "money"]
        if len(names) != 1:
            raise KeyError(f"record.yml: a regime tests the estimated value, so one question of kind 'money' "
                           f"must give it; found {len(names)}")
        return names[0]

    def example_sources(self) -> list[dict[str, Any]]:
        """The questions whose answers choose the examples (`examples: true`), each with the
        vocabulary its answers are values of: the browser filters the finder's facet of that
        vocabulary (the facet table's `vocabulary`), so the record's script names no facet.
        A nation stands for its regions, values of the region facet's vocabulary."""
        nations = {n["id"]: n["regions"] for n in self.data["nations"]}
        sources = []
        for q in self._step_questions():
            if not q.get("examples"):
                continue
            if q.get("vocabulary"):
                sources.append({"question": q["name"], "vocabulary": q["vocabulary"]})
            elif q.get("options") == "nations":
                sources.append({"question": q["name"], "vocabulary": REGION.vocabulary, "values": nations})
            else:
                raise KeyError(f"record.yml: question '{q['name']}' chooses examples, so it needs a vocabulary "
                               "or the nations as its options")
        return sources

    # The parts ------------------------------------------------------------

    def options(self, question: dict[str, Any]) -> list[tuple[str, str]]:
        if question.get("vocabulary"):
            return [(t.value, t.label) for t in self.vocab[question["vocabulary"]]]
        if question.get("options") == "nations":
            return [(n["id"], n["label"]) for n in self.data["nations"]]
        return [(str(o["id"]), o["label"]) for o in question.get("options") or []]

    def _question(self, q: dict[str, Any], link) -> Markup:
        name, kind = q["name"], q["kind"]
        if kind not in KINDS:
            raise KeyError(f"question '{name}' has kind '{kind}'; kinds are: {', '.join(KINDS)}")
        options = self.options(q) if kind in ("radio", "checkboxes", "select") else []
        return render("record-question.html", q={
            "name": name, "label": q["label"], "kind": kind, "ident": f"{ID_PREFIX}{name}", "options": options,
            "help": [(link(h["href"]), h["title"]) for h in q.get("help") or []],
            "guide": link(q["guide"]) if q.get("guide") else "",
            # When it applies and what the record calls it (record/main.js reads both).
            "when": json.dumps({"answers": q["when"]}, allow_nan=False) if q.get("when") else "",
            "labels": json.dumps(q["record_labels"], allow_nan=False) if q.get("record_labels") else "",
        })

    def _duty(self, duty_id: str, cited_by: str) -> dict[str, Any]:
        if duty_id not in self.duties:
            raise KeyError(f"record {cited_by} cites no duty with id '{duty_id}' in duties.yml")
        return self.duties[duty_id]

    @staticmethod
    def _inline(text: str) -> Markup:
        """A duties.yml paraphrase, whose Markdown (emphasis, cited links) is the hub's own, as HTML."""
        html = markdown.markdown(" ".join(text.split()))
        return Markup(html.removeprefix("<p>").removesuffix("</p>"))

    def _regime(self, regime: dict[str, Any], link) -> Markup:
        when = {"answers": regime.get("when") or {}}
        for key in ("value_at_least", "value_over"):
            if key in regime:
                when[key] = regime[key]
        if "at_threshold" in regime:
            when["value_at_least_for"] = self._threshold_test(regime["at_threshold"])
        if VALUE_TESTS & when.keys():
            when["value_of"] = self._value_question()
        duty = self._duty(regime["duty"], f"regime '{regime['id']}'")
        return render("record-regime.html", r={
            "id": regime["id"], "when": json.dumps(when, allow_nan=False), "title": regime["title"],
            "applies": " ".join(regime["applies"].split()), "section": duty["section"], "duty_title": duty["title"],
            "duty": self._inline(duty["duty"]), "url": regime["url"], "provision": regime["provision"],
            "note": " ".join(regime["note"].split()) if regime.get("note") else "",
            "sources": render("record-sources.html", sources=format_sources(duty.get("sources"))),
            "questions": Markup("").join(self._question(q, link) for q in regime["questions"]),
        })

    def _step(self, number: int, step: dict[str, Any], link) -> Markup:
        regimes = {r["id"]: r for r in self.data["regimes"]}
        body = Markup("").join(self._question(q, link) for q in step.get("questions") or [])
        body += Markup("").join(self._regime(regimes[r], link) for r in step.get("regimes") or [])
        law = []
        for duty_id in step["duties"]:
            duty = self._duty(duty_id, f"step '{step['id']}'")
            law.append((duty["section"], duty["title"], self._inline(duty["duty"])))
        return render("record-step.html", s={
            "number": number, "id": step["id"], "title": step["title"], "title_id": f"step-{step['id']}-title",
            "clauses": [(c["url"], c["label"]) for c in step["clauses"]], "law": law,
            "good_answer": " ".join(step["good_answer"].split()), "body": body, "has_regimes": bool(step.get("regimes")),
        })

    def html(self, from_uri: str) -> str:
        """The whole form, for the page built from `from_uri`."""

        def link(target: str) -> str:
            return page_link(target, from_uri)

        steps = self.data["steps"]
        data = {
            "facets": link(FACETS_PATH),
            "finder": link(f"{SECTION}/index.md"),
            "examples": json.dumps(self.example_sources(), allow_nan=False),
            "version": str(self.data["version"]),
        }
        return str(render(
            "record.html", data=list(data.items()), finder=data["finder"],
            nav=[(s["id"], s["title"]) for s in steps],
            first_steps=Markup("").join(self._step(n, s, link) for n, s in enumerate(steps[:2], start=1)),
            other_steps=Markup("").join(self._step(n, s, link) for n, s in enumerate(steps[2:], start=3)),
        ))
