/* Engine: what a query's words name, and where they are in a text, as
 * svhub.engine.words: the facet values a reader's words name (offered as
 * filters), read from the facet table's values' names, and the snippet a
 * result shows around the words it matched. No DOM. */
(function (hub) {
  "use strict";

  var SNIPPET_WORDS = 24, SNIPPET_LEAD = 4;  // svhub.engine.words

  /* Each word's stem, without a possessive 's, with where it starts and ends in
   * `text` ("the council's" names a council); punctuation alone is left out. */
  function wordsOf(text) {
    var found = [], pattern = /[^\s\-]+/g, m;
    while ((m = pattern.exec(text))) {
      var stem = hub.query.stem(m[0].replace(/['\u2019][sS]$/, ""));
      if (stem) found.push({ stem: stem, start: m.index, end: m.index + m[0].length });
    }
    return found;
  }

  /* Every name (label or synonym) of the facets' values, as stems joined by
   * spaces, with the values it names; and the most words a name has. Kept per facet list. */
  var known = new WeakMap();
  function namesOf(facets) {
    if (known.has(facets)) return known.get(facets);
    var names = new Map(), longest = 0;
    facets.forEach(function (facet) {
      facet.values.forEach(function (value) {
        (value.names || []).forEach(function (name) {
          var stems = wordsOf(name).map(function (w) { return w.stem; });
          if (!stems.length) return;
          var key = stems.join(" "), list = names.get(key) || [];
          if (!list.some(function (v) { return v.param === facet.param && v.id === value.id; })) {
            list.push({ param: facet.param, id: value.id });
          }
          names.set(key, list);
          longest = Math.max(longest, stems.length);
        });
      });
    });
    var result = { names: names, longest: longest };
    known.set(facets, result);
    return result;
  }

  /* The facet values the query's words name, [{param, id, phrase, start, end}],
   * in the order the query names them: at each word, the longest name that
   * starts there; a word is part of one name at most. */
  function recognise(facets, text) {
    var table = namesOf(facets), words = wordsOf(hub.query.positive(text)), found = [], i = 0;
    while (i < words.length) {
      var n = Math.min(table.longest, words.length - i);
      for (; n > 0; n--) {
        var key = words.slice(i, i + n).map(function (w) { return w.stem; }).join(" ");
        var values = table.names.get(key);
        if (!values) continue;
        var start = words[i].start, end = words[i + n - 1].end;
        values.forEach(function (v) {
          if (!found.some(function (f) { return f.param === v.param && f.id === v.id; })) {
            found.push({ param: v.param, id: v.id, phrase: text.slice(start, end), start: start, end: end });
          }
        });
        break;
      }
      i += n || 1;
    }
    return found;
  }

  /* The query without the words that name `named` (one of recognise's), spaces tidied. */
  function without(text, named) {
    return (text.slice(0, named.start) + " " + text.slice(named.end)).replace(/\s+/g, " ").trim();
  }

  /* The query without the words in `words` (as hub.query.words gives them), spaces tidied. */
  function withoutWords(text, words) {
    return text.split(/\s+/).filter(function (part) {
      return words.indexOf(part.toLowerCase().replace(/^\W+/, "").replace(/\W+$/, "")) < 0;
    }).join(" ").trim();
  }

  /* The `size` words of `text` from a little before the first word whose stem is
   * one of `terms`, each such word marked (without the punctuation around it):
   * {pieces: [[text, marked]], before, after}. */
  function snippet(text, terms, size) {
    size = size || SNIPPET_WORDS;
    var parts = text.split(/([\s\-]+)/), count = (parts.length + 1) >> 1, marked = [];
    for (var k = 0; k < count; k++) {
      var stem = hub.query.stem(parts[2 * k]);
      marked.push(!!stem && terms.indexOf(stem) >= 0);
    }
    var first = Math.max(0, marked.indexOf(true));
    var start = Math.max(0, Math.min(first - SNIPPET_LEAD, count - size)), end = Math.min(count, start + size);
    var pieces = [];
    for (k = start; k < end; k++) {
      var word = parts[2 * k], around = [[word, false]];
      if (marked[k]) {
        var leadEnd = (/^\W+/.exec(word) || [""])[0].length, trail = /\W+$/.exec(word);
        var coreEnd = trail ? Math.max(leadEnd, trail.index) : word.length;
        around = [[word.slice(0, leadEnd), false], [word.slice(leadEnd, coreEnd), true], [word.slice(coreEnd), false]];
      }
      around.concat([[k < end - 1 ? parts[2 * k + 1] : "", false]]).forEach(function (p) {
        if (!p[0]) return;
        var last = pieces[pieces.length - 1];
        if (last && !p[1] && !last[1]) last[0] += p[0]; else pieces.push([p[0], p[1]]);
      });
    }
    return { pieces: pieces, before: start > 0, after: end < count };
  }

  hub.words = { recognise: recognise, without: without, withoutWords: withoutWords, snippet: snippet };
  if (typeof module === "object" && module.exports) module.exports = hub.words;
})(globalThis.hubFinder = globalThis.hubFinder || {});
