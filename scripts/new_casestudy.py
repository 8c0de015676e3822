#!/usr/bin/env python3
"""Create a new case study: asks for each field in turn, checks each answer,
and writes casestudies/<slug>.md with the recommended sections.

Usage:
  scripts/new_casestudy.py                      ask for everything
  scripts/new_casestudy.py --title "…" …        give fields as flags; ask for the rest
  scripts/new_casestudy.py --no-input --title … never ask (for scripts); all required flags needed
  scripts/new_casestudy.py --from-issue FILE    turn a "Submit a case study" issue body into a file
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "hooks"))

from svhub.tools.venv import use_project_venv  # noqa: E402

use_project_venv()


from svhub.config import HubPaths  # noqa: E402
from svhub.editors.issue_form import answers_from_issue  # noqa: E402
from svhub.editors.scaffold import (  # noqa: E402
    OUTCOME_FIELDS,
    OUTCOME_HELP,
    QUESTIONS,
    SOURCE_FIELDS,
    SOURCE_HELP,
    AnswerError,
    Field,
    Question,
    Scaffold,
    free_slug,
    slugify,
)
from svhub.load import frontmatter  # noqa: E402
from svhub.load.frontmatter import FrontMatterError  # noqa: E402
from svhub.load.loader import load_file  # noqa: E402
from svhub.load.messages import Severity, escape  # noqa: E402
from svhub.load.narrative import NO_PROSE  # noqa: E402
from svhub.pages.review import build_date  # noqa: E402
from svhub.structure.vocabularies import load_vocabularies  # noqa: E402
from svhub.tools.cli import ArgumentParser, run  # noqa: E402


class Stop(Exception):
    """The editor's input cannot make a valid file: say why and exit 1."""


def parse_args() -> argparse.Namespace:
    parser = ArgumentParser(prog="new_casestudy.py", description=__doc__.splitlines()[0],
                            formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    for question in QUESTIONS:
        parser.add_argument(question.flag, dest=question.dest, action="append" if question.many else "store",
                            help=question.help + (" Repeat for more." if question.many else ""))
    parser.add_argument("--outcome", action="append", default=[], help=f"'{OUTCOME_HELP}'; repeat for more")
    parser.add_argument("--source", action="append", default=[], help=f"'{SOURCE_HELP}'; repeat for more")
    for name in ("published", "last-reviewed", "review-by"):
        parser.add_argument(f"--{name}", help="YYYY-MM-DD")
    parser.add_argument("--slug", help="file name without .md (default: made from the title)")
    parser.add_argument("--no-input", action="store_true", help="never ask; fail if a required field is missing")
    parser.add_argument("--from-issue", type=Path, metavar="FILE", help="a submitted issue body, as Markdown")
    parser.add_argument("--dir", type=Path, default=PROJECT / "casestudies", help=argparse.SUPPRESS)
    return parser.parse_args()


BACK = ("<", "back")


class Back(Exception):
    """The editor typed '<' or 'back': the previous question again."""


class Session:
    """Asks, or takes from flags, every answer, checking each one at once. Asked
    questions can be gone back over ('<' or 'back'), and reviewed before writing."""

    def __init__(self, scaffold: Scaffold, interactive: bool, ask: Callable[[str], str] = input):
        self.scaffold = scaffold
        self.interactive = interactive
        self.ask = ask
        self.raws: dict[str, str] = {}  # what the editor typed for each question asked
        self.shown: dict[str, str] = {}  # and what it was understood as, when that differs

    def _prompt(self, label: str, help_text: str, vocabulary: str | None, required: bool, many: bool = False,
                current: str | None = None, shown: str | None = None) -> str:
        lines = [f"\n{label}: {help_text}"]
        if vocabulary:
            terms = list(self.scaffold.vocab[vocabulary])
            lines += [f"  {n}. {t.label}" for n, t in enumerate(terms, start=1)]
            lines.append("  (type a number" + (", or several separated by commas" if many else "") + ")")
        if current:
            lines.append(f"  (now: {shown or current}; press Enter to keep it)")
        elif not required:
            lines.append("  (optional: press Enter to skip)")
        print("\n".join(lines))
        raw = self.ask("> ")
        if raw.strip().lower() in BACK:
            raise Back
        return current if current and not raw.strip() else raw

    def _say_understood(self, vocabulary: str | None, raw: str, value: object) -> None:
        shown = self.scaffold.understood(vocabulary, raw, value)
        if shown:
            print(f"  Understood: {shown}")

    def ask_question(self, question: Question) -> object:
        """One question, asked until its answer is good (Back propagates)."""
        while True:
            raw = self._prompt(question.label, question.help, question.vocabulary, question.required,
                               question.many, self.raws.get(question.dest), self.shown.get(question.dest))
            try:
                value = self.scaffold.answer(question, raw)
            except AnswerError as error:
                print(f"  Sorry: {error}. Try again.")
                continue
            self.raws[question.dest] = raw
            self.shown[question.dest] = self.scaffold.understood(question.vocabulary, raw, value)
            self._say_understood(question.vocabulary, raw, value)
            return value

    def value(self, question: Question, given: str | list[str] | None) -> object:
        raw = ", ".join(given) if isinstance(given, list) else given
        if raw is None:
            if question.required:
                raise Stop(f"{question.flag} is required with --no-input")
            return None
        try:
            return self.scaffold.answer(question, raw)
        except AnswerError as error:
            raise Stop(f"{question.flag}: {error}") from None

    def questions(self, given: dict[str, object]) -> dict[str, object]:
        """Every question's answer: from flags, else asked in turn, '<' going back one."""
        answers = {q.dest: self.value(q, given[q.dest]) for q in QUESTIONS
                   if given.get(q.dest) is not None or not self.interactive}
        asked = [q for q in QUESTIONS if q.dest not in answers]
        if asked:
            print("Answer each question in turn. Type < (or back) to go back a question; "
                  "you can check every answer before the file is written.")
        index = 0
        while index < len(asked):
            try:
                answers[asked[index].dest] = self.ask_question(asked[index])
                index += 1
            except Back:
                index = max(0, index - 1)
        return answers

    def item(self, kind: str, fields: tuple[Field, ...], one_field: Callable, whole: Callable,
             one_line: Callable[[str], dict]) -> dict:
        """One outcome or source, field by field ('<' goes back a field); an answer to
        the first field with '|' in it is taken as the whole item on one line."""
        raws: dict[str, str] = {}
        index = 0
        while True:
            while index < len(fields):
                field = fields[index]
                try:
                    raw = self._prompt(f"{kind}, {field.label.lower()}", field.help, field.vocabulary,
                                       field.required, current=raws.get(field.key))
                except Back:
                    if index == 0:
                        print(f"  This is the first field of this {kind.lower()}.")
                    index = max(0, index - 1)
                    continue
                if index == 0 and "|" in raw:
                    try:
                        return one_line(raw)
                    except AnswerError as error:
                        print(f"  Sorry: {error}. Try again.")
                        continue
                try:
                    value = one_field(field, raw)
                except AnswerError as error:
                    print(f"  Sorry: {error}. Try again.")
                    continue
                self._say_understood(field.vocabulary, raw, value)
                raws[field.key] = raw
                index += 1
            try:
                return whole(raws)
            except AnswerError as error:
                print(f"  Sorry: {error}. Let's go through this {kind.lower()} again.")
                index = 0

    def repeated(self, label: str, given: list[str], parse: Callable[[str], dict], ask_one: Callable[[], dict],
                 again: bool = False) -> list[dict]:
        items = []
        for raw in given:
            try:
                items.append(parse(raw))
            except AnswerError as error:
                raise Stop(f"--{label.lower().rstrip('s')}: {error}") from None
        while self.interactive and (again or not items or self.ask(f"Add another {label.lower()[:-1]}? [y/N] ")
                                    .strip().lower().startswith("y")):
            again = False
            print(f"\n{label[:-1]} {len(items) + 1}, one field at a time:")
            items.append(ask_one())
        if not items:
            raise Stop(f"at least one {label.lower()[:-1]} is required (--{label.lower()[:-1]})")
        return items

    def outcomes(self, given: list[str], again: bool = False) -> list[dict]:
        scaffold = self.scaffold
        return self.repeated("Outcomes", given, scaffold.outcome, lambda: self.item(
            "Outcome", OUTCOME_FIELDS, scaffold.outcome_field, scaffold.outcome_fields, scaffold.outcome), again)

    def sources(self, given: list[str], again: bool = False) -> list[dict]:
        scaffold = self.scaffold
        return self.repeated("Sources", given, scaffold.source, lambda: self.item(
            "Source", SOURCE_FIELDS, scaffold.source_field, scaffold.source_fields, scaffold.source), again)

    def review(self, answers: dict[str, object], outcomes: list[dict], sources: list[dict],
               build: Callable[[], dict]) -> dict:
        """Every answer shown before the file is written; any can be changed."""
        while True:
            print("\nPlease check your answers:")
            for number, question in enumerate(QUESTIONS, start=1):
                value = answers.get(question.dest)
                shown = self.scaffold.understood(question.vocabulary, "", value) if value not in (None, []) else ""
                print(f"  {number:2}. {question.label}: {shown or '(blank)'}")
            for number, outcome in enumerate(outcomes, start=1):
                figure = f", {outcome['figure']:,} {outcome['unit']}" if "figure" in outcome else ""
                print(f"   Outcome {number}: {outcome['description']} ({outcome['status']}{figure})")
            for number, source in enumerate(sources, start=1):
                print(f"   Source {number}: {source['title']}, {source['url']}")
            choice = self.ask("Press Enter to write the file, or type a number to change that answer, "
                              "o to give the outcomes again, s the sources > ").strip().lower()
            if not choice:
                try:
                    return build()
                except AnswerError as error:
                    print(f"  Sorry: {error}. Change that answer, then press Enter.")
            elif choice == "o":
                outcomes[:] = self.outcomes([], again=True)
            elif choice == "s":
                sources[:] = self.sources([], again=True)
            elif choice.isdigit() and 1 <= int(choice) <= len(QUESTIONS):
                question = QUESTIONS[int(choice) - 1]
                try:
                    answers[question.dest] = self.ask_question(question)
                except Back:
                    pass
            else:
                print(f"  Sorry: '{choice}' is not a number from 1 to {len(QUESTIONS)}, o or s.")


def narrative(text: str, scaffold: Scaffold, front: dict) -> str:
    """The submitted story under the recommended headings, or prompts for it."""
    skeleton = scaffold.render(front)
    if not text.strip():
        return skeleton
    if "## " in text:
        return skeleton.split("---\n\n", 1)[0] + "---\n\n" + text.strip() + "\n"
    return skeleton.replace("<!-- What problem or need did the commissioner face? -->", text.strip(), 1)


def main() -> int:
    args = parse_args()
    paths = HubPaths(PROJECT)
    scaffold = Scaffold(load_vocabularies(paths.vocabularies))
    given = {q.dest: getattr(args, q.dest) for q in QUESTIONS}
    outcomes, sources, story = list(args.outcome), list(args.source), ""
    if args.from_issue:
        try:
            issue = frontmatter.decode(frontmatter.read(args.from_issue))
        except FrontMatterError as exc:
            raise Stop(f"{escape(str(args.from_issue))}:{exc.position.line}:{exc.position.col}: "
                       f"the issue body: {exc.message}") from None
        answers, outcomes, sources, story = answers_from_issue(issue)
        given = {dest: (value or None) for dest, value in answers.items()} | {
            k: v for k, v in given.items() if v is not None}
        given["owner"] = given.get("owner") or "editorial-team"
    interactive = not (args.no_input or args.from_issue)
    session = Session(scaffold, interactive)
    answers = session.questions(given)
    outcome_items = session.outcomes(outcomes)
    source_items = session.sources(sources)
    for name in ("published", "last_reviewed", "review_by"):
        raw = getattr(args, name)
        if raw:
            try:
                answers[name] = scaffold.date(raw)
            except AnswerError as error:
                raise Stop(f"--{name.replace('_', '-')}: {error}") from None
    def build() -> dict:
        return scaffold.front_matter(answers, outcome_items, source_items, build_date())

    try:
        front = session.review(answers, outcome_items, source_items, build) if interactive else build()
    except AnswerError as error:
        raise Stop(str(error)) from None

    folder = args.dir
    slug = args.slug or slugify(str(answers["title"]))
    target = folder / f"{slug}.md"
    if target.exists():
        raise Stop(f"{paths.display(target)} already exists and will not be overwritten\n"
                   f"    hint: use --slug {free_slug(slug, folder)}")
    text = narrative(story, scaffold, front)
    target.write_text(text, encoding="utf-8")
    result = load_file(target, paths=paths)
    # Sections still to write are expected in a new file: they are the editor's next step.
    to_write = [d for d in result.diagnostics if NO_PROSE in d.message]
    problems = [d for d in result.diagnostics if d.severity is Severity.ERROR and d not in to_write]
    if problems or result.document is None:
        target.unlink()
        raise Stop("the answers do not make a valid case study:\n" + "\n".join(d.format() for d in problems))
    print(f"Wrote {paths.display(target)}.")
    if to_write:
        print("Still to write (the check refuses the file until each has text):")
        print("\n".join(f"  line {d.line}: {d.message.split(':')[0]}" for d in to_write))
    print(f"Then check it with:\n  scripts/validate.py {paths.display(target)}")
    return 0


def entry() -> int:
    try:
        return main()
    except Stop as stop:
        print(f"new_casestudy.py: error: {stop}", file=sys.stderr)
        return 1
    except EOFError:
        print("\nnew_casestudy.py: error: input ended before every question was answered; nothing was written",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    run(entry)
