// The CSV of the results shown, cut from the site's CSV.
"use strict";
const fs = require("node:fs");
const test = require("node:test");
const assert = require("node:assert/strict");
const { load, data } = require("./load.js");

const { csv } = load("finder/csv.js");

test("a cell a spreadsheet would run as a formula is escaped with an apostrophe", () => {
  for (const start of ["=", "+", "-", "@", "\t"]) assert.equal(csv.cell(start + "1+1"), "'" + start + "1+1");
  assert.equal(csv.cell("\r1"), "\"'\r1\"");
  assert.equal(csv.cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  assert.equal(csv.cell("'=1+1"), "'=1+1", "an escaped cell is not escaped again");
  assert.equal(csv.cell("1-1=0"), "1-1=0", "only the first character counts");
  assert.equal(csv.cell(""), "");
});

test("a cell with a comma, a quote or a line break is quoted, as Python's csv module does", () => {
  assert.equal(csv.cell("a, b"), '"a, b"');
  assert.equal(csv.cell('say "hi"'), '"say ""hi"""');
  assert.equal(csv.cell("two\nlines"), '"two\nlines"');
  assert.deepEqual(csv.cells('a,"b, c","d ""e""",,"f\r\ng"'), ["a", "b, c", 'd "e"', "", "f\r\ng"]);
});

test("the selection is the header and the rows asked for, in that order, with formulas escaped", () => {
  const site = "\ufeffslug,title,partners\r\none,First,=1+1\r\ntwo,\"Second, with\r\na break\",'@x\r\nthree,Third,-2\r\n";
  assert.equal(csv.selection(site, ["three", "one", "missing"]),
               "\ufeffslug,title,partners\r\nthree,Third,'-2\r\none,First,'=1+1\r\n");
  assert.equal(csv.selection(site, ["two"]), "\ufeffslug,title,partners\r\ntwo,\"Second, with\r\na break\",'@x\r\n");
});

test("the site's own CSV comes through unchanged when every row is chosen", () => {
  const site = fs.readFileSync(data("case-studies.csv"), "utf-8");
  const slugs = csv.records(site).slice(1).map((record) => csv.cells(record)[0]);
  assert.ok(slugs.length > 5);
  assert.ok(site.includes("'=1+1 Fixture Partner"), "the fixtures include a formula");
  assert.equal(csv.selection(site, slugs), (site.startsWith("\ufeff") ? "" : "\ufeff") + site);
});
