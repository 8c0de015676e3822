/* UI: a chip for each filter that applies, which removes it, and the line that
 * names what a link asked for that the finder could not apply. */
(function (hub) {
  "use strict";
  var el = hub.dom.el, text = hub.dom.text;

  /* The chips of a state: a label and what removing the chip does to the state. */
  function list(state, table) {
    var chips = [];
    if (hub.hasKeywords(state.q)) chips.push({ label: "Keywords: " + state.q.trim(), remove: function (s) { s.q = ""; } });
    table.facets.forEach(function (facet) {
      (state.facets[facet.param] || []).forEach(function (id) {
        chips.push({ label: facet.legend + ": " + facet.values[facet.ids[id]].label, remove: function (s) {
          s.facets[facet.param] = s.facets[facet.param].filter(function (v) { return v !== id; });
        } });
      });
    });
    var range = state.years;
    if (range) {
      chips.push({ label: table.between.legend + ": " + (range.from || "any") + " to " + (range.to || "any"),
                   remove: function (s) { s.years = null; } });
    }
    if (state.weighting !== null) {
      chips.push({ label: table.atLeast.legend + ": " + state.weighting + "% or more",
                   remove: function (s) { s.weighting = null; } });
    }
    return chips;
  }

  /* "Not applied, because …", or "" when the finder applies everything. */
  function notApplied(state) {
    var unknown = state.notApplied.map(function (item) { return item.legend + " \u201c" + item.value + "\u201d"; });
    return unknown.length ? "Not applied, because the finder does not know " + (unknown.length > 1 ? "them" : "it") +
      ": " + unknown.join("; ") + "." : "";
  }

  /* Shows the chips in `ui.chips` (hidden with `ui.active` when there are none);
   * `remove(chip, n)` is called when chip n is pressed. */
  function render(ui, state, table, remove) {
    var chips = list(state, table);
    ui.chips.replaceChildren.apply(ui.chips, chips.map(function (chip, n) {
      var button = el("button", { type: "button", "class": "hub-finder__chip", "aria-label": "Remove " + chip.label },
                      [text(chip.label + " "), el("span", { "aria-hidden": "true", text: "×" })]);
      button.addEventListener("click", function () { remove(chip, n); });
      return el("li", {}, [button]);
    }));
    ui.active.hidden = chips.length === 0;
    ui.ignored.textContent = notApplied(state);
    ui.ignored.hidden = !ui.ignored.textContent;
  }

  hub.chips = { list: list, notApplied: notApplied, render: render };
})(globalThis.hubFinder = globalThis.hubFinder || {});
