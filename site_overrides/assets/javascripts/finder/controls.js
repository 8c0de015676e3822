/* UI: the finder's form. The keyword box, a fieldset of checkboxes per facet
 * (grouped when the facet has groups; a facet no case study is tagged with is
 * named in one line instead), the year range and the weighting selects (each
 * filter with its legend, where the facet table's `order` puts it), the sort,
 * and, on a narrow screen, a "Show N results" button that stays at the foot of
 * the screen while the filters are open. Each change is handed to
 * `on` (see build); the controls show a state (sync) and the counts of the
 * results (showCounts). */
(function (hub) {
  "use strict";
  var el = hub.dom.el, text = hub.dom.text, setText = hub.dom.setText, S = hub.state;

  function select(id, label, options, onChange) {
    var node = el("select", { id: id }, options.map(function (o) { return el("option", { value: o[0], text: o[1] }); }));
    node.addEventListener("change", onChange);
    return { node: node, wrap: el("div", { "class": "hub-facet__select" }, [el("label", { "for": id, text: label }), node]) };
  }

  /* Shows `value` in a select, adding it as an option when a link asked for one it lacks. */
  function setSelect(node, value, label) {
    if (value && !Array.prototype.some.call(node.options, function (o) { return o.value === value; })) {
      node.appendChild(el("option", { value: value, text: label || value }));
    }
    node.value = value;
  }

  /* `on` hears of each change: query(text), facet(param, id, checked),
   * years(range), weighting(percent or null), sort(order), and results() when
   * the reader asks to see the results. */
  function build(table, on) {
    var boxes = [], ui = {};

    ui.q = el("input", { type: "search", id: "hub-finder-q", name: "q", autocomplete: "off",
                         "aria-describedby": "hub-finder-q-hint" });
    ui.q.addEventListener("input", function () { on.query(ui.q.value); });
    ui.search = el("div", { "class": "hub-finder__query" }, [
      el("label", { "for": "hub-finder-q", text: "Search case studies" }), ui.q,
      el("p", { id: "hub-finder-q-hint", "class": "hub-finder__hint",
                text: "Any words: results with all of them come first. Names of places, services and themes are offered as filters." })
    ]);

    function checkbox(param, value) {
      var id = "hub-f-" + param + "-" + value.id;
      var box = el("input", { type: "checkbox", id: id, value: value.id });
      var count = el("span", { "class": "hub-facet__count" });
      box.addEventListener("change", function () { on.facet(param, value.id, box.checked); });
      var option = el("div", { "class": "hub-facet__option" }, [
        box, el("label", { "for": id }, [text(value.label + " "), count])
      ]);
      return { box: box, count: count, option: option };
    }

    function facetFieldset(facet, k) {
      if (facet.untagged) { boxes[k] = []; return null; }
      var options = boxes[k] = facet.values.map(function (value) { return checkbox(facet.param, value); });
      var children = [el("legend", { text: facet.legend })];
      if (facet.hint) children.push(el("p", { "class": "hub-finder__hint", text: facet.hint }));
      if (facet.groups) {
        facet.groups.forEach(function (group, g) {
          children.push(el("fieldset", { "class": "hub-facet hub-facet--group" }, [el("legend", { text: group })].concat(
            options.filter(function (o, i) { return facet.values[i].group === g; }).map(function (o) { return o.option; }))));
        });
      } else {
        options.forEach(function (o) { children.push(o.option); });
      }
      return el("fieldset", { "class": "hub-facet", "data-param": facet.param }, children);
    }

    function yearFieldset() {
      var options = [["", "Any"]], years = table.years;
      for (var y = years && years.from; years && y <= years.to; y++) options.push([String(y), String(y)]);
      function change() {
        on.years(S.yearRange(parseInt(ui.from.node.value, 10) || null, parseInt(ui.to.node.value, 10) || null));
      }
      var range = table.between;
      ui.from = select("hub-f-" + range.param + "-from", "From", options, change);
      ui.to = select("hub-f-" + range.param + "-to", "To", options, change);
      return el("fieldset", { "class": "hub-facet", "data-param": range.param }, [
        el("legend", { text: range.legend }), ui.from.wrap, ui.to.wrap
      ]);
    }

    function weightingFieldset() {
      var range = table.atLeast;
      var options = [["", "Any"]].concat(range.steps.map(function (n) { return [String(n), n + "% or more"]; }));
      ui.weighting = select("hub-f-" + range.param, "At least", options, function () {
        on.weighting(ui.weighting.node.value ? parseFloat(ui.weighting.node.value) : null);
      });
      return el("fieldset", { "class": "hub-facet", "data-param": range.param }, [
        el("legend", { text: range.legend }), ui.weighting.wrap
      ]);
    }

    /* Each filter in its place: [order, fieldset or null]. */
    var placed = table.facets.map(function (facet, k) { return [facet.order, facetFieldset(facet, k)]; });
    if (table.between) placed.push([table.between.order, yearFieldset()]);
    if (table.atLeast) placed.push([table.atLeast.order, weightingFieldset()]);
    var groups = placed.sort(function (a, b) { return a[0] - b[0]; }).map(function (p) { return p[1]; });
    var untagged = table.facets.filter(function (f) { return f.untagged; }).map(function (f) { return f.legend; });
    if (untagged.length) {
      groups.push(el("p", { "class": "hub-finder__hint hub-finder__untagged",
                            text: "No case study is tagged yet with: " + untagged.join(", ") + "." }));
    }
    ui.results = el("button", { type: "button", "class": "md-button md-button--primary hub-finder__show" });
    ui.results.addEventListener("click", function () { on.results(); });
    ui.filters = el("details", { "class": "hub-finder__filters", id: "hub-finder-filters" }, [
      el("summary", { text: "Filters" }), el("div", { "class": "hub-finder__groups" }, groups),
      el("div", { "class": "hub-finder__show-bar" }, [ui.results])
    ]);
    ui.filters.open = !window.matchMedia || window.matchMedia("(min-width: 60em)").matches;

    ui.sort = el("select", { id: "hub-finder-sort" }, S.SORTS.map(function (option) {
      return el("option", { value: option[0], text: option[1] });
    }));
    ui.sort.addEventListener("change", function () { on.sort(ui.sort.value); });
    ui.sorting = el("div", { "class": "hub-finder__sort" }, [el("label", { "for": "hub-finder-sort", text: "Sort by" }), ui.sort]);

    /* The controls show `state`. */
    ui.sync = function (state) {
      ui.q.value = state.q;
      table.facets.forEach(function (facet, k) {
        var chosen = state.facets[facet.param] || [];
        boxes[k].forEach(function (item) { item.box.checked = chosen.indexOf(item.box.value) >= 0; });
      });
      var range = state.years || {}, w = state.weighting;
      if (ui.from) {
        setSelect(ui.from.node, range.from ? String(range.from) : "");
        setSelect(ui.to.node, range.to ? String(range.to) : "");
      }
      if (ui.weighting) setSelect(ui.weighting.node, w === null ? "" : String(w), w + "% or more");
    };

    /* Each value shows how many results it would give (hub.filter.run); one that would give none is disabled. */
    ui.showCounts = function (counted, state) {
      boxes.forEach(function (items, k) {
        items.forEach(function (item, v) {
          var n = counted.facets[k][v], empty = n === 0 && !item.box.checked;
          setText(item.count, "(" + n + ")");
          if (item.box.disabled !== empty) {
            item.box.disabled = empty;
            item.option.classList.toggle("hub-facet__option--empty", empty);
          }
        });
      });
      var steps = table.steps;
      Array.prototype.forEach.call(ui.weighting ? ui.weighting.node.options : [], function (option) {
        var s = steps.indexOf(parseFloat(option.value));
        if (s < 0) return;
        option.textContent = steps[s] + "% or more (" + counted.weighting[s] + ")";
        option.disabled = counted.weighting[s] === 0 && option.value !== ui.weighting.node.value;
      });
      ui.sort.value = S.sortOrder(state);
      ui.sort.options[0].disabled = !hub.hasKeywords(state.q);
    };

    return ui;
  }

  hub.controls = { build: build };
})(globalThis.hubFinder = globalThis.hubFinder || {});
