/* Engine: the keyword query, the same as svhub.engine.index.query. No DOM.
 *
 * Any of the words may match: from the index's prefix_min letters on, as a
 * prefix of a stemmed term ("appren" finds "apprentices"), with a whole-word
 * match boosted; shorter words only as whole words. Relevance ranks by how
 * many of the words a result matched (all above some), then by score to six
 * places, then newest first, as Python does. A word no document contains is
 * reported (`unmatched`) and plays no part; a word typed with a minus in front
 * ("-housing") leaves out what has it. */
(function (hub) {
  "use strict";

  var SHIP_ROOT_MIN = 5;  // svhub.engine.stemmer.SHIP_ROOT_MIN

  /* A word's stem, as svhub.engine.stemmer.stem makes it: lunr's Porter stem,
   * without a "ship" Porter leaves on ("apprenticeships" finds "apprentices"). */
  function stemWord(word) {
    var lunr = globalThis.lunr, porter = function (w) { return lunr.stemmer(new lunr.Token(w)).toString(); };
    var root = porter(word);
    return /ship$/.test(root) && root.length - 4 >= SHIP_ROOT_MIN ? porter(root.slice(0, -4)) : root;
  }

  var PARTIAL_SHIP = /shi?$/;  // a word that ends partway through a "ship" the stemmer takes off

  /* The stem a query word is searched by, as svhub.engine.index.query_root
   * gives it: someone typing "apprenticeship" passes "apprenticesh", which is
   * no term (the index holds "apprentic"), so a word ending partway through
   * "ship" that is no term as it stands ("publish" is one) is searched without
   * the part. Until the shard that would hold the word has come, it stands. */
  function rootOf(index, word) {
    var root = stemWord(word), rest = word.replace(PARTIAL_SHIP, "");
    if (rest === word || rest.length < SHIP_ROOT_MIN || word.length < index.prefixMin || index.has(root, false)) return root;
    return stemWord(rest);
  }

  var EXCLUDED = /(^|\s)(-\S*)/g;  // a word typed with a minus in front ("-housing") excludes what has it

  /* The query without its excluded words, each replaced by as many spaces, so
   * that what is left keeps its place in the text. */
  function positive(text) {
    return text.replace(EXCLUDED, function (_all, before, word) { return before + " ".repeat(word.length); });
  }

  /* The words typed with a minus in front, as `words` gives words. */
  function excluded(text) {
    var out = [];
    text.replace(EXCLUDED, function (all, _before, word) { out = out.concat(words(word.slice(1))); return all; });
    return out;
  }

  /* The words of what someone typed that can match: trimmed, without stop
   * words or excluded words ("-housing"), each once. */
  function words(text) {
    var lunr = globalThis.lunr, out = [];
    if (!lunr) return [];
    lunr.tokenizer(positive(text)).forEach(function (token) {
      token = lunr.trimmer(token);
      var word = token.toString();
      if (word && lunr.stopWordFilter(token) && out.indexOf(word) < 0) out.push(word);
    });
    return out;
  }

  /* The matches by ref (a row of the facet table), each with `words`, how many
   * of the query's words it matched, or null while a shard of `index`
   * (hub.index.load) is fetched; `ready(ok)` is called once it has come. */
  function run(index, text, ready) {
    var list = words(text), clauses = [];
    list.forEach(function (word, w) {
      var root = rootOf(index, word);
      if (word.length >= index.prefixMin) {
        clauses.push({ term: root, prefix: true, word: w }, { term: root, boost: 10, word: w });
      } else {
        clauses.push({ term: root, word: w });
        index.prefetch(word);
      }
    });
    excluded(text).forEach(function (word) {
      clauses.push({ term: stemWord(word), prefix: word.length >= index.prefixMin, prohibited: true });
    });
    var found = index.search(clauses, ready);
    if (!found) return null;
    var matches = {};
    found.forEach(function (match) { matches[match.ref] = match; });
    return matches;
  }

  /* The words of `text` that no document of `index` contains, once a search of
   * `text` has fetched the shards its words would be in. */
  function unmatched(index, text) {
    return words(text).filter(function (word) { return !index.has(rootOf(index, word), word.length >= index.prefixMin); });
  }

  /* A match's score as the ranking compares it: equal to six places is a tie. */
  function rank(match) {
    return Math.round(match.score * 1e6);
  }

  /* What the ranking compares of a match, worked out once for a sort of many. */
  function sortKey(match) {
    return { words: match.words, rank: rank(match) };
  }

  /* Orders two sort keys, the better first: more words, then a higher score. */
  function compareKeys(a, b) {
    return b.words - a.words || b.rank - a.rank;
  }

  /* Orders two matches, the better first. */
  function compare(a, b) {
    return compareKeys(sortKey(a), sortKey(b));
  }

  /* The index terms a match matched, which results mark in the text. */
  function matchedTerms(match) {
    return match ? Object.keys(match.terms) : [];
  }

  /* A word of text as the index holds it ("" for a word of punctuation). */
  var stems = new Map();
  function stem(part) {
    var known = stems.get(part);
    if (known === undefined) {
      var word = part.toLowerCase().replace(/^\W+/, "").replace(/\W+$/, "");
      known = word ? stemWord(word) : "";
      stems.set(part, known);
    }
    return known;
  }

  hub.query = { words: words, positive: positive, excluded: excluded, run: run, unmatched: unmatched, sortKey: sortKey, compareKeys: compareKeys, compare: compare,
                matchedTerms: matchedTerms, stem: stem, stemWord: stemWord };
  if (typeof module === "object" && module.exports) module.exports = hub.query;
})(globalThis.hubFinder = globalThis.hubFinder || {});
