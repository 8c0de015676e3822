// Keywords: the same query as svhub.search_index.query, over the index in shards.
// The index and Python's rankings come from tests/test_finder_engine.py.
"use strict";
const fs = require("node:fs");
const test = require("node:test");
const assert = require("node:assert/strict");
const { fileURLToPath, pathToFileURL } = require("node:url");
const { load, data, readJSON } = require("./load.js");

globalThis.lunr = require(data("lunr.js"));
const hub = load("engine/base.js", "engine/data.js", "engine/index.js", "engine/query.js");
const expected = readJSON("rankings.json");

/* The index as a page loads it, with every shard fetched counted. */
function openIndex() {
  const fetched = [];
  const fetchJSON = (url) => {
    fetched.push(url.href.split("/").pop());
    return Promise.resolve(JSON.parse(fs.readFileSync(fileURLToPath(url), "utf-8")));
  };
  const head = readJSON("finder-index.json");
  return { index: hub.index.load(head, pathToFileURL(data("finder-index.json")), fetchJSON), head, fetched };
}

/* The refs a query finds, best first, once the shards it needs have come. */
function search(index, text) {
  return new Promise((resolve, reject) => {
    const attempt = (ok) => {
      if (ok === false) return reject(new Error("a shard did not load"));
      const matches = hub.query.run(index, text, attempt);
      if (matches) resolve(Object.keys(matches).map(Number).sort((a, b) =>
        hub.query.compare(matches[a], matches[b]) || a - b));
    };
    attempt();
  });
}

test("the shards' front-coded terms decode to every term of the index, in order", () => {
  const head = readJSON("finder-index.json");
  const coded = head.shard_files.map((name) => readJSON(name).terms);
  assert.equal(typeof coded[0], "string");
  assert.deepEqual(coded.flatMap((terms) => hub.index.decodeTerms(terms)), readJSON("terms.json"));
  assert.deepEqual(hub.index.decodeTerms(""), []);
  assert.deepEqual(hub.index.decodeTerms(head.shard_bounds),
                   coded.flatMap((terms) => [hub.index.decodeTerms(terms)[0], hub.index.decodeTerms(terms).at(-1)]));
});

test("the index comes in several shards, so these tests cover them", () => {
  assert.ok(readJSON("finder-index.json").shard_files.length >= 3);
});

test("every query ranks the same case studies in the same order as Python", async () => {
  const { index } = openIndex();
  for (const [text, refs] of Object.entries(expected)) {
    assert.deepEqual(await search(index, text), refs.map(Number), text);
  }
});

test("a word matches as a prefix from the index's prefix_min letters, and shorter words only whole", async () => {
  const { index, head } = openIndex();
  assert.equal(head.prefix_min, 4);
  const whole = await search(index, "apprentices");
  assert.ok(whole.length > 1);
  const sorted = (refs) => refs.slice().sort((a, b) => a - b);
  assert.deepEqual(sorted(await search(index, "appr")), sorted(whole), "four letters are a prefix");
  assert.deepEqual(await search(index, "app"), [], "three letters are not");
});

test("any word may match, results with every word come first, and stop words are left out", async () => {
  const { index } = openIndex();
  const housing = await search(index, "housing"), apprentices = await search(index, "apprentices");
  const both = await search(index, "housing apprentices");
  assert.deepEqual(both.slice().sort((a, b) => a - b), [...new Set([...housing, ...apprentices])].sort((a, b) => a - b));
  const withBoth = both.filter((ref) => housing.includes(ref) && apprentices.includes(ref));
  assert.ok(withBoth.length > 0 && withBoth.length < both.length, "the fixtures have results with one word and with both");
  assert.deepEqual(both.slice(0, withBoth.length), withBoth, "every result with both words ranks above those with one");
  assert.deepEqual(hub.query.words("The housing, and the (repairs)! Housing"), ["housing", "repairs"]);
  assert.deepEqual(await search(index, "the and of"), []);
});

test("results with every word come first however many words are typed", async () => {
  // Thirty-two words that match nothing, then three that do: each result's words
  // are counted past the first 32, so one with all three still comes first.
  const { index } = openIndex();
  const filler = [..."abcd"].flatMap((a) => [..."abcdefgh"].map((b) => "zq" + a + b)).join(" ");
  const text = filler + " housing apprentices repairs";
  const long = await search(index, text), short = await search(index, "housing apprentices repairs");
  assert.deepEqual(long, short);
  const matches = await new Promise((resolve) => {
    const attempt = () => { const m = hub.query.run(index, text, attempt); if (m) resolve(m); };
    attempt();
  });
  const counts = Object.values(matches).map((match) => match.words);
  assert.ok(Math.max(...counts) >= 2 && Math.min(...counts) === 1, "the fixtures have results with one word and with more");
  for (const match of Object.values(matches)) {
    const stems = ["hous", "apprentic", "repair"];
    const named = stems.filter((stem) => hub.query.matchedTerms(match).some((term) => term.startsWith(stem)));
    assert.equal(match.words, named.length, "a result's words are those its terms show");
  }
});

test("a word typed with a minus in front leaves out what has it, and is not searched for", async () => {
  const { index } = openIndex();
  const apprentices = await search(index, "apprentices"), housing = await search(index, "housing");
  const without = await search(index, "apprentices -housing");
  assert.deepEqual(without, apprentices.filter((ref) => !housing.includes(ref)));
  assert.ok(without.length > 0 && without.length < apprentices.length, "the fixtures have apprentices with and without housing");
  assert.deepEqual(hub.query.words("apprentices -housing co-production"), ["apprentices", "co", "production"]);
  assert.deepEqual(hub.query.excluded("apprentices -housing -NHS"), ["housing", "nhs"]);
  assert.deepEqual(hub.query.unmatched(index, "-zzzzqx apprentices"), []);
});

test("a word no document contains is reported and does not empty the results", async () => {
  const { index } = openIndex();
  await search(index, "apprentices zzzzqx in housing qq");  // fetches the shards the words would be in
  assert.deepEqual(hub.query.unmatched(index, "apprentices zzzzqx in housing qq"), ["zzzzqx", "qq"]);
  assert.deepEqual(await search(index, "apprentices zzzzqx"), await search(index, "apprentices"));
  assert.deepEqual(hub.query.unmatched(index, "appren hous"), [], "a prefix of four letters is contained");
});

test("apprentice, apprentices, apprenticeship and apprenticeships find the same case studies", async () => {
  const { index } = openIndex();
  const found = [];
  for (const word of ["apprentice", "apprentices", "apprenticeship", "apprenticeships"]) {
    assert.equal(hub.query.stemWord(word), "apprentic");
    found.push((await search(index, word)).slice().sort((a, b) => a - b));
  }
  assert.ok(found[0].length > 1);
  found.forEach((refs) => assert.deepEqual(refs, found[0]));
  assert.equal(hub.query.stemWord("hardship"), "hardship", "a short root keeps its ship");
});

test("a search fetches only the shards its terms are in, each once", async () => {
  const { index, head, fetched } = openIndex();
  await search(index, "apprentices");
  const again = fetched.length;
  await search(index, "apprentice");
  assert.equal(fetched.length, again, "the shard is fetched once");
  assert.ok(fetched.length >= 1 && fetched.length < head.shard_files.length);
  assert.equal(new Set(fetched).size, fetched.length);
});

test("a shard that fails to load is reported, and fetched again by the next search", async () => {
  const head = readJSON("finder-index.json");
  let fail = true;
  const fetchJSON = (url) => fail ? Promise.reject(new Error("offline"))
    : Promise.resolve(JSON.parse(fs.readFileSync(fileURLToPath(url), "utf-8")));
  const index = hub.index.load(head, pathToFileURL(data("finder-index.json")), fetchJSON);
  await assert.rejects(search(index, "apprentices"));
  fail = false;
  assert.ok((await search(index, "apprentices")).length > 1);
});

test("the terms a match matched are those results mark, and a word of text is stemmed as the index is", async () => {
  const { index } = openIndex();
  const matches = await new Promise((resolve) => {
    const attempt = () => { const m = hub.query.run(index, "apprentices", attempt); if (m) resolve(m); };
    attempt();
  });
  const first = Object.values(matches)[0];
  assert.ok(hub.query.matchedTerms(first).includes("apprentic"));
  assert.deepEqual(hub.query.matchedTerms(null), []);
  assert.equal(hub.query.stem("Apprentices,"), "apprentic");
  assert.equal(hub.query.stem("—"), "");
});
