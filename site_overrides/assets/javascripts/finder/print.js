/* UI: "Print these results". Paper gets the whole current list (every result,
 * not just those shown so far), each with its page's address online, under a
 * line that says which keywords and filters made the list (print.css). */
(function (hub) {
  "use strict";

  /* What made the list, as the chips name it: "3 case studies, found with
   * Keywords: repairs; Service: Housing repairs." or "All 40 case studies." */
  function line(state, table, n) {
    var made = hub.chips.list(state, table).map(function (chip) { return chip.label; });
    var count = n + (n === 1 ? " case study" : " case studies");
    var sort = hub.state.SORTS.filter(function (option) { return option[0] === hub.state.sortOrder(state); })[0];
    var order = sort ? " Order: " + sort[1].toLowerCase() + "." : "";
    return (made.length ? count + " from the Social Value Hub's case-study finder, found with " + made.join("; ") + "."
      : "All " + count + " in the Social Value Hub's case-study finder, with no filters or keywords.") + order;
  }

  /* A case study's address online, for paper, from the listing's canonical address
   * (the hub's site_url), which is the online site's even in the offline copy
   * (svhub.exports.offline.online_url); without one, from the listing's own. */
  function address(slug) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var listing = canonical ? canonical.href : location.href;
    try { return new URL(hub.caseStudyHref(listing, slug), location.href).href; } catch (error) { return ""; }
  }

  /* The printed line and the button, which calls `onPrint`. */
  function build(onPrint) {
    var summary = hub.dom.el("p", { "class": "hub-print-only hub-finder__printed" });
    var button = hub.dom.el("button", { type: "button", "class": "md-button hub-finder__print",
                                        text: "Print these results" });
    button.addEventListener("click", onPrint);
    return { summary: summary, button: button };
  }

  /* After each draw: the line. */
  function update(parts, state, table, n) {
    hub.dom.setText(parts.summary, line(state, table, n));
  }

  /* Just before printing: each result's address (print.css shows them on
   * paper). They are added only then, so the results on screen keep the
   * listing's own markup; the next draw takes them away. */
  function addresses(list, table, rows) {
    Array.prototype.forEach.call(list.children, function (item, k) {
      if (item.querySelector(".hub-result__address") || rows[k] === undefined) return;
      var url = address(table.columns.slug[rows[k]]);
      if (url) item.appendChild(hub.dom.el("p", { "class": "hub-print-only hub-result__address", text: url }));
    });
  }

  hub.print = { line: line, address: address, build: build, update: update, addresses: addresses };
})(globalThis.hubFinder = globalThis.hubFinder || {});
