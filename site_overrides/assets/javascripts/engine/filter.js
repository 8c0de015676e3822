/* Engine: filtering, counting and sorting the facet table's rows. No DOM.
 *
 * A facet's column holds each row's values as bits, MASK_BITS values to a
 * mask (svhub.finder.table.masks), so a test of "any of these values" is one AND
 * per mask, and more than MASK_BITS values take a second mask. */
(function (hub) {
  "use strict";

  var MASK_BITS = 31;  // svhub.finder.table.MASK_BITS: JavaScript's bitwise operators keep 31 bits positive

  /* Values (their positions among a facet's values) as masks, `count` of them. */
  function masks(positions, count) {
    var words = [];
    for (var m = 0; m < count; m++) words.push(0);
    positions.forEach(function (p) { words[Math.floor(p / MASK_BITS)] |= 1 << (p % MASK_BITS); });
    return words;
  }

  /* Whether row i has any of the chosen values of a facet. */
  function anyOf(columns, chosen, i) {
    for (var m = 0; m < columns.length; m++) if (columns[m][i] & chosen[m]) return true;
    return false;
  }

  /* The position of the lowest bit set in a mask. */
  function lowestBit(bits) {
    return 31 - Math.clz32(bits & -bits);
  }

  /* Adds one to the count of each of row i's values of a facet. */
  function addCounts(counts, columns, i) {
    for (var m = 0; m < columns.length; m++) {
      for (var bits = columns[m][i]; bits; bits &= bits - 1) counts[m * MASK_BITS + lowestBit(bits)]++;
    }
  }

  /* The first of row i's values of a facet (its position), or -1. */
  function firstValue(facet, i) {
    for (var m = 0; m < facet.masks.length; m++) {
      var bits = facet.masks[m][i];
      if (bits) return m * MASK_BITS + lowestBit(bits);
    }
    return -1;
  }

  /* The rows that `state` (hub.state) shows, in table order, and how many
   * results each facet value and weighting step would give: a facet's own
   * values count as if it had none chosen, so they show their totals within
   * the other filters. `matches` are the keyword matches by row, or null. */
  function run(table, state, matches) {
    var facets = table.facets, steps = table.steps;
    var chosen = facets.map(function (facet) {  // the chosen values as masks, like the table's
      var ids = (state.facets[facet.param] || []).map(function (id) { return facet.ids[id]; });
      return ids.length ? masks(ids, facet.masks.length) : null;
    });
    var range = state.years, from = range && range.from, to = range && range.to, atLeast = state.weighting;
    var counts = facets.map(function (facet) { return facet.values.map(function () { return 0; }); });
    var weighting = steps.map(function () { return 0; });
    var yearOf = table.between ? table.between.numbers : [], weightingOf = table.atLeast ? table.atLeast.numbers : [];
    var rows = [];
    for (var i = 0; i < table.rows; i++) {
      if (matches && !matches[i]) continue;
      var failed = -1, failures = 0;
      for (var k = 0; k < facets.length && failures < 2; k++) {
        if (chosen[k] && !anyOf(facets[k].masks, chosen[k], i)) { failures++; failed = k; }
      }
      var year = yearOf[i];
      if (range && (year === null || (from && year < from) || (to && year > to))) { failures++; failed = "between"; }
      var w = weightingOf[i];
      if (atLeast !== null && !(w !== null && w >= atLeast)) { failures++; failed = "atLeast"; }
      if (failures === 0) rows.push(i);
      if (failures > 1) continue;
      for (k = 0; k < facets.length; k++) {
        if (failures === 0 || failed === k) addCounts(counts[k], facets[k].masks, i);
      }
      if ((failures === 0 || failed === "atLeast") && w !== null) {
        for (var s = 0; s < steps.length; s++) if (w >= steps[s]) weighting[s]++;
      }
    }
    return { rows: rows, facets: counts, weighting: weighting };
  }

  /* Sorts rows (newest first already) in `order` (hub.state.sortOrder). */
  function sort(rows, order, table, matches) {
    if (order === "relevance") {
      // Each row's sort key is worked out once, not at every comparison.
      var Q = hub.query, paired = rows.map(function (row) { return { row: row, key: Q.sortKey(matches[row]) }; });
      paired.sort(function (a, b) { return Q.compareKeys(a.key, b.key) || a.row - b.row; });
      paired.forEach(function (pair, i) { rows[i] = pair.row; });
    } else if (order === "value") {
      var value = table.columns.contract_value;
      rows.sort(function (a, b) {
        var va = value[a], vb = value[b];
        return (va === null) - (vb === null) || (vb || 0) - (va || 0) || a - b;
      });
    }
    return rows;
  }

  hub.filter = { MASK_BITS: MASK_BITS, masks: masks, firstValue: firstValue, run: run, sort: sort };
  if (typeof module === "object" && module.exports) module.exports = hub.filter;
})(globalThis.hubFinder = globalThis.hubFinder || {});
