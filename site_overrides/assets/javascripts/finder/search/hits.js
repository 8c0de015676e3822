/* Engine: the site search's hits, over the finder's index format and query
 * (engine/index.js, engine/query.js). No DOM.
 *
 * svhub.search.files wrote one index of guidance sections (refs below
 * head.guidance) and case studies (the rest, newest first), and the
 * documents' addresses and result text in chunks of head.docs_chunk. A search
 * ranks the matches as the finder does (score to six places, then ref) and
 * splits them into the two groups; `documents` fetches only the chunks of the
 * hits that will be shown. */
(function (hub) {
  "use strict";

  /* `head` came from the URL `base`; `fetchJSON` (hub.json unless given) fetches the other files. */
  function load(head, base, fetchJSON) {
    fetchJSON = fetchJSON || hub.json;
    var index = hub.index.load(head, base, fetchJSON), chunks = [];
    function chunk(k) {
      chunks[k] = chunks[k] || fetchJSON(new URL(head.docs_files[k], base))
        .catch(function (error) { chunks[k] = null; throw error; });
      return chunks[k];
    }
    return {
      /* {guidance: [refs], caseStudies: [refs]}, best first, or null while
       * shards come (`ready(ok)` is called once they have). */
      search: function (text, ready) {
        if (!hub.query.words(text).length) return { guidance: [], caseStudies: [] };
        var matches = hub.query.run(index, text, ready);
        if (!matches) return null;
        var ranked = Object.keys(matches).map(function (ref) { return { ref: Number(ref), match: matches[ref] }; })
          .sort(function (a, b) { return hub.query.compare(a.match, b.match) || a.ref - b.ref; });
        var hits = { guidance: [], caseStudies: [] };
        ranked.forEach(function (hit) { (hit.ref < head.guidance ? hits.guidance : hits.caseStudies).push(hit.ref); });
        return hits;
      },
      /* A promise of each ref's {url, title, context} (url relative to the site's root). */
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
              return { url: row[0], title: row[1], context: row[2] };
            });
          }));
        });
      }
    };
  }

  /* What the live region says of a search's hits. */
  function wording(hits) {
    var g = hits.guidance.length, c = hits.caseStudies.length;
    if (!g && !c) return "Nothing matches. Try other or fewer words.";
    return [g + (g === 1 ? " guidance section" : " guidance sections"),
            c + (c === 1 ? " case study" : " case studies")].join(" and ") + " match.";
  }

  hub.hits = { load: load, wording: wording };
  if (typeof module === "object" && module.exports) module.exports = hub.hits;
})(globalThis.hubFinder = globalThis.hubFinder || {});
