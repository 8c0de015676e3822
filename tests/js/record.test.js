// The record engine: reading and writing record files, which regimes apply, and
// the examples, which must be the finder's own rows for the same state.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { load, table } = require("./load.js");

const hub = load("engine/base.js", "engine/data.js", "engine/state.js", "engine/filter.js", "record/model.js");
const record = hub.record;

test("a saved record reads back as the same answers", () => {
  const answers = { procurement_name: "Repairs <b>2027</b>", themes: ["local-jobs", "apprenticeships"], nation: "wales" };
  const text = record.serialise(answers, new Date("2026-12-01T10:00:00Z"));
  const saved = JSON.parse(text);
  assert.strictEqual(saved.format, record.FORMAT);
  assert.strictEqual(saved.version, record.VERSION);
  assert.deepStrictEqual(record.read(text, text.length).record.answers, answers);
});

test("bad files are refused with a message that says the draft is unchanged", () => {
  const cases = {
    notRecord: ['{"hello": "world"}', /not a record of consideration/],
    newer: [JSON.stringify({ format: record.FORMAT, version: record.VERSION + 1, answers: {} }), /newer version/],
    corrupt: ['{"format": "svhub-record-of-consideration", "version": 1, "answ', /could not be read/],
    noAnswers: [JSON.stringify({ format: record.FORMAT, version: 1 }), /holds no answers/],
    array: ["[1, 2]", /not a record of consideration/],
  };
  for (const [name, [text, message]] of Object.entries(cases)) {
    const result = record.read(text, text.length);
    assert.ok(result.error && message.test(result.error) && /unchanged/.test(result.error), name + ": " + result.error);
  }
  assert.match(record.read("{}", record.MAX_BYTES + 1).error, /larger than 1 MB/);
});

test("only text and lists of text with plain names are kept from a file", () => {
  const text = JSON.stringify({ format: record.FORMAT, version: 1,
    answers: { ok: "yes", list: ["a", 2, "b"], "__proto__": "no", _x: "no", nested: { a: 1 }, n: 5 } });
  assert.deepStrictEqual(record.read(text, text.length).record.answers, { ok: "yes", list: ["a", "b"] });
});

test("a regime applies only to the answers it names and the value it names", () => {
  const scotland = { answers: { nation: ["scotland"] }, value_at_least: 4000000, value_of: "value_gbp" };
  assert.ok(record.applies(scotland, { nation: "scotland", value_gbp: "4000000" }));
  assert.ok(record.applies(scotland, { nation: "scotland", value_gbp: "£4,500,000" }));
  assert.ok(!record.applies(scotland, { nation: "scotland", value_gbp: "3999999" }));
  assert.ok(!record.applies(scotland, { nation: "wales", value_gbp: "9000000" }));
  const kpis = { answers: { nation: ["england", "wales", "northern-ireland"] }, value_over: 5000000,
                 value_of: "value_gbp" };
  assert.ok(!record.applies(kpis, { nation: "england", value_gbp: "5000000" }));
  assert.ok(record.applies(kpis, { nation: "england", value_gbp: "5000001" }));
  assert.ok(record.applies({ answers: { authority_type: ["central-government"] } }, { authority_type: "central-government" }));
});

test("the examples are the finder's rows for the same state, and its URL", () => {
  const facets = { service: ["housing", "food"], theme: ["jobs", "food-theme"], region: ["wales", "london", "uk-wide"] };
  const rows = [
    { service: ["housing"], theme: ["jobs"], region: ["wales"] },
    { service: ["food"], theme: ["food-theme"], region: ["wales"] },
    { service: ["housing"], theme: ["jobs"], region: ["uk-wide"] },
    { service: ["housing"], theme: ["jobs"], region: ["london"] },
  ];
  const t = table(facets, rows);
  const nations = { wales: ["wales", "uk-wide"], england: ["london", "uk-wide"] };
  const sources = [{ question: "nation", vocabulary: "region", values: nations },
                   { question: "service", vocabulary: "service" }, { question: "themes", vocabulary: "theme" }];
  const state = record.finderState({ service: "housing", nation: "wales", themes: ["jobs", "unknown"] }, sources, t);
  assert.deepStrictEqual(record.examples(t, state), [0, 2]);
  assert.deepStrictEqual(record.examples(t, state), hub.filter.run(t, hub.state.parse(hub.state.serialise(state, t), t), null).rows);
  assert.strictEqual(hub.state.serialise(state, t), "?service=housing&theme=jobs&region=wales,uk-wide");
  assert.strictEqual(record.finderState({}, sources, t), null);
  // A nation the data does not name, even one of Object's own, stands for nothing.
  assert.strictEqual(record.finderState({ nation: "constructor" }, sources, t), null);
  assert.strictEqual(record.finderState({ nation: "__proto__" }, sources, t), null);
});

test("the examples filter the facet of each question's vocabulary, whatever the facet table calls it", () => {
  const facets = { area: ["housing", "food"], topic: ["jobs"], place: ["wales", "uk-wide"] };
  const rows = [{ area: ["housing"], topic: ["jobs"], place: ["wales"] }, { area: ["food"], topic: ["jobs"], place: ["wales"] }];
  const t = table(facets, rows, undefined, { area: "service", topic: "theme", place: "region" });
  const sources = [{ question: "nation", vocabulary: "region", values: { wales: ["wales", "uk-wide"] } },
                   { question: "service", vocabulary: "service" }, { question: "themes", vocabulary: "theme" },
                   { question: "sector", vocabulary: "no-such-vocabulary" }];
  const state = record.finderState({ service: "housing", nation: "wales", themes: ["jobs"], sector: "x" }, sources, t);
  assert.strictEqual(hub.state.serialise(state, t), "?area=housing&topic=jobs&place=wales,uk-wide");
  assert.deepStrictEqual(record.examples(t, state), [0]);
});

test("a regime's value test reads the question its `value_of` names, and fails without one", () => {
  assert.ok(record.applies({ value_at_least: 10, value_of: "estimate" }, { estimate: "£12" }));
  assert.ok(!record.applies({ value_at_least: 10 }, { estimate: "£12" }));
});

test("typed text is escaped in the Markdown copy", () => {
  const text = record.markdown({ title: "Record: <script>alert(1)</script>", lines: ["*bold*"],
    steps: [{ title: "Step 1", clauses: [{ label: "s.1(3)(a)", url: "https://example.org/s1" }],
              items: [{ label: "Name", answer: "[link](javascript:x)" }] }], examples: [], footer: "Not legal advice." });
  assert.ok(!text.includes("<script>") && text.includes("&lt;script&gt;"));
  assert.ok(text.includes("\\[link\\](javascript:x)") && text.includes("\\*bold\\*"));
  assert.ok(text.includes("[s.1(3)(a)](https://example.org/s1)"));
});

test("the Markdown copy cites only the examples marked as used, and lists the others as offered", () => {
  const step = { title: "Step 1", clauses: [], items: [{ label: "Name", answer: "A" }] };
  const none = record.markdown({ title: "R", lines: [], steps: [step], examples: [], offered: [], footer: "F" });
  assert.ok(!none.includes(record.CITED) && !none.includes(record.OFFERED));
  const text = record.markdown({ title: "R", lines: [], steps: [step], footer: "F",
    examples: [{ title: "Used one", url: "https://example.org/a/" }],
    offered: [{ title: "Shown one", url: "https://example.org/b/" }] });
  const [before, cited] = text.split("## " + record.CITED);
  assert.ok(!before.includes("Used one") && cited.indexOf("Used one") < cited.indexOf("## " + record.OFFERED));
  assert.ok(cited.split("## " + record.OFFERED)[1].includes("[Shown one](https://example.org/b/)"));
});

test("a question's record label is the first whose answers match, else none", () => {
  const labels = [{ when: { in_scope: ["no"] }, label: "Why (this is the record)" }, { label: "Why" }];
  assert.strictEqual(record.recordLabel(labels, { in_scope: "no" }), "Why (this is the record)");
  assert.strictEqual(record.recordLabel(labels, { in_scope: "yes" }), "Why");
  assert.strictEqual(record.recordLabel([{ when: { c: ["yes"] }, label: "Whom" }], {}), null);
  assert.strictEqual(record.recordLabel(undefined, {}), null);
});

test("a record the page could not open again is refused at save and draft time, counted in bytes", () => {
  const small = record.serialise({ notes: "é".repeat(1000) }, new Date());
  assert.strictEqual(record.tooLarge(small), "");
  // Under 1 MB in characters, over it in bytes (each é is two bytes in UTF-8).
  const large = record.serialise({ notes: "é".repeat(600 * 1024) }, new Date());
  assert.ok(large.length < record.MAX_BYTES && record.bytes(large) > record.MAX_BYTES);
  assert.match(record.tooLarge(large), /larger than 1 MB/);
  assert.match(record.read(large, record.bytes(large)).error, /larger than 1 MB/);
});
