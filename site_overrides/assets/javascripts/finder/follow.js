/* UI: "Follow this list" for the finder's view, under the results. The listing has the link to the
 * feed of every case study (svhub.exports.syndication); a view filtered to one value
 * of a facet that has pages gets that value's feed instead. A view no feed
 * matches, with keywords or several filters, names the closest feeds: those
 * of the facet values it has. Links are built as elements, never as HTML. */
(function (hub) {
  "use strict";

  var CLOSEST = 5;  // at most this many feeds named for a view no feed matches

  /* The paragraph the page has, its text without JavaScript, and the feeds' paths by facet. */
  function find() {
    var node = document.getElementById("hub-follow");
    if (!node) return null;
    var link = node.querySelector("a");
    return { node: node, all: link.getAttribute("href"), text: node.textContent.slice(link.textContent.length),
             paths: JSON.parse(node.getAttribute("data-feeds") || "{}") };
  }

  function label(table, param, id) {
    var facet = table.facets.filter(function (f) { return f.param === param; })[0];
    var value = facet && facet.values.filter(function (v) { return v.id === id; })[0];
    return value ? value.label : id;
  }

  function feed(follow, param, id) {
    return follow.paths[param] + encodeURIComponent(id) + "/feed.xml";
  }

  function link(href, text) {
    return hub.dom.el("a", { href: href, type: "application/atom+xml", text: text });
  }

  /* Redraws the paragraph for `state`. */
  function render(follow, state, table) {
    if (!follow) return;
    var chosen = [];
    Object.keys(state.facets).forEach(function (param) {
      state.facets[param].forEach(function (id) { chosen.push([param, id]); });
    });
    var followable = chosen.filter(function (pair) { return follow.paths[pair[0]]; });
    var keywords = hub.hasKeywords(state.q), filters = hub.state.activeCount(state);
    var parts;
    if (!keywords && filters === 0) {
      parts = [link(follow.all, "Follow this list"), hub.dom.text(follow.text)];
    } else if (!keywords && filters === 1 && followable.length === 1) {
      var name = label(table, followable[0][0], followable[0][1]);
      parts = [link(feed(follow, followable[0][0], followable[0][1]), "Follow this list"),
               hub.dom.text(" in a feed reader: each new case study filed under " + name + ", newest first.")];
    } else {
      var why = keywords ? "it has keywords" : "it has more than one filter";
      parts = [hub.dom.text("No feed follows this view, because " + why + ". ")];
      if (followable.length) {
        parts.push(hub.dom.text("The closest feeds: "));
        followable.slice(0, CLOSEST).forEach(function (pair, n) {
          if (n) parts.push(hub.dom.text(", "));
          parts.push(link(feed(follow, pair[0], pair[1]), label(table, pair[0], pair[1])));
        });
        parts.push(hub.dom.text("; or "));
      } else {
        parts.push(hub.dom.text("You can "));
      }
      parts.push(link(follow.all, "follow every case study"));
      parts.push(hub.dom.text("."));
    }
    while (follow.node.firstChild) follow.node.removeChild(follow.node.firstChild);
    parts.forEach(function (part) { follow.node.appendChild(part); });
  }

  hub.follow = { find: find, render: render };
})(globalThis.hubFinder = globalThis.hubFinder || {});
