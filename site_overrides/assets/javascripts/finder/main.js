/* The case-study finder: keywords, facets with live counts, state in the URL.
 *
 * Progressive enhancement of the listing at /case-studies/, which works
 * without this script. Everything it shows comes from files the build writes
 * (svhub/finder/files.py): a facet table, enough for filtering, counts and sorting;
 * the results' text in two files, the newest case studies and the rest, each
 * fetched when results need it and the rest ahead when the page is idle; and
 * the prebuilt keyword index (engine/index.js), whose head is in the page
 * (finder.html) and whose shards are fetched only when someone searches (never
 * built here). Data arrives as JSON or data- attributes
 * (on finder-url.js's tag) and is put on the page as text, never as HTML.
 *
 * This module joins the engine (hub.data, hub.index, hub.query, hub.state,
 * hub.words, hub.filter, hub.csv: no DOM) to the UI (hub.controls, hub.results,
 * hub.chips, hub.suggest, hub.count, hub.print). */
(function (hub) {
  "use strict";
  var indexHead = document.getElementById("hub-finder-index");
  if (!hub || !hub.href || !indexHead || !window.fetch || !window.URLSearchParams || !window.Proxy) return;
  hub.started = true;

  var PAGE = 20;  // results shown at first, and added by each "Show more"
  var FILTERS = "hub-finder-filters";  // the filters' id, which links to them use
  var url = hub.href, S = hub.state, M = hub.count.MESSAGES;
  var root = null, table = null, text = null;
  var index = hub.index.load(JSON.parse(indexHead.textContent), url("index")), indexFailed = false, csvText = null;
  var state = null, search = location.search;  // parsed once the facet table has come
  var shown = PAGE, lastAction = "", results = [], matches = null, renders = 0;
  var matched = { q: null, matches: null };  // keywordMatches
  var firstCounts = null;  // what filter() gave for the first results, before the controls were built
  var ui = {};

  // This script runs just before Material's bundle. With keywords in the URL, it
  // asks for the query's shards of the index now, while the facet table comes
  // (finder-url.js has usually started fetching it). As soon as they come, while
  // the bundle runs, it works out the first results and fetches the text they show;
  // the controls are built once the page is ready and Material has mounted its own components.
  firstResults();
  Promise.all([json("facets").then(prepare), pageReady()]).then(start, giveUp);

  /* After DOMContentLoaded's listeners on the document, which are Material's. */
  function pageReady() {
    return new Promise(function (resolve) {
      if (document.readyState !== "loading") resolve();
      else window.addEventListener("DOMContentLoaded", function () { resolve(); });
    });
  }

  /* The listing without JavaScript, which finder-url.js hid, comes back. */
  function giveUp() {
    document.documentElement.classList.remove("hub-finder-js");
  }

  function json(key) {
    return hub.fetches[key] || hub.json(url(key));
  }

  /* Before the facet table has come, only the keywords are known. */
  function hasKeywords() {
    return hub.hasKeywords(state ? state.q : new URLSearchParams(search).get("q"));
  }

  /* A search waits for a shard of the index until `ok` says whether it
   * came. After a failure nothing is fetched again until the person searches again. */
  function indexArrived(ok) {
    indexFailed = !ok;
    firstResults();
  }

  /* The matches for keywords `q`, kept while the keywords stay the same, so
   * that a filter changed under them does not search again. */
  function keywordMatches(q) {
    if (matched.q !== q || !matched.matches) matched = { q: q, matches: hub.query.run(index, q, indexArrived) };
    return matched.matches;
  }

  /* What can be done before the page is ready: read the table and the state, and start on the first results. */
  function prepare(data) {
    table = hub.data.prepare(data);
    text = hub.data.textStore(table, hub.data.chunkFetcher(table, url("facets")));
    state = S.parse(search, table);
    firstResults();
  }

  /* Called whenever data comes. Once the controls are built, it updates them.
   * Before that, as soon as the facet table has come (and, for keywords, the
   * query's shards of the index), it works out the first results and fetches
   * the text they show, while Material's bundle runs. */
  function firstResults() {
    if (ui.list) return update();
    if (!table) {  // fetches the query's shards while the facet table comes
      if (hasKeywords()) keywordMatches(new URLSearchParams(search).get("q"));
      return;
    }
    firstCounts = filter();
    if (firstCounts) text.load(text.chunksOf(results.slice(0, shown))).catch(function () {});
  }

  /* Sets `matches` and `results`, sorted, and returns how many results each
   * facet value would give; null while a shard of the keyword index is on its way. */
  function filter() {
    var keywords = hasKeywords();
    matches = keywords && !indexFailed ? keywordMatches(state.q) : null;
    if (keywords && !matches) return null;
    var counted = hub.filter.run(table, state, matches);
    results = hub.filter.sort(counted.rows, S.sortOrder(state), table, matches);
    return counted;
  }

  /* Redraws for the state; the promise is kept once the results are shown. The
   * first time, the results worked out while the page was loading are not worked out again. */
  function update() {
    var counted = firstCounts || filter();
    firstCounts = null;
    if (!counted) {  // a shard of the index is on its way or could not be loaded
      hub.count.set(ui.count, indexFailed ? M.indexFailed : M.indexLoading);
      return Promise.resolve();
    }
    ui.controls.showCounts(counted, state);
    return render();
  }

  /* Every change goes into the URL. Typing makes one history entry, written
   * once the typing pauses: browsers make history calls slow when they come
   * on every keystroke. At the first change, what a link asked for that the
   * finder could not apply is no longer reported. */
  var typingTimer = null;
  function act(kind) {
    clearTimeout(typingTimer);
    state.notApplied = [];
    if (kind === "typing") {
      var push = lastAction !== "typing";
      typingTimer = setTimeout(function () { writeURL(push); }, 400);
    } else {
      writeURL(true);
    }
    lastAction = kind;
    shown = PAGE;
    return update();
  }

  function writeURL(push) {
    var target = location.pathname + S.serialise(state, table) + location.hash;
    if (target !== location.pathname + location.search + location.hash) {
      history[push ? "pushState" : "replaceState"](null, "", target);
    }
  }

  /* Shows the results once the text of those on screen has come. */
  function render() {
    var wanted = ++renders, rows = results.slice(0, shown);
    var missing = rows.filter(function (i) { return !text.row(i); });
    var drawn = missing.length ? text.load(text.chunksOf(missing)) : Promise.resolve();
    return drawn.then(function () { if (wanted === renders) draw(rows); }, function () {
      if (wanted === renders) hub.count.set(ui.count, M.textFailed);
    });
  }

  function draw(rows) {
    var n = results.length;
    hub.count.set(ui.count, hub.count.wording(n, hasKeywords() || S.activeCount(state) > 0));
    hub.dom.setText(ui.controls.results, hub.count.showing(n));
    hub.results.draw(ui.list, table, rows, text, matches);
    ui.more.hidden = n <= shown;
    ui.more.textContent = "Show " + Math.min(PAGE, n - shown) + " more of " + (n - shown) + " remaining";
    ui.download.disabled = ui.printing.button.disabled = n === 0;
    hub.print.update(ui.printing, state, table, n);
    hub.chips.render(ui, state, table, removeChip);
    hub.suggest.render(ui.suggest, table, state, unmatched(), n, suggestions, FILTERS);
    hub.follow.render(ui.follow, state, table);
    // When the first results were shown, and every update (read by `make bench`).
    if (!performance.getEntriesByName("hub-finder-results").length) {
      root.classList.add("hub-finder--ready");
      performance.mark("hub-finder-results");
      text.prefetch(function (next) { (window.requestIdleCallback || setTimeout)(next); });
    }
    performance.mark("hub-finder-render");
  }

  /* The words of the query no case study contains, once the shards they would be in have come. */
  function unmatched() {
    return hasKeywords() ? hub.query.unmatched(index, state.q) : [];
  }

  /* What the reader does with what the finder made of their words (hub.suggest). */
  var suggestions = {
    apply: function (named) {
      state.facets[named.param] = (state.facets[named.param] || []).concat([named.id]);
      state.q = hub.words.without(state.q, named);
      ui.controls.sync(state);
      act("suggestion").then(afterOffer);
    },
    dismiss: function (key) {
      state.dismissed.push(key);
      render().then(afterOffer);
    },
    retry: function (q) {
      state.q = q;
      ui.controls.sync(state);
      act("retry");
      ui.controls.q.focus();
    },
    filters: function () { ui.controls.filters.open = true; }
  };

  /* Focus goes to the next offer, or to the keyword box when none is left. */
  function afterOffer() {
    var next = ui.suggest.offers.querySelector("button");
    (next || ui.controls.q).focus();
  }

  function removeChip(chip, n) {
    chip.remove(state);
    ui.controls.sync(state);
    act("chip");
    var next = ui.chips.querySelectorAll("button")[n] || ui.chips.querySelectorAll("button")[n - 1];
    (next || ui.controls.q).focus();
  }

  function start() {
    root = document.getElementById("hub-finder");
    if (!root) return giveUp();
    build();
    var pages = document.querySelector(".hub-pages");
    if (pages) pages.hidden = true;
    update();
    window.addEventListener("beforeprint", addresses);
    window.addEventListener("popstate", function () {
      clearTimeout(typingTimer);
      state = S.parse(location.search, table);
      lastAction = "";
      ui.controls.sync(state);
      indexFailed = false;
      shown = PAGE;
      update();
    });
  }

  /* The form: the controls (hub.controls), the count, the sort, the download and print buttons,
   * the chips, the results list the page already has, and "Show more". */
  function build() {
    var el = hub.dom.el, list = root.querySelector("ol.hub-results");
    var controls = ui.controls = hub.controls.build(table, {
      query: function (q) {
        indexFailed = false;
        state.q = q;
        shown = PAGE;
        act("typing");
      },
      facet: function (param, id, checked) {
        var chosen = (state.facets[param] || []).filter(function (v) { return v !== id; });
        if (checked) chosen.push(id);
        state.facets[param] = chosen;
        act(param);
      },
      years: function (range) { state.years = range; act(table.between.param); },
      weighting: function (percent) { state.weighting = percent; act(table.atLeast.param); },
      sort: function (order) { state.sort = order; act("sort"); },
      results: showResults
    });
    ui.count = hub.count.build();
    ui.download = el("button", { type: "button", "class": "md-button hub-finder__download",
                                 text: "Download these results (CSV)" });
    ui.download.addEventListener("click", download);
    ui.printing = hub.print.build(printAll);
    ui.chips = el("ul", { "class": "hub-finder__chips", "aria-label": "Active filters" });
    ui.clear = el("button", { type: "button", "class": "hub-finder__clear", text: "Clear all" });
    ui.clear.addEventListener("click", function () {
      state = S.empty();
      controls.sync(state);
      act("clear");
      controls.q.focus();
    });
    ui.active = el("div", { "class": "hub-finder__active" }, [ui.chips, ui.clear]);
    ui.ignored = el("p", { "class": "hub-finder__ignored", hidden: true });
    ui.suggest = hub.suggest.build();
    ui.more = el("button", { type: "button", "class": "md-button hub-finder__more" });
    ui.more.addEventListener("click", function () {
      var first = results.length > shown ? shown : -1;
      shown += PAGE;
      render().then(function () {
        var link = first >= 0 && ui.list.children[first] && ui.list.children[first].querySelector("a");
        if (link) link.focus();
      });
    });
    ui.list = list;
    ui.follow = hub.follow.find();
    var main = el("div", { "class": "hub-finder__results" }, [
      el("div", { "class": "hub-finder__bar" }, [ui.count, controls.sorting, ui.download, ui.printing.button]),
      ui.active, ui.ignored, ui.suggest.node, ui.printing.summary, list, ui.more, ui.follow && ui.follow.node
    ]);
    var form = el("form", { "class": "hub-finder__form", role: "search", "aria-label": "Case studies" }, [controls.search]);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // The keyword box comes first, under the page's heading: the listing's introduction
    // and browse links follow it, then the filters and the results.
    var lead = [];
    for (var node = root.previousElementSibling; node && node.tagName !== "H1"; node = node.previousElementSibling) {
      lead.unshift(node);
    }
    root.prepend.apply(root, [form].concat(lead, [el("div", { "class": "hub-finder__layout" }, [controls.filters, main])]));
    controls.sync(state);
  }

  /* On a narrow screen, "Show N results" closes the filters and brings the results into view. */
  function showResults() {
    ui.controls.filters.open = false;
    var first = ui.list.querySelector("a");
    ui.count.scrollIntoView({ block: "start" });
    (first || ui.controls.q).focus({ preventScroll: true });
  }

  /* Paper gets every result, not only those shown so far (hub.print). */
  function printAll() {
    shown = Math.max(shown, results.length);
    render().then(function () {
      addresses();
      window.print();
    });
  }

  /* Each result's address, on paper only; also for the browser's own Print. */
  function addresses() {
    if (ui.list) hub.print.addresses(ui.list, table, results.slice(0, shown));
  }

  /* The site's own CSV, cut down to the rows shown, in the order shown (hub.csv). */
  function download() {
    (csvText ? Promise.resolve(csvText) : hub.text(url("csv"))).then(function (body) {
      csvText = body;
      var slugs = results.map(function (i) { return table.columns.slug[i]; });
      hub.download(hub.csv.selection(body, slugs), "text/csv;charset=utf-8", "case-studies-selection.csv");
    });
  }
})(window.hubFinder);
