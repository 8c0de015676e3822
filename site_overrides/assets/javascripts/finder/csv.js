/* Engine: the CSV of the results shown. No DOM.
 *
 * It is cut from the site's own CSV (svhub/exports/downloads.py), the rows shown in the
 * order shown. Each cell is written again as Python's csv module writes it,
 * and a cell a spreadsheet would read as a formula (starting with = + - @, a
 * tab or a carriage return) is escaped with a leading apostrophe as
 * svhub.exports.downloads.safe_cell does; the site's cells already are, so a cell is
 * never escaped twice. */
(function (hub) {
  "use strict";

  var FORMULA = /^[=+\-@\t\r]/;

  /* A CSV's records, as text, split at the line ends outside quotes. */
  function records(text) {
    var out = [], start = 0, quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === "\r" && text[i + 1] === "\n") {
        out.push(text.slice(start, i));
        start = i + 2;
        i++;
      }
    }
    if (start < text.length) out.push(text.slice(start));
    return out;
  }

  /* A record's cells, unquoted. */
  function cells(record) {
    var out = [], cell = "", quoted = false;
    for (var i = 0; i < record.length; i++) {
      var c = record[i];
      if (quoted) {
        if (c !== '"') cell += c;
        else if (record[i + 1] === '"') { cell += '"'; i++; }
        else quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === ",") { out.push(cell); cell = ""; }
      else cell += c;
    }
    out.push(cell);
    return out;
  }

  /* A cell as it is written: never a formula; quoted when it holds a comma, a quote or a line break. */
  function cell(value) {
    var text = FORMULA.test(value) ? "'" + value : value;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function record(values) {
    return values.map(cell).join(",");
  }

  /* The CSV (with its byte order mark) of the header and the rows of `slugs`,
   * in that order, from the site's CSV whose first column is the slug (a slug
   * is never quoted, so only the records chosen are split into cells). */
  function selection(text, slugs) {
    var all = records(text.replace(/^\ufeff/, "")), bySlug = {};
    all.slice(1).forEach(function (line) { bySlug[line.slice(0, line.indexOf(","))] = line; });
    var out = [all[0]].concat(slugs.filter(function (slug) { return slug in bySlug; })
      .map(function (slug) { return bySlug[slug]; }));
    return "\ufeff" + out.map(function (line) { return record(cells(line)); }).join("\r\n") + "\r\n";
  }

  hub.csv = { records: records, cells: cells, cell: cell, record: record, selection: selection };
  if (typeof module === "object" && module.exports) module.exports = hub.csv;
})(globalThis.hubFinder = globalThis.hubFinder || {});
