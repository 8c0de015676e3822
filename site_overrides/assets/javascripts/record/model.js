/* Record engine: the record of consideration as data, with no DOM. The answers
 * are {question name: text, or a list of the values chosen}. A saved file is
 * readable JSON: {format, version, saved, answers}. A file that is not a record,
 * is from a newer version, is damaged or is over 1 MB is refused with a message,
 * and nothing changes. The examples are the finder's: the same state
 * (hub.state), the same filter (hub.filter) over the same facet table. */
(function (hub) {
  "use strict";

  var FORMAT = "svhub-record-of-consideration";
  var VERSION = 1;
  var MAX_BYTES = 1024 * 1024;
  var NAME = /^[a-z][a-z0-9_]{0,59}$/;  // never __proto__ or another of Object's own
  var KEPT = "Your draft is unchanged.";
  var CITED = "Examples cited";
  var OFFERED = "Examples offered, not relied on";
  var OFFERED_NOTE = "The hub listed these case studies for the answers above; they were not marked as used.";

  /* Only what a record can hold: known-looking names with text or lists of text. */
  function clean(answers) {
    var out = {};
    Object.keys(answers).forEach(function (name) {
      var value = answers[name];
      if (!NAME.test(name)) return;
      if (typeof value === "string") out[name] = value;
      else if (Array.isArray(value)) out[name] = value.filter(function (v) { return typeof v === "string"; });
    });
    return out;
  }

  /* The text of a record file for `answers`, saved at `when` (a Date). */
  function serialise(answers, when) {
    return JSON.stringify({ format: FORMAT, version: VERSION, saved: when.toISOString(), answers: clean(answers) },
      null, 2) + "\n";
  }

  /* The size in bytes of text saved as UTF-8, as a file's size is counted. */
  function bytes(text) {
    return new TextEncoder().encode(text).length;
  }

  /* Why a record's text could not be opened again once saved, or "": the page
   * refuses at save and at draft time what it would refuse to open. */
  function tooLarge(text) {
    return bytes(text) > MAX_BYTES ? "This record is now larger than 1 MB, which is more than this page can " +
      "open again. Shorten the longest answers (link to documents rather than pasting them in)." : "";
  }

  /* A file's text and size in bytes, read as a record: {record} or {error}. */
  function read(text, size) {
    if (size > MAX_BYTES) {
      return { error: "This file is larger than 1 MB, so it is not a record saved from this page. " + KEPT };
    }
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { error: "This file could not be read: it is not a complete record file (it may be damaged, " +
        "or be another kind of file). " + KEPT };
    }
    if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== FORMAT) {
      return { error: "This file is not a record of consideration saved from this page. " + KEPT };
    }
    if (typeof data.version !== "number" || data.version % 1 !== 0 || data.version < 1) {
      return { error: "This record file is damaged: its version number is missing or wrong. " + KEPT };
    }
    if (data.version > VERSION) {
      return { error: "This record was saved by a newer version of this page (version " + data.version +
        "); this page reads version " + VERSION + ". " + KEPT };
    }
    if (!data.answers || typeof data.answers !== "object" || Array.isArray(data.answers)) {
      return { error: "This record file is damaged: it holds no answers. " + KEPT };
    }
    return { record: { version: data.version, saved: typeof data.saved === "string" ? data.saved : "",
                       answers: clean(data.answers) } };
  }

  /* A sum of money as typed ("£6,000,000", "6000000"), or null. */
  function amount(text) {
    var value = parseFloat(String(text || "").replace(/[£,\s]/g, ""));
    return isNaN(value) ? null : value;
  }

  /* Whether a regime applies: every answer it names is one of its values, and
   * the estimated value (the answer to the question `value_of` names) passes its
   * test (value_at_least, value_over, and value_at_least_for: the Procurement Act
   * threshold for the kind of authority). */
  function applies(when, answers) {
    var wanted = when.answers || {};
    var ok = Object.keys(wanted).every(function (name) { return wanted[name].indexOf(answers[name]) >= 0; });
    var value = when.value_of ? amount(answers[when.value_of]) : null;
    if (ok && "value_at_least" in when) ok = value !== null && value >= when.value_at_least;
    if (ok && "value_over" in when) ok = value !== null && value > when.value_over;
    if (ok && "value_at_least_for" in when) {
      var kinds = when.value_at_least_for;
      var figure = answers.authority_type in kinds ? kinds[answers.authority_type] : kinds["*"];
      ok = value !== null && value >= figure;
    }
    return ok;
  }

  /* The label the record gives a question: the first of its `record_labels`
   * whose `when` the answers match (one without `when` always does), else null. */
  function recordLabel(labels, answers) {
    var match = (labels || []).filter(function (l) { return applies({ answers: l.when || {} }, answers); })[0];
    return match ? match.label : null;
  }

  /* The finder's state for the answers. Each question that chooses the examples
   * (`sources`, as svhub.pages.record writes them: {question, vocabulary, values})
   * filters the facet table's facet of its vocabulary by its answers, or by what
   * `values` says an answer stands for (a nation: its regions); only values the
   * table knows count. Null when none of them is chosen. */
  function finderState(answers, sources, table) {
    var state = hub.state.empty(), any = false;
    sources.forEach(function (source) {
      var facet = hub.data.facetOfVocabulary(table, source.vocabulary), answer = answers[source.question];
      var ids = !source.values ? [].concat(answer || [])
        : Object.prototype.hasOwnProperty.call(source.values, answer) ? source.values[answer] : [];
      var known = ids.filter(function (id) { return facet && typeof id === "string" && id in facet.ids; });
      if (known.length) { state.facets[facet.param] = (state.facets[facet.param] || []).concat(known); any = true; }
    });
    return any ? state : null;
  }

  /* The rows the finder shows for a state, in its order (newest first). */
  function examples(table, state) {
    return hub.filter.sort(hub.filter.run(table, state, null).rows, hub.state.sortOrder(state), table, null);
  }

  function escapeMarkdown(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/([\\`*_[\]#|])/g, "\\$1");
  }

  /* A record as Markdown, from its summary: {title, lines: [text], steps: [{title,
   * clauses: [{label, url}], items: [{label, answer}]}], examples: [{title, url}]
   * (the ones marked as used), offered: [{title, url}] (the others listed), footer}.
   * Typed text is escaped, so it reads as text in any Markdown viewer. */
  function markdown(summary) {
    var out = ["# " + escapeMarkdown(summary.title), ""];
    summary.lines.forEach(function (line) { out.push(escapeMarkdown(line) + "  "); });
    summary.steps.forEach(function (step) {
      out.push("", "## " + escapeMarkdown(step.title), "");
      if (step.clauses.length) {
        out.push("Rests on: " + step.clauses.map(function (c) {
          return "[" + escapeMarkdown(c.label) + "](" + c.url + ")";
        }).join(", "), "");
      }
      step.items.forEach(function (item) {
        out.push("**" + escapeMarkdown(item.label) + "**", "", escapeMarkdown(item.answer).replace(/\n/g, "  \n"), "");
      });
    });
    function list(heading, note, examples) {
      if (!examples.length) return;
      out.push("", "## " + heading, "");
      if (note) out.push(note, "");
      examples.forEach(function (e) { out.push("- [" + escapeMarkdown(e.title) + "](" + e.url + ")"); });
    }
    list(CITED, "", summary.examples);
    list(OFFERED, OFFERED_NOTE, summary.offered || []);
    out.push("", "---", "", escapeMarkdown(summary.footer), "");
    return out.join("\n");
  }

  hub.record = { FORMAT: FORMAT, VERSION: VERSION, MAX_BYTES: MAX_BYTES, clean: clean, serialise: serialise,
                 bytes: bytes, tooLarge: tooLarge, read: read, amount: amount, applies: applies,
                 recordLabel: recordLabel, finderState: finderState, examples: examples, markdown: markdown,
                 CITED: CITED, OFFERED: OFFERED, OFFERED_NOTE: OFFERED_NOTE };
  if (typeof module === "object" && module.exports) module.exports = hub.record;
})(globalThis.hubFinder = globalThis.hubFinder || {});
