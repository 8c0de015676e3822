// The URL holds the finder's state: parsed into typed values, written back the same.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load, table } = require("./load.js");

const hub = load("engine/base.js", "engine/data.js", "engine/filter.js", "engine/state.js");
const S = hub.state;
const facets = table({ region: ["london", "wales", "north-west"], service: ["housing", "food"] }, []).facets;

test("a URL's state round-trips: keywords, facets in the table's order, years, weighting, sort", () => {
  const search = "?q=social%20value%20%26%20caf%C3%A9&region=wales,london&service=food" +
                 "&awarded=2015-2020&social_value_weighting_pct=12.5&sort=value";
  const state = S.parse(search, facets);
  assert.deepEqual(state, {
    q: "social value & café", facets: { region: ["wales", "london"], service: ["food"] },
    years: { from: 2015, to: 2020 }, weighting: 12.5, sort: "value", notApplied: [], dismissed: []
  });
  assert.equal(S.serialise(state, facets), search);
  assert.deepEqual(S.parse(S.serialise(state, facets), facets), state);
});

test("a year range is typed: either end may be open, and 'any' is null", () => {
  assert.deepEqual(S.parse("?awarded=2021-", facets).years, { from: 2021, to: null });
  assert.deepEqual(S.parse("?awarded=-2019", facets).years, { from: null, to: 2019 });
  assert.deepEqual(S.parse("?awarded=2018", facets).years, { from: 2018, to: null });
  assert.equal(S.parse("", facets).years, null);
  assert.equal(S.yearRange(null, null), null);
  assert.equal(S.serialise({ ...S.empty(), years: S.yearRange(null, 2019) }, facets), "?awarded=-2019");
  assert.equal(S.serialise({ ...S.empty(), years: S.yearRange(2021, null) }, facets), "?awarded=2021-");
});

test("a weighting is a number, and 0% is a weighting, not 'any'", () => {
  assert.equal(S.parse("?social_value_weighting_pct=20", facets).weighting, 20);
  assert.equal(S.parse("?social_value_weighting_pct=0", facets).weighting, 0);
  assert.equal(S.serialise({ ...S.empty(), weighting: 0 }, facets), "?social_value_weighting_pct=0");
  assert.equal(S.parse("", facets).weighting, null);
});

test("what the finder cannot apply is reported in order, and left out of the URL", () => {
  const state = S.parse("?region=nowhere,london,constructor&awarded=abc&social_value_weighting_pct=lots" +
                        "&sort=bogus&unrelated=1", facets);
  assert.deepEqual(state.facets.region, ["london"]);
  assert.deepEqual(state.notApplied, [
    { legend: "Region", value: "nowhere" }, { legend: "Region", value: "constructor" },
    { legend: "Contract year", value: "abc" }, { legend: "Social value weighting", value: "lots" },
    { legend: "Sort", value: "bogus" }]);
  assert.equal(state.years, null);
  assert.equal(state.weighting, null);
  assert.equal(state.sort, "");
  assert.equal(S.serialise(state, facets), "?region=london");
});

test("a value of Object's prototype is not a facet value, and a repeated value counts once", () => {
  const state = S.parse("?region=constructor,__proto__,wales,wales", facets);
  assert.deepEqual(state.facets.region, ["wales"]);
  assert.equal(state.notApplied.length, 2);
});

test("the default view has no query string", () => {
  assert.equal(S.serialise(S.empty(), facets), "");
  assert.equal(S.serialise(S.parse("?region=&awarded=&sort=", facets), facets), "");
});

test("relevance needs keywords; without them the default and a relevance link sort newest first", () => {
  assert.equal(S.sortOrder(S.parse("?q=apprentices", facets)), "relevance");
  assert.equal(S.sortOrder(S.parse("?q=apprentices&sort=newest", facets)), "newest");
  assert.equal(S.sortOrder(S.parse("", facets)), "newest");
  assert.equal(S.sortOrder(S.parse("?sort=relevance", facets)), "newest");
  assert.equal(S.sortOrder(S.parse("?q=%3F%3F&sort=relevance", facets)), "newest", "keywords need a letter or digit");
});

test("each facet value, a year range and a weighting count as one filter each", () => {
  assert.equal(S.activeCount(S.parse("?region=wales,london&awarded=2015-&social_value_weighting_pct=5", facets)), 4);
  assert.equal(S.activeCount(S.parse("?q=housing&region=nowhere", facets)), 0);
});
