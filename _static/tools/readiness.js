/* Readiness self-assessment: one radio group per statement, a score and a reading per theme, and the chapter
   that helps with the weakest themes. Answers are kept in this browser only (localStorage), never sent;
   "Clear my answers" removes them. Without JavaScript the page shows the statements as a printable list. */
(function () {
  "use strict";
  var root = document.querySelector(".book-readiness[data-store]");
  if (!root) return;
  var key = root.getAttribute("data-store");
  var labels = JSON.parse(root.getAttribute("data-labels"));
  var bands = labels.bands; // [[from, to, what it means, what to do], ...]
  var themes = [].slice.call(root.querySelectorAll("section.readiness-theme"));
  var status = root.querySelector(".tool-status");

  function each(selector, fn) { [].forEach.call(root.querySelectorAll(selector), fn); }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { return {}; }
  }
  function save() {
    var answers = {};
    each("input[type=radio]:checked", function (input) { answers[input.name] = Number(input.value); });
    try { localStorage.setItem(key, JSON.stringify(answers)); } catch (e) { /* private mode: not kept */ }
  }
  function band(score) {
    for (var i = 0; i < bands.length; i++) if (score >= bands[i][0] && score <= bands[i][1]) return i;
    return bands.length - 1;
  }
  function theme(section) {
    var checked = section.querySelectorAll("input[type=radio]:checked");
    var score = 0;
    [].forEach.call(checked, function (input) { score += Number(input.value); });
    var total = section.querySelectorAll(".readiness-choices").length;
    return { key: section.getAttribute("data-theme"), name: section.getAttribute("data-name"),
             max: Number(section.getAttribute("data-max")), score: score, answered: checked.length,
             total: total, complete: checked.length === total };
  }

  function update() {
    var results = themes.map(theme);
    var complete = results.filter(function (r) { return r.complete; });
    var lowest = Math.min.apply(null, complete.map(function (r) { return r.score; }));
    results.forEach(function (r, i) {
      var scoreText = fill(labels.score, { score: r.score, max: r.max });
      themes[i].querySelector(".readiness-score").textContent = scoreText;
      var item = root.querySelector('.readiness-result[data-theme="' + r.key + '"]');
      item.querySelector(".readiness-result-score").textContent = scoreText;
      var b = band(r.score);
      item.querySelector(".readiness-result-reading").textContent = r.complete
        ? bands[b][2] + " " + bands[b][3]
        : fill(labels.answered, { answered: r.answered, total: r.total });
      // The weakest themes: those not ready yet, and the lowest-scoring ones unless they are a strength already.
      var weak = r.complete && (b === 0 || (r.score === lowest && b < bands.length - 1));
      item.querySelector(".readiness-result-help").hidden = !weak;
      item.classList.toggle("readiness-weak", weak);
    });
    return results;
  }

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  // The script takes over: show the radio buttons and the results, hide the plain list of answers.
  each("[data-js-only]", function (el) { el.hidden = false; });
  each("[data-no-js]", function (el) { el.hidden = true; });
  var saved = load();
  each("input[type=radio]", function (input) {
    if (saved[input.name] === Number(input.value)) input.checked = true;
  });
  update();

  root.addEventListener("change", function (event) {
    if (event.target.type !== "radio") return;
    save();
    var section = event.target.closest("section.readiness-theme");
    var r = update()[themes.indexOf(section)];
    var text = fill(labels.announce, { theme: r.name, score: r.score, max: r.max });
    announce(r.complete ? text + ". " + bands[band(r.score)][2] : text);
  });

  root.querySelector("[data-action=clear]").addEventListener("click", function () {
    try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
    each("input[type=radio]", function (input) { input.checked = false; });
    update();
    announce(labels.cleared);
  });

  root.querySelector("[data-action=print]").addEventListener("click", function () {
    document.documentElement.classList.add("tool-printing");
    window.addEventListener("afterprint", function done() {
      document.documentElement.classList.remove("tool-printing");
      window.removeEventListener("afterprint", done);
    });
    window.print();
  });
})();
