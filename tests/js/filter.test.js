// Filtering and counting with the facet table's bitmasks.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load, table } = require("./load.js");

const hub = load("engine/base.js", "engine/data.js", "engine/query.js", "engine/filter.js", "engine/state.js");
const { parse } = hub.state;
const F = hub.filter;

const MANY = Array.from({ length: 40 }, (_x, i) => "t" + i);  // more values than one mask holds
const rows = [
  { year: 2024, value: 3000, weighting: 10, region: ["london"], service: ["housing"], theme: ["t0", "t35"] },
  { year: 2022, value: null, weighting: null, region: ["wales"], service: ["food"], theme: ["t30"] },
  { year: 2020, value: 85000, weighting: 20, region: ["london"], service: ["food"], theme: ["t31", "t39"] },
  { year: null, value: 500, weighting: 5, region: ["north-west"], service: ["housing"], theme: [] },
];
const t = table({ region: ["london", "wales", "north-west"], service: ["housing", "food"], theme: MANY }, rows);
const run = (search, matches = null) => F.run(t, parse(search, t), matches);

test("values are bits, 31 to a mask, and a 32nd value takes a second mask", () => {
  assert.deepEqual(F.masks([], 1), [0]);
  assert.deepEqual(F.masks([0, 2], 1), [0b101]);
  assert.deepEqual(F.masks([1, 32], 2), [0b10, 0b10]);
  assert.deepEqual(F.masks([30], 2), [2 ** 30, 0], "the 31st value is the last bit of the first mask");
  assert.deepEqual(F.masks([31], 2), [0, 1], "the 32nd value is the first bit of the second mask");
  assert.equal(t.facets[2].masks.length, 2);
  assert.ok(t.facets[2].masks[0].every((bits) => bits >= 0), "masks stay positive");
});

test("values in one facet are ORed, facets are ANDed", () => {
  assert.deepEqual(run("").rows, [0, 1, 2, 3]);
  assert.deepEqual(run("?region=london").rows, [0, 2]);
  assert.deepEqual(run("?region=london,wales").rows, [0, 1, 2]);
  assert.deepEqual(run("?region=london,wales&service=food").rows, [1, 2]);
});

test("values beyond the first mask filter and count like the others", () => {
  assert.deepEqual(run("?theme=t35").rows, [0]);
  assert.deepEqual(run("?theme=t31,t30").rows, [1, 2]);
  assert.deepEqual(run("?theme=t39&region=london").rows, [2]);
  const theme = run("?region=london").facets[2];
  assert.equal(theme[0], 1);
  assert.equal(theme[35], 1);
  assert.equal(theme[31], 1);
  assert.equal(theme[39], 1);
  assert.equal(theme[30], 0, "t30 is only in Wales");
  assert.equal(F.firstValue(t.facets[2], 2), 31);
  assert.equal(F.firstValue(t.facets[2], 3), -1);
});

test("a facet's own values count as if none were chosen; other facets count within the results", () => {
  const counted = run("?region=london&service=food");
  assert.deepEqual(counted.rows, [2]);
  assert.deepEqual(counted.facets[0], [1, 1, 0], "regions, within service=food");
  assert.deepEqual(counted.facets[1], [1, 1], "services, within region=london");
});

test("a year range keeps the years inside it, and a row without a year only when no range applies", () => {
  assert.deepEqual(run("?awarded=2021-").rows, [0, 1]);
  assert.deepEqual(run("?awarded=-2021").rows, [2], "a row without a year is not before 2021");
  assert.deepEqual(run("?awarded=2020-2022").rows, [1, 2]);
  assert.deepEqual(run("?awarded=abc").rows, [0, 1, 2, 3], "a range the finder cannot read does not apply");
});

test("a weighting keeps rows with at least that much, and each step counts the rows it would give", () => {
  assert.deepEqual(run("?social_value_weighting_pct=10").rows, [0, 2]);
  assert.deepEqual(run("").weighting, [3, 2, 1]);
  assert.deepEqual(run("?social_value_weighting_pct=20").weighting, [3, 2, 1], "counted as if none were chosen");
  assert.deepEqual(run("?region=london").weighting, [2, 2, 1]);
});

test("keyword matches narrow the rows; relevance sorts by score to six places, then newest first", () => {
  const matches = { 1: { score: 0.5 }, 2: { score: 0.9 }, 3: { score: 0.5000000001 } };
  const counted = run("", matches);
  assert.deepEqual(counted.rows, [1, 2, 3]);
  assert.deepEqual(F.sort(counted.rows, "relevance", t, matches), [2, 1, 3]);
});

test("sorting by contract value puts the largest first and rows without a value last", () => {
  assert.deepEqual(F.sort(run("").rows, "value", t, null), [2, 0, 3, 1]);
  assert.deepEqual(F.sort(run("").rows, "newest", t, null), [0, 1, 2, 3]);
});
