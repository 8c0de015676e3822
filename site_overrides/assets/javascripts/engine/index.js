/* Engine: the keyword index, lunr's, over a head and shards. No DOM.
 *
 * svhub.engine.index.pack wrote lunr's index as a head, with every term, and
 * shards of postings with their scores. lunr.Index.load gets the head (the
 * index is never built here). A term's postings come from its shard when a
 * query first touches them, and a document's field vector holds just the
 * scores of the terms the query touched: all that lunr's dot product reads.
 * A query that touches a shard not fetched yet returns null, and `ready` is
 * called once it has come. */
(function (hub) {
  "use strict";
  var firstAtLeast = hub.data.firstAtLeast;

  /* `head` came from `base`; `fetchJSON` (hub.json unless given) fetches a shard. */
  function load(head, base, fetchJSON) {
    var lunr = globalThis.lunr;
    if (!lunr) throw new Error("lunr.js did not load");
    fetchJSON = fetchJSON || hub.json;
    var fields = head.fields, terms = decodeTerms(head.terms);
    var shards = [], fetching = [], missing = {}, touched = [], ordered = null, vectors = {};
    var waiting = null;
    function numbers(text) { return text ? text.split(",").map(Number) : []; }
    function shardOf(number) { return firstAtLeast(head.shards, number + 1) - 1; }
    function fetchShard(k) {
      fetching[k] = fetching[k] || fetchJSON(new URL(head.shard_files[k], base))
        .then(function (shard) { shards[k] = shard; }, function (error) { fetching[k] = null; throw error; });
      return fetching[k];
    }
    function Posting(number) { this._index = number; this._docs = []; this._scores = []; }
    fields.forEach(function (field, f) {
      Object.defineProperty(Posting.prototype, field, {
        get: function () {
          if (!this._docs[f]) {
            var k = shardOf(this._index);
            if (!shards[k]) { missing[k] = true; return {}; }
            var docs = {}, scores = {}, ref = 0, flat = numbers(shards[k].postings[this._index - head.shards[k]][f]);
            for (var i = 0; i < flat.length; i += 2) {
              ref += flat[i];
              docs[ref] = {};
              scores[ref] = flat[i + 1] / 1000;
            }
            this._docs[f] = docs;
            this._scores[f] = scores;
          }
          if (touched.indexOf(this) < 0) touched.push(this);
          return this._docs[f];
        }
      });
    });
    var loaded = lunr.Index.load({ version: head.version, fields: fields, pipeline: head.pipeline,
                                   invertedIndex: [], fieldVectors: [] });
    loaded.invertedIndex = Object.create(null);
    loaded.tokenSet = termSet(lunr, terms, function (term, number) {
      loaded.invertedIndex[term] = loaded.invertedIndex[term] || new Posting(number);
    });
    loaded.fieldVectors = new Proxy({}, {
      get: function (_target, fieldRef) {
        if (!(fieldRef in vectors)) {
          var slash = fieldRef.indexOf("/"), f = fields.indexOf(fieldRef.slice(0, slash));
          var ref = fieldRef.slice(slash + 1), elements = [];
          ordered = ordered || touched.slice().sort(function (a, b) { return a._index - b._index; });
          ordered.forEach(function (posting) {
            var scores = posting._scores[f];
            if (scores && ref in scores) elements.push(posting._index, scores[ref]);
          });
          vectors[fieldRef] = new lunr.Vector(elements);
        }
        return vectors[fieldRef];
      }
    });
    return {
      prefixMin: head.prefix_min,
      /* lunr's matches for the query `build` makes, or null while shards come. */
      search: function (build, ready) {
        missing = {};
        touched = [];
        ordered = null;
        vectors = {};
        var found = loaded.query(build), need = Object.keys(missing);
        if (!need.length) return found;
        var arrived = Promise.all(need.map(fetchShard));
        // One call of `ready` at a time: it searches again, and fetches whatever is still missing.
        waiting = waiting || arrived.then(function () { waiting = null; ready(true); },
                                          function () { waiting = null; ready(false); });
        return null;
      },
      /* Whether any term is `root`, or with `prefix`, starts with it: no shard is needed. */
      has: function (root, prefix) {
        var i = firstAtLeast(terms, root);
        return i < terms.length && (terms[i] === root || (prefix && terms[i].lastIndexOf(root, 0) === 0));
      },
      /* While a word is still too short to search for as a prefix, the few
       * shards its terms are in come ahead, so the next keystroke need not wait. */
      prefetch: function (prefix) {
        var first = firstAtLeast(terms, prefix), end = firstAtLeast(terms, prefix + "\uffff");
        var from = shardOf(first), to = shardOf(end - 1);
        if (first === end || to - from > 2) return;  // a prefix as common as "a" would fetch much of the index
        for (var k = from; k <= to; k++) fetchShard(k);
      }
    };
  }

  /* The head's terms, front-coded by svhub.engine.index.front_coded: after each
   * newline, one base-36 digit says how many letters a term shares with the
   * one before, and the rest of the term follows. */
  function decodeTerms(coded) {
    var terms = [], previous = "";
    if (!coded) return terms;
    coded.split("\n").forEach(function (line) {
      previous = previous.slice(0, parseInt(line[0], 36)) + line.slice(1);
      terms.push(previous);
    });
    return terms;
  }

  /* What lunr.Index.load would build from every term, a TokenSet, costs tens
   * of milliseconds at 10,000 case studies. The finder's queries only ask it
   * for a term or for the terms that start with a prefix, which a binary
   * search of the sorted terms answers; anything else gets the real TokenSet.
   * `found` hears of each term a query will read. */
  function termSet(lunr, terms, found) {
    var full = null, sorted = terms.every(function (term, i) { return i === 0 || terms[i - 1] < term; });
    function pattern(set) {  // "term" or "prefix*", as lunr.TokenSet.fromString made it
      for (var text = "", node = set; ;) {
        var edges = Object.keys(node.edges);
        if (!edges.length) return node.final ? { text: text, prefix: false } : null;
        if (edges.length > 1) return null;
        if (edges[0] === "*") return node.edges["*"] === node && node.final ? { text: text, prefix: true } : null;
        text += edges[0];
        node = node.edges[edges[0]];
      }
    }
    return {
      intersect: function (clause) {
        var wanted = sorted && pattern(clause), numbers = [];
        if (wanted) {
          for (var i = firstAtLeast(terms, wanted.text); i < terms.length && terms[i].lastIndexOf(wanted.text, 0) === 0; i++) {
            if (!wanted.prefix && terms[i] !== wanted.text) break;
            numbers.push(i);
          }
        } else {
          full = full || lunr.TokenSet.fromArray(terms.slice().sort());
          numbers = full.intersect(clause).toArray().map(function (term) { return terms.indexOf(term); });
        }
        var out = numbers.map(function (n) { found(terms[n], n); return terms[n]; });
        return { toArray: function () { return out; } };
      }
    };
  }

  hub.index = { load: load, decodeTerms: decodeTerms };
  if (typeof module === "object" && module.exports) module.exports = hub.index;
})(globalThis.hubFinder = globalThis.hubFinder || {});
