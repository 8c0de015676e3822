/* The finder's namespace, window.hubFinder, and what both of its scripts need:
 * fetching a file as text or JSON, and the one test of whether a search has
 * keywords. Each module adds itself to the namespace (hub.state, hub.filter…);
 * in Node, where the unit tests run (tests/js/), the namespace is globalThis's. */
(function (hub) {
  "use strict";

  hub.fetches = hub.fetches || {};  // files head.js started fetching, by key

  hub.hasKeywords = function (q) { return /[A-Za-z0-9]/.test(q || ""); };

  hub.text = function (url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.text();
    });
  };

  hub.json = function (url) { return hub.text(url).then(JSON.parse); };

  if (typeof module === "object" && module.exports) module.exports = hub;
})(globalThis.hubFinder = globalThis.hubFinder || {});
