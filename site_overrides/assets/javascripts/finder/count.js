/* UI: the live count, a polite status region that says how many case studies
 * match, or what the finder is waiting for or could not load. */
(function (hub) {
  "use strict";

  var MESSAGES = {
    indexLoading: "Loading the search index…",
    indexFailed: "The search index could not be loaded. Check your connection, then search again.",
    textFailed: "The case studies could not be loaded. Check your connection and reload the page."
  };

  /* What the count says of `n` results; `filtered` when keywords or a filter apply. */
  function wording(n, filtered) {
    return n === 0 ? "No case studies match. Try fewer words or remove a filter."
      : n + (n === 1 ? " case study" : " case studies") + (filtered ? " match" : "");
  }

  /* What the "Show N results" button says of `n` results. */
  function showing(n) {
    return n === 0 ? "No results to show" : "Show " + n + (n === 1 ? " result" : " results");
  }

  function build() {
    return hub.dom.el("p", { id: "hub-finder-count", "class": "hub-finder__count", role: "status",
                             "aria-live": "polite", "aria-atomic": "true" });
  }

  hub.count = { MESSAGES: MESSAGES, wording: wording, showing: showing, build: build,
                set: function (node, text) { hub.dom.setText(node, text); } };
})(globalThis.hubFinder = globalThis.hubFinder || {});
