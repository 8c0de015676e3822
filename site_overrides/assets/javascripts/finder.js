/* The case-study finder: keywords, facets with live counts, state in the URL.
 *
 * Progressive enhancement of the listing at /case-studies/, which works
 * without this script. Everything it shows comes from files the build writes
 * (svhub/finder.py): a facet table, enough for filtering, counts and sorting;
 * the results' text in two files, the newest case studies and the rest, each
 * fetched when results need it and the rest ahead when the page is idle; and
 * a prebuilt lunr index, fetched only when someone searches and loaded with
 * lunr.Index.load (never built here). Data arrives as JSON or data- attributes
 * (on finder-url.js's tag) and is put on the page as text, never as HTML.
 */
(function () {
  "use strict";

  var hub = window.hubFinder;  // finder-url.js
  if (!hub || !hub.href || !window.fetch || !window.URLSearchParams || !window.Proxy) return;
  hub.started = true;

  var PAGE = 20;  // results shown at first, and added by each "Show more"
  var SORTS = [["relevance", "Relevance"], ["newest", "Newest"], ["value", "Contract value"]];
  var YEAR = "awarded", WEIGHTING = "social_value_weighting_pct";  // URL parameters, with their legends:
  var LEGEND = { awarded: "Contract year", social_value_weighting_pct: "Social value weighting", sort: "Sort" };
  var url = hub.href;

  var MASK_BITS = 31;  // svhub.finder.MASK_BITS: a facet's values to a mask
  var root = null, table = null, col = {}, tcol = {}, facets = [], years = [];
  var text = [], textFetches = [], rowText = {};  // a chunk's lines; a row's text, parsed when first shown
  var index = null, indexLoading = null, indexFailed = false, csvText = null;
  var state = readState(setAside() || location.search);
  var shown = PAGE, lastAction = "", results = [], matches = null, renders = 0;
  var ui = {};

  // This script runs just before Material's bundle. With keywords in the URL,
  // it fetches the index alongside the facet table (finder-url.js has usually
  // started both already). As soon as they come, while the bundle runs, it
  // works out the first results and fetches the text they show; the controls
  // are built once the page is ready and Material has mounted its own components.
  if (hasKeywords()) loadIndex();
  Promise.all([json("facets").then(prepare), pageReady()]).then(start, giveUp);

  /* finder-url.js set the URL's "q" aside before Material's search could see it. */
  function setAside() {
    return history.state && history.state.hubFinderSearch;
  }

  /* After DOMContentLoaded's listeners on the document, which are Material's, the "q" goes back. */
  function pageReady() {
    return new Promise(function (resolve) {
      if (document.readyState !== "loading") resolve();
      else window.addEventListener("DOMContentLoaded", function () { resolve(); });
    }).then(function () {
      if (setAside()) history.replaceState(null, "", location.pathname + setAside() + location.hash);
    });
  }

  /* The listing without JavaScript, which finder-url.js hid, comes back. */
  function giveUp() {
    document.documentElement.classList.remove("hub-finder-js");
  }

  // Loading ------------------------------------------------------------------

  function json(key) {
    return hub.fetches[key] || hub.json(url(key));
  }

  /* The chunk of the results' text that a row (a number in the facet table) is in. */
  function chunkOf(i) {
    return firstAtLeast(table.text.starts, i + 1) - 1;
  }

  function chunksOf(rows) {
    var chunks = [];
    rows.forEach(function (i) {
      if (chunks.indexOf(chunkOf(i)) < 0) chunks.push(chunkOf(i));
    });
    return chunks;
  }

  /* What a row shows as text, once its chunk has come. A chunk is a JSON array
   * written one row to a line, after a line "[" (svhub.finder._json_lines). */
  function textOf(i) {
    if (!(i in rowText)) {
      var k = chunkOf(i);
      if (!text[k]) return null;
      rowText[i] = JSON.parse(text[k][i - table.text.starts[k] + 1].replace(/,$/, ""));
    }
    return rowText[i];
  }

  function fetchChunk(k) {
    var name = ["text", "olderText"][k], early = hub.fetches[name];  // finder-url.js may have fetched it
    if (early) hub.fetches[name] = null;  // used once: after a failure, fetch it again
    return early || hub.text(new URL(table.text.files[k], url("facets")));
  }

  function loadText(chunks) {
    return Promise.all(chunks.map(function (k) {
      textFetches[k] = textFetches[k] || fetchChunk(k)
        .then(function (body) { text[k] = body.split("\n"); }, function (error) { textFetches[k] = null; throw error; });
      return textFetches[k];
    }));
  }

  /* Once results are shown, the rest of the text comes when the page is idle,
   * so later keystrokes and clicks find it here. */
  function prefetchText() {
    var next = table.text.files.findIndex(function (_file, k) { return !textFetches[k]; });
    if (next < 0) return;
    loadText([next]).then(function () {
      (window.requestIdleCallback || setTimeout)(prefetchText);
    }, function () {});
  }

  function loadIndex() {
    if (!indexLoading) {
      indexLoading = json("index").then(function (head) {
        if (!window.lunr) throw new Error("lunr.js did not load");
        index = expandIndex(head, url("index"));
      }).then(function () {
        performance.mark("hub-finder-index");  // read by `make bench`
        firstResults();
      }, function () {
        indexLoading = hub.fetches.index = null;
        indexArrived(false);
      });
    }
    return indexLoading;
  }

  /* A search waits for the index, or a shard of it, until `ok` says whether it
   * came. After a failure nothing is fetched again until the person searches again. */
  function indexArrived(ok) {
    indexFailed = !ok;
    firstResults();
  }

  /* svhub.search_index.pack wrote lunr's index as a head, with every term, and
   * shards of postings with their scores. lunr.Index.load gets the head. A
   * term's postings come from its shard when a query first touches them, and
   * a document's field vector holds just the scores of the terms the query
   * touched: all that lunr's dot product reads. A query that touches a shard
   * not fetched yet returns null, and `ready` is called once it has come. */
  function expandIndex(head, base) {
    var fields = head.fields, shards = [], fetching = [], missing = {}, touched = [], ordered = null, vectors = {};
    var waiting = null;
    function numbers(text) { return text ? text.split(",").map(Number) : []; }
    function shardOf(number) { return firstAtLeast(head.shards, number + 1) - 1; }
    function fetchShard(k) {
      fetching[k] = fetching[k] || hub.json(new URL(head.shard_files[k], base))
        .then(function (shard) { shards[k] = shard; }, function (error) { fetching[k] = null; throw error; });
      return fetching[k];
    }
    function Posting(number) { this._index = number; this._docs = []; this._scores = []; }
    fields.forEach(function (field, f) {
      Object.defineProperty(Posting.prototype, field, {
        get: function () {
          if (!this._docs[f]) {
            var k = shardOf(this._index);
            if (!shards[k]) { missing[k] = true; return {}; }
            var docs = {}, scores = {}, ref = 0, flat = numbers(shards[k].postings[this._index - head.shards[k]][f]);
            for (var i = 0; i < flat.length; i += 2) {
              ref += flat[i];
              docs[ref] = {};
              scores[ref] = flat[i + 1] / 1000;
            }
            this._docs[f] = docs;
            this._scores[f] = scores;
          }
          if (touched.indexOf(this) < 0) touched.push(this);
          return this._docs[f];
        }
      });
    });
    var loaded = lunr.Index.load({ version: head.version, fields: fields, pipeline: head.pipeline,
                                   invertedIndex: [], fieldVectors: [] });
    loaded.invertedIndex = Object.create(null);
    loaded.tokenSet = termSet(head.terms, function (term, number) {
      loaded.invertedIndex[term] = loaded.invertedIndex[term] || new Posting(number);
    });
    loaded.fieldVectors = new Proxy({}, {
      get: function (_target, fieldRef) {
        if (!(fieldRef in vectors)) {
          var slash = fieldRef.indexOf("/"), f = fields.indexOf(fieldRef.slice(0, slash));
          var ref = fieldRef.slice(slash + 1), elements = [];
          ordered = ordered || touched.slice().sort(function (a, b) { return a._index - b._index; });
          ordered.forEach(function (posting) {
            var scores = posting._scores[f];
            if (scores && ref in scores) elements.push(posting._index, scores[ref]);
          });
          vectors[fieldRef] = new lunr.Vector(elements);
        }
        return vectors[fieldRef];
      }
    });
    return {
      prefixMin: head.prefix_min,
      search: function (build, ready) {
        missing = {};
        touched = [];
        ordered = null;
        vectors = {};
        var found = loaded.query(build), need = Object.keys(missing);
        if (!need.length) return found;
        var arrived = Promise.all(need.map(fetchShard));
        // One call of `ready` at a time: it searches again, and fetches whatever is still missing.
        waiting = waiting || arrived.then(function () { waiting = null; ready(true); },
                                          function () { waiting = null; ready(false); });
        return null;
      },
      /* While a word is still too short to search for as a prefix, the few
       * shards its terms are in come ahead, so the next keystroke need not wait. */
      prefetch: function (prefix) {
        var first = firstAtLeast(head.terms, prefix), end = firstAtLeast(head.terms, prefix + "\uffff");
        var from = shardOf(first), to = shardOf(end - 1);
        if (first === end || to - from > 2) return;  // a prefix as common as "a" would fetch much of the index
        for (var k = from; k <= to; k++) fetchShard(k);
      }
    };
  }

  /* The first position in a sorted array whose value is not below `value`. */
  function firstAtLeast(sorted, value) {
    var low = 0, high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] < value) low = middle + 1; else high = middle;
    }
    return low;
  }

  /* What lunr.Index.load would build from every term, a TokenSet, costs tens
   * of milliseconds at 10,000 case studies. The finder's queries only ask it
   * for a term or for the terms that start with a prefix, which a binary
   * search of the sorted terms answers; anything else gets the real TokenSet.
   * `found` hears of each term a query will read. */
  function termSet(terms, found) {
    var full = null, sorted = terms.every(function (term, i) { return i === 0 || terms[i - 1] < term; });
    function pattern(set) {  // "term" or "prefix*", as lunr.TokenSet.fromString made it
      for (var text = "", node = set; ;) {
        var edges = Object.keys(node.edges);
        if (!edges.length) return node.final ? { text: text, prefix: false } : null;
        if (edges.length > 1) return null;
        if (edges[0] === "*") return node.edges["*"] === node && node.final ? { text: text, prefix: true } : null;
        text += edges[0];
        node = node.edges[edges[0]];
      }
    }
    return {
      intersect: function (clause) {
        var wanted = sorted && pattern(clause), numbers = [];
        if (wanted) {
          for (var i = firstAtLeast(terms, wanted.text); i < terms.length && terms[i].lastIndexOf(wanted.text, 0) === 0; i++) {
            if (!wanted.prefix && terms[i] !== wanted.text) break;
            numbers.push(i);
          }
        } else {
          full = full || lunr.TokenSet.fromArray(terms.slice().sort());
          numbers = full.intersect(clause).toArray().map(function (term) { return terms.indexOf(term); });
        }
        var out = numbers.map(function (n) { found(terms[n], n); return terms[n]; });
        return { toArray: function () { return out; } };
      }
    };
  }

  // Keywords: the same query as svhub.search_index.query --------------------

  function queryWords(text) {
    if (!window.lunr) return [];
    return lunr.tokenizer(text).map(function (token) { return lunr.trimmer(token); })
      .filter(function (token) { return token.toString() && lunr.stopWordFilter(token); })
      .map(String);
  }

  /* The matches, or null while a shard of the index is fetched (update runs again then). */
  function lunrQuery(text) {
    var words = queryWords(text), min = index.prefixMin;
    return index.search(function (q) {
      words.forEach(function (word) {
        if (word.length >= min) {
          q.term(lunr.stemmer(new lunr.Token(word)).toString(),
                 { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, presence: lunr.Query.presence.REQUIRED });
          q.term(word, { usePipeline: true, boost: 10 });
        } else {
          q.term(word, { usePipeline: true, presence: lunr.Query.presence.REQUIRED });
          index.prefetch(word);
        }
      });
    }, indexArrived);
  }

  function hasKeywords() { return hub.hasKeywords(state.q); }

  // State <-> URL -------------------------------------------------------------

  function readState(search) {
    var params = new URLSearchParams(search), s = { q: params.get("q") || "", f: {}, sort: params.get("sort") || "" };
    params.forEach(function (value, key) {
      if (key !== "q" && key !== "sort") s.f[key] = value.split(",").filter(Boolean);
    });
    return s;
  }

  function writeURL(push) {
    var parts = [];
    if (state.q) parts.push("q=" + encodeURIComponent(state.q));
    facets.forEach(function (facet) {
      var chosen = state.f[facet.param];
      if (chosen && chosen.length) parts.push(facet.param + "=" + chosen.map(encodeURIComponent).join(","));
    });
    [YEAR, WEIGHTING].forEach(function (param) {
      var chosen = state.f[param];
      if (chosen && chosen.length) parts.push(param + "=" + encodeURIComponent(chosen[0]));
    });
    if (state.sort) parts.push("sort=" + state.sort);
    var target = location.pathname + (parts.length ? "?" + parts.join("&") : "") + location.hash;
    if (target !== location.pathname + location.search + location.hash) {
      history[push ? "pushState" : "replaceState"](null, "", target);
    }
  }

  function yearRange() {
    var range = ((state.f[YEAR] || [])[0] || "").split("-");
    return [parseInt(range[0], 10) || null, parseInt(range[1], 10) || null];
  }

  function weighting() {
    var value = parseFloat((state.f[WEIGHTING] || [])[0]);
    return isNaN(value) ? null : value;
  }

  function knownSort(sort) {
    return SORTS.some(function (option) { return option[0] === sort; });
  }

  function sortOrder() {
    var sort = knownSort(state.sort) ? state.sort : hasKeywords() ? "relevance" : "newest";
    return sort === "relevance" && !hasKeywords() ? "newest" : sort;
  }

  /* The values of a facet in the state that the finder knows (a link may hold others). */
  function knownValues(facet) {
    return (state.f[facet.param] || []).filter(function (id) { return id in facet.ids; });
  }

  /* What a link asked for that the finder cannot apply, such as Region “nowhere”. */
  function notApplied() {
    var unknown = [], quote = function (label, value) { unknown.push(label + " \u201c" + value + "\u201d"); };
    facets.forEach(function (facet) {
      (state.f[facet.param] || []).forEach(function (id) { if (!(id in facet.ids)) quote(facet.legend, id); });
    });
    var range = yearRange();
    if ((state.f[YEAR] || []).length && !range[0] && !range[1]) quote(LEGEND[YEAR], state.f[YEAR][0]);
    if ((state.f[WEIGHTING] || []).length && weighting() === null) quote(LEGEND[WEIGHTING], state.f[WEIGHTING][0]);
    if (state.sort && !knownSort(state.sort)) quote(LEGEND.sort, state.sort);
    return unknown;
  }

  /* At the first change, what the finder could not apply leaves the URL. */
  function forgetNotApplied() {
    facets.forEach(function (facet) {
      if (state.f[facet.param]) state.f[facet.param] = knownValues(facet);
    });
    var range = yearRange();
    if (!range[0] && !range[1]) state.f[YEAR] = [];
    if (weighting() === null) state.f[WEIGHTING] = [];
    if (!knownSort(state.sort)) state.sort = "";
  }

  // Building the controls -------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "hidden") node.hidden = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  /* What can be done before the page is ready: read the table (a column of
   * numbers for each field, svhub.finder.facet_table), and start on the first results. */
  function prepare(data) {
    table = data;
    col = table.columns;
    table.text.columns.forEach(function (name, i) { tcol[name] = i; });
    facets = table.facets.map(function (facet) {
      var ids = Object.create(null);  // a value from a link such as "constructor" is not an id
      facet.values.forEach(function (value, i) { ids[value.id] = i; });
      return { param: facet.param, legend: facet.legend, values: facet.values, groups: facet.groups,
               hint: facet.hint, ids: ids, masks: col[facet.param], boxes: [], counts: [] };
    });
    years = col.year.filter(Boolean);
    years = years.length ? [Math.min.apply(null, years), Math.max.apply(null, years)] : [];
    firstResults();
  }

  /* Called whenever data comes. Once the controls are built, it updates them.
   * Before that, as soon as the facet table has come (and, for keywords, the
   * index and the query's shards), it works out the first results and fetches
   * the text they show, while Material's bundle runs. */
  function firstResults() {
    if (ui.list) return update();
    if (hasKeywords() && !index) return;  // loadIndex calls again
    if (!table) {
      if (hasKeywords()) lunrQuery(state.q);  // fetches the query's shards while the facet table comes
      return;
    }
    if (filter()) loadText(chunksOf(results.slice(0, shown))).catch(function () {});
  }

  function start() {
    root = document.getElementById("hub-finder");
    if (!root) return giveUp();
    build();
    var pages = document.querySelector(".hub-pages");
    if (pages) pages.hidden = true;
    if (state.q) loadIndex();
    update();
    window.addEventListener("popstate", function () {
      clearTimeout(typingTimer);
      state = readState(location.search);
      lastAction = "";
      syncControls();
      indexFailed = false;
      if (hasKeywords()) loadIndex();
      shown = PAGE;
      update();
    });
  }

  function build() {
    var list = root.querySelector("ol.hub-results");
    ui.q = el("input", { type: "search", id: "hub-finder-q", name: "q", autocomplete: "off",
                         "aria-describedby": "hub-finder-q-hint" });
    ui.q.value = state.q;
    ui.q.addEventListener("focus", loadIndex);
    ui.q.addEventListener("input", function () {
      indexFailed = false;
      state.q = ui.q.value;
      shown = PAGE;
      if (hasKeywords()) loadIndex();
      act("typing");
    });
    var search = el("div", { "class": "hub-finder__query" }, [
      el("label", { "for": "hub-finder-q", text: "Search case studies" }), ui.q,
      el("p", { id: "hub-finder-q-hint", "class": "hub-finder__hint",
                text: "Searches titles, summaries, organisations, tags and outcomes." })
    ]);

    var groups = facets.map(facetFieldset);
    groups.splice(4, 0, yearFieldset());
    groups.push(weightingFieldset());
    ui.filters = el("details", { "class": "hub-finder__filters" }, [
      el("summary", { text: "Filters" }), el("div", { "class": "hub-finder__groups" }, groups)
    ]);
    ui.filters.open = !window.matchMedia || window.matchMedia("(min-width: 60em)").matches;

    ui.count = el("p", { id: "hub-finder-count", "class": "hub-finder__count", role: "status",
                         "aria-live": "polite", "aria-atomic": "true" });
    ui.sort = el("select", { id: "hub-finder-sort" }, SORTS.map(function (option) {
      return el("option", { value: option[0], text: option[1] });
    }));
    ui.sort.addEventListener("change", function () { state.sort = ui.sort.value; act("sort"); });
    ui.download = el("button", { type: "button", "class": "md-button hub-finder__download",
                                 text: "Download these results (CSV)" });
    ui.download.addEventListener("click", download);
    ui.chips = el("ul", { "class": "hub-finder__chips", "aria-label": "Active filters" });
    ui.clear = el("button", { type: "button", "class": "hub-finder__clear", text: "Clear all" });
    ui.clear.addEventListener("click", function () {
      state = { q: "", f: {}, sort: "" };
      syncControls();
      act("clear");
      ui.q.focus();
    });
    ui.active = el("div", { "class": "hub-finder__active" }, [ui.chips, ui.clear]);
    ui.ignored = el("p", { "class": "hub-finder__ignored", hidden: true });
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
    var main = el("div", { "class": "hub-finder__results" }, [
      el("div", { "class": "hub-finder__bar" }, [
        ui.count,
        el("div", { "class": "hub-finder__sort" }, [el("label", { "for": "hub-finder-sort", text: "Sort by" }), ui.sort]),
        ui.download
      ]),
      ui.active, ui.ignored, list, ui.more
    ]);
    var form = el("form", { "class": "hub-finder__form", role: "search", "aria-label": "Case studies" }, [
      search, el("div", { "class": "hub-finder__layout" }, [ui.filters, main])
    ]);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.insertBefore(form, root.firstChild);
    syncControls();
  }

  function checkbox(param, value, label) {
    var id = "hub-f-" + param + "-" + value.id;
    var box = el("input", { type: "checkbox", id: id, value: value.id });
    var count = el("span", { "class": "hub-facet__count" });
    box.addEventListener("change", function () {
      var chosen = (state.f[param] || []).filter(function (v) { return v !== value.id; });
      if (box.checked) chosen.push(value.id);
      state.f[param] = chosen;
      act(param);
    });
    var option = el("div", { "class": "hub-facet__option" }, [
      box, el("label", { "for": id }, [document.createTextNode(label + " "), count])
    ]);
    return { box: box, count: count, option: option };
  }

  function facetFieldset(facet) {
    var options = facet.values.map(function (value) {
      var item = checkbox(facet.param, value, value.label);
      facet.boxes.push(item);
      return item;
    });
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

  function select(id, label, options, onChange) {
    var node = el("select", { id: id }, options.map(function (o) { return el("option", { value: o[0], text: o[1] }); }));
    node.addEventListener("change", onChange);
    return { node: node, wrap: el("div", { "class": "hub-facet__select" }, [el("label", { "for": id, text: label }), node]) };
  }

  function yearFieldset() {
    var options = [["", "Any"]];
    for (var y = years[0]; years.length && y <= years[1]; y++) options.push([String(y), String(y)]);
    function change() {
      var from = ui.from.node.value, to = ui.to.node.value;
      state.f[YEAR] = from || to ? [from + "-" + to] : [];
      act(YEAR);
    }
    ui.from = select("hub-f-awarded-from", "From", options, change);
    ui.to = select("hub-f-awarded-to", "To", options, change);
    return el("fieldset", { "class": "hub-facet", "data-param": YEAR }, [
      el("legend", { text: LEGEND[YEAR] }), ui.from.wrap, ui.to.wrap
    ]);
  }

  function weightingFieldset() {
    var options = [["", "Any"]].concat(table.weighting_steps.map(function (n) { return [String(n), n + "% or more"]; }));
    ui.weighting = select("hub-f-weighting", "At least", options, function () {
      state.f[WEIGHTING] = ui.weighting.node.value ? [ui.weighting.node.value] : [];
      act(WEIGHTING);
    });
    return el("fieldset", { "class": "hub-facet", "data-param": WEIGHTING }, [
      el("legend", { text: LEGEND[WEIGHTING] }), ui.weighting.wrap
    ]);
  }

  function setSelect(node, value) {
    if (value && !Array.prototype.some.call(node.options, function (o) { return o.value === value; })) {
      node.appendChild(el("option", { value: value, text: value }));
    }
    node.value = value;
  }

  function syncControls() {
    ui.q.value = state.q;
    facets.forEach(function (facet) {
      var chosen = state.f[facet.param] || [];
      facet.boxes.forEach(function (item) { item.box.checked = chosen.indexOf(item.box.value) >= 0; });
    });
    var range = yearRange();
    setSelect(ui.from.node, range[0] ? String(range[0]) : "");
    setSelect(ui.to.node, range[1] ? String(range[1]) : "");
    var w = weighting();
    if (w !== null && table.weighting_steps.indexOf(w) < 0) {
      setSelect(ui.weighting.node, String(w));
      ui.weighting.node.lastChild.textContent = w + "% or more";
    } else {
      setSelect(ui.weighting.node, w === null ? "" : String(w));
    }
  }

  /* Every change goes into the URL. Typing makes one history entry, written
   * once the typing pauses: browsers make history calls slow when they come
   * on every keystroke. */
  var typingTimer = null;
  function act(kind) {
    clearTimeout(typingTimer);
    forgetNotApplied();
    if (kind === "typing") {
      var push = lastAction !== "typing";
      typingTimer = setTimeout(function () { writeURL(push); }, 400);
    } else {
      writeURL(true);
    }
    lastAction = kind;
    shown = PAGE;
    update();
  }

  // Filtering, counting, sorting ----------------------------------------------

  function update() {
    var counted = filter();
    if (!counted) {  // the index, or a shard of it, is on its way or could not be loaded
      setCount(indexFailed ? "The search index could not be loaded. Check your connection, then search again."
        : "Loading the search index…");
      return;
    }
    var counts = counted.facets, weightCounts = counted.weighting, steps = table.weighting_steps;
    facets.forEach(function (facet, k) {
      facet.boxes.forEach(function (item, v) {
        var text = "(" + counts[k][v] + ")", empty = counts[k][v] === 0 && !item.box.checked;
        if (item.count.textContent !== text) item.count.textContent = text;
        if (item.box.disabled !== empty) {
          item.box.disabled = empty;
          item.option.classList.toggle("hub-facet__option--empty", empty);
        }
      });
    });
    Array.prototype.forEach.call(ui.weighting.node.options, function (option) {
      var s = steps.indexOf(parseFloat(option.value));
      if (s < 0) return;
      option.textContent = steps[s] + "% or more (" + weightCounts[s] + ")";
      option.disabled = weightCounts[s] === 0 && option.value !== ui.weighting.node.value;
    });
    ui.sort.value = sortOrder();
    ui.sort.options[0].disabled = !hasKeywords();
    render();
  }

  /* Sets `results`, sorted, and returns how many results each facet value
   * would give; null while the keyword index, or a shard of it, is on its way. */
  function filter() {
    var found = hasKeywords() && index && !indexFailed ? lunrQuery(state.q) : null;
    if (hasKeywords() && !found) return null;
    matches = null;
    if (found) {
      matches = {};
      found.forEach(function (r) { matches[r.ref] = r; });
    }
    var chosen = facets.map(function (facet) {  // the chosen values as masks, like the table's
      var ids = knownValues(facet).map(function (id) { return facet.ids[id]; });
      var masks = facet.masks.map(function () { return 0; });
      ids.forEach(function (i) { masks[Math.floor(i / MASK_BITS)] |= 1 << (i % MASK_BITS); });
      return ids.length ? masks : null;
    });
    var range = yearRange(), atLeast = weighting(), steps = table.weighting_steps;
    var counts = facets.map(function (facet) { return facet.values.map(function () { return 0; }); });
    var weightCounts = steps.map(function () { return 0; });
    var yearOf = col.year, weightingOf = col[WEIGHTING];
    results = [];
    for (var i = 0; i < table.rows; i++) {
      if (matches && !matches[i]) continue;
      var failed = -1, failures = 0;
      for (var k = 0; k < facets.length && failures < 2; k++) {
        if (chosen[k] && !anyOf(facets[k].masks, chosen[k], i)) { failures++; failed = k; }
      }
      var year = yearOf[i];
      if ((range[0] && !(year >= range[0])) || (range[1] && !(year <= range[1]))) { failures++; failed = "year"; }
      var w = weightingOf[i];
      if (atLeast !== null && !(w !== null && w >= atLeast)) { failures++; failed = "weighting"; }
      if (failures === 0) results.push(i);
      if (failures > 1) continue;
      for (k = 0; k < facets.length; k++) {
        if (failures === 0 || failed === k) addCounts(counts[k], facets[k].masks, i);
      }
      if ((failures === 0 || failed === "weighting") && w !== null) {
        for (var s = 0; s < steps.length; s++) if (w >= steps[s]) weightCounts[s]++;
      }
    }
    sortResults();
    return { facets: counts, weighting: weightCounts };
  }

  /* Whether row i has any of the chosen values of a facet. */
  function anyOf(masks, chosen, i) {
    for (var m = 0; m < masks.length; m++) if (masks[m][i] & chosen[m]) return true;
    return false;
  }

  /* Adds one to the count of each of row i's values of a facet. */
  function addCounts(counts, masks, i) {
    for (var m = 0; m < masks.length; m++) {
      for (var bits = masks[m][i]; bits; bits &= bits - 1) counts[m * MASK_BITS + lowestBit(bits)]++;
    }
  }

  /* The first of row i's values of a facet, or -1. */
  function firstValue(facet, i) {
    for (var m = 0; m < facet.masks.length; m++) {
      var bits = facet.masks[m][i];
      if (bits) return m * MASK_BITS + lowestBit(bits);
    }
    return -1;
  }

  /* The position of the lowest bit set in a mask. */
  function lowestBit(bits) {
    return 31 - Math.clz32(bits & -bits);
  }

  function sortResults() {
    var order = sortOrder(), value = col.contract_value;
    if (order === "relevance") {
      // Scores equal to six places count as ties, so Python's ranking (svhub.search_index) is reproduced exactly.
      var score = function (i) { return Math.round(matches[i].score * 1e6); };
      results.sort(function (a, b) { return score(b) - score(a) || a - b; });
    } else if (order === "value") {
      results.sort(function (a, b) {
        var va = value[a], vb = value[b];
        return (va === null) - (vb === null) || (vb || 0) - (va || 0) || a - b;
      });
    }
  }

  // Showing results -------------------------------------------------------------

  function setCount(text) {
    if (ui.count.textContent !== text) ui.count.textContent = text;
  }

  /* Shows the results once the text of those on screen has come. */
  function render() {
    var wanted = ++renders, rows = results.slice(0, shown);
    var missing = rows.filter(function (i) { return !textOf(i); });
    var drawn = missing.length ? loadText(chunksOf(missing)) : Promise.resolve();
    return drawn.then(function () { if (wanted === renders) draw(rows); }, function () {
      if (wanted === renders) setCount("The case studies could not be loaded. Check your connection and reload the page.");
    });
  }

  function draw(rows) {
    var n = results.length;
    setCount(n === 0 ? "No case studies match. Try fewer words or remove a filter."
      : n + (n === 1 ? " case study" : " case studies") + (hasKeywords() || activeCount() ? " match" : ""));
    var fragment = document.createDocumentFragment();
    rows.forEach(function (i) { fragment.appendChild(result(i)); });
    ui.list.replaceChildren(fragment);
    ui.more.hidden = n <= shown;
    ui.more.textContent = "Show " + Math.min(PAGE, n - shown) + " more of " + (n - shown) + " remaining";
    ui.download.disabled = n === 0;
    renderChips();
    // When the first results were shown, and every update (read by `make bench`).
    if (!performance.getEntriesByName("hub-finder-results").length) {
      root.classList.add("hub-finder--ready");
      performance.mark("hub-finder-results");
      prefetchText();
    }
    performance.mark("hub-finder-render");
  }

  /* How many filters apply: not those the finder could not read from a link. */
  function activeCount() {
    var range = yearRange();
    return facets.reduce(function (sum, facet) {
      return sum + knownValues(facet).length;
    }, (range[0] || range[1] ? 1 : 0) + (weighting() !== null ? 1 : 0));
  }

  function result(i) {
    var words = textOf(i), slug = col.slug[i];
    var match = matches && matches[i];
    var terms = match ? Object.keys(match.matchData.metadata) : [];
    var label = function (param) {
      var facet = facets.filter(function (f) { return f.param === param; })[0];
      return facet.values[firstValue(facet, i)].label;
    };
    var meta = [["Commissioner", words[tcol.commissioner], true], ["Service", label("service")],
                ["Year", col.year[i] ? String(col.year[i]) : "Not stated"], ["Evidence", label("evidence")]];
    return el("li", { "class": "hub-result", id: "cs-" + slug }, [
      el("h2", { "class": "hub-result__title" }, [
        el("a", { href: slug + "/" }, highlight(words[tcol.title], terms))
      ]),
      el("p", { "class": "hub-result__summary" }, highlight(words[tcol.summary], terms)),
      el("dl", { "class": "hub-result__meta" }, meta.map(function (m) {
        return el("div", {}, [el("dt", { text: m[0] }), el("dd", {}, m[2] ? highlight(m[1], terms) : [document.createTextNode(m[1])])]);
      }))
    ]);
  }

  /* Words whose index term is one the query matched are marked. */
  var stems = new Map();
  function stemOf(part) {
    var stem = stems.get(part);
    if (stem === undefined) {
      var word = part.toLowerCase().replace(/^\W+/, "").replace(/\W+$/, "");
      stem = word ? lunr.stemmer(new lunr.Token(word)).toString() : "";
      stems.set(part, stem);
    }
    return stem;
  }

  function highlight(text, terms) {
    if (!terms.length) return [document.createTextNode(text)];
    var out = [], plain = "";
    text.split(/([\s\-]+)/).forEach(function (part) {
      var stem = stemOf(part);
      if (stem && terms.indexOf(stem) >= 0) {
        if (plain) out.push(document.createTextNode(plain));
        out.push(el("mark", { text: part }));
        plain = "";
      } else {
        plain += part;
      }
    });
    if (plain) out.push(document.createTextNode(plain));
    return out;
  }

  function renderChips() {
    var chips = [];
    if (hasKeywords()) chips.push({ label: "Keywords: " + state.q.trim(), remove: function () { state.q = ""; ui.q.value = ""; } });
    facets.forEach(function (facet) {
      knownValues(facet).forEach(function (id) {
        chips.push({ label: facet.legend + ": " + facet.values[facet.ids[id]].label, remove: function () {
          state.f[facet.param] = state.f[facet.param].filter(function (v) { return v !== id; });
        } });
      });
    });
    var range = yearRange();
    if (range[0] || range[1]) {
      chips.push({ label: LEGEND[YEAR] + ": " + (range[0] || "any") + " to " + (range[1] || "any"),
                   remove: function () { state.f[YEAR] = []; } });
    }
    if (weighting() !== null) {
      chips.push({ label: LEGEND[WEIGHTING] + ": " + weighting() + "% or more",
                   remove: function () { state.f[WEIGHTING] = []; } });
    }
    ui.chips.replaceChildren.apply(ui.chips, chips.map(function (chip, n) {
      var button = el("button", { type: "button", "class": "hub-finder__chip", "aria-label": "Remove " + chip.label },
                      [document.createTextNode(chip.label + " "), el("span", { "aria-hidden": "true", text: "×" })]);
      button.addEventListener("click", function () {
        chip.remove();
        syncControls();
        act("chip");
        var next = ui.chips.querySelectorAll("button")[n] || ui.chips.querySelectorAll("button")[n - 1];
        (next || ui.q).focus();
      });
      return el("li", {}, [button]);
    }));
    ui.active.hidden = chips.length === 0;
    var ignored = notApplied();
    ui.ignored.textContent = "Not applied, because the finder does not know " + (ignored.length > 1 ? "them" : "it") +
      ": " + ignored.join("; ") + ".";
    ui.ignored.hidden = ignored.length === 0;
  }

  // Download ----------------------------------------------------------------------

  /* The site's own CSV (already escaped against spreadsheet formulas by
   * svhub/exports.py), cut down to the rows shown, in the order shown. */
  function download() {
    (csvText ? Promise.resolve(csvText) : fetch(url("csv")).then(function (r) { return r.text(); }))
      .then(function (text) {
        csvText = text;
        var records = csvRecords(text.replace(/^\ufeff/, "")), bySlug = {};
        records.slice(1).forEach(function (record) { bySlug[record.slice(0, record.indexOf(","))] = record; });
        var out = [records[0]].concat(results.map(function (i) { return bySlug[col.slug[i]]; }));
        var blob = new Blob(["\ufeff" + out.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
        var link = el("a", { href: URL.createObjectURL(blob), download: "case-studies-selection.csv", hidden: true });
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      });
  }

  function csvRecords(text) {
    var records = [], start = 0, quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === "\r" && text[i + 1] === "\n") {
        records.push(text.slice(start, i));
        start = i + 2;
        i++;
      }
    }
    if (start < text.length) records.push(text.slice(start));
    return records;
  }
})();
