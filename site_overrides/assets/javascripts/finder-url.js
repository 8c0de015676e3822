/* Runs in the finder page's <head>, before Material's bundle.
 *
 * It starts fetching the finder's data, so the network works while Material's
 * bundle runs: the facet table and the first chunk of the results' text always,
 * the keyword index and lunr.js only when the URL has keywords. Until the finder shows its results, the listing it
 * replaces is not drawn (class hub-finder-js, finder.css). finder.js picks them up from window.hubFinder, with
 * the one test of whether a search has keywords.
 *
 * Material opens its own search for a "q" in the URL, and deletes it when
 * closed; the finder uses "q" for its keywords. The query is set aside in
 * history.state, where finder.js takes it back once Material has started. */
(function () {
  "use strict";
  var hub = window.hubFinder = {
    fetches: {},
    hasKeywords: function (q) { return /[A-Za-z0-9]/.test(q || ""); }
  };
  if (!window.URLSearchParams || !history.replaceState || !window.fetch) return;
  var script = document.currentScript, fetches = hub.fetches;
  var href = function (key) { return new URL(script.getAttribute("data-" + key), location.href).href; };
  var params = new URLSearchParams(location.search);

  // The listing without JavaScript is not drawn while the finder starts (finder.css),
  // unless finder.js never runs or cannot load its data.
  document.documentElement.classList.add("hub-finder-js");
  window.addEventListener("load", function () {
    if (!hub.started) document.documentElement.classList.remove("hub-finder-js");
  });
  fetches.facets = fetch(href("facets")).then(function (r) { return r.json(); });
  fetches.text = fetch(href("text")).then(function (r) { return r.json(); });  // the newest results' text
  if (hub.hasKeywords(params.get("q"))) {
    fetches.index = fetch(href("index")).then(function (r) { return r.json(); });
    fetches.lunr = new Promise(function (resolve, reject) {
      var lunr = document.createElement("script");
      lunr.src = href("lunr");
      lunr.onload = resolve;
      lunr.onerror = reject;
      document.head.appendChild(lunr);
    });
  }

  if (!params.has("q")) return;
  var search = location.search;
  params.delete("q");
  var rest = params.toString();
  history.replaceState({ hubFinderSearch: search }, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
})();
