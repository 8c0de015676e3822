"""The one loader: a case-study file in, a typed CaseStudy or diagnostics out.

The MkDocs hooks, scripts/validate.py, scripts/compile.py and the tests all
come through here, so there is exactly one definition of a valid case study.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..config import HubPaths
from ..dates import parse_date
from ..structure.casestudy import (
    CaseStudy,
    Contract,
    Frameworks,
    Kpi,
    Notice,
    Organisation,
    OrganisationChange,
    Outcome,
    ProcurementAct,
    Rating,
    Source,
)
from ..structure.library import Library
from ..structure.vocabularies import Vocabularies, load_vocabularies
from . import frontmatter
from .crosscheck import check_library
from .frontmatter import Document, FrontMatterError
from .messages import Diagnostic, Position, Report, has_errors
from .narrative import check_narrative
from .result import LoadResult
from .rules import check_slug, check_values, cross_field_rules
from .schema_errors import schema_problems


def _source(s: dict) -> Source:
    return Source(s["title"], s["url"], s["publisher"], parse_date(s.get("date")), bool(s.get("copy")))


def _procurement_act(data: dict) -> ProcurementAct:
    return ProcurementAct(
        notices=tuple(Notice(n["id"], n.get("type"), n.get("url"), parse_date(n.get("date"))) for n in data.get("notices") or ()),
        kpis=tuple(Kpi(k["name"], k.get("target")) for k in data.get("kpis") or ()),
        performance=tuple(Rating(r["rating"], r["period"], r.get("notice"), r.get("kpi"))
                          for r in data.get("performance") or ()),
    )


def _build(slug: str, path: str, doc: Document, dates: dict) -> CaseStudy:
    data = doc.data
    contract = dict(data.get("contract") or {})
    for key in ("awarded", "started"):
        if key in dates:
            contract[key] = dates[key]
    provider = data.get("provider")
    return CaseStudy(
        slug=slug,
        path=path,
        title=data["title"].strip(),
        summary=" ".join(data["summary"].split()),
        kind=data["kind"],
        commissioner=Organisation(**data["commissioner"]),
        partners=tuple(data.get("partners") or ()),
        provider=Organisation(**provider) if provider else None,
        service=data["service"],
        review_example=data.get("review_example"),
        contract=Contract(**contract),
        stages=tuple(data["stages"]),
        outcomes=tuple(
            Outcome(
                dimension=o["dimension"],
                theme=o["theme"],
                description=" ".join(o["description"].split()),
                evidence=o.get("evidence", data["evidence"]),
                status=o["status"],
                figure=o.get("figure"),
                unit=o.get("unit"),
                period=" ".join(o["period"].split()) if o.get("period") else None,
                reported_by=o.get("reported_by"),
            )
            for o in data["outcomes"]
        ),
        evidence=data["evidence"],
        sources=tuple(_source(s) for s in data["sources"]),
        tags=tuple(data.get("tags") or ()),
        organisation_changes=tuple(
            OrganisationChange(c["organisation"], c["change"], parse_date(c["date"]), c["now"],
                               tuple(_source(s) for s in c["sources"]))
            for c in data.get("organisation_changes") or ()
        ),
        frameworks=Frameworks(**{key: tuple(values) for key, values in (data.get("frameworks") or {}).items()}),
        stated_year=data.get("year"),
        year_basis=data.get("year_basis"),
        regimes=tuple(data.get("regimes") or ()),
        procurement_act=_procurement_act(data.get("procurement_act") or {}),
        owner=data["owner"],
        published=dates["published"],
        last_reviewed=dates["last_reviewed"],
        review_by=dates["review_by"],
        body=doc.body,
    )


def load_file(file: Path, vocab: Vocabularies | None = None, paths: HubPaths | None = None) -> LoadResult:
    paths = paths or HubPaths()
    vocab = vocab or load_vocabularies(paths.vocabularies)
    shown = paths.display(file)
    report = Report(shown)
    slug = file.stem
    if file.suffix != ".md":
        report.add(Position(1, 1), "case-study files must end in '.md'", f"rename it to '{slug}.md'")
        return LoadResult(shown, None, report.items)
    check_slug(slug, report)
    try:
        doc = frontmatter.parse(frontmatter.read(file))
    except FrontMatterError as exc:
        report.add(exc.position, exc.message, exc.hint)
        return LoadResult(shown, None, report.items)
    report.doc = doc
    schema_problems(doc, vocab, report)
    check_values(doc.data, (), report)
    dates = cross_field_rules(doc.data, vocab, report)
    report.items.extend(check_narrative(shown, doc.body, doc.body_line))
    if has_errors(report.items):
        return LoadResult(shown, None, sorted(report.items), doc)
    return LoadResult(shown, _build(slug, shown, doc, dates), sorted(report.items), doc)


# The folder's own files; everything else in casestudies/ is a case study or a mistake.
LIBRARY_FILES = frozenset({"schema.json", "vocabularies.yml", "readme.md"})


def casestudy_files(directory: Path) -> list[Path]:
    """Every file in the folder but its own: the case studies, and anything else
    (a '.MD' or '.markdown' file, a stray folder), which load_file reports rather
    than leave unpublished without a word."""
    return sorted(p for p in directory.iterdir() if p.name.lower() not in LIBRARY_FILES)


def site_sources(paths: HubPaths) -> tuple[Path, ...]:
    """The folders whose files the site engine publishes: content/, the hub's theme
    folder and Material's own (found without importing the engine)."""
    folders = [paths.content, paths.root / "site_overrides"]
    material = importlib.util.find_spec("material")
    if material is not None and material.origin:
        folders.append(Path(material.origin).parent / "templates")
    return tuple(folders)


@dataclass
class LibraryLoad:
    library: Library
    results: list[LoadResult]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for r in self.results for d in r.diagnostics]

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def load_library(files: Iterable[Path] | None = None, paths: HubPaths | None = None) -> LibraryLoad:
    paths = paths or HubPaths()
    vocab = load_vocabularies(paths.vocabularies)
    files = list(files) if files is not None else casestudy_files(paths.casestudies)
    results = [load_file(f, vocab, paths) for f in files]
    check_library(results, site_sources(paths))
    library = Library([r.case_study for r in results if r.ok], vocab)
    return LibraryLoad(library, results)
