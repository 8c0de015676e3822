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
    /* What lunr's Index.query gives for clauses of {term, prefix, boost, prohibited, word}
     * over every field: the query vector sums each term's boosts; a document's
     * score sums, over the fields it matched in, the dot product of the query
     * vector with the field's scores, over the query vector's magnitude; a
     * document with a prohibited term is left out. Each match is a Match, whose
     * `words` counts the clauses' words (numbers from 0) whose terms it has. */
    function match(clauses) {
      var boosts = {}, numbers = [], excluded = [], order = [], seen = [];
      var dots = new Float64Array(head.documents * width);
      var expanded = clauses.map(expand);
      var wordCount = clauses.reduce(function (most, clause) { return Math.max(most, clause.word + 1 || 0); }, 0);
      var lanes = Math.ceil(wordCount / 32), wordsOf = {};  // a term's words, as bits in lanes of 32
      clauses.forEach(function (clause, c) {
        expanded[c].forEach(function (n) {
          if (clause.prohibited) { excluded.push(n); return; }
          if (!(n in boosts)) { boosts[n] = 0; numbers.push(n); wordsOf[n] = new Int32Array(lanes); }
          boosts[n] += clause.boost || 1;
          if (clause.word >= 0) wordsOf[n][clause.word >> 5] |= 1 << (clause.word & 31);
        });
      });
      numbers.sort(function (a, b) { return a - b; });
      var magnitude = Math.sqrt(numbers.reduce(function (sum, n) { return sum + boosts[n] * boosts[n]; }, 0));
      var left = new Uint8Array(head.documents);
      excluded.forEach(function (n) {
        postingsOf(n).forEach(function (flat) { for (var i = 0; i < flat.length; i += 2) left[flat[i]] = 1; });
      });
      // Which fields of which documents matched (keys, in the order lunr meets them), each
      // document's words, and the terms in the order lunr meets them, for the matches' terms.
      var keySeen = new Uint8Array(dots.length), docWords = new Int32Array(head.documents * lanes);
      var termsMet = { numbers: [], termOf: termOf, postingsOf: postingsOf, fields: fields };
      clauses.forEach(function (clause, c) {
        if (clause.prohibited) return;
        expanded[c].forEach(function (n) {
          if (seen[n]) return;
          seen[n] = true;
          termsMet.numbers.push(n);
          var bits = wordsOf[n];
          postingsOf(n).forEach(function (flat, f) {
            for (var i = 0; i < flat.length; i += 2) {
              var key = flat[i] * width + f;
              if (!keySeen[key]) { keySeen[key] = 1; order.push(key); }
              for (var l = 0; l < lanes; l++) docWords[flat[i] * lanes + l] |= bits[l];
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
        } else {
          var words = 0;
          for (var l = 0; l < lanes; l++) words += bitCount(docWords[ref * lanes + l]);
          known = matches[ref] = new Match(ref, score, words, termsMet);
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

  /* The number of bits set in a 32-bit integer. */
  function bitCount(bits) {
    bits -= (bits >>> 1) & 0x55555555;
    bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
    return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }

  /* A document a query matched: its `ref`, its `score`, how many of the query's
   * `words` it matched, and the terms it matched. `terms` gives the fields each
   * term is in, as lunr's match data does ({term: [field, ...]}); it is worked
   * out only when read, for the few results shown, not for the thousands of
   * matches a short prefix can have. */
  function Match(ref, score, words, termsMet) {
    this.ref = String(ref);
    this.score = score;
    this.words = words;
    this.termsMet = termsMet;
    this.byTerm = null;
  }

  /* The terms in lunr's order: the document's fields in the order their first
   * term was met, and each field's terms in the order they were met. */
  Object.defineProperty(Match.prototype, "terms", {
    get: function () {
      if (!this.byTerm) {
        var met = this.termsMet, ref = Number(this.ref), found = [], fieldOrder = [], byTerm = this.byTerm = {};
        met.numbers.forEach(function (n) {
          met.postingsOf(n).forEach(function (flat, f) {
            if (!hasDocument(flat, ref)) return;
            found.push([n, f]);
            if (fieldOrder.indexOf(f) < 0) fieldOrder.push(f);
          });
        });
        fieldOrder.forEach(function (f) {
          found.forEach(function (hit) {
            if (hit[1] !== f) return;
            var term = met.termOf(hit[0]);
            (byTerm[term] = byTerm[term] || []).push(met.fields[f]);
          });
        });
      }
      return this.byTerm;
    }
  });

  /* Whether postings (doc, score, doc, score... docs ascending) hold document `ref`. */
  function hasDocument(flat, ref) {
    var low = 0, high = flat.length / 2;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (flat[middle * 2] < ref) low = middle + 1; else high = middle;
    }
    return low < flat.length / 2 && flat[low * 2] === ref;
  }

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
