/* The scope check, answering as the reader chooses (guidance/scope-check/). The page
 * works without it as questions and answers; this adds a small form at its top. The
 * rule is svhub.structure.thresholds.scope_answer: the build writes, for each Schedule 1 row
 * and kind of contract, the threshold in pounds and the rule's verdicts below it and
 * from it up (data-scope-check), so no figure or verdict is written here. Text goes in
 * as text, never as HTML. */
(function () {
  "use strict";

  var source = document.getElementById("hub-scope-check-data");
  if (!source) return;
  var data = JSON.parse(source.dataset.scopeCheck);
  var article = source.closest("article") || document.body;
  var first = article.querySelector("h2[id]");
  if (!first) return;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function choices(name, legend, options) {
    var set = el("fieldset", null, "hub-scope-check__q");
    set.appendChild(el("legend", legend));
    options.forEach(function (option) {
      var wrap = el("div", null, "hub-scope-check__choice"), input = el("input"), label = el("label", option.label);
      input.type = "radio";
      input.name = name;
      input.value = option.id;
      input.id = "scope-" + name + "-" + option.id;
      label.htmlFor = input.id;
      wrap.appendChild(input);
      wrap.appendChild(label);
      set.appendChild(wrap);
    });
    return set;
  }

  var section = el("section", null, "hub-scope-check");
  section.id = "check-your-contract";
  section.setAttribute("aria-labelledby", "check-your-contract-title");
  var title = el("h2", "Check your contract");
  title.id = "check-your-contract-title";
  section.appendChild(title);
  section.appendChild(el("p", "Choose your answers and the check answers at once, from the same rule and " +
    "thresholds as the questions below."));
  var form = el("form");
  form.noValidate = true;
  form.appendChild(choices("nation", "Which nation is your body in?", data.nations));
  form.appendChild(choices("body", "What kind of body are you?", data.bodies));
  form.appendChild(choices("kind", "What are you buying?", data.kinds));
  var valueWrap = el("div", null, "hub-scope-check__q"), valueLabel = el("label", "Estimated value in pounds, including VAT");
  var value = el("input");
  value.type = "text";
  value.inputMode = "numeric";
  value.id = "scope-value";
  value.name = "value";
  value.autocomplete = "off";
  valueLabel.htmlFor = value.id;
  valueWrap.appendChild(valueLabel);
  valueWrap.appendChild(value);
  form.appendChild(valueWrap);
  section.appendChild(form);
  var answer = el("div", null, "hub-scope-check__answer");
  answer.id = "scope-answer";
  answer.setAttribute("role", "status");
  answer.setAttribute("aria-live", "polite");
  section.appendChild(answer);
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function chosen(name) {
    var input = form.querySelector("input[name='" + name + "']:checked");
    return input ? input.value : "";
  }

  function byId(list, id) { return list.filter(function (item) { return item.id === id; })[0]; }

  /* An amount as typed: digits, with commas, spaces or a pound sign; "3m" is not read. */
  function pounds(text) {
    var clean = String(text || "").replace(/[£,\s]/g, "");
    return /^\d+(\.\d+)?$/.test(clean) ? parseFloat(clean) : null;
  }

  function line(label, text) {
    var p = el("p");
    p.appendChild(el("strong", label + " "));
    p.appendChild(document.createTextNode(text));
    answer.appendChild(p);
  }

  function show() {
    answer.textContent = "";
    var nation = byId(data.nations, chosen("nation"));
    if (nation && nation.answer) {
      var p = el("p", nation.answer + " "), link = el("a", "See question 1");
      link.href = "#" + first.id;
      p.appendChild(link);
      p.appendChild(document.createTextNode("."));
      answer.appendChild(p);
      return;
    }
    var kind = byId(data.kinds, chosen("kind")), body = chosen("body"), amount = pounds(value.value);
    if (!nation || !kind || !body || amount === null) {
      answer.appendChild(el("p", "Answer the questions above to see whether the contract is in scope."));
      return;
    }
    var row = data.rows[kind.row === "body" ? body : kind.row];
    var verdict = row[kind.kind][amount >= row.pounds ? "from" : "below"];
    line("Threshold that applies:", verdict.threshold + " (" + verdict.row_label + ")");
    line("Public contract at this value?", verdict.public);
    line("What follows:", verdict.follows);
  }

  form.addEventListener("change", show);
  form.addEventListener("input", show);
  first.parentNode.insertBefore(section, first);
  show();

  // The worked example's table is wider than a phone: where the theme's wrapper scrolls
  // sideways, a keyboard can reach it too (WCAG 2.1.1; axe's scrollable-region-focusable).
  function scrollable() {
    Array.prototype.forEach.call(article.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "group");
        wrap.setAttribute("aria-label", "Table, scrolls sideways");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", scrollable);
  window.addEventListener("load", scrollable);
  window.addEventListener("resize", scrollable);
})();
