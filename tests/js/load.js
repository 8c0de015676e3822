// Loads the browser's modules (the engine's and its users', in the subfolders of
// site_overrides/assets/javascripts/) into this process's namespace, globalThis.hubFinder,
// as a page's script does.
// HUB_FINDER_DATA (set by tests/test_finder_engine.py) is a folder of data the
// build's Python wrote for the fixture case studies: lunr.js, a packed index, a CSV.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const MODULES = path.resolve(__dirname, "../../site_overrides/assets/javascripts");
const DATA = process.env.HUB_FINDER_DATA || "";

function load(...names) {
  for (const name of names) require(path.join(MODULES, name));
  return globalThis.hubFinder;
}

function data(name) {
  if (!DATA) throw new Error("HUB_FINDER_DATA is not set: run these tests through tests/test_finder_engine.py");
  return path.join(DATA, name);
}

function readJSON(name) {
  return JSON.parse(fs.readFileSync(data(name), "utf-8"));
}

/* The range facets as svhub.finder.facet_table writes them: a year from-to and a
 * weighting of at least one of its steps, each filtered on its column. */
const RANGES = [
  { param: "awarded", legend: "Contract year", order: 100, column: "year" },
  { param: "social_value_weighting_pct", legend: "Social value weighting", order: 101,
    column: "social_value_weighting_pct", steps: [5, 10, 20] }
];

/* A facet table as svhub.finder.facet_table writes it, for rows given as
 * {year, value, weighting, <param>: [value ids]}, with facets {param: [value ids]},
 * `ranges` (RANGES unless given) and each facet's vocabulary (`vocabularies`:
 * {param: vocabulary}, else its param). */
function table(facets, rows, ranges = RANGES, vocabularies = {}) {
  const { masks } = globalThis.hubFinder.filter;
  const columns = { slug: rows.map((_r, i) => "case-" + i), contract_value: rows.map((r) => r.value ?? null) };
  const [between, atLeast] = [ranges.find((r) => !r.steps), ranges.find((r) => r.steps)];
  if (between) columns[between.column] = rows.map((r) => r.year || null);
  if (atLeast) columns[atLeast.column] = rows.map((r) => r.weighting ?? null);
  const described = Object.entries(facets).map(([param, ids], order) => {
    const count = Math.ceil(ids.length / 31);
    const rowMasks = rows.map((r) => masks((r[param] || []).map((id) => ids.indexOf(id)), count));
    columns[param] = Array.from({ length: count }, (_x, m) => rowMasks.map((row) => row[m]));
    return { param, legend: param[0].toUpperCase() + param.slice(1), order, vocabulary: vocabularies[param] || param,
             values: ids.map((id) => ({ id, label: id.toUpperCase() })) };
  });
  return globalThis.hubFinder.data.prepare({
    rows: rows.length, columns, facets: described, ranges, result: [],
    text: { columns: ["title", "summary", "commissioner"], starts: [0, 2], files: ["t-0.json", "t-1.json"] }
  });
}

module.exports = { load, data, readJSON, table, RANGES, DATA };
