/* Glossary tooltips: a link to a glossary term shows the term's definition in place, on hover, on keyboard
   focus and on a first tap (a second tap follows the link). Escape closes it. The definitions come from the
   page itself (a hidden list the build adds, in the page's language); nothing is loaded. */
(function () {
  "use strict";
  var data = document.querySelector("dl.glossary-tips");
  if (!data) return;
  var entries = {}; // anchor -> [term, definition]
  [].forEach.call(data.querySelectorAll("[data-term]"), function (item) {
    entries[item.getAttribute("data-term")] = [item.querySelector("dt"), item.querySelector("dd")];
  });
  function entry(anchor) { // on the glossary page itself, the definition is the page's own
    if (!entries[anchor]) {
      var term = document.getElementById(anchor);
      var definition = term && term.tagName === "DT" &&
        term.parentNode.querySelector("dt#" + CSS.escape(anchor) + " ~ dd");
      if (definition) entries[anchor] = [term, definition];
    }
    return entries[anchor];
  }
  function text(node) {
    var copy = node.cloneNode(true);
    [].forEach.call(copy.querySelectorAll(".headerlink"), function (link) { link.remove(); });
    return copy.textContent.trim();
  }
  var tips = {};
  var open = null; // { link, tip }
  var hideTimer = null;
  var lastPointer = "mouse";
  var openBeforeTap = false;

  function tipFor(anchor, link) {
    if (tips[anchor]) return tips[anchor];
    var found = entry(anchor);
    var tip = document.createElement("div");
    tip.className = "glossary-tooltip";
    tip.id = "glossary-tip-" + Object.keys(tips).length;
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    var term = document.createElement("strong");
    term.textContent = text(found[0]);
    tip.appendChild(term);
    tip.appendChild(document.createTextNode(" " + text(found[1])));
    tip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", function () { hideSoon(); });
    // In the link's own landmark (main, navigation...), so that all content stays in landmarks.
    (link.closest("main, [role=main], nav, aside, footer, header") || document.body).appendChild(tip);
    tips[anchor] = tip;
    return tip;
  }

  function place(link, tip) {
    var box = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    tip.style.maxWidth = Math.min(320, width - 16) + "px";
    tip.style.left = "0px";
    tip.style.top = "0px";
    var size = tip.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left, width - size.width - 8));
    var below = box.bottom + 6;
    var top = below + size.height > window.innerHeight && box.top - size.height - 6 > 0
      ? box.top - size.height - 6 : below;
    tip.style.left = left + "px"; // position: fixed, so viewport coordinates
    tip.style.top = top + "px";
  }

  function show(link) {
    window.clearTimeout(hideTimer);
    var tip = tipFor(link.getAttribute("data-glossary-term"), link);
    if (open && open.tip !== tip) hide();
    tip.hidden = false;
    place(link, tip);
    open = { link: link, tip: tip };
  }
  function hide() {
    window.clearTimeout(hideTimer);
    if (open) open.tip.hidden = true;
    open = null;
  }
  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 300);
  }

  [].forEach.call(document.querySelectorAll("a.reference.internal"), function (link) {
    if (!link.querySelector(".std-term") || !link.hash) return;
    var anchor = decodeURIComponent(link.hash.slice(1));
    if (!entry(anchor)) return;
    link.setAttribute("data-glossary-term", anchor);
    link.setAttribute("aria-describedby", tipFor(anchor, link).id);
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", hideSoon);
    link.addEventListener("pointerdown", function (event) {
      lastPointer = event.pointerType;
      openBeforeTap = !!(open && open.link === link && !open.tip.hidden);
    });
    link.addEventListener("click", function (event) {
      // A first tap on a touch screen shows the definition; a second tap on the same term follows the link.
      if (lastPointer === "touch" && !openBeforeTap) {
        event.preventDefault();
        show(link);
      }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) hide();
  });
  document.addEventListener("pointerdown", function (event) {
    if (open && !open.link.contains(event.target) && !open.tip.contains(event.target)) hide();
  });
  function follow() { if (open) place(open.link, open.tip); }
  window.addEventListener("resize", follow);
  window.addEventListener("scroll", follow, { passive: true });
})();
