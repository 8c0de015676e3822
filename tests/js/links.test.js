// The one way the scripts link to a case study (engine/base.js, hub.caseStudyHref): from the
// listing's address as the build wrote it, in either URL style. The finder's results, its
// printed addresses and the record's examples all call it (tests/test_offline.py follows
// the links they make, online and offline).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { load } = require("./load.js");

const hub = load("engine/base.js");

test("an example links to its case study's folder online, and to its file in a copy with file URLs", () => {
  assert.strictEqual(hub.caseStudyHref("../../case-studies/", "leeds-meals"), "../../case-studies/leeds-meals/");
  assert.strictEqual(hub.caseStudyHref("../case-studies/index.html", "leeds-meals"), "../case-studies/leeds-meals.html");
});

test("a result links from the listing itself, as the listing without JavaScript does", () => {
  assert.strictEqual(hub.caseStudyHref("./", "leeds-meals"), "leeds-meals/");
  assert.strictEqual(hub.caseStudyHref("", "leeds-meals"), "leeds-meals/");
  assert.strictEqual(hub.caseStudyHref("index.html", "leeds-meals"), "leeds-meals.html");
});

test("a printed address is the online one, from the canonical address, whatever its query", () => {
  const site = "https://www.socialvaluehub.org.uk/case-studies/";
  assert.strictEqual(hub.caseStudyHref(site, "leeds-meals"), site + "leeds-meals/");
  assert.strictEqual(hub.caseStudyHref(site + "?q=meals#results", "leeds-meals"), site + "leeds-meals/");
  assert.strictEqual(hub.caseStudyHref("https://www.socialvaluehub.org.uk/case-studies", "leeds-meals"),
                     site + "leeds-meals/");
  assert.strictEqual(hub.caseStudyHref("file:///hub/case-studies/index.html?q=meals", "leeds-meals"),
                     "file:///hub/case-studies/leeds-meals.html");
});

test("only the listing's own index.html makes file links", () => {
  assert.strictEqual(hub.caseStudyHref("../case-studies/", "index"), "../case-studies/index/");
  assert.strictEqual(hub.caseStudyHref("https://example.org/notindex.html/", "a"), "https://example.org/notindex.html/a/");
});
