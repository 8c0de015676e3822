// The site search's hits: grouped by kind and ranked as svhub.search.files.hits
// does, with the same words reported and the same snippets, over an index of
// guidance, a glossary and the fixture case studies that tests/test_finder_engine.py wrote.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { fileURLToPath, pathToFileURL } = require("node:url");
const { load, data } = require("./load.js");

globalThis.lunr = require(data("lunr.js"));
const hub = load("engine/base.js", "engine/data.js", "engine/index.js", "engine/query.js", "engine/words.js",
                 "search/hits.js");
const folder = data("search");
const read = (name) => JSON.parse(fs.readFileSync(path.join(folder, name), "utf-8"));

function engine() {
  const fetchJSON = (url) => Promise.resolve(JSON.parse(fs.readFileSync(fileURLToPath(url), "utf-8")));
  return hub.hits.load(read("index.json"), pathToFileURL(path.join(folder, "index.json")), fetchJSON);
}

function searched(search, text) {
  return new Promise((resolve, reject) => {
    const attempt = (ok) => {
      if (ok === false) return reject(new Error("a shard did not load"));
      const hits = search.search(text, attempt);
      if (hits) resolve(hits);
    };
    attempt();
  });
}

test("the site search groups and ranks its hits, reports the same words and cuts the same snippets as Python", async () => {
  const search = engine();
  for (const [text, expected] of Object.entries(read("expected.json"))) {
    const hits = await searched(search, text);
    const { order, guidance, caseStudies, reference } = hits;
    assert.deepEqual({ order, guidance, caseStudies, reference }, expected.hits, text);
    assert.deepEqual(hits.unmatched, expected.unmatched, text);
    const refs = guidance.concat(caseStudies, reference);
    const docs = await search.documents(refs);
    refs.forEach((ref, i) => {
      assert.deepEqual(hub.words.snippet(docs[i].text, hub.query.matchedTerms(hits.matches[ref])),
                       expected.snippets[ref], text + ": " + ref);
    });
  }
});

test("case studies rank above a glossary entry unless the query names the entry", async () => {
  const search = engine();
  const meals = await searched(search, "school meals");
  assert.equal(meals.order[0], "reference", "'school meals' names the glossary's entry");
  const apprentices = await searched(search, "apprentices");
  assert.ok(apprentices.reference.length && apprentices.caseStudies.length);
  assert.equal(apprentices.order[2], "reference", "the levy's entry comes last");
  const [first, second] = apprentices.order, best = (group) => apprentices.matches[apprentices[group][0]];
  assert.ok(hub.query.compare(best(first), best(second)) <= 0, "guidance and case studies in the order of their best hits");
  const levy = await searched(search, "apprenticeship levy");
  assert.equal(levy.order[0], "reference");
});

test("the site search offers the filters the query names, from the head's facets", async () => {
  const hits = await searched(engine(), "NHS catering");
  assert.deepEqual(hits.named.map((n) => [n.param, n.id]),
                   [["commissioner_type", "nhs-body"], ["service", "food-and-catering"]]);
  assert.deepEqual((await searched(engine(), "zzzz qqqq")).unmatched, ["zzzz", "qqqq"]);
});
