/* Engine: what the finder shows, as a typed state, and the URL that holds it. No DOM.
 *
 *   q          the keywords, as typed
 *   facets     {param: [value id, …]}: only ids the facet table knows, in the order chosen
 *   years      {from, to} (each a year or null) or null for any year   URL: awarded=2015-2020
 *   weighting  a percentage or null for any            URL: social_value_weighting_pct=20
 *   sort       "relevance", "newest", "value", or "" for the default
 *   notApplied [{legend, value}]: what a link asked for that the finder cannot apply
 *   dismissed  ["param=id", …]: filters the keywords name that the reader dismissed (not in the URL)
 *
 * What the finder cannot apply is reported, and never written back to the URL. */
(function (hub) {
  "use strict";

  var YEAR = "awarded", WEIGHTING = "social_value_weighting_pct";  // URL parameters
  var SORTS = [["relevance", "Relevance"], ["newest", "Newest"], ["value", "Contract value"]];
  var LEGEND = { awarded: "Contract year", social_value_weighting_pct: "Social value weighting", sort: "Sort" };

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
  function parse(search, facets) {
    var params = new URLSearchParams(search), state = empty();
    function first(param) { return (params.get(param) || "").split(",").filter(Boolean)[0]; }
    function notApplied(legend, value) { state.notApplied.push({ legend: legend, value: value }); }
    state.q = params.get("q") || "";
    facets.forEach(function (facet) {
      var chosen = state.facets[facet.param] = [];
      (params.get(facet.param) || "").split(",").filter(Boolean).forEach(function (id) {
        if (!(id in facet.ids)) notApplied(facet.legend, id);
        else if (chosen.indexOf(id) < 0) chosen.push(id);
      });
    });
    var year = first(YEAR), weighting = first(WEIGHTING), sort = params.get("sort") || "";
    if (year) {
      state.years = readYears(year);
      if (!state.years) notApplied(LEGEND[YEAR], year);
    }
    if (weighting) {
      state.weighting = readWeighting(weighting);
      if (state.weighting === null) notApplied(LEGEND[WEIGHTING], weighting);
    }
    if (knownSort(sort)) state.sort = sort;
    else if (sort) notApplied(LEGEND.sort, sort);
    return state;
  }

  /* The query string ("?…", or "" for the default view) of a state. */
  function serialise(state, facets) {
    var parts = [];
    if (state.q) parts.push("q=" + encodeURIComponent(state.q));
    facets.forEach(function (facet) {
      var chosen = state.facets[facet.param];
      if (chosen && chosen.length) parts.push(facet.param + "=" + chosen.map(encodeURIComponent).join(","));
    });
    if (state.years) parts.push(YEAR + "=" + (state.years.from || "") + "-" + (state.years.to || ""));
    if (state.weighting !== null) parts.push(WEIGHTING + "=" + encodeURIComponent(String(state.weighting)));
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

  hub.state = { YEAR: YEAR, WEIGHTING: WEIGHTING, SORTS: SORTS, LEGEND: LEGEND, empty: empty, yearRange: yearRange,
                parse: parse, serialise: serialise, sortOrder: sortOrder, activeCount: activeCount };
  if (typeof module === "object" && module.exports) module.exports = hub.state;
})(globalThis.hubFinder = globalThis.hubFinder || {});
