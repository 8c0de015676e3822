/* Engine: the finder's data, as svhub/finder/files.py writes it. The facet table
 * (a column of numbers for each field, a row per case study, newest first) is
 * read once into a model; the results' text comes in chunks, each fetched
 * when results first need it, and parsed a row at a time. No DOM. */
(function (hub) {
  "use strict";

  /* The first position in a sorted array whose value is not below `value`. */
  function firstAtLeast(sorted, value) {
    var low = 0, high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] < value) low = middle + 1; else high = middle;
    }
    return low;
  }

  /* The facet table (svhub.finder.table.facet_table) as the other modules use it. A
   * facet knows its values' positions by id; its masks are its table column. Of
   * the range facets, `between` is filtered from-to (the years) and `atLeast` by
   * its steps (the weighting), each with its column's numbers, or null when the
   * table has none; `years` is the span of the from-to range's numbers.
   * `result` names the facets a result shows ({param, label}). */
  function prepare(data) {
    var columns = data.columns;
    var facets = data.facets.map(function (facet) {
      var ids = Object.create(null);  // a value from a link such as "constructor" is not an id
      facet.values.forEach(function (value, i) { ids[value.id] = i; });
      return { param: facet.param, legend: facet.legend, order: facet.order, values: facet.values,
               vocabulary: facet.vocabulary || null, groups: facet.groups, hint: facet.hint, untagged: !!facet.untagged, ids: ids,
               masks: columns[facet.param] };
    });
    var ranges = data.ranges.map(function (range) {
      return { param: range.param, legend: range.legend, order: range.order, steps: range.steps || null,
               numbers: columns[range.column] };
    });
    var between = ranges.filter(function (range) { return !range.steps; })[0] || null;
    var atLeast = ranges.filter(function (range) { return range.steps; })[0] || null;
    var years = between ? between.numbers.filter(Boolean) : [];
    return {
      rows: data.rows,
      columns: columns,
      facets: facets,
      ranges: ranges,
      between: between,
      atLeast: atLeast,
      steps: atLeast ? atLeast.steps : [],
      years: years.length ? { from: Math.min.apply(null, years), to: Math.max.apply(null, years) } : null,
      result: data.result,
      text: data.text
    };
  }

  /* The facet of a URL parameter, or undefined. */
  function facetOf(table, param) {
    return table.facets.filter(function (facet) { return facet.param === param; })[0];
  }

  /* The facet whose values are a vocabulary's (the record's questions name theirs), or undefined. */
  function facetOfVocabulary(table, vocabulary) {
    return table.facets.filter(function (facet) { return facet.vocabulary === vocabulary; })[0];
  }

  /* The range facet of a URL parameter, or undefined. */
  function rangeOf(table, param) {
    return table.ranges.filter(function (range) { return range.param === param; })[0];
  }

  /* Where the results' text comes from: a chunk that finder/head.js has started
   * fetching is used once (after a failure it is fetched again), others are
   * fetched beside the facet table at `base`. */
  function chunkFetcher(table, base) {
    return function (k) {
      var name = ["text", "olderText"][k], early = hub.fetches[name];
      if (early) hub.fetches[name] = null;
      return early || hub.text(new URL(table.text.files[k], base));
    };
  }

  /* The results' text. A chunk is a JSON array written one row to a line,
   * after a line "[" (svhub.finder.files._json_lines), so a row is parsed only when
   * it is shown. `fetchChunk(k)` gives chunk k's body. */
  function textStore(table, fetchChunk) {
    var starts = table.text.starts, names = table.text.columns;
    var lines = [], fetches = [], parsed = {};

    function chunkOf(i) { return firstAtLeast(starts, i + 1) - 1; }

    function load(chunks) {
      return Promise.all(chunks.map(function (k) {
        fetches[k] = fetches[k] || fetchChunk(k)
          .then(function (body) { lines[k] = body.split("\n"); }, function (error) { fetches[k] = null; throw error; });
        return fetches[k];
      }));
    }

    return {
      /* The chunks that rows are in, each once. */
      chunksOf: function (rows) {
        var chunks = [];
        rows.forEach(function (i) { if (chunks.indexOf(chunkOf(i)) < 0) chunks.push(chunkOf(i)); });
        return chunks;
      },
      /* Row i's text by column name ({title, summary, commissioner}), or null until its chunk has come. */
      row: function (i) {
        if (!(i in parsed)) {
          var k = chunkOf(i);
          if (!lines[k]) return null;
          var cells = JSON.parse(lines[k][i - starts[k] + 1].replace(/,$/, "")), row = {};
          names.forEach(function (name, c) { row[name] = cells[c]; });
          parsed[i] = row;
        }
        return parsed[i];
      },
      load: load,
      /* The next chunk not fetched yet, then the one after, each when `later` calls back. */
      prefetch: function prefetch(later) {
        var next = table.text.files.findIndex(function (_file, k) { return !fetches[k]; });
        if (next < 0) return;
        load([next]).then(function () { later(function () { prefetch(later); }); }, function () {});
      }
    };
  }

  hub.data = { firstAtLeast: firstAtLeast, prepare: prepare, facetOf: facetOf, facetOfVocabulary: facetOfVocabulary,
               rangeOf: rangeOf, chunkFetcher: chunkFetcher, textStore: textStore };
  if (typeof module === "object" && module.exports) module.exports = hub.data;
})(globalThis.hubFinder = globalThis.hubFinder || {});
