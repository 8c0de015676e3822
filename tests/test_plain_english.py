"""The home page and the law pages are written in plain English: short sentences.

GOV.UK's style aims at no more than about 25 words in a sentence; the hub holds
each of these pages to an average of 20 words or fewer, measured on the real
site as built, so that text rendered from content/_data/*.yml counts too, and
lets no sentence run past 40 words.

What is measured: the article's prose, that is the text of its paragraphs and
list items. Left out: tables (figures and citations, not sentences), code,
admonition titles (headings of a box), the sources list and each statement's
"Sources:" line (titles of other people's documents), the review panel and the print-only page address. A
sentence ends at . ? or ! (and any closing quote or bracket) followed by a
space and a capital letter, or at the end of the paragraph or list item; a
word is a run of characters with a letter or digit in it.
"""

from __future__ import annotations

import re

import pytest
from bs4 import NavigableString
from conftest import soup

MAX_AVERAGE = 20
MAX_SENTENCE = 40  # GOV.UK aims at about 25; a sentence past 40 words can always be split
# The record tool's questions and hints come from content/_data/record.yml, which is being
# rewritten on another branch; its page is held to the average but not yet to the ceiling.
CEILING_LATER = {"guidance/record-of-consideration/"}
LEFT_OUT = ("table, pre, code, .admonition-title, .hub-sources, .hub-statement-sources, .hub-record-sources,"
            " .hub-review, .hub-print-only")
SENTENCE_END = re.compile(r"(?<=[.?!])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z])")
WORD = re.compile(r"\S*[A-Za-z0-9]\S*")
PAGES = ["", *[f"{section}/{page}/" for section, pages in {
    "guidance": ["can-and-cannot", "contract-management", "evaluation", "measuring-and-reporting",
                 "pre-procurement", "procurement-act-2023", "record-of-consideration", "scope-check",
                 "specification"],
    "the-act": ["devolved-nations", "extent-and-dates", "local-government-act-1988", "the-duty", "timeline",
                "what-it-does-not-require", "when-it-applies", "who-and-which-contracts"],
}.items() for page in pages], "guidance/", "the-act/"]


def prose_blocks(article) -> list[str]:
    """The text of each paragraph and list item, each string counted in its nearest one only."""
    for left_out in article.select(LEFT_OUT):
        left_out.decompose()
    blocks: dict[int, list[str]] = {}
    for text in article.find_all(string=True):
        if type(text) is not NavigableString:
            continue  # comments, not text
        block = text.find_parent(["p", "li"])
        if block is not None:
            blocks.setdefault(id(block), []).append(str(text))
    return [" ".join("".join(parts).split()) for parts in blocks.values() if "".join(parts).strip()]


def sentences(block: str) -> list[str]:
    return [s for s in SENTENCE_END.split(block) if WORD.search(s)]


def words(sentence: str) -> int:
    return len(WORD.findall(sentence))


def measure(site, url: str) -> tuple[float, list[str]]:
    """The page's average words per sentence, and its sentences, longest first."""
    found = [s for block in prose_blocks(soup(site, url).find("article")) for s in sentences(block)]
    return sum(map(words, found)) / len(found), sorted(found, key=words, reverse=True)


def test_the_measure_splits_sentences_as_a_reader_does():
    assert sentences("The Act applies. It says so in s.1(3). Is it 2012? Yes!") == [
        "The Act applies.", "It says so in s.1(3).", "Is it 2012?", "Yes!"]
    assert sentences("See reg. 5 of S.I. 2015/102. “Social value” means this.") == [
        "See reg. 5 of S.I. 2015/102.", "“Social value” means this."]
    assert words("It must have regard to s.12 (the objectives) — see 2.1.") == 10


@pytest.mark.parametrize("url", PAGES)
def test_each_law_page_averages_twenty_words_or_fewer_per_sentence(real_site, url):
    average, longest = measure(real_site, url)
    assert average <= MAX_AVERAGE, (f"/{url}: {average:.1f} words a sentence; longest: "
                                    + " | ".join(f"({words(s)}) {s}" for s in longest[:5]))


@pytest.mark.parametrize("url", [url for url in PAGES if url not in CEILING_LATER])
def test_no_sentence_on_a_law_page_runs_past_forty_words(real_site, url):
    too_long = [f"({words(s)}) {s}" for s in measure(real_site, url)[1] if words(s) > MAX_SENTENCE]
    assert not too_long, (f"/{url}", too_long)


def test_every_guidance_and_act_page_is_measured(real_site):
    built = {p.parent.relative_to(real_site).as_posix() + "/" for section in ("guidance", "the-act")
             for p in (real_site / section).rglob("index.html")}
    assert built == set(PAGES) - {""}
