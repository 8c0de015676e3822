/* UI: making elements. Text is set as text, never as HTML. */
(function (hub) {
  "use strict";

  /* An element with attributes ("text" is its text, "hidden" a property) and children. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "hidden") node.hidden = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  /* Sets a node's text only when it changes, so a live region speaks only then. */
  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  hub.dom = { el: el, text: function (text) { return document.createTextNode(text); }, setText: setText };
})(globalThis.hubFinder = globalThis.hubFinder || {});
