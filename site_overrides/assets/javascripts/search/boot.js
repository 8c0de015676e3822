/* On every page: the site search's only script until the reader asks for it.
 *
 * It fetches nothing. When the header's search box is first focused (or typed
 * in), it adds lunr.js (unless the page has it, as the finder does) and
 * search.js, which fetches the index's head and takes the box over. Without
 * fetch, the box stays a plain form that opens the search page. */
(function () {
  "use strict";
  var script = document.currentScript, form = script && document.querySelector("form[data-hub-search]");
  if (!form || !window.fetch || !window.URL || !window.Promise) return;
  var box = form.querySelector("[data-hub-search-box]"), started = false;
  function add(src) {
    var tag = document.createElement("script");
    tag.src = src;
    tag.async = false;  // lunr.js runs before search.js
    document.head.appendChild(tag);
  }
  function start() {
    if (started) return;
    started = true;
    if (!window.lunr) add(form.getAttribute("data-lunr"));
    if (!(window.hubFinder && window.hubFinder.search)) add(form.getAttribute("data-script"));
  }
  box.addEventListener("focus", start);
  box.addEventListener("input", start);
  if (document.activeElement === box) start();
})();
