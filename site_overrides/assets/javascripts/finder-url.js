/* Runs in the finder page's <head>, before Material's bundle.
 *
 * It starts fetching the finder's data, so the network works while Material's
 * bundle runs: the facet table and the first chunk of the results' text always,
 * the keyword index and lunr.js only when the URL has keywords. finder.js picks
 * them up from window.hubFinder, with the helpers that fetch them and the one
 * test of whether a search has keywords. Until the finder shows its results,
 * the listing it replaces is not drawn (class hub-finder-js, finder.css).
 *
 * Material opens its own search for a "q" in the URL, and deletes it when
 * closed; the finder uses "q" for its keywords. The query is set aside in
 * history.state, where finder.js takes it back once Material has started. */
(function () {
  "use strict";
  var hub = window.hubFinder = {
    fetches: {},
    hasKeywords: function (q) { return /[A-Za-z0-9]/.test(q || ""); },
    json: function (url) { return fetch(url).then(function (r) { return r.json(); }); },
    script: function (src) {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
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
  fetches.facets = hub.json(href("facets"));
  fetches.text = hub.json(href("text"));  // the newest results' text
  if (hub.hasKeywords(params.get("q"))) {
    fetches.index = hub.json(href("index"));
    fetches.lunr = hub.script(href("lunr"));
  }

  if (!params.has("q")) return;
  var search = location.search;
  params.delete("q");
  var rest = params.toString();
  history.replaceState({ hubFinderSearch: search }, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
})();
