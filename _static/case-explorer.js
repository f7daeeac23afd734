/* Case-study explorer: filters the list of cases in the browser. No requests, no storage.
   Without JavaScript the form stays hidden and every case is listed. */
(function () {
  "use strict";
  var form = document.querySelector("form.case-filters");
  var cards = Array.prototype.slice.call(document.querySelectorAll("ul.case-cards > li.case-card"));
  if (!form || !cards.length) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var count = form.querySelector(".case-count");
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function apply() {
    var shown = 0;
    cards.forEach(function (card) {
      var match = selects.every(function (select) {
        return !select.value || card.classList.contains("case-" + select.dataset.filter + "-" + select.value);
      });
      card.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = count.dataset.template.replace("{shown}", shown).replace("{total}", cards.length);
  }
  selects.forEach(function (select) { select.addEventListener("change", apply); });
  apply();
})();
