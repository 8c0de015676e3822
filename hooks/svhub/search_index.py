"""The finder's keyword index, built once at build time with lunr.py.

The browser loads the serialised index with lunr.js's `lunr.Index.load` and
never builds one, so the fields, their boosts and the text pipeline are
defined here only. The pipeline is made to do exactly what lunr.js 2.3.9 does,
and `query()` is the same query the finder's JavaScript makes (finder.js,
`lunrQuery`), so a query ranks the same case studies in the same order in
Python and in the browser (tests/test_search_index_parity.py checks this).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lunr.builder import Builder
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.query import Query, QueryPresence
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.tokenizer import Tokenizer

from . import lunr_stemmer
from .structure.casestudy import CaseStudy


@dataclass(frozen=True)
class SearchField:
    """One field of the keyword index: its name, boost and where its text comes from."""

    name: str
    boost: int
    text: Callable[[CaseStudy], str]


# What the keyword box searches, in three fields so the index stays small
# (`make bench`): title and summary are boosted; the details field holds the
# organisations, tags and outcome descriptions. Narratives are left to
# Material's site search.
FIELDS: tuple[SearchField, ...] = (
    SearchField("title", 10, lambda c: c.title),
    SearchField("summary", 5, lambda c: c.summary),
    SearchField("details", 1, lambda c: " ".join([
        c.commissioner.name, c.provider.name if c.provider else "", *c.partners, *c.tags,
        *(o.description for o in c.outcomes)])),
)

# A query word only matches as a prefix ("appren" finds "apprentices") from this
# length on; shorter prefixes would expand to too many terms to answer quickly.
PREFIX_MIN = 3

# JavaScript's \s, which lunr.js splits on; Python's lunr only knows a few of them.
_JS_WHITESPACE = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]")
# lunr.js trims with JavaScript's \W, which is ASCII-only: é counts as a non-word character.
_JS_LEADING = re.compile(r"^[^A-Za-z0-9_]+")
_JS_TRAILING = re.compile(r"[^A-Za-z0-9_]+$")


def js_text(text: str) -> str:
    """Text as lunr.js would split it: every JavaScript whitespace character is a space."""
    return _JS_WHITESPACE.sub(" ", text)


def js_trimmer(token: Token, i: int | None = None, tokens: list | None = None) -> Token:
    """lunr.js's trimmer (Python lunr's trimmer treats non-ASCII letters differently)."""
    return token.update(lambda s, _metadata=None: _JS_TRAILING.sub("", _JS_LEADING.sub("", s)))


def js_stemmer(token: Token, i: int | None = None, tokens: list | None = None) -> Token:
    """lunr.js's stemmer (see svhub.lunr_stemmer)."""
    return token.update(lambda s, _metadata=None: lunr_stemmer.stem(s))


Pipeline.register_function(js_trimmer, "svhub-js-trimmer")
Pipeline.register_function(js_stemmer, "svhub-js-stemmer")


def tokens(text: str) -> list[Token]:
    return Tokenizer(js_text(text))


def index_pipeline() -> Pipeline:
    """What lunr.js's own builder runs on every field: trimmer, stop words, stemmer."""
    pipeline = Pipeline()
    pipeline.add(js_trimmer, stop_word_filter, js_stemmer)
    return pipeline


def index_terms(text: str) -> list[str]:
    """The terms a piece of text puts in the index."""
    return [str(token) for token in index_pipeline().run(tokens(text))]


def build_index(case_studies: Sequence[CaseStudy]) -> Index:
    """Refs are positions in `case_studies` (short, so the index stays small)."""
    builder = Builder()
    builder.pipeline = index_pipeline()
    builder.search_pipeline.add(js_stemmer)
    builder.ref("ref")
    for field in FIELDS:
        builder.field(field.name, boost=field.boost)
    for position, case_study in enumerate(case_studies):
        builder.add({"ref": str(position)} | {f.name: js_text(f.text(case_study)) for f in FIELDS})
    return builder.build()


def query_words(text: str) -> list[str]:
    """The words of what someone typed that can match: trimmed, without stop words."""
    words = []
    for token in tokens(text):
        token = js_trimmer(token)
        if str(token) and stop_word_filter(token) is not None:
            words.append(str(token))
    return words


def query(index: Index, text: str) -> list[tuple[str, float]]:
    """Every word must match, as a whole word (boosted) or, from PREFIX_MIN letters, as a prefix.

    Ranked as the finder ranks: by score to six places (JavaScript's
    Math.round), then newest first (the order of the refs)."""
    words = query_words(text)
    if not words:
        return []
    q = index.create_query()
    for word in words:
        stem = lunr_stemmer.stem(word)
        if len(word) >= PREFIX_MIN:
            q.term(stem, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING, presence=QueryPresence.REQUIRED)
            q.term(word, use_pipeline=True, boost=10)
        else:
            q.term(word, use_pipeline=True, presence=QueryPresence.REQUIRED)
    found = [(match["ref"], match["score"]) for match in index.query(q)]
    return sorted(found, key=lambda m: (-math.floor(m[1] * 1e6 + 0.5), int(m[0])))


def pack(index: Index) -> dict:
    """The serialised index in a compact form the finder expands for `lunr.Index.load`.

    lunr's own JSON repeats every document ref and field name per posting; here
    terms are numbered by their sorted position, postings are gaps between
    document numbers, and field vectors are (term-number gap, score x 1000)
    pairs. Both are comma-separated strings, which a browser parses far faster
    than nested arrays and expands only when a query touches them. Nothing is
    dropped or recomputed: expanding it gives back lunr's serialised index with
    the terms renumbered.
    """
    fields = list(index.fields)
    terms = sorted(index.inverted_index)
    number = {index.inverted_index[term]["_index"]: position for position, term in enumerate(terms)}
    postings = []
    for term in terms:
        posting = index.inverted_index[term]
        postings.append([_joined(_gaps(sorted(int(ref) for ref in posting[field]))) for field in fields])
    refs = sorted({int(ref) for ref in (key.split("/", 1)[1] for key in index.field_vectors)})
    vectors = []
    for field in fields:
        per_doc = []
        for ref in refs:
            elements = index.field_vectors[f"{field}/{ref}"].elements
            pairs = sorted((number[elements[i]], round(elements[i + 1] * 1000)) for i in range(0, len(elements), 2))
            flat, previous = [], 0
            for term_number, score in pairs:
                flat += [term_number - previous, score]
                previous = term_number
            per_doc.append(_joined(flat))
        vectors.append(per_doc)
    # The search pipeline is lunr.js's own "stemmer", which js_stemmer reproduces.
    return {"version": "2.3.9", "fields": fields, "pipeline": ["stemmer"], "documents": len(refs),
            "terms": terms, "postings": postings, "vectors": vectors}


def _gaps(numbers: list[int]) -> list[int]:
    return [n - (numbers[i - 1] if i else 0) for i, n in enumerate(numbers)]


def _joined(numbers: list[int]) -> str:
    return ",".join(map(str, numbers))
