"""The finder's keyword index, built once at build time with lunr.py.

The browser loads the packed index (`pack`) and matches and scores a query
as lunr's Index.query does (engine/index.js); it never builds an index, so
the fields, their boosts and the text pipeline are defined here only. The pipeline is made to do exactly what lunr.js 2.3.9 does,
and `query()` is the same query the finder's JavaScript makes (the finder's
engine/query.js), so a query ranks the same case studies in the same order in
Python and in the browser (tests/test_search_index_parity.py and
tests/js/query.test.js check this).
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from lunr.builder import Builder
from lunr.idf import idf as Idf
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.query import Query, QueryPresence
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.tokenizer import SEPARATOR_CHARS, Tokenizer
from lunr.vector import Vector

from ..structure.casestudy import CaseStudy
from ..structure.facets import NAMED_FACETS
from ..structure.vocabularies import Vocabularies
from . import stemmer


@dataclass(frozen=True)
class SearchField:
    """One field of the keyword index: its name, boost and where its text comes from."""

    name: str
    boost: int
    text: Callable[[CaseStudy, Vocabularies], str]


def facet_names(case_study: CaseStudy, vocab: Vocabularies) -> list[str]:
    """Every name (label and synonyms) of the values a case study holds in the
    facets a query can name, so that a theme's or a region's word finds every
    case study tagged with it, whether or not its text says so."""
    return [name for facet in NAMED_FACETS if facet.vocabulary
            for value in facet.values_of(case_study) for name in vocab[facet.vocabulary].terms[value].names]


# What the keyword box searches, in three fields so the index stays small
# (`make bench`): title and summary are boosted; the details field holds the
# organisations, tags, outcome descriptions and the names of the case study's
# facet values (facet_names). Narratives are left to the site search's pages.
FIELDS: tuple[SearchField, ...] = (
    SearchField("title", 10, lambda c, _vocab: c.title),
    SearchField("summary", 5, lambda c, _vocab: c.summary),
    SearchField("details", 1, lambda c, vocab: " ".join([
        c.commissioner.name, c.provider.name if c.provider else "", *c.partners, *c.tags,
        *(o.description for o in c.outcomes), *facet_names(c, vocab)])),
)


def case_study_texts(case_studies: Sequence[CaseStudy], vocab: Vocabularies) -> list[dict[str, str]]:
    """Each case study's text per field, as the finder and the site search index it."""
    return [{f.name: f.text(c, vocab) for f in FIELDS} for c in case_studies]


# A query word only matches as a prefix ("appren" finds "apprentices") from this
# length on. Shorter prefixes match too much to narrow a search, and to answer
# quickly: in the 10,000-case-study benchmark "app" matched two-thirds of them,
# and lunr.js took 25 to 60 ms over it.
PREFIX_MIN = 4

# JavaScript's \s, which lunr.js splits on; Python's lunr only knows a few of them.
JS_WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_JS_WHITESPACE = re.compile(f"[{JS_WHITESPACE}]")
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
    """lunr.js's stemmer (see svhub.engine.stemmer)."""
    return token.update(lambda s, _metadata=None: stemmer.stem(s))


Pipeline.register_function(js_trimmer, "svhub-js-trimmer")
Pipeline.register_function(js_stemmer, "svhub-js-stemmer")


def tokens(text: str) -> list[Token]:
    return Tokenizer(js_text(text))


def index_pipeline() -> Pipeline:
    """What lunr.js's own builder runs on every field: trimmer, stop words, stemmer."""
    pipeline = Pipeline()
    pipeline.add(js_trimmer, stop_word_filter, js_stemmer)
    return pipeline


def distinct_terms(text: str) -> int:
    """How many different terms a text puts in the index."""
    return len(set(_terms(js_text(text))))


def index_terms(text: str) -> list[str]:
    """The terms a piece of text puts in the index."""
    return [str(token) for token in index_pipeline().run(tokens(text))]


def build_index(case_studies: Sequence[CaseStudy], vocab: Vocabularies) -> Index:
    """Refs are positions in `case_studies` (short, so the index stays small)."""
    return build_documents(case_study_texts(case_studies, vocab), [(f.name, f.boost) for f in FIELDS])


def build_documents(documents: Sequence[Mapping[str, str]], fields: Sequence[tuple[str, int]]) -> Index:
    """An index of any documents, each a text per field, with the finder's
    pipeline: the site search (svhub.search) indexes guidance sections and
    case studies with it, so both are searched by one query and one stemmer.
    Refs are positions in `documents`."""
    builder = _Builder()
    builder.pipeline = index_pipeline()
    builder.search_pipeline.add(js_stemmer)
    builder.ref("ref")
    for name, boost in fields:
        builder.field(name, boost=boost)
    for position, document in enumerate(documents):
        builder.add({"ref": str(position)} | {name: js_text(document.get(name, "")) for name, _boost in fields})
    return builder.build()


# What lunr.py's Tokenizer splits on (lunr.tokenizer.SEPARATOR_CHARS), as one pattern.
_SEPARATORS = re.compile("[" + re.escape(SEPARATOR_CHARS) + "]+")


@functools.cache
def _terms(text: str) -> tuple[str, ...]:
    """A field's terms: lunr's Tokenizer and the pipeline, as lunr.py's builder
    runs them. Remembered, as the finder and the site search index the same
    case-study texts; split with one pattern, as lunr.py's Tokenizer reads a
    character at a time (the same words: runs of non-separators, lowercased)."""
    words = [Token(word, {}) for word in _SEPARATORS.split(str(text).lower()) if word]
    return tuple(str(token) for token in index_pipeline().run(words))


class _Builder(Builder):
    """lunr's builder, adding a document as lunr.py 0.8's `add` does, but with
    each text's terms from `_terms`. Nothing else differs: no token metadata is
    kept (the whitelist is empty), so the index is the same, byte for byte."""

    def add(self, doc: dict, attributes: dict | None = None) -> None:
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        for field_name in self._fields:
            terms = _terms(doc[field_name])
            field_terms: defaultdict[str, int] = defaultdict(int)
            self.field_term_frequencies[f"{field_name}/{doc_ref}"] = field_terms
            self.field_lengths[f"{field_name}/{doc_ref}"] = len(terms)
            for term in terms:
                field_terms[term] += 1
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                if doc_ref not in posting[field_name]:
                    posting[field_name][doc_ref] = defaultdict(list)

    def _create_field_vectors(self) -> None:
        """lunr.py's field vectors, with the same scores, each made from its
        sorted elements at once: lunr.py inserts them one at a time, which was
        most of the index's build time."""
        field_vectors, idf_cache, k1, b = {}, {}, self._k1, self._b
        for field_ref, term_frequencies in self.field_term_frequencies.items():
            field_name, doc_ref = field_ref.split("/", 1)
            field_length = self.field_lengths[field_ref]
            field_boost = self._fields[field_name].boost
            doc_boost = self._documents[doc_ref].get("boost", 1)
            average = self.average_field_length[field_name]
            elements = []
            for term, tf in term_frequencies.items():
                posting = self.inverted_index[term]
                idf = idf_cache.get(term)
                if idf is None:
                    idf = idf_cache[term] = Idf(posting, self.document_count)
                score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (field_length / average)) + tf)
                score *= field_boost
                score *= doc_boost
                elements.append((posting["_index"], round(score, 3)))
            elements.sort()
            field_vectors[field_ref] = Vector([value for element in elements for value in element])
        self.field_vectors = field_vectors


# A word typed with a minus in front ("-housing") excludes what has it.
_EXCLUDED = re.compile(f"(^|[{JS_WHITESPACE}])(-[^{JS_WHITESPACE}]*)")


def positive(text: str) -> str:
    """The query without its excluded words, each replaced by as many spaces, so
    that what is left keeps its place in the text."""
    return _EXCLUDED.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def excluded_words(text: str) -> list[str]:
    """The words typed with a minus in front, as query_words gives words."""
    return [word for m in _EXCLUDED.finditer(text) for word in query_words(m.group(2)[1:])]


def query_words(text: str) -> list[str]:
    """The words of what someone typed that can match: trimmed, without stop
    words or excluded words ("-housing"), each once."""
    words: list[str] = []
    for token in tokens(positive(text)):
        token = js_trimmer(token)
        if str(token) and stop_word_filter(token) is not None and str(token) not in words:
            words.append(str(token))
    return words


# A word that ends partway through a "ship" the stemmer takes off ("apprenticesh").
_PARTIAL_SHIP = re.compile("shi?$")


def query_root(terms: Collection[str], word: str) -> str:
    """The stem a query word is searched by. Someone typing "apprenticeship" passes
    "apprenticesh", which is no term, since the index holds "apprentic": a word
    ending partway through "ship" that is no term as it stands ("publish" is one)
    is searched without the part, as the whole word would be (stemmer.stem)."""
    root = stemmer.stem(word)
    rest = _PARTIAL_SHIP.sub("", word)
    if rest == word or len(rest) < stemmer.SHIP_ROOT_MIN or len(word) < PREFIX_MIN or root in terms:
        return root
    return stemmer.stem(rest)


def matches_term(word: str, root: str, term: str) -> bool:
    """Whether a query word (searched by `root`) matches an index term: the root
    whole, or, from PREFIX_MIN letters, as the start of the term."""
    return term == root or (len(word) >= PREFIX_MIN and term.startswith(root))


def words_matched(words: Sequence[str], roots: Sequence[str], terms: Collection[str]) -> int:
    """How many of the query's words a result matched, from the index terms it matched."""
    return sum(any(matches_term(word, root, term) for term in terms) for word, root in zip(words, roots, strict=True))


def unmatched(index: Index, text: str) -> list[str]:
    """The words no document contains: reported to the reader, and left out of the ranking."""
    terms = index.inverted_index
    words = query_words(text)
    roots = [query_root(terms, word) for word in words]
    return [word for word, root in zip(words, roots, strict=True)
            if not any(matches_term(word, root, term) for term in terms)]


@dataclass(frozen=True)
class Match:
    """A document a query found: its ref, its score, how many of the query's words
    it matched, how many terms of its title field they matched, and the index
    terms it matched (which its snippet marks)."""

    ref: str
    score: float
    words: int
    title_terms: int
    terms: tuple[str, ...]


def search(index: Index, text: str) -> list[Match]:
    """Any of the words, each as a whole word (boosted) or, from PREFIX_MIN letters,
    as a prefix; none that has a word typed with a minus in front ("-housing").

    Ranked as the finder ranks: by how many of the words a result matched
    (all of them above some), then by score to six places (JavaScript's
    Math.round), then newest first (the order of the refs)."""
    words = query_words(text)
    if not words:
        return []
    roots = [query_root(index.inverted_index, word) for word in words]
    q = index.create_query()
    for word, root in zip(words, roots, strict=True):
        if len(word) >= PREFIX_MIN:
            q.term(root, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING)
            q.term(root, use_pipeline=False, boost=10)
        else:
            q.term(root, use_pipeline=False)
    for word in excluded_words(text):
        prefix = Query.WILDCARD_TRAILING if len(word) >= PREFIX_MIN else Query.WILDCARD_NONE
        q.term(stemmer.stem(word), use_pipeline=False, wildcard=prefix, presence=QueryPresence.PROHIBITED)
    found = [Match(match["ref"], match["score"], words_matched(words, roots, metadata := match["match_data"].metadata),
                   sum("title" in fields for fields in metadata.values()), tuple(sorted(metadata)))
             for match in index.query(q)]
    return sorted(found, key=lambda m: (-m.words, -math.floor(m.score * 1e6 + 0.5), int(m.ref)))


def query(index: Index, text: str) -> list[tuple[str, float]]:
    """The refs `search` finds, best first, with their scores."""
    return [(m.ref, m.score) for m in search(index, text)]


# About how many bytes of postings one shard of the packed index holds.
SHARD_BYTES = 48_000


@dataclass(frozen=True)
class PackedIndex:
    """The finder's index: a head every search loads, and shards of postings."""

    head: dict
    shards: list[dict]


def pack(index: Index, shard_bytes: int = SHARD_BYTES) -> PackedIndex:
    """lunr's serialised index, in a form a browser can load a part at a time.

    Terms are numbered by sorted position. The head holds the fields and the
    first and last term of each shard (front-coded, in order); each shard holds its terms, front-coded
    (`front_coded`), and each term's postings:
    per field, the documents that have the term, as gaps between document
    numbers, each with the term's score in that document's field vector
    (x 1000, lunr's own precision), comma-separated. lunr scores a document by
    the dot product of the query vector with its field vectors, to which only
    the query's terms contribute, so these scores stand in for the field
    vectors and rank exactly as lunr's own index does. A search fetches only
    the shards its words' terms can be in, which those bounds tell; each
    shard's terms then expand the query and say which words no document has.
    Consecutive terms share a shard, so a prefix search usually needs one, and
    the head a reader's first search waits for stays small however many terms
    there are.
    """
    fields = list(index.fields)
    terms = sorted(index.inverted_index)
    number = {index.inverted_index[term]["_index"]: position for position, term in enumerate(terms)}
    scores: dict[tuple[int, str], dict[int, int]] = {}
    for field_ref, vector in index.field_vectors.items():
        field, ref = field_ref.split("/", 1)
        elements = vector.elements
        for i in range(0, len(elements), 2):
            scores.setdefault((number[elements[i]], field), {})[int(ref)] = round(elements[i + 1] * 1000)
    postings = []
    for position, term in enumerate(terms):
        posting = index.inverted_index[term]
        per_field = []
        for field in fields:
            docs, previous, flat = sorted(int(ref) for ref in posting[field]), 0, []
            for doc in docs:
                flat += [doc - previous, scores[(position, field)][doc]]
                previous = doc
            per_field.append(_joined(flat))
        postings.append(per_field)
    starts, shards, size = [], [], shard_bytes
    for position, per_field in enumerate(postings):
        if size >= shard_bytes:
            starts.append(position)
            shards.append({"postings": []})
            size = 0
        shards[-1]["postings"].append(per_field)
        size += sum(len(text) + 3 for text in per_field)
    ends = [*starts[1:], len(terms)]
    for shard, start, end in zip(shards, starts, ends, strict=True):
        shard["terms"] = front_coded(terms[start:end])
    refs = {int(key.split("/", 1)[1]) for key in index.field_vectors}
    # The search pipeline is lunr.js's own "stemmer", which js_stemmer reproduces.
    head = {"version": "2.3.9", "fields": fields, "pipeline": ["stemmer"], "documents": len(refs),
            "prefix_min": PREFIX_MIN, "shards": starts,
            "shard_bounds": front_coded([term for start, end in zip(starts, ends, strict=True)
                                         for term in (terms[start], terms[end - 1])])}
    return PackedIndex(head, shards)


FRONT_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def front_coded(terms: list[str]) -> str:
    """Sorted terms as one string, as a search engine's term dictionary keeps them:
    each term, after a newline, is the length of the prefix it shares with the term
    before (one base-36 digit, so at most 35) and then the rest of it. Neighbouring
    terms share most of their letters, so the head a reader's first search waits
    for is a third of the size, gzip and all. Terms never hold a newline: the
    tokenizer splits on whitespace."""
    coded, previous = [], ""
    for term in terms:
        shared = 0
        limit = min(len(previous), len(term), len(FRONT_DIGITS) - 1)
        while shared < limit and previous[shared] == term[shared]:
            shared += 1
        coded.append(FRONT_DIGITS[shared] + term[shared:])
        previous = term
    return "\n".join(coded)


def decoded(coded: str) -> list[str]:
    """Front-coded terms (`front_coded`), decoded as engine/index.js decodes them."""
    terms: list[str] = []
    for line in coded.split("\n") if coded else []:
        shared = FRONT_DIGITS.index(line[0])
        terms.append((terms[-1][:shared] if terms else "") + line[1:])
    return terms


def terms_of(packed: PackedIndex) -> list[str]:
    """Every term of a packed index, in order: each shard's, one shard after another."""
    return [term for shard in packed.shards for term in decoded(shard["terms"])]


def _joined(numbers: list[int]) -> str:
    return ",".join(map(str, numbers))
