// What a query's words name and the snippets around matched words: the same as
// svhub.engine.words, whose answers tests/test_finder_engine.py writes.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const { fileURLToPath, pathToFileURL } = require("node:url");
const { load, data, readJSON } = require("./load.js");

globalThis.lunr = require(data("lunr.js"));
const hub = load("engine/base.js", "engine/data.js", "engine/index.js", "engine/query.js", "engine/words.js");
const facets = readJSON("finder-facets.json").facets;

test("the facet values a query names are those Python recognises, with the words that name them", () => {
  for (const [text, expected] of Object.entries(readJSON("recognised.json"))) {
    const found = hub.words.recognise(facets, text);
    assert.deepEqual(found.map((n) => [n.param, n.id, n.phrase]), expected, text);
    found.forEach((n) => assert.equal(text.slice(n.start, n.end), n.phrase));
  }
});

test("a place, a service and a theme named in one sentence are each recognised, and the JS names no facet", () => {
  const found = hub.words.recognise(facets, "apprenticeships in highways contracts in the North West");
  assert.deepEqual(found.map((n) => n.phrase), ["apprenticeships", "highways", "North West"]);
  const params = facets.filter((f) => f.values.some((v) => v.names)).map((f) => f.param);
  assert.deepEqual([...new Set(found.map((n) => n.param))].sort(), ["region", "service", "theme"].filter((p) => params.includes(p)));
  const source = fs.readFileSync(require.resolve("../../site_overrides/assets/javascripts/engine/words.js"), "utf-8");
  params.forEach((param) => assert.ok(!source.includes('"' + param + '"'), "words.js names no facet: " + param));
});

test("taking a named value's words out of a query leaves the rest, tidied", () => {
  const text = "apprenticeships in highways contracts in the North West";
  const [, highways, northWest] = hub.words.recognise(facets, text);
  assert.equal(hub.words.without(text, northWest), "apprenticeships in highways contracts in the");
  assert.equal(hub.words.without(text, highways), "apprenticeships in contracts in the North West");
});

test("a snippet is the same stretch of text, with the same words marked, as Python's", () => {
  for (const [text, terms, size, expected] of readJSON("snippets.json")) {
    assert.deepEqual(hub.words.snippet(text, terms, size), expected, text);
  }
});

test("the words a query has that no document contains are those Python reports", async () => {
  const head = readJSON("finder-index.json");
  const index = hub.index.load(head, pathToFileURL(data("finder-index.json")),
    (url) => Promise.resolve(JSON.parse(fs.readFileSync(fileURLToPath(url), "utf-8"))));
  for (const [text, expected] of Object.entries(readJSON("unmatched.json"))) {
    await new Promise((resolve, reject) => {  // a search fetches the shards the words would be in
      const attempt = (ok) => ok === false ? reject(new Error("a shard did not load"))
        : hub.query.run(index, text, attempt) && resolve();
      attempt();
    });
    assert.deepEqual(hub.query.unmatched(index, text), expected, text);
  }
});
