/* UI: what the finder makes of a query's words. The facet values the words
 * name (hub.words.recognise), each offered as a filter the reader can apply
 * or dismiss; the words no case study contains; and, when nothing matches,
 * the query without those words and a way to the filters. Built as elements,
 * never as HTML. */
(function (hub) {
  "use strict";
  var el = hub.dom.el, text = hub.dom.text;

  function quoted(words) {
    return words.map(function (w) { return "\u2018" + w + "\u2019"; }).join(" or ");
  }

  /* The values the query names that are not chosen already or dismissed, with their facet's legend and label. */
  function offers(table, state) {
    return hub.words.recognise(table.facets, state.q).filter(function (named) {
      return (state.facets[named.param] || []).indexOf(named.id) < 0 && state.dismissed.indexOf(key(named)) < 0;
    }).map(function (named) {
      var facet = hub.data.facetOf(table, named.param);
      return { named: named, label: facet.legend + ": " + facet.values[facet.ids[named.id]].label };
    });
  }

  function key(named) { return named.param + "=" + named.id; }

  function build() {
    var ui = {};
    ui.offers = el("ul", { "class": "hub-finder__offers", "aria-label": "Filters your words name" });
    ui.offered = el("div", { "class": "hub-finder__offered", hidden: true }, [
      el("p", { "class": "hub-finder__offers-intro", text: "Your words name these filters:" }), ui.offers]);
    ui.unmatched = el("p", { "class": "hub-finder__unmatched", hidden: true });
    ui.node = el("div", { "class": "hub-finder__suggest" }, [ui.offered, ui.unmatched]);
    return ui;
  }

  /* Shows what `state`'s words name and miss; `unmatched` are the words no case study
   * contains (hub.query.unmatched), `n` how many results there are. `on.apply(named)`,
   * `on.dismiss(key)` and `on.retry(q)` hear of the reader's choices; `filters` is the filters' id. */
  function render(ui, table, state, unmatched, n, on, filters) {
    var list = offers(table, state);
    ui.offers.replaceChildren.apply(ui.offers, list.map(function (offer) {
      var apply = el("button", { type: "button", "class": "hub-finder__offer", "aria-label": "Filter by " + offer.label },
                     [text("Filter by " + offer.label)]);
      var dismiss = el("button", { type: "button", "class": "hub-finder__dismiss", "aria-label": "Dismiss " + offer.label },
                       [el("span", { "aria-hidden": "true", text: "×" })]);
      apply.addEventListener("click", function () { on.apply(offer.named); });
      dismiss.addEventListener("click", function () { on.dismiss(key(offer.named)); });
      return el("li", {}, [apply, dismiss]);
    }));
    ui.offered.hidden = list.length === 0;
    ui.unmatched.replaceChildren();
    if (unmatched.length) {
      ui.unmatched.appendChild(text("No case study mentions " + quoted(unmatched) + (n ? ", so " +
        (unmatched.length > 1 ? "they were" : "it was") + " left out." : ".")));
      var rest = hub.words.withoutWords(state.q, unmatched);
      if (!n && hub.hasKeywords(rest)) {
        var retry = el("a", { href: "?q=" + encodeURIComponent(rest), text: "Search for \u201c" + rest + "\u201d" });
        retry.addEventListener("click", function (event) { event.preventDefault(); on.retry(rest); });
        ui.unmatched.append(" ", retry, ".");
      }
    }
    if (!n && hub.hasKeywords(state.q)) {
      var browse = el("a", { href: "#" + filters, text: "Browse by the filters instead" });
      browse.addEventListener("click", function () { on.filters(); });
      ui.unmatched.append(" ", browse, ".");
    }
    ui.unmatched.hidden = !ui.unmatched.childNodes.length;
  }

  hub.suggest = { build: build, render: render, offers: offers };
})(globalThis.hubFinder = globalThis.hubFinder || {});
