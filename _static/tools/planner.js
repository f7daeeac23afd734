/* Pilot planner: a start date gives each roadmap step its target date (start + week x 7 days); each step has a
   done box and a note. Kept in this browser only (localStorage), never sent; "Clear my plan" removes it, after
   asking. "Download calendar" writes an iCalendar file (RFC 5545) in the browser, named in the page's language,
   one all-day event per step with its done state, its note and a link back to the step. A message shows next to
   the control it concerns (aria-describedby); the progress line is the one live region that announces progress.
   Without JavaScript the page shows the steps and their weeks as a printable list. */
(function () {
  "use strict";
  var root = document.querySelector(".book-planner[data-store]");
  if (!root) return;
  var key = root.getAttribute("data-store");
  var labels = JSON.parse(root.getAttribute("data-labels"));
  var lang = document.documentElement.lang || "en";
  var start = root.querySelector("#planner-start");
  var steps = [].slice.call(root.querySelectorAll("li.planner-step"));
  var progress = root.querySelector(".planner-progress");
  var status = root.querySelector(".tool-status");
  var startMessage = root.querySelector("#planner-start-message");
  var DAY = 86400000;
  var format;
  try {
    format = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
  } catch (e) {
    format = { format: function (date) { return date.toISOString().slice(0, 10); } };
  }

  function field(step, kind) { return step.querySelector("#planner-" + kind + "-" + step.getAttribute("data-step")); }
  function title(step) { return step.querySelector(".planner-step-title").textContent.trim(); }
  function address(step) { // the step in the roadmap, as a full address for the calendar
    return new URL(step.querySelector(".planner-step-title a").getAttribute("href"), location.href).href;
  }
  function startDay() {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start.value);
    return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  }
  function target(step, day) { return day + Number(step.getAttribute("data-week")) * 7 * DAY; }
  function ymd(time) { return new Date(time).toISOString().slice(0, 10).replace(/-/g, ""); }

  function load() {
    try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { return {}; }
  }
  function save() {
    var plan = { start: start.value, steps: {} };
    steps.forEach(function (step) {
      var id = step.getAttribute("data-step");
      plan.steps[id] = { done: field(step, "done").checked, note: field(step, "note").value };
    });
    try { localStorage.setItem(key, JSON.stringify(plan)); } catch (e) { /* private mode: not kept */ }
  }
  function done() { return steps.filter(function (step) { return field(step, "done").checked; }).length; }
  function update() {
    var day = startDay();
    steps.forEach(function (step) {
      var date = step.querySelector(".planner-date");
      date.textContent = day === null ? "" : " · " + format.format(new Date(target(step, day)));
      step.classList.toggle("planner-step-done", field(step, "done").checked);
      step.classList.toggle("planner-has-note", field(step, "note").value.trim() !== "");
    });
    var text = labels.progress.replace("{done}", done()).replace("{total}", steps.length);
    if (progress.textContent !== text) progress.textContent = text; // a live region: changed text only
  }
  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  // iCalendar text: escape \ ; , and line breaks; fold lines at 75 octets (UTF-8) with CRLF + space.
  function icsText(text) {
    return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  }
  function fold(line) {
    var out = "", octets = 0;
    Array.from(line).forEach(function (ch) {
      var c = ch.codePointAt(0), size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (octets + size > 75) { out += "\r\n "; octets = 1; }
      out += ch;
      octets += size;
    });
    return out;
  }
  function calendar(day) {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Coworking in Youth Centres//Pilot planner//" +
      lang.toUpperCase(), "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + icsText(labels.calendar)];
    steps.forEach(function (step) {
      var when = target(step, day), note = field(step, "note").value.trim(), isDone = field(step, "done").checked;
      var about = [isDone ? "✓ " + labels.done : "", note, address(step)].filter(Boolean).join("\n");
      lines.push("BEGIN:VEVENT", "UID:pilot-step-" + step.getAttribute("data-step") + labels.uid,
        "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + ymd(when), "DTEND;VALUE=DATE:" + ymd(when + DAY),
        "SUMMARY:" + icsText((isDone ? "✓ " : "") + title(step)), "DESCRIPTION:" + icsText(about),
        "URL:" + address(step), "TRANSP:TRANSPARENT", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  // The script takes over: show the start date, the dates, the boxes and the notes.
  root.querySelectorAll("[data-js-only]").forEach(function (el) { el.hidden = false; });
  var saved = load();
  start.value = saved.start || "";
  steps.forEach(function (step) {
    var kept = (saved.steps || {})[step.getAttribute("data-step")] || {};
    field(step, "done").checked = !!kept.done;
    field(step, "note").value = kept.note || "";
  });
  update();

  function tell(text) { // a message about the start date, under the field
    startMessage.textContent = text;
    if (text) start.setAttribute("aria-invalid", "true"); else start.removeAttribute("aria-invalid");
  }
  root.addEventListener("input", function () { save(); update(); });
  root.addEventListener("change", function (event) {
    save();
    update(); // the progress line announces itself (role=status)
    if (event.target === start && start.value) tell("");
  });

  root.querySelector("[data-action=ics]").addEventListener("click", function () {
    var day = startDay();
    if (day === null) {
      tell(labels.needStart);
      start.focus();
      return;
    }
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([calendar(day)], { type: "text/calendar;charset=utf-8" }));
    link.download = labels.file;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    announce(labels.downloaded);
  });

  // "Clear my plan" asks first; the safe answer has the focus, and Escape keeps the plan.
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
    start.value = "";
    steps.forEach(function (step) { field(step, "done").checked = false; field(step, "note").value = ""; });
    update();
    tell("");
    closeConfirm();
    announce(labels.cleared);
  });

  root.querySelector("[data-action=print]").addEventListener("click", function () {
    document.documentElement.classList.add("tool-printing");
    window.addEventListener("afterprint", function over() {
      document.documentElement.classList.remove("tool-printing");
      window.removeEventListener("afterprint", over);
    });
    window.print();
  });
})();
