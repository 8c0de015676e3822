/* Engine: the keyword query, the same as svhub.search_index.query. No DOM.
 *
 * Every word must match: from the index's prefix_min letters on, as a prefix
 * of a stemmed term ("appren" finds "apprentices"), with a whole-word match
 * boosted; shorter words only as whole words. Relevance ranks by score to six
 * places, then newest first, as Python does. */
(function (hub) {
  "use strict";

  /* The words of what someone typed that can match: trimmed, without stop words. */
  function words(text) {
    var lunr = globalThis.lunr;
    if (!lunr) return [];
    return lunr.tokenizer(text).map(function (token) { return lunr.trimmer(token); })
      .filter(function (token) { return token.toString() && lunr.stopWordFilter(token); })
      .map(String);
  }

  /* The matches by ref (a row of the facet table), or null while a shard of
   * `index` (hub.index.load) is fetched; `ready(ok)` is called once it has come. */
  function run(index, text, ready) {
    var lunr = globalThis.lunr, found = index.search(function (q) {
      words(text).forEach(function (word) {
        if (word.length >= index.prefixMin) {
          q.term(lunr.stemmer(new lunr.Token(word)).toString(),
                 { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, presence: lunr.Query.presence.REQUIRED });
          q.term(word, { usePipeline: true, boost: 10 });
        } else {
          q.term(word, { usePipeline: true, presence: lunr.Query.presence.REQUIRED });
          index.prefetch(word);
        }
      });
    }, ready);
    if (!found) return null;
    var matches = {};
    found.forEach(function (match) { matches[match.ref] = match; });
    return matches;
  }

  /* A match's score as the ranking compares it: equal to six places is a tie. */
  function rank(match) {
    return Math.round(match.score * 1e6);
  }

  /* The index terms a match matched, which results mark in the text. */
  function matchedTerms(match) {
    return match ? Object.keys(match.matchData.metadata) : [];
  }

  /* A word of text as the index holds it ("" for a word of punctuation). */
  var stems = new Map();
  function stem(part) {
    var known = stems.get(part);
    if (known === undefined) {
      var lunr = globalThis.lunr, word = part.toLowerCase().replace(/^\W+/, "").replace(/\W+$/, "");
      known = word ? lunr.stemmer(new lunr.Token(word)).toString() : "";
      stems.set(part, known);
    }
    return known;
  }

  hub.query = { words: words, run: run, rank: rank, matchedTerms: matchedTerms, stem: stem };
  if (typeof module === "object" && module.exports) module.exports = hub.query;
})(globalThis.hubFinder = globalThis.hubFinder || {});
