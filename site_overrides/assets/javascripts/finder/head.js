/* Runs in the finder page's <head>, before Material's bundle.
 *
 * It starts fetching the finder's data, so the network works while the page is
 * parsed and Material's bundle runs: the facet table and the newest case
 * studies' text always; the older case studies' text only when the URL has
 * keywords (finder.js asks for the keyword index's shards itself, from the
 * index's head in the page, as soon as it runs). finder.js picks them up from hub.fetches, with
 * the files' addresses (hub.href) and the listing's own (hub.listing). Until the finder shows its results,
 * the listing it replaces is not drawn (class hub-finder-js, finder.css). */
(function (hub) {
  "use strict";
  if (!window.URLSearchParams || !history.replaceState || !window.fetch) return;
  var script = document.currentScript, fetches = hub.fetches;
  var href = hub.href = function (key) { return new URL(script.getAttribute("data-" + key), location.href).href; };
  // The listing's own address, as the build wrote it ("./", or "index.html" with file URLs),
  // from which the results link to the case studies (hub.caseStudyHref).
  hub.listing = script.getAttribute("data-listing") || "./";
  var params = new URLSearchParams(location.search);

  // The listing without JavaScript is not drawn while the finder starts (finder.css),
  // unless finder.js never runs or cannot load its data.
  document.documentElement.classList.add("hub-finder-js");
  window.addEventListener("load", function () {
    if (!hub.started) document.documentElement.classList.remove("hub-finder-js");
  });
  fetches.facets = hub.json(href("facets"));
  fetches.text = hub.text(href("text"));  // the newest case studies' text
  if (hub.hasKeywords(params.get("q"))) {  // results ranked by keywords could be anywhere
    fetches.olderText = hub.text(href("older-text"));
  }
})(window.hubFinder);
