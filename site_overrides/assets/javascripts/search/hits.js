/* Engine: the site search's hits, over the finder's index format and query
 * (engine/index.js, engine/query.js). No DOM.
 *
 * svhub.search.files wrote one index of guidance sections (refs below
 * head.guidance), reference sections (the next head.reference: the glossary,
 * the data dictionary, the change notes) and case studies (the rest, newest
 * first), and the documents' addresses, result text and snippet text in
 * chunks of head.docs_chunk, named by head.docs_file. A search ranks the matches as the finder does
 * (words matched, score to six places, then ref) and groups them by kind, as
 * svhub.search.files.hits does: guidance and case studies in the order of
 * their best hits, then reference, which comes first instead when the query
 * names a reference section's title. `documents` fetches only the chunks of the
 * hits that will be shown. */
(function (hub) {
  "use strict";

  var GROUPS = ["guidance", "caseStudies", "reference"];  // svhub.search.files.GROUPS

  /* `head` came from the URL `base`; `fetchJSON` (hub.json unless given) fetches the other files. */
  function load(head, base, fetchJSON) {
    fetchJSON = fetchJSON || hub.json;
    var index = hub.index.load(head, base, fetchJSON), chunks = [];
    function chunk(k) {
      chunks[k] = chunks[k] || fetchJSON(new URL(head.docs_file.replace("{}", k), base))
        .catch(function (error) { chunks[k] = null; throw error; });
      return chunks[k];
    }
    /* How many terms of a match's title field the query matched. */
    function titleTerms(match) {
      return Object.keys(match.terms).filter(function (term) { return match.terms[term].indexOf("title") >= 0; }).length;
    }
    return {
      /* {order, guidance, caseStudies, reference: [refs], matches, unmatched, named}, best
       * first, or null while shards come (`ready(ok)` is called once they have). */
      search: function (text, ready) {
        var hits = { order: GROUPS.slice(), guidance: [], caseStudies: [], reference: [], matches: {},
                     unmatched: [], named: hub.words.recognise(head.facets, text) };
        if (!hub.query.words(text).length) return hits;
        var matches = hub.query.run(index, text, ready);
        if (!matches) return null;
        hits.matches = matches;
        hits.unmatched = hub.query.unmatched(index, text);  // once the words' shards have come
        var named = [], g = head.guidance, r = head.reference;
        Object.keys(matches).map(Number).sort(function (a, b) {
          return hub.query.compare(matches[a], matches[b]) || a - b;
        }).forEach(function (ref) {
          if (ref < g) hits.guidance.push(ref);
          else if (ref < g + r) (titleTerms(matches[ref]) >= head.reference_title_terms[ref - g] ? named : hits.reference).push(ref);
          else hits.caseStudies.push(ref);
        });
        hits.reference = named.concat(hits.reference);
        var g0 = hits.guidance[0], c0 = hits.caseStudies[0];
        var first = c0 !== undefined && (g0 === undefined || hub.query.compare(matches[c0], matches[g0]) < 0)
          ? ["caseStudies", "guidance"] : ["guidance", "caseStudies"];
        hits.order = named.length ? ["reference"].concat(first) : first.concat(["reference"]);
        return hits;
      },
      /* A promise of each ref's {url, title, context, text} (url relative to the site's root). */
      documents: function (refs) {
        var needed = [];
        refs.forEach(function (ref) {
          var k = Math.floor(ref / head.docs_chunk);
          if (needed.indexOf(k) < 0) needed.push(k);
        });
        return Promise.all(needed.map(chunk)).then(function () {
          return Promise.all(refs.map(function (ref) {
            return chunks[Math.floor(ref / head.docs_chunk)].then(function (rows) {
              var row = rows[ref % head.docs_chunk];
              return { url: row[0], title: row[1], context: row[2], text: row[3] };
            });
          }));
        });
      }
    };
  }

  /* How many hits a search found, in all its groups. */
  function total(hits) {
    return GROUPS.reduce(function (sum, group) { return sum + hits[group].length; }, 0);
  }

  /* What the live region says of a search's hits. */
  function wording(hits) {
    var g = hits.guidance.length, c = hits.caseStudies.length, r = hits.reference.length;
    if (!total(hits)) return "Nothing matches. Try other or fewer words.";
    var parts = [g + (g === 1 ? " guidance section" : " guidance sections"),
                 c + (c === 1 ? " case study" : " case studies")];
    if (r) parts.push(r + (r === 1 ? " reference section" : " reference sections"));
    return parts.slice(0, -1).join(", ") + " and " + parts[parts.length - 1] + " match.";
  }

  hub.hits = { load: load, total: total, wording: wording };
  if (typeof module === "object" && module.exports) module.exports = hub.hits;
})(globalThis.hubFinder = globalThis.hubFinder || {});
