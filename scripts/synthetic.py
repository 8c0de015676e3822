#!/usr/bin/env python3
"""Write a synthetic, schema-valid library of N case studies, for `make bench`.

Text is sampled from the hub's own guidance pages, so word lengths, vocabulary
and field lengths look like real case studies. Every file says it is synthetic.

Usage: scripts/synthetic.py --count 1000 --out DIR
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from svhub.tools.venv import use_project_venv  # noqa: E402

use_project_venv()

import yaml  # noqa: E402

from svhub.config import HubPaths  # noqa: E402
from svhub.structure.vocabularies import load_vocabularies  # noqa: E402
from svhub.tools.cli import ArgumentParser, run  # noqa: E402

PLACES = ("North", "South", "East", "West", "Upper", "Lower", "Great", "Little", "New", "Old")
ROOTS = ("brook", "field", "ford", "ham", "ley", "ton", "wick", "bury", "stead", "mouth", "by", "well")
STEMS = ("Ash", "Bram", "Cald", "Dun", "Elm", "Fair", "Glen", "Hart", "Ivy", "Kings", "Lang", "Mill",
         "Nor", "Oak", "Pen", "Red", "Stan", "Thorn", "Wex", "Yar")
BODIES = ("Borough Council", "County Council", "City Council", "NHS Trust", "Housing Association",
          "Combined Authority", "College", "Fire and Rescue Service")
FIRMS = ("Ltd", "CIC", "Trust", "Partnership LLP", "Co-operative", "Group plc")


def corpus(paths: HubPaths) -> list[str]:
    """Sentences from the guidance pages: real words at real lengths."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(paths.content.rglob("*.md")))
    text = re.sub(r"\{[^}]*\}|<[^>]+>|\[([^\]]*)\]\([^)]*\)|[#*_`>|]", r"\1", text)
    sentences = [" ".join(s.split()) for s in re.split(r"(?<=[.!?])\s+", text)]
    return [s for s in sentences if 40 <= len(s) <= 240 and ":" not in s and "---" not in s]


def place(rng: random.Random) -> str:
    name = rng.choice(STEMS) + rng.choice(ROOTS)
    return f"{rng.choice(PLACES)} {name}" if rng.random() < 0.3 else name


def sentences(rng: random.Random, pool: list[str], lo: int, hi: int) -> str:
    target = rng.randint(lo, hi)
    out = ""
    while len(out) < target:
        out = f"{out} {rng.choice(pool)}".strip()
    return out[:hi].rsplit(" ", 1)[0] if len(out) > hi else out


def case_study(index: int, rng: random.Random, pool: list[str], vocab) -> tuple[str, str]:
    values = {name: vocab[name].values for name in ("service", "region", "commissioner_type", "provider_type",
                                                    "stage", "evidence", "review_example", "kind")}
    themes = vocab["theme"].terms
    town = place(rng)
    service = rng.choice(values["service"])
    chosen = rng.sample(list(themes), rng.randint(2, 5))
    year = rng.randint(2013, 2026)
    title = f"{town} {vocab['service'].label(service).split(' and ')[0].lower()} contract {index}"
    front: dict = {
        "title": title[:120],
        "summary": "Synthetic benchmark data. " + sentences(rng, pool, 120, 270),
        "kind": rng.choice(values["kind"]),
        "commissioner": {"name": f"{town} {rng.choice(BODIES)}", "type": rng.choice(values["commissioner_type"]),
                         "region": rng.choice(values["region"])},
        "service": service,
    }
    if rng.random() < 0.5:
        front["partners"] = [f"{place(rng)} {rng.choice(BODIES)}" for _ in range(rng.randint(1, 2))]
    if rng.random() < 0.8:
        front["provider"] = {"name": f"{place(rng)} {rng.choice(FIRMS)}", "type": rng.choice(values["provider_type"])}
    if rng.random() < 0.1:
        front["review_example"] = rng.choice(values["review_example"])
    contract: dict = {"awarded": year}
    if rng.random() < 0.7:
        contract |= {"value_gbp": int(10 ** rng.uniform(4.5, 8.5)), "value_basis": rng.choice(["total", "annual"])}
    if rng.random() < 0.6:
        contract["social_value_weighting_pct"] = rng.choice([5, 10, 10, 15, 20, 20, 30])
    front["contract"] = contract
    front["stages"] = rng.sample(values["stage"], rng.randint(1, 3))
    statuses = vocab["outcome_status"].values  # in turn, not sampled: the rest of the library stays as it was
    front["outcomes"] = [
        {"dimension": themes[t].dimension, "theme": t, "description": sentences(rng, pool, 60, 220),
         "status": statuses[(index + number) % len(statuses)]}
        for number, t in enumerate(chosen)
    ]
    front["evidence"] = rng.choice(values["evidence"])
    front["sources"] = [{"title": f"Synthetic source {index}", "url": f"https://example.org/bench/{index}",
                         "publisher": "Benchmark generator"}]
    front["tags"] = rng.sample(["apprenticeships", "local-jobs", "net-zero", "repairs", "school-food",
                                "social-enterprise", "disability", "retrofit", "care-leavers", "volunteering"],
                               rng.randint(0, 3))
    front |= {"owner": "editorial-team", "published": "2026-01-01", "last_reviewed": "2026-01-01",
              "review_by": "2027-01-01"}
    sections = ["The challenge", "What the commissioner did", "Social value delivered", "Lessons for commissioners"]
    body = "\n\n".join(f"## {s}\n\n{sentences(rng, pool, 300, 900)}" for s in sections)
    slug = f"bench-{re.sub(r'[^a-z0-9]+', '-', town.lower())}-{index}"
    text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=100) + "---\n\n" + body + "\n"
    return slug, text


def write_library(count: int, out: Path, seed: int = 2012, paths: HubPaths | None = None) -> None:
    paths = paths or HubPaths()
    vocab = load_vocabularies(paths.vocabularies)
    pool = corpus(paths)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        slug, text = case_study(index, rng, pool, vocab)
        (out / f"{slug}.md").write_text(text, encoding="utf-8")


def main() -> int:
    parser = ArgumentParser(prog="synthetic.py", description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    write_library(args.count, args.out)
    print(f"Wrote {args.count} synthetic case studies to {args.out}/")
    return 0


if __name__ == "__main__":
    run(main)
