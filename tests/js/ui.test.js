// What the chips, the live count and the printed list's line say (the UI's wording, which needs no page).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load, table } = require("./load.js");

const hub = load("engine/base.js", "engine/data.js", "engine/filter.js", "engine/state.js",
                 "engine/dom.js", "finder/chips.js", "finder/count.js", "finder/print.js");
const t = table({ region: ["london", "wales"] }, []);

test("a chip for the keywords, each facet value, the year range and the weighting, each removing itself", () => {
  const state = hub.state.parse("?q=%20housing%20&region=wales,london&awarded=2015-&social_value_weighting_pct=20",
                                t);
  const chips = hub.chips.list(state, t);
  assert.deepEqual(chips.map((c) => c.label), ["Keywords: housing", "Region: WALES", "Region: LONDON",
                                              "Contract year: 2015 to any", "Social value weighting: 20% or more"]);
  chips[1].remove(state);
  chips[3].remove(state);
  assert.equal(hub.state.serialise(state, t), "?q=%20housing%20&region=london&social_value_weighting_pct=20");
});

test("keywords without a letter or digit get no chip", () => {
  assert.deepEqual(hub.chips.list(hub.state.parse("?q=%3F%3F", t), t), []);
});

test("what a link asked for that the finder cannot apply is named", () => {
  assert.equal(hub.chips.notApplied(hub.state.parse("?region=nowhere", t)),
               "Not applied, because the finder does not know it: Region \u201cnowhere\u201d.");
  assert.equal(hub.chips.notApplied(hub.state.parse("?sort=x&awarded=y", t)),
               "Not applied, because the finder does not know them: Contract year \u201cy\u201d; Sort \u201cx\u201d.");
  assert.equal(hub.chips.notApplied(hub.state.parse("?region=wales", t)), "");
});

test("the count says how many match, and what to try when none do", () => {
  assert.equal(hub.count.wording(11, false), "11 case studies");
  assert.equal(hub.count.wording(1, true), "1 case study match");
  assert.equal(hub.count.wording(4, true), "4 case studies match");
  assert.equal(hub.count.wording(0, true), "No case studies match. Try fewer words or remove a filter.");
});

test("the printed list says which keywords and filters made it, and its order", () => {
  const state = hub.state.parse("?q=repairs&region=wales", t);
  assert.equal(hub.print.line(state, t, 3), "3 case studies from the Social Value Hub's case-study finder, found with " +
               "Keywords: repairs; Region: WALES. Order: relevance.");
  assert.equal(hub.print.line(hub.state.parse("", t), t, 1),
               "All 1 case study in the Social Value Hub's case-study finder, with no filters or keywords. Order: newest.");
});
