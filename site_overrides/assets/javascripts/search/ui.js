/* UI: the site search, in the header's box (a combobox with a listbox of
 * results, grouped "Guidance", "Case studies" and "Glossary and reference",
 * each with a snippet, its matched words marked) and on the search page
 * (/search/?q=, every result). Above the results: the finder's filters the
 * words name, as links, and the words nothing contains. Text goes in as text
 * or <mark> elements, never as HTML.
 *
 * Keyboard: typing searches; Down and Up move through the results; Enter
 * opens the result chosen, or the search page when none is; Escape closes
 * the results, then empties the box. A polite status region says how many
 * results there are. */
(function (hub) {
  "use strict";
  var el = hub.dom.el, HEADER_SHOWN = 5, PAGE_SHOWN = 50, HEADER_SNIPPET = 14;
  var form = document.querySelector("form[data-hub-search]");
  if (!form || !window.lunr) return;
  var root = new URL(form.getAttribute("data-root"), location.href);
  var headURL = new URL(form.getAttribute("data-index"), location.href);
  var pageURL = new URL(form.getAttribute("data-page"), location.href);
  var finderURL = new URL(form.getAttribute("data-finder"), location.href);
  var engine = null, failed = false, facets = [];

  /* The engine, once the index's head has come: `then(engine)`, or null if it could not. */
  var ready = hub.json(headURL.href).then(function (head) {
    engine = hub.hits.load(head, headURL.href);
    facets = head.facets;
    return engine;
  }, function () { failed = true; return null; });

  /* Searches for `text` and calls `show(hits, documents)` with the top `shown` of each
   * group, or `say(message)` while waiting or on failure. Only the latest search shows. */
  function searcher(shown, show, say) {
    var latest = 0, latestText = "";
    return function search(text) {
      var mine = ++latest;
      latestText = text;
      if (!engine) {
        say(failed ? "The search could not be loaded. Check your connection, then try again." : "Loading the search…");
        ready.then(function () { if (mine === latest && engine) search(text); });
        return;
      }
      // The index calls back once at a time, for whichever search was waiting first: search again for the latest.
      var hits = engine.search(text, function (ok) {
        if (ok) search(latestText); else say("Part of the search index could not be loaded. Check your connection, then try again.");
      });
      if (!hits) { say("Searching…"); return; }
      var refs = [];
      hits.order.forEach(function (group) { refs = refs.concat(hits[group].slice(0, shown)); });
      engine.documents(refs).then(function (docs) {
        if (mine !== latest) return;
        var byRef = {};
        refs.forEach(function (ref, i) { byRef[ref] = docs[i]; });
        show(hits, byRef);
      }, function () { if (mine === latest) say("The results could not be loaded. Check your connection, then try again."); });
    };
  }

  function href(doc) { return new URL(doc.url, root).href; }
  function pageFor(text) { var url = new URL(pageURL); url.searchParams.set("q", text); return url.href; }
  function finderFor(text, named) {
    var url = new URL(finderURL);
    if (named) text = hub.words.without(text, named);
    if (hub.hasKeywords(text)) url.searchParams.set("q", text);
    if (named) url.searchParams.set(named.param, named.id);
    return url.href;
  }
  var LABELS = { guidance: "Guidance", caseStudies: "Case studies", reference: "Glossary and reference" };

  /* A result's snippet: its text around the words it matched, those marked (as elements, never HTML). */
  function snippet(hits, ref, doc, size) {
    if (!doc.text) return null;
    var cut = hub.words.snippet(doc.text, hub.query.matchedTerms(hits.matches[ref]), size);
    var pieces = cut.pieces.map(function (p) { return p[1] ? el("mark", { text: p[0] }) : hub.dom.text(p[0]); });
    if (cut.before) pieces.unshift(hub.dom.text("… "));
    if (cut.after) pieces.push(hub.dom.text(" …"));
    return el("span", { "class": "hub-search__snippet" }, pieces);
  }

  /* What the search made of the words: the finder's filters they name, as links to the
   * finder with each applied, and the words nothing contains, with the query without them. */
  function help(hits, text) {
    var parts = [];
    if (hits.named.length) {
      var links = [];
      hits.named.forEach(function (named, i) {
        var facet = facets.filter(function (f) { return f.param === named.param; })[0];
        var value = facet.values.filter(function (v) { return v.id === named.id; })[0];
        if (i) links.push(hub.dom.text(", "));
        links.push(el("a", { href: finderFor(text, named), text: facet.legend + ": " + value.label }));
      });
      parts.push(el("p", { "class": "hub-search__offers" },
                    [hub.dom.text("Case studies by filter: ")].concat(links)));
    }
    if (hits.unmatched.length) {
      var words = hits.unmatched.map(function (w) { return "\u2018" + w + "\u2019"; }).join(" or ");
      var line = el("p", { "class": "hub-search__unmatched", text: "Nothing on the hub mentions " + words + ". " });
      var rest = hub.words.withoutWords(text, hits.unmatched);
      if (!hub.hits.total(hits) && hub.hasKeywords(rest)) {
        line.append(el("a", { href: pageFor(rest), text: "Search for \u201c" + rest + "\u201d" }), ". ");
      }
      parts.push(line);
    }
    if (!hub.hits.total(hits)) {
      parts.push(el("p", {}, [el("a", { href: finderURL.href, text: "Browse the case studies by region, service and theme" })]));
    }
    return parts;
  }

  /* The header's box: a combobox. */
  function header() {
    var box = form.querySelector("[data-hub-search-box]");
    var listbox = el("div", { id: "hub-search-results", role: "listbox", "aria-label": "Search results" });
    var all = el("a", { "class": "hub-search__all", href: pageURL.href, text: "All results" });
    var status = el("p", { id: "hub-search-status", "class": "hub-visually-hidden", role: "status",
                           "aria-live": "polite", "aria-atomic": "true" });
    var helped = el("div", { "class": "hub-search__help" });
    var popup = el("div", { "class": "hub-search__popup", hidden: true },
                   [helped, listbox, el("p", { "class": "hub-search__more" }, [all])]);
    form.appendChild(status);
    form.appendChild(popup);
    box.setAttribute("role", "combobox");
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-controls", "hub-search-results");
    box.setAttribute("aria-expanded", "false");
    var options = [], active = -1;

    function open(shown) {
      popup.hidden = !shown;
      box.setAttribute("aria-expanded", String(shown));
      if (!shown) choose(-1);
    }
    function choose(i) {
      if (options[active]) options[active].setAttribute("aria-selected", "false");
      active = i;
      if (options[i]) {
        options[i].setAttribute("aria-selected", "true");
        box.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({ block: "nearest" });
      } else {
        box.removeAttribute("aria-activedescendant");
      }
    }
    function say(message) { hub.dom.setText(status, message); }
    function show(hits, docs) {
      listbox.textContent = "";
      options = [];
      active = -1;
      box.removeAttribute("aria-activedescendant");
      hits.order.forEach(function (group) {
        var refs = hits[group].slice(0, HEADER_SHOWN);
        if (!refs.length) return;
        var label = el("div", { id: "hub-search-g-" + group, "class": "hub-search__group-label", role: "presentation",
                                text: LABELS[group] });
        var items = refs.map(function (ref) {
          var doc = docs[ref], option = el("div", { id: "hub-search-o-" + options.length, role: "option",
            "class": "hub-search__option", "aria-selected": "false", "data-href": href(doc) }, [
            el("span", { "class": "hub-search__title", text: doc.title }),
            doc.context ? el("span", { "class": "hub-search__context", text: doc.context }) : null,
            snippet(hits, ref, doc, HEADER_SNIPPET)]);
          options.push(option);
          return option;
        });
        listbox.appendChild(el("div", { role: "group", "aria-labelledby": label.id }, [label].concat(items)));
      });
      helped.replaceChildren.apply(helped, help(hits, box.value));
      var total = hub.hits.total(hits);
      all.href = pageFor(box.value);
      all.textContent = total ? "All " + total + " results on the search page" : "Search page";
      say(hub.hits.wording(hits));
      open(true);
    }
    var search = searcher(HEADER_SHOWN, show, function (message) { say(message); });

    box.addEventListener("input", function () {
      if (hub.query.words(box.value).length) search(box.value);
      else { open(false); say(""); }
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (popup.hidden) {
          if (options.length) { open(true); choose(event.key === "ArrowDown" ? 0 : options.length - 1); }
          return;
        }
        var step = event.key === "ArrowDown" ? 1 : -1;
        choose(active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
      } else if (event.key === "Enter" && !popup.hidden && options[active]) {
        event.preventDefault();
        location.assign(options[active].getAttribute("data-href"));
      } else if (event.key === "Escape") {
        if (!popup.hidden) open(false); else box.value = "";
      }
    });
    listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });  // keep the box focused
    listbox.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) location.assign(option.getAttribute("data-href"));
    });
    form.addEventListener("focusout", function () {
      setTimeout(function () { if (!form.contains(document.activeElement)) open(false); }, 0);
    });
    box.addEventListener("focus", function () { if (options.length && box.value) open(true); });
    if (hub.query.words(box.value).length) search(box.value);
  }

  /* The search page: every result, grouped, under the page's own box; the URL keeps the query. */
  function page(pageForm) {
    var box = pageForm.querySelector("input[name=q]"), results = document.getElementById("hub-search-page-results");
    var status = el("p", { id: "hub-search-page-status", "class": "hub-search-page__status", role: "status",
                           "aria-live": "polite", "aria-atomic": "true" });
    pageForm.after(status);
    document.documentElement.classList.add("hub-search-js");
    function say(message) { results.textContent = ""; hub.dom.setText(status, message); }
    function show(hits, docs) {
      results.replaceChildren.apply(results, help(hits, box.value));
      hits.order.forEach(function (group) {
        var refs = hits[group], shownRefs = refs.slice(0, PAGE_SHOWN);
        if (!refs.length) return;
        var items = shownRefs.map(function (ref) {
          var doc = docs[ref];
          return el("li", {}, [el("a", { href: href(doc), text: doc.title }),
                               doc.context ? el("span", { "class": "hub-search__context", text: " — " + doc.context }) : null,
                               snippet(hits, ref, doc)]);
        });
        var more = null;
        if (refs.length > shownRefs.length) {
          more = group === "caseStudies"
            ? el("p", {}, [el("a", { href: finderFor(box.value), text: "All " + refs.length + " case studies in the finder" })])
            : el("p", { text: "The first " + shownRefs.length + " of " + refs.length + " are shown; add a word to narrow them." });
        }
        results.appendChild(el("section", { "class": "hub-search-page__group" }, [
          el("h2", { id: "hub-search-h-" + group, text: LABELS[group] + " (" + refs.length + ")" }), el("ol", {}, items), more]));
      });
      hub.dom.setText(status, hub.hits.wording(hits));
    }
    var search = searcher(PAGE_SHOWN, show, say);
    function update() {
      var text = box.value, url = new URL(location.href);
      if (text) url.searchParams.set("q", text); else url.searchParams.delete("q");
      history.replaceState(history.state, "", url.href);
      if (hub.query.words(text).length) search(text); else say(text ? "Type a word to search for." : "");
    }
    box.value = new URLSearchParams(location.search).get("q") || "";
    box.addEventListener("input", update);
    pageForm.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    if (box.value) update();
  }

  hub.search = { started: true };
  header();
  var pageForm = document.getElementById("hub-search-page");
  if (pageForm) page(pageForm);
})(globalThis.hubFinder = globalThis.hubFinder || {});
