// The facet table and the results' text, as the build writes them.
"use strict";
const fs = require("node:fs");
const test = require("node:test");
const assert = require("node:assert/strict");
const { load, data, readJSON } = require("./load.js");

const hub = load("engine/base.js", "engine/data.js");

test("the facet table becomes a model: facets know their values' positions, years their range", () => {
  const table = hub.data.prepare(readJSON("finder-facets.json"));
  const region = hub.data.facetOf(table, "region");
  assert.equal(region.masks, table.columns.region);
  assert.equal(region.values[region.ids.wales].id, "wales");
  assert.ok(!("constructor" in region.ids), "ids have no prototype");
  assert.ok(table.years.from <= table.years.to);
  assert.equal(hub.data.prepare({ ...readJSON("finder-facets.json"), columns: {
    ...readJSON("finder-facets.json").columns, year: [null] } }).years, null);
});

test("a row's text is parsed from its chunk's line once the chunk has come", async () => {
  const table = hub.data.prepare({ ...readJSON("finder-facets.json"), rows: 3 });
  table.text.starts = [0, 2];
  const chunks = ["[\n" + '["A","one","X"],\n["B \\"quoted\\"\\u2028","two","Y"]' + "\n]",
                  "[\n" + '["C","three","Z"]' + "\n]"];
  const asked = [];
  const text = hub.data.textStore(table, (k) => { asked.push(k); return Promise.resolve(chunks[k]); });
  assert.deepEqual(text.chunksOf([2, 0, 1]), [1, 0]);
  assert.equal(text.row(1), null);
  await text.load([0]);
  assert.deepEqual(text.row(1), { title: "B \"quoted\"\u2028", summary: "two", commissioner: "Y" });
  assert.equal(text.row(2), null);
  await text.load([0, 1]);
  assert.deepEqual(text.row(2), { title: "C", summary: "three", commissioner: "Z" });
  assert.deepEqual(asked, [0, 1], "each chunk is fetched once");
});

test("a chunk that fails to load is fetched again next time", async () => {
  const table = hub.data.prepare(readJSON("finder-facets.json"));
  let fail = true;
  const body = fs.readFileSync(data("finder-text-0.json"), "utf-8");
  const text = hub.data.textStore(table, () => fail ? Promise.reject(new Error("offline")) : Promise.resolve(body));
  await assert.rejects(text.load([0]));
  fail = false;
  await text.load([0]);
  assert.equal(typeof text.row(0).title, "string");
});

test("the first position not below a value, in a sorted array", () => {
  const { firstAtLeast } = hub.data;
  assert.equal(firstAtLeast([0, 500], 1), 1);
  assert.equal(firstAtLeast([0, 500], 500), 1);
  assert.equal(firstAtLeast([0, 500], 501), 2);
  assert.equal(firstAtLeast(["ab", "ac", "b"], "ac"), 1);
  assert.equal(firstAtLeast([], 3), 0);
});
