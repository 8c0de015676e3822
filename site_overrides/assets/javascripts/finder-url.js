/* Runs in the finder page's <head>, before Material's bundle. Material opens
 * its own search for a "q" in the URL, and deletes it when closed; the finder
 * uses "q" for its keywords. The query is set aside in history.state, where
 * finder.js takes it back once Material has started. */
(function () {
  "use strict";
  if (!window.URLSearchParams || !history.replaceState) return;
  var params = new URLSearchParams(location.search);
  if (!params.has("q")) return;
  var search = location.search;
  params.delete("q");
  var rest = params.toString();
  history.replaceState({ hubFinderSearch: search }, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
})();
