/* Readiness self-assessment: one radio group per statement, a score and a reading per theme, an overall result
   and the two themes to start with (each with the chapter that helps and its activities); a weak theme's result
   names the chapter and the activities too. The overall result reads
   the scores as the chapter does: ready when most themes score 4 or more (the lowest score of the second band)
   and the required theme (Rules) does too; nearly ready when at least half do; not ready yet otherwise. The
   required theme, when below 4, comes first among the themes to start with; then the lowest scores.
   Answers are kept in this browser only (localStorage), never sent; "Clear my answers" removes them after
   asking. Without JavaScript the page shows the statements as a printable list. */
(function () {
  "use strict";
  var root = document.querySelector(".book-readiness[data-store]");
  if (!root) return;
  var key = root.getAttribute("data-store");
  var labels = JSON.parse(root.getAttribute("data-labels"));
  var bands = labels.bands; // [[from, to, what it means, what to do], ...]
  var enough = bands.length > 1 ? bands[1][0] : 0; // "4 or more"
  var strength = bands[bands.length - 1][0]; // a theme this strong needs no start
  var themes = [].slice.call(root.querySelectorAll("section.readiness-theme"));
  var status = root.querySelector(".tool-status");
  var startList = root.querySelector(".readiness-start-list");

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

  // The overall result, or null until every statement is answered.
  function overall(results) {
    if (!results.every(function (r) { return r.complete; })) return null;
    var strong = results.filter(function (r) { return r.score >= enough; }).length;
    var required = results.filter(function (r) { return r.key === labels.required; })[0];
    var requiredLow = required && required.score < enough;
    var verdict = strong * 2 > results.length && !requiredLow ? "ready"
      : strong * 2 >= results.length ? "nearly" : "notyet";
    var order = results.slice().sort(function (a, b) {
      return (b === required && requiredLow) - (a === required && requiredLow) || a.score - b.score ||
        results.indexOf(a) - results.indexOf(b);
    });
    return { verdict: verdict, strong: strong, required: requiredLow ? required : null,
             start: order.filter(function (r) { return r.score < strength; }).slice(0, 2) };
  }

  function showOverall(results, result) {
    var verdict = root.querySelector(".readiness-verdict");
    var reason = root.querySelector(".readiness-reason");
    var low = root.querySelector(".readiness-required-low");
    verdict.textContent = result ? labels.verdicts[result.verdict] : labels.incomplete;
    verdict.setAttribute("data-verdict", result ? result.verdict : "");
    reason.textContent = result ? fill(labels.strong, { strong: result.strong, total: results.length, min: enough }) : "";
    low.hidden = !(result && result.required);
    low.textContent = result && result.required ? fill(labels.requiredLow, { theme: result.required.name, min: enough }) : "";
    var start = result ? result.start : [];
    root.querySelector(".readiness-start").hidden = !start.length;
    [].forEach.call(startList.children, function (item) { item.hidden = true; });
    each(".readiness-result", function (item) { // printed once: under "Where to start", not again below
      var key = item.getAttribute("data-theme");
      item.classList.toggle("readiness-in-start", start.some(function (r) { return r.key === key; }));
    });
    start.forEach(function (r) {
      var item = startList.querySelector('li[data-theme="' + r.key + '"]');
      item.querySelector(".readiness-start-score").textContent = fill(labels.score, { score: r.score, max: r.max });
      item.hidden = false;
      startList.appendChild(item); // in the order to start with
    });
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
      var activities = item.querySelector(".readiness-result-activities"); // the activities for the theme
      if (activities) activities.hidden = !weak;
      item.classList.toggle("readiness-weak", weak);
    });
    var result = overall(results);
    showOverall(results, result);
    return { themes: results, overall: result };
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
    var state = update();
    var r = state.themes[themes.indexOf(section)];
    var text = fill(labels.announce, { theme: r.name, score: r.score, max: r.max });
    if (r.complete) text += ". " + bands[band(r.score)][2];
    if (state.overall) text += " " + fill(labels.overall, { verdict: labels.verdicts[state.overall.verdict] });
    announce(text);
  });

  // "Clear my answers" asks first; the safe answer has the focus, and Escape keeps the answers.
  var clear = root.querySelector("[data-action=clear]");
  var confirm = root.querySelector(".tool-confirm");
  function closeConfirm() { confirm.hidden = true; clear.focus(); }
  clear.addEventListener("click", function () {
    confirm.hidden = false;
    confirm.querySelector("[data-action=cancel-clear]").focus();
  });
  confirm.querySelector("[data-action=cancel-clear]").addEventListener("click", closeConfirm);
  confirm.addEventListener("keydown", function (event) { if (event.key === "Escape") closeConfirm(); });
  confirm.querySelector("[data-action=confirm-clear]").addEventListener("click", function () {
    try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
    each("input[type=radio]", function (input) { input.checked = false; });
    update();
    closeConfirm();
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
