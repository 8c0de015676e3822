/* UI: the results, as the listing without JavaScript writes them
 * (svhub.pages, the listing's result items), with the words a search matched
 * marked. Contributed text goes in as text nodes. */
(function (hub) {
  "use strict";
  var el = hub.dom.el, text = hub.dom.text;
  var page = function (slug) { return hub.caseStudyHref(hub.listing || "./", slug); };  // finder/head.js

  /* Text with each word whose index term the query matched in a <mark>. */
  function highlight(words, terms) {
    if (!terms.length) return [text(words)];
    var out = [], plain = "";
    words.split(/([\s\-]+)/).forEach(function (part) {
      var stem = hub.query.stem(part);
      if (stem && terms.indexOf(stem) >= 0) {
        if (plain) out.push(text(plain));
        out.push(el("mark", { text: part }));
        plain = "";
      } else {
        plain += part;
      }
    });
    if (plain) out.push(text(plain));
    return out;
  }

  /* Row i's result item: `row` is its text (hub.data's textStore), `match` its keyword match or null. */
  function item(table, i, row, match) {
    var slug = table.columns.slug[i], terms = hub.query.matchedTerms(match);
    /* A facet's value as the listing shows it (svhub.pages.listings): a range's number, else its first value. */
    var shown = function (param, label) {
      var facet = hub.data.facetOf(table, param);
      if (facet) return facet.values[hub.filter.firstValue(facet, i)].label;
      var number = hub.data.rangeOf(table, param).numbers[i];
      return number ? String(number) : label + " not published";
    };
    var meta = [["Commissioner", highlight(row.commissioner, terms)]].concat(table.result.map(function (r) {
      return [r.label, [text(shown(r.param, r.label))]];
    }));
    return el("li", { "class": "hub-result", id: "cs-" + slug }, [
      el("h2", { "class": "hub-result__title" }, [el("a", { href: page(slug) }, highlight(row.title, terms))]),
      el("p", { "class": "hub-result__summary" }, highlight(row.summary, terms)),
      el("dl", { "class": "hub-result__meta" }, meta.map(function (m) {
        return el("div", {}, [el("dt", { text: m[0] }), el("dd", {}, m[1])]);
      }))
    ]);
  }

  /* The list shows `rows`, whose text has come into `store` (hub.data's textStore). */
  function draw(list, table, rows, store, matches) {
    var fragment = document.createDocumentFragment();
    rows.forEach(function (i) { fragment.appendChild(item(table, i, store.row(i), matches && matches[i])); });
    list.replaceChildren(fragment);
  }

  hub.results = { highlight: highlight, item: item, draw: draw };
})(globalThis.hubFinder = globalThis.hubFinder || {});
