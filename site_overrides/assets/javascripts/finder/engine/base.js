/* The finder's namespace, window.hubFinder, and what both of its scripts need:
 * fetching a file as text or JSON (online, or from file:// in the offline
 * copy), and the one test of whether a search has keywords. Each module adds itself to the namespace (hub.state, hub.filter…);
 * in Node, where the unit tests run (tests/js/), the namespace is globalThis's. */
(function (hub) {
  "use strict";

  hub.fetches = hub.fetches || {};  // files head.js started fetching, by key

  hub.hasKeywords = function (q) { return /[A-Za-z0-9]/.test(q || ""); };

  hub.delivered = hub.delivered || {};  // files' text from their offline scripts, by the script's address

  /* The offline copy (svhub/exports/offline.py), opened from file://, where nothing
   * can be fetched: each file has a script beside it, its name plus ".js",
   * which hands the file's text to hub.deliver. A script loads where a fetch cannot. */
  hub.deliver = function (text) { hub.delivered[document.currentScript.src] = text; };

  function fromScript(url) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = url + ".js";
      tag.onload = function () {
        var text = hub.delivered[tag.src];
        delete hub.delivered[tag.src];
        tag.remove();
        if (typeof text === "string") resolve(text); else reject(new Error(url + ": no offline copy"));
      };
      tag.onerror = function () { tag.remove(); reject(new Error(url + ": no offline copy")); };
      document.head.appendChild(tag);
    });
  }

  hub.text = function (url) {
    if (typeof location === "object" && location.protocol === "file:") return fromScript(String(url));
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.text();
    });
  };

  hub.json = function (url) { return hub.text(url).then(JSON.parse); };

  if (typeof module === "object" && module.exports) module.exports = hub;
})(globalThis.hubFinder = globalThis.hubFinder || {});
