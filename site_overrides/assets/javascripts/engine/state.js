/* Engine: what the finder shows, as a typed state, and the URL that holds it. No DOM.
 * The URL's parameters and the legends are the facet table's (hub.data.prepare).
 *
 *   q          the keywords, as typed
 *   facets     {param: [value id, …]}: only ids the facet table knows, in the order chosen
 *   years      {from, to} (each a year or null) or null for any year; the table's
 *              from-to range (`between`), in the URL as <param>=2015-2020
 *   weighting  a percentage or null for any; the table's `atLeast` range, as <param>=20
 *   sort       "relevance", "newest", "value", or "" for the default
 *   notApplied [{legend, value}]: what a link asked for that the finder cannot apply
 *   dismissed  ["param=id", …]: filters the keywords name that the reader dismissed (not in the URL)
 *
 * What the finder cannot apply is reported, and never written back to the URL. */
(function (hub) {
  "use strict";

  var SORTS = [["relevance", "Relevance"], ["newest", "Newest"], ["value", "Contract value"]];
  var SORT_LEGEND = "Sort";

  function empty() {
    return { q: "", facets: {}, years: null, weighting: null, sort: "", notApplied: [], dismissed: [] };
  }

  /* A year range from two years (numbers or null); null when both are null. */
  function yearRange(from, to) {
    return from || to ? { from: from || null, to: to || null } : null;
  }

  function readYears(text) {
    var range = text.split("-");
    return yearRange(parseInt(range[0], 10) || null, parseInt(range[1], 10) || null);
  }

  function readWeighting(text) {
    var value = parseFloat(text);
    return isNaN(value) ? null : value;
  }

  function knownSort(sort) {
    return SORTS.some(function (option) { return option[0] === sort; });
  }

  /* The state a URL's query string holds, for the facets of the facet table (hub.data.prepare). */
  function parse(search, table) {
    var params = new URLSearchParams(search), state = empty(), between = table.between, atLeast = table.atLeast;
    function first(param) { return (params.get(param) || "").split(",").filter(Boolean)[0]; }
    function notApplied(legend, value) { state.notApplied.push({ legend: legend, value: value }); }
    state.q = params.get("q") || "";
    table.facets.forEach(function (facet) {
      var chosen = state.facets[facet.param] = [];
      (params.get(facet.param) || "").split(",").filter(Boolean).forEach(function (id) {
        if (!(id in facet.ids)) notApplied(facet.legend, id);
        else if (chosen.indexOf(id) < 0) chosen.push(id);
      });
    });
    var year = between && first(between.param), weighting = atLeast && first(atLeast.param);
    var sort = params.get("sort") || "";
    if (year) {
      state.years = readYears(year);
      if (!state.years) notApplied(between.legend, year);
    }
    if (weighting) {
      state.weighting = readWeighting(weighting);
      if (state.weighting === null) notApplied(atLeast.legend, weighting);
    }
    if (knownSort(sort)) state.sort = sort;
    else if (sort) notApplied(SORT_LEGEND, sort);
    return state;
  }

  /* The query string ("?…", or "" for the default view) of a state. */
  function serialise(state, table) {
    var parts = [];
    if (state.q) parts.push("q=" + encodeURIComponent(state.q));
    table.facets.forEach(function (facet) {
      var chosen = state.facets[facet.param];
      if (chosen && chosen.length) parts.push(facet.param + "=" + chosen.map(encodeURIComponent).join(","));
    });
    if (state.years && table.between) {
      parts.push(table.between.param + "=" + (state.years.from || "") + "-" + (state.years.to || ""));
    }
    if (state.weighting !== null && table.atLeast) {
      parts.push(table.atLeast.param + "=" + encodeURIComponent(String(state.weighting)));
    }
    if (state.sort) parts.push("sort=" + state.sort);
    return parts.length ? "?" + parts.join("&") : "";
  }

  /* The order results are shown in: relevance needs keywords. */
  function sortOrder(state) {
    var keywords = hub.hasKeywords(state.q), sort = state.sort || (keywords ? "relevance" : "newest");
    return sort === "relevance" && !keywords ? "newest" : sort;
  }

  /* How many filters apply. */
  function activeCount(state) {
    return Object.keys(state.facets).reduce(function (sum, param) {
      return sum + state.facets[param].length;
    }, (state.years ? 1 : 0) + (state.weighting !== null ? 1 : 0));
  }

  hub.state = { SORTS: SORTS, empty: empty, yearRange: yearRange, parse: parse, serialise: serialise,
                sortOrder: sortOrder, activeCount: activeCount };
  if (typeof module === "object" && module.exports) module.exports = hub.state;
})(globalThis.hubFinder = globalThis.hubFinder || {});
