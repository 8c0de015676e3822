/* The finder's namespace, window.hubFinder, and what the scripts that use it (the
 * finder's, the site search's, the record's) need: fetching a file as text or JSON
 * (online, or from file:// in the offline copy), the one test of whether a search
 * has keywords, making an element and saving a file. Each module adds itself to the namespace (hub.state, hub.filter…);
 * in Node, where the unit tests run (tests/js/), the namespace is globalThis's. */
(function (hub) {
  "use strict";

  hub.fetches = hub.fetches || {};  // files finder/head.js started fetching, by key

  /* Whether `q` has a word a search can use. Once the engine's query is loaded, a
   * query of stop words alone ("a", "the") has none, so the first letter of a word
   * typed does not empty the results; before then (finder/head.js), any letter or digit. */
  hub.hasKeywords = function (q) {
    if (!/[A-Za-z0-9]/.test(q || "")) return false;
    return !hub.query || !globalThis.lunr || hub.query.words(q).length > 0;
  };

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

  /* A case study's page, from the address of the case-study listing as the build
   * wrote it into the page: its folder ("./", "../../case-studies/",
   * "https://…/case-studies/"), or, where pages are files (the offline copy, any
   * build with file URLs), its file ("index.html", "../case-studies/index.html"),
   * beside which each case study is a file too ("slug.html"). A query or fragment
   * on the listing's address is left behind. The one way the finder's results, its
   * printed addresses and the record's examples link to a case study. */
  hub.caseStudyHref = function (listing, slug) {
    var at = String(listing).replace(/[?#].*$/, "").replace(/^\.\//, "");
    if (/(^|\/)index\.html$/.test(at)) return at.replace(/index\.html$/, "") + slug + ".html";
    return at + (at && at.slice(-1) !== "/" ? "/" : "") + slug + "/";
  };

  /* An element with attributes ("text" is its text, "hidden" a property) and children:
   * the one way every page's script makes one. Text is set as text, never as HTML. */
  hub.el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "hidden") node.hidden = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  };

  /* Saves `text` as a file called `name`, of media type `type`, on this device. */
  hub.download = function (text, type, name) {
    var href = URL.createObjectURL(new Blob([text], { type: type }));
    var link = hub.el("a", { href: href, download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  };

  if (typeof module === "object" && module.exports) module.exports = hub;
})(globalThis.hubFinder = globalThis.hubFinder || {});
