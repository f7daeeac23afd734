/* Collection explorer (case studies, activities): filters a list of cards in the browser. No requests, no storage.
   The form names its collection (data-prefix): a card matches a filter's value when it has the class
   <prefix>-<filter>-<value>. Right under the filters: the count, a button that clears them and, when nothing
   matches, the filters to remove with how many cards each would show. Under the exact matches: the close ones
   (sharing a value of one of the filters named in data-close-by). A map of the collection on the page
   (svg.<prefix>-map) dims the points that do not match.
   Without JavaScript the form stays hidden and every card is listed. */
(function () {
  "use strict";
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  function explorer(form) {
    var prefix = form.dataset.prefix;
    var list = document.getElementById(form.getAttribute("aria-controls"));
    var cards = list ? Array.prototype.slice.call(list.querySelectorAll(":scope > li.collection-card")) : [];
    if (!cards.length) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var count = form.querySelector(".collection-count");
    var relax = form.querySelector(".collection-relax");
    var close = document.querySelector("section." + prefix + "-close");
    var closeList = close && close.querySelector("ul");
    var closeBy = (form.dataset.closeBy || "").split(" ").filter(Boolean); // a close match shares one of these
    var pins = Array.prototype.slice.call(document.querySelectorAll("svg." + prefix + "-map a[href]"));
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function has(card, filter, value) { return card.classList.contains(prefix + "-" + filter + "-" + value); }
    function matches(card, active) {
      return active.every(function (select) { return has(card, select.dataset.filter, select.value); });
    }
    function link(card) { return card.querySelector("." + prefix + "-card-title a").getAttribute("href"); }

    function apply() {
      var active = selects.filter(function (select) { return select.value; });
      var exact = cards.filter(function (card) { return matches(card, active); });
      var near = active.length < 2 ? [] : cards.filter(function (card) {
        return exact.indexOf(card) < 0 && active.some(function (select) {
          return closeBy.indexOf(select.dataset.filter) >= 0 && has(card, select.dataset.filter, select.value);
        });
      });
      function closeness(card) { // how many chosen filters it matches; the first close-by filter first among equals
        return active.filter(function (select) { return has(card, select.dataset.filter, select.value); }).length * 2 +
          (active.some(function (s) { return s.dataset.filter === closeBy[0] && has(card, closeBy[0], s.value); }) ? 1 : 0);
      }
      near.sort(function (a, b) { return closeness(b) - closeness(a) || cards.indexOf(a) - cards.indexOf(b); });
      cards.forEach(function (card) { // exact matches in their first order; close ones below them, closest first
        if (near.indexOf(card) < 0) list.appendChild(card);
        card.hidden = exact.indexOf(card) < 0 && near.indexOf(card) < 0;
      });
      near.forEach(function (card) { (closeList || list).appendChild(card); });
      if (close) close.hidden = !near.length;
      count.textContent = fill(count.dataset.template, { shown: exact.length, total: cards.length });
      var shown = {};
      exact.forEach(function (card) { shown[link(card)] = true; });
      pins.forEach(function (pin) {
        pin.classList.toggle(prefix + "-pin-dim", active.length > 0 && !shown[pin.getAttribute("href")]);
      });
      suggest(active, exact.length);
    }

    // Nothing matches: for each chosen filter, how many cards there would be without it (most first).
    function suggest(active, found) {
      var items = relax.querySelector("ul");
      items.textContent = "";
      relax.hidden = found > 0 || !active.length;
      if (relax.hidden) return;
      active.map(function (select) {
        var rest = active.filter(function (other) { return other !== select; });
        return { select: select, shown: cards.filter(function (card) { return matches(card, rest); }).length };
      }).sort(function (a, b) { return b.shown - a.shown; }).forEach(function (option) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = fill(relax.dataset.template, {
          filter: option.select.labels[0].textContent.trim(),
          value: option.select.selectedOptions[0].textContent.trim(),
          shown: option.shown,
          total: cards.length
        });
        button.addEventListener("click", function () {
          option.select.value = "";
          apply();
          option.select.focus();
        });
        items.appendChild(document.createElement("li")).appendChild(button);
      });
    }

    form.querySelector(".collection-reset").addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      apply();
      selects[0].focus();
    });
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.collection-filters[data-prefix]"), explorer);
})();
