/* Engine: the keyword index, over a head and shards. No DOM.
 *
 * svhub.engine.index.pack wrote lunr's index as a head, with each shard's first
 * and last term, and shards of terms and their postings with their scores. A query's
 * clauses are matched and scored here as lunr's Index.query scores them (the parity tests compare
 * the results with lunr.py's), without building lunr's index, token set,
 * match data or vectors, whose cost grew with every document a word matched.
 * A term's postings come from its shard when a query first touches them. A
 * query that touches a shard not fetched yet returns null, and `ready` is
 * called once it has come. */
(function (hub) {
  "use strict";
  var firstAtLeast = hub.data.firstAtLeast;

  /* `head` came from `base`; `fetchJSON` (hub.json unless given) fetches a shard. */
  function load(head, base, fetchJSON) {
    fetchJSON = fetchJSON || hub.json;
    var fields = head.fields, width = fields.length, bounds = decodeTerms(head.shard_bounds);
    var firsts = bounds.filter(function (_term, i) { return i % 2 === 0; });
    var lasts = bounds.filter(function (_term, i) { return i % 2 === 1; });
    var shards = [], shardTerms = [], fetching = [], postings = {}, waiting = null;
    function shardOf(number) { return firstAtLeast(head.shards, number + 1) - 1; }
    /* Term `number`, once its shard has come. */
    function termOf(number) { var k = shardOf(number); return shardTerms[k][number - head.shards[k]]; }
    function fetchShard(k) {
      fetching[k] = fetching[k] || fetchJSON(new URL(head.shard_files[k], base)).then(function (shard) {
        shardTerms[k] = decodeTerms(shard.terms);
        shards[k] = shard;
      }, function (error) { fetching[k] = null; throw error; });
      return fetching[k];
    }
    /* The shards that hold the first term from `text` on and, with `prefix`,
     * every term that starts with it, as each shard's first and last terms
     * (head.shard_bounds) tell. None when every term comes before `text`. */
    function shardsFor(text, prefix) {
      var k = firstAtLeast(lasts, text), out = [];
      if (k >= lasts.length) return out;
      out.push(k);
      while (prefix && k + 1 < firsts.length && firsts[k + 1].lastIndexOf(text, 0) === 0) out.push(++k);
      return out;
    }
    function missing(text, prefix) {
      return shardsFor(text, prefix).filter(function (k) { return !shards[k]; });
    }
    /* Term `number`'s postings, a list per field of doc, score, doc, score...
     * (docs ascending), once its shard has come. */
    function postingsOf(number) {
      if (!postings[number]) {
        var k = shardOf(number), coded = shards[k].postings[number - head.shards[k]];
        postings[number] = fields.map(function (_field, f) {
          var flat = coded[f] ? coded[f].split(",").map(Number) : [], ref = 0;
          for (var i = 0; i < flat.length; i += 2) {
            ref += flat[i];
            flat[i] = ref;
            flat[i + 1] /= 1000;
          }
          return flat;
        });
      }
      return postings[number];
    }
    /* The numbers of the terms a clause names: `term`, or with `prefix`, every
     * term starting with it. Its shards have come. */
    function expand(clause) {
      var numbers = [];
      shardsFor(clause.term, clause.prefix).forEach(function (k) {
        var list = shardTerms[k];
        for (var i = firstAtLeast(list, clause.term); i < list.length && list[i].lastIndexOf(clause.term, 0) === 0; i++) {
          if (!clause.prefix && list[i] !== clause.term) break;
          numbers.push(head.shards[k] + i);
        }
      });
      return numbers;
    }
    /* What lunr's Index.query gives for clauses of {term, prefix, boost, prohibited}
     * over every field: the query vector sums each term's boosts; a document's
     * score sums, over the fields it matched in, the dot product of the query
     * vector with the field's scores, over the query vector's magnitude; a
     * document with a prohibited term is left out. Each match is a Match. */
    function match(clauses) {
      var boosts = {}, numbers = [], excluded = [], order = [], seen = {};
      var dots = new Float64Array(head.documents * width);
      var expanded = clauses.map(expand);
      clauses.forEach(function (clause, c) {
        expanded[c].forEach(function (n) {
          if (clause.prohibited) { excluded.push(n); return; }
          if (!(n in boosts)) { boosts[n] = 0; numbers.push(n); }
          boosts[n] += clause.boost || 1;
        });
      });
      numbers.sort(function (a, b) { return a - b; });
      var magnitude = Math.sqrt(numbers.reduce(function (sum, n) { return sum + boosts[n] * boosts[n]; }, 0));
      var left = new Uint8Array(head.documents);
      excluded.forEach(function (n) {
        postingsOf(n).forEach(function (flat) { for (var i = 0; i < flat.length; i += 2) left[flat[i]] = 1; });
      });
      // Which documents matched which terms in which fields, in the order lunr meets them:
      // each field of a document (a key) has a chain of entries, one per term.
      var entries = { term: [], next: [], first: new Int32Array(dots.length).fill(-1), termOf: termOf, width: width, fields: fields };
      var last = new Int32Array(dots.length);
      clauses.forEach(function (clause, c) {
        if (clause.prohibited) return;
        expanded[c].forEach(function (n) {
          if (seen[n]) return;
          seen[n] = true;
          postingsOf(n).forEach(function (flat, f) {
            for (var i = 0; i < flat.length; i += 2) {
              var key = flat[i] * width + f, e = entries.term.length;
              entries.term.push(n);
              entries.next.push(-1);
              if (entries.first[key] < 0) { entries.first[key] = e; order.push(key); } else entries.next[last[key]] = e;
              last[key] = e;
            }
          });
        });
      });
      // Each field's dot product, summed in term order, as lunr's Vector.dot sums it.
      numbers.forEach(function (n) {
        postingsOf(n).forEach(function (flat, f) {
          for (var i = 0; i < flat.length; i += 2) {
            var key = flat[i] * width + f;
            dots[key] += boosts[n] * flat[i + 1];
          }
        });
      });
      var matches = [], results = [];
      order.forEach(function (key) {
        var ref = Math.floor(key / width);
        if (left[ref]) return;
        var score = dots[key] / magnitude || 0, known = matches[ref];
        if (known) {
          known.score += score;
          known.keys.push(key);
        } else {
          known = matches[ref] = new Match(ref, score, key, entries);
          results.push(known);
        }
      });
      return results;
    }
    return {
      prefixMin: head.prefix_min,
      /* The matches for `clauses`, or null while shards come: `ready(ok)` is called once they have. */
      search: function (clauses, ready) {
        var need = [];
        clauses.forEach(function (clause) {
          missing(clause.term, clause.prefix).forEach(function (k) { if (need.indexOf(k) < 0) need.push(k); });
        });
        if (!need.length) return match(clauses);
        var arrived = Promise.all(need.map(fetchShard));
        // One call of `ready` at a time: it searches again, and fetches whatever is still missing.
        waiting = waiting || arrived.then(function () { waiting = null; ready(true); },
                                          function () { waiting = null; ready(false); });
        return null;
      },
      /* Whether any term is `root`, or with `prefix`, starts with it; true until
       * the shard that would hold it has come (a search of the word fetches it). */
      has: function (root, prefix) {
        var k = shardsFor(root, false)[0];
        if (k === undefined) return false;
        if (!shards[k]) return true;
        var list = shardTerms[k], i = firstAtLeast(list, root);
        return i < list.length && (list[i] === root || (prefix && list[i].lastIndexOf(root, 0) === 0));
      },
      /* While a word is still too short to search for as a prefix, the few
       * shards its terms are in come ahead, so the next keystroke need not wait. */
      prefetch: function (prefix) {
        var need = shardsFor(prefix, true);
        if (need.length > 3) return;  // a prefix as common as "a" would fetch much of the index
        need.forEach(fetchShard);
      }
    };
  }

  /* A document a query matched: its `ref`, its `score`, and the terms it matched.
   * `terms` gives the fields each term is in, as lunr's match data does
   * ({term: [field, ...]}); it is put together only when read, for the few
   * results shown, not for the thousands a short prefix can match. */
  function Match(ref, score, key, entries) {
    this.ref = String(ref);
    this.score = score;
    this.keys = [key];  // the document's fields that matched, as document * fields + field
    this.entries = entries;
    this.byTerm = null;
  }

  /* Calls `visit(term, field)` for each term the match matched, in each field, in lunr's order. */
  Match.prototype.eachTerm = function (visit) {
    var entries = this.entries;
    this.keys.forEach(function (key) {
      var field = entries.fields[key % entries.width];
      for (var e = entries.first[key]; e >= 0; e = entries.next[e]) visit(entries.termOf(entries.term[e]), field);
    });
  };

  Object.defineProperty(Match.prototype, "terms", {
    get: function () {
      if (!this.byTerm) {
        var byTerm = this.byTerm = {};
        this.eachTerm(function (term, field) { (byTerm[term] = byTerm[term] || []).push(field); });
      }
      return this.byTerm;
    }
  });

  /* A shard's terms, front-coded by svhub.engine.index.front_coded: after each
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

  hub.index = { load: load, decodeTerms: decodeTerms };
  if (typeof module === "object" && module.exports) module.exports = hub.index;
})(globalThis.hubFinder = globalThis.hubFinder || {});
