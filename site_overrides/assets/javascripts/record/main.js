/* Record UI: joins the form (svhub.pages.record renders it) to the record engine.
 * The draft is kept in this browser's localStorage on every change; the file
 * is saved and opened on this device only; nothing is fetched but the finder's
 * own data from this site. Typed text is only ever shown as text. */
(function (hub) {
  "use strict";

  var root = document.getElementById("hub-record");
  if (!root) return;
  var el = hub.el, DRAFT = "svhub-record-draft";
  var UNOPENED = "svhub-record-draft-unopened";
  var unopened = false;  // a draft that could not be opened nor set aside: never written over
  var SHOWN = 10;  // examples listed here; the finder link shows them all
  var form = document.getElementById("hub-record-form");
  var fields = Array.prototype.slice.call(form.querySelectorAll("[data-record]"));
  var status = document.getElementById("hub-record-status");
  var sources = JSON.parse(root.dataset.examples);  // the questions that choose the examples
  var table = null, store = null, failed = false, shownFor = 0;
  var used = [];    // the slugs of the examples the commissioner marked "I used this example"
  var listed = [];  // the examples listed beside the form: {slug, title, url}

  function say(text) { status.textContent = text; }


  /* The answers in the form, fields inside a regime that does not apply included. */
  function readAnswers() {
    var answers = {};
    fields.forEach(function (field) {
      if (field.type === "checkbox") {
        answers[field.name] = answers[field.name] || [];
        if (field.checked) answers[field.name].push(field.value);
      } else if (field.type === "radio") {
        if (field.checked) answers[field.name] = field.value;
      } else if (field.value !== "") {
        answers[field.name] = field.value;
      }
    });
    Object.keys(answers).forEach(function (name) {
      if (Array.isArray(answers[name]) && !answers[name].length) delete answers[name];
    });
    if (used.length) answers.examples_used = used.slice();
    return answers;
  }

  function writeAnswers(answers) {
    used = Array.isArray(answers.examples_used) ? answers.examples_used.slice() : [];
    fields.forEach(function (field) {
      var value = answers[field.name];
      if (field.type === "checkbox") field.checked = Array.isArray(value) && value.indexOf(field.value) >= 0;
      else if (field.type === "radio") field.checked = value === field.value;
      else field.value = typeof value === "string" ? value : "";
    });
  }

  function keepDraft(answers) {
    if (unopened) return;
    var text = hub.record.serialise(answers, new Date());
    var large = hub.record.tooLarge(text);
    if (large) {
      say(large + " Until then this browser keeps the draft as it was before the last change.");
      return;
    }
    try {
      localStorage.setItem(DRAFT, text);
    } catch (e) {
      say("This browser would not keep the draft (its storage may be off or full). Save the record to keep it.");
    }
  }

  /* The kept draft as a record, or null. One this page cannot open is never
   * dropped: it is set aside under another name and the editor is told. */
  function readDraft() {
    var text;
    try {
      text = localStorage.getItem(DRAFT);
    } catch (e) {
      return null;
    }
    if (!text) return null;
    var result = hub.record.read(text, hub.record.bytes(text));
    if (result.record) return result.record;
    try {
      localStorage.setItem(UNOPENED, text);
      localStorage.removeItem(DRAFT);
      say("The draft kept in this browser could not be opened, so it was set aside, not deleted (in this " +
        "browser's storage as " + UNOPENED + "). " + result.error.replace(/ ?Your draft is unchanged\.$/, ""));
    } catch (e) {
      say("The draft kept in this browser could not be opened, and was left as it is. " +
        result.error.replace(/ ?Your draft is unchanged\.$/, ""));
      unopened = true;
    }
    return null;
  }

  /* Step 6: each regime shown only when it applies to the answers. */
  function showRegimes(answers) {
    var any = false;
    form.querySelectorAll("[data-regime]").forEach(function (regime) {
      var on = hub.record.applies(JSON.parse(regime.dataset.when), answers);
      regime.hidden = !on;
      any = any || on;
    });
    var none = form.querySelector("[data-no-regime]");
    if (none) none.hidden = any;
    form.querySelectorAll("[data-question][data-when]").forEach(function (question) {
      question.hidden = !hub.record.applies(JSON.parse(question.dataset.when), answers);
    });
  }

  /* The text of an answer as a reader sees it: a choice's label, not its value. */
  function answerText(question) {
    var chosen = Array.prototype.slice.call(question.querySelectorAll("input:checked"));
    if (question.tagName === "FIELDSET") {
      return chosen.map(function (input) { return form.querySelector("label[for='" + input.id + "']").textContent; })
        .join("; ");
    }
    var field = question.querySelector("[data-record]");
    if (field.tagName === "SELECT") return field.value ? field.options[field.selectedIndex].textContent : "";
    var pounds = field.hasAttribute("data-money") && hub.record.amount(field.value);
    if (pounds) return "£" + pounds.toLocaleString("en-GB");
    return field.type === "date" && field.value ? longDate(field.value) : field.value;
  }

  /* "2027-04-01" as "1 April 2027". */
  function longDate(iso) {
    var when = new Date(iso + "T12:00:00");
    return isNaN(when) ? iso : when.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function labelOf(question) {
    var label = question.tagName === "FIELDSET" ? question.querySelector("legend") : question.querySelector("label");
    return label.textContent;
  }

  /* The record's label for a question: the one that applies to the answers, else the form's. */
  function recordLabelOf(question, answers) {
    return (question.dataset.labels && hub.record.recordLabel(JSON.parse(question.dataset.labels), answers)) ||
      labelOf(question);
  }

  /* The examples marked as used (cited, in the order listed) and the others listed (offered). */
  function examplesOf() {
    var cited = listed.filter(function (e) { return used.indexOf(e.slug) >= 0; });
    var known = listed.map(function (e) { return e.slug; });
    used.forEach(function (slug) {  // marked once, no longer in the library: still cited, by its address
      if (known.indexOf(slug) < 0) {
        cited.push({ slug: slug, title: slug, url: new URL(hub.caseStudyHref(root.dataset.finder, slug),
                                                          location.href).href });
      }
    });
    return { cited: cited, offered: listed.filter(function (e) { return used.indexOf(e.slug) < 0; }) };
  }

  /* The record as a summary (model.markdown's shape): the visible questions, answered or
   * not, under the label that applies; a step with nothing in it is left out. */
  function summary() {
    var answers = readAnswers(), today = new Date();
    var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]")).map(function (step) {
      var items = [], clauses = [];
      step.querySelectorAll("[data-clause]").forEach(function (a) {
        if (!a.closest("[hidden]")) clauses.push({ label: a.closest("[data-regime]") ?
          a.closest("[data-regime]").querySelector("legend").textContent : a.textContent, url: a.href });
      });
      step.querySelectorAll("[data-question]").forEach(function (question) {
        if (question.closest("[hidden]")) return;
        var regime = question.closest("[data-regime]");
        items.push({ label: (regime ? regime.querySelector("legend").textContent + ": " : "") +
                            recordLabelOf(question, answers),
                     answer: answerText(question) || "Not answered" });
      });
      return { title: step.querySelector("h2").textContent, clauses: clauses, items: items };
    }).filter(function (step) { return step.items.length > 0; });
    var examples = examplesOf();
    return {
      title: "Record of consideration: " + (answers.procurement_name || "untitled procurement"),
      lines: [(answers.authority || "Authority not given"),
              "Record made " + today.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }) +
              (answers.decided_on ? "; decision dated " + longDate(answers.decided_on) : "")],
      steps: steps,
      examples: examples.cited,
      offered: examples.offered,
      footer: "Not legal advice. Made with the Social Value Hub's record page (" +
        location.href.split(/[?#]/)[0] + "); the answers are the authority's own."
    };
  }

  /* The printed record: the summary as elements, text as text. */
  function renderPrint() {
    var record = summary(), out = document.getElementById("hub-record-print");
    out.textContent = "";
    out.appendChild(el("h1", { text: record.title }));
    record.lines.forEach(function (line) {
      out.appendChild(el("p", { text: line, "class": "hub-record-print-line" }));
    });
    record.steps.forEach(function (step) {
      var section = el("section");
      section.appendChild(el("h2", { text: step.title }));
      if (step.clauses.length) {
        section.appendChild(el("p", { text: "Rests on: " + step.clauses.map(function (c) {
          return c.label + " (" + c.url + ")";
        }).join("; "), "class": "hub-record-print-clauses" }));
      }
      var list = el("dl");
      step.items.forEach(function (item) {
        list.appendChild(el("dt", { text: item.label }));
        list.appendChild(el("dd", { text: item.answer }));
      });
      section.appendChild(list);
      out.appendChild(section);
    });
    [[hub.record.CITED, "", record.examples], [hub.record.OFFERED, hub.record.OFFERED_NOTE, record.offered]]
      .forEach(function (part) {
        if (!part[2].length) return;
        var examples = el("section"), ol = el("ol");
        examples.appendChild(el("h2", { text: part[0] }));
        if (part[1]) examples.appendChild(el("p", { text: part[1] }));
        part[2].forEach(function (e) { ol.appendChild(el("li", { text: e.title + " (" + e.url + ")" })); });
        examples.appendChild(ol);
        out.appendChild(examples);
      });
    out.appendChild(el("p", { text: record.footer, "class": "hub-record-print-footer" }));
  }

  /* The examples: the finder's rows for the same state, and a link to the finder with it. */
  function showExamples(answers) {
    var count = document.getElementById("hub-record-examples-count");
    var list = document.getElementById("hub-record-examples-list");
    var link = document.getElementById("hub-record-finder-link");
    if (failed) return;
    if (!table) { count.textContent = "Loading the case studies…"; return; }
    var state = hub.record.finderState(answers, sources, table);
    list.textContent = "";
    listed = [];
    if (!state) {
      shownFor++;
      count.textContent = "Choose a service area, themes or a nation to see case studies that match.";
      link.hidden = true;
      return;
    }
    var rows = hub.record.examples(table, state), shown = rows.slice(0, SHOWN), request = ++shownFor;
    used.forEach(function (slug) {  // an example marked as used stays listed, whatever the filter now
      var i = table.columns.slug.indexOf(slug);
      if (i >= 0 && shown.indexOf(i) < 0) shown.push(i);
    });
    link.href = root.dataset.finder + hub.state.serialise(state, table);
    link.hidden = false;
    count.textContent = rows.length === 0 ? "No case study matches these answers yet."
      : rows.length === 1 ? "1 case study matches." : rows.length + " case studies match" +
        (rows.length > SHOWN ? "; the newest " + SHOWN + " are listed." : ".");
    store.load(store.chunksOf(shown)).then(function () {
      if (request !== shownFor) return;  // a later change lists its own
      list.textContent = "";
      listed = [];
      shown.forEach(function (i) {
        var slug = table.columns.slug[i], row = store.row(i), item = el("li"), a = el("a", { text: row.title });
        a.href = hub.caseStudyHref(root.dataset.finder, slug);
        a.id = "hub-record-example-" + slug;
        item.appendChild(a);
        item.appendChild(el("span", { text: " " + row.commissioner, "class": "hub-record-examples-who" }));
        item.appendChild(usedBox(slug, a.id));
        list.appendChild(item);
        listed.push({ slug: slug, title: row.title, url: a.href });
      });
      renderPrint();
    }, function () { count.textContent = "The case studies could not be loaded. Try again later."; });
  }

  /* "I used this example": marks an example as cited in the record. Handled here, so the
   * list is not redrawn (and the focus not lost) as it is ticked. */
  function usedBox(slug, titleId) {
    var wrap = el("div", { "class": "hub-record-used" }), box = el("input");
    var label = el("label", { text: "I used this example" });
    box.type = "checkbox";
    box.id = "hub-record-used-" + slug;
    box.checked = used.indexOf(slug) >= 0;
    box.setAttribute("aria-describedby", titleId);
    label.htmlFor = box.id;
    box.addEventListener("input", function (event) { event.stopPropagation(); });
    box.addEventListener("change", function (event) {
      event.stopPropagation();
      used = used.filter(function (s) { return s !== slug; }).concat(box.checked ? [slug] : []);
      keepDraft(readAnswers());
      renderPrint();
    });
    wrap.appendChild(box);
    wrap.appendChild(label);
    return wrap;
  }

  function update(keep) {
    var answers = readAnswers();
    if (keep) keepDraft(answers);
    showRegimes(answers);
    showExamples(answers);
    renderPrint();
  }

  function fileName(extension) {
    var answers = readAnswers();
    var name = (answers.procurement_name || "record").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return "record-of-consideration-" + (name.slice(0, 60) || "record") + "-" +
      new Date().toISOString().slice(0, 10) + extension;
  }

  var actions = {
    "save-json": function () {
      var text = hub.record.serialise(readAnswers(), new Date());
      var large = hub.record.tooLarge(text);
      if (large) { say(large + " Nothing was saved."); return; }
      hub.download(text, "application/json", fileName(".json"));
      say("Saved the record as a file. Open it here later to continue or amend it.");
    },
    "save-markdown": function () {
      hub.download(hub.record.markdown(summary()), "text/markdown", fileName(".md"));
      say("Saved a Markdown copy of the record to read or share; to continue it later, save the record file too.");
    },
    "print": function () { renderPrint(); window.print(); },
    "clear": function () {
      if (!window.confirm("Clear this draft? Every answer on this page will be removed from this browser.")) return;
      try { localStorage.removeItem(DRAFT); } catch (e) { /* nothing stored */ }
      writeAnswers({});
      update(false);
      say("The draft was cleared.");
    }
  };

  root.querySelectorAll("[data-action]").forEach(function (button) {
    button.addEventListener("click", function () { actions[button.dataset.action](); });
  });

  var picker = document.getElementById("hub-record-file");
  picker.addEventListener("change", function () {
    var file = picker.files[0];
    picker.value = "";
    if (!file) return;
    if (file.size > hub.record.MAX_BYTES) { say(hub.record.read("", file.size).error); return; }
    file.text().then(function (text) {
      var result = hub.record.read(text, file.size);
      if (result.error) { say(result.error); return; }
      writeAnswers(result.record.answers);
      update(true);
      say("Opened the record" + (result.record.saved ? " saved " + result.record.saved.slice(0, 10) : "") +
        ". It is now the draft on this device.");
    }, function () { say("The file could not be read. Your draft is unchanged."); });
  });

  form.addEventListener("input", function () { update(true); });
  form.addEventListener("change", function () { update(true); });
  window.addEventListener("beforeprint", renderPrint);

  root.dataset.js = "";
  document.getElementById("hub-record-tools").hidden = false;
  var draft = readDraft();
  if (draft) {
    writeAnswers(draft.answers);
    say("Your draft from this browser is back. Clear it when you no longer need it.");
  }
  update(false);

  hub.json(root.dataset.facets).then(function (data) {
    table = hub.data.prepare(data);
    store = hub.data.textStore(table, hub.data.chunkFetcher(table, new URL(root.dataset.facets, location.href)));
    update(false);
  }, function () {
    failed = true;
    document.getElementById("hub-record-examples-count").textContent =
      "The case studies could not be loaded. Try again later, or browse them in the finder.";
  });
})(globalThis.hubFinder = globalThis.hubFinder || {});
