/* Engine: making elements (hub.el, from base.js) and text nodes, as the finder's and the
 * site search's UIs do. Text is set as text, never as HTML. */
(function (hub) {
  "use strict";

  /* Sets a node's text only when it changes, so a live region speaks only then. */
  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  hub.dom = { el: hub.el, text: function (text) { return document.createTextNode(text); }, setText: setText };
})(globalThis.hubFinder = globalThis.hubFinder || {});
