// The URL holds the finder's state: parsed into typed values, written back the same.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load, table, RANGES } = require("./load.js");

const hub = load("engine/base.js", "engine/data.js", "engine/filter.js", "engine/state.js");
const S = hub.state;
const t = table({ region: ["london", "wales", "north-west"], service: ["housing", "food"] }, []);

test("a URL's state round-trips: keywords, facets in the table's order, years, weighting, sort", () => {
  const search = "?q=social%20value%20%26%20caf%C3%A9&region=wales,london&service=food" +
                 "&awarded=2015-2020&social_value_weighting_pct=12.5&sort=value";
  const state = S.parse(search, t);
  assert.deepEqual(state, {
    q: "social value & café", facets: { region: ["wales", "london"], service: ["food"] },
    years: { from: 2015, to: 2020 }, weighting: 12.5, sort: "value", notApplied: [], dismissed: []
  });
  assert.equal(S.serialise(state, t), search);
  assert.deepEqual(S.parse(S.serialise(state, t), t), state);
});

test("a year range is typed: either end may be open, and 'any' is null", () => {
  assert.deepEqual(S.parse("?awarded=2021-", t).years, { from: 2021, to: null });
  assert.deepEqual(S.parse("?awarded=-2019", t).years, { from: null, to: 2019 });
  assert.deepEqual(S.parse("?awarded=2018", t).years, { from: 2018, to: null });
  assert.equal(S.parse("", t).years, null);
  assert.equal(S.yearRange(null, null), null);
  assert.equal(S.serialise({ ...S.empty(), years: S.yearRange(null, 2019) }, t), "?awarded=-2019");
  assert.equal(S.serialise({ ...S.empty(), years: S.yearRange(2021, null) }, t), "?awarded=2021-");
});

test("a weighting is a number, and 0% is a weighting, not 'any'", () => {
  assert.equal(S.parse("?social_value_weighting_pct=20", t).weighting, 20);
  assert.equal(S.parse("?social_value_weighting_pct=0", t).weighting, 0);
  assert.equal(S.serialise({ ...S.empty(), weighting: 0 }, t), "?social_value_weighting_pct=0");
  assert.equal(S.parse("", t).weighting, null);
});

test("what the finder cannot apply is reported in order, and left out of the URL", () => {
  const state = S.parse("?region=nowhere,london,constructor&awarded=abc&social_value_weighting_pct=lots" +
                        "&sort=bogus&unrelated=1", t);
  assert.deepEqual(state.facets.region, ["london"]);
  assert.deepEqual(state.notApplied, [
    { legend: "Region", value: "nowhere" }, { legend: "Region", value: "constructor" },
    { legend: "Contract year", value: "abc" }, { legend: "Social value weighting", value: "lots" },
    { legend: "Sort", value: "bogus" }]);
  assert.equal(state.years, null);
  assert.equal(state.weighting, null);
  assert.equal(state.sort, "");
  assert.equal(S.serialise(state, t), "?region=london");
});

test("a value of Object's prototype is not a facet value, and a repeated value counts once", () => {
  const state = S.parse("?region=constructor,__proto__,wales,wales", t);
  assert.deepEqual(state.facets.region, ["wales"]);
  assert.equal(state.notApplied.length, 2);
});

test("the default view has no query string", () => {
  assert.equal(S.serialise(S.empty(), t), "");
  assert.equal(S.serialise(S.parse("?region=&awarded=&sort=", t), t), "");
});

test("relevance needs keywords; without them the default and a relevance link sort newest first", () => {
  assert.equal(S.sortOrder(S.parse("?q=apprentices", t)), "relevance");
  assert.equal(S.sortOrder(S.parse("?q=apprentices&sort=newest", t)), "newest");
  assert.equal(S.sortOrder(S.parse("", t)), "newest");
  assert.equal(S.sortOrder(S.parse("?sort=relevance", t)), "newest");
  assert.equal(S.sortOrder(S.parse("?q=%3F%3F&sort=relevance", t)), "newest", "keywords need a letter or digit");
});

test("each facet value, a year range and a weighting count as one filter each", () => {
  assert.equal(S.activeCount(S.parse("?region=wales,london&awarded=2015-&social_value_weighting_pct=5", t)), 4);
  assert.equal(S.activeCount(S.parse("?q=housing&region=nowhere", t)), 0);
});

test("the range facets' parameters and legends are the facet table's, whatever they are named", () => {
  const renamed = table({ region: ["wales"] }, [], [{ ...RANGES[0], param: "let_in", legend: "Year let" },
                                                   { ...RANGES[1], param: "weight", legend: "Weighting" }]);
  const state = S.parse("?let_in=2015-2020&weight=20&awarded=2015-&social_value_weighting_pct=5", renamed);
  assert.deepEqual([state.years, state.weighting], [{ from: 2015, to: 2020 }, 20]);
  assert.equal(S.serialise(state, renamed), "?let_in=2015-2020&weight=20");
  assert.deepEqual(S.parse("?let_in=x&weight=y", renamed).notApplied,
                   [{ legend: "Year let", value: "x" }, { legend: "Weighting", value: "y" }]);
});

test("a facet table without range facets has no year or weighting filter", () => {
  const none = table({ region: ["wales"] }, [{ year: 2020, weighting: 10 }], []);
  const state = S.parse("?awarded=2015-&social_value_weighting_pct=5", none);
  assert.deepEqual([state.years, state.weighting, S.serialise(state, none)], [null, null, ""]);
  assert.deepEqual(hub.filter.run(none, state, null).rows, [0]);
});
