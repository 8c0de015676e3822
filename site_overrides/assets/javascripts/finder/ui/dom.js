/* UI: making elements (hub.el, from engine/base.js) and text. Text is set as text, never as HTML. */
(function (hub) {
  "use strict";

  /* Sets a node's text only when it changes, so a live region speaks only then. */
  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  hub.dom = { el: hub.el, text: function (text) { return document.createTextNode(text); }, setText: setText };
})(globalThis.hubFinder = globalThis.hubFinder || {});
