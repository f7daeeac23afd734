/* "Print the handout" (cowork_book/sphinxext/handouts.py): prints an activity's handout alone, without the
   facilitator's notes. The button is hidden until this script shows it; a click marks the page
   (html.book-printing-handout, which css/handouts.css reads in print) until the print dialog closes.
   Without JavaScript, printing the page prints the whole activity, the handout on a page of its own. */
(function () {
  "use strict";
  var root = document.documentElement;
  Array.prototype.forEach.call(document.querySelectorAll(".book-handout-print"), function (wrapper) {
    var button = wrapper.querySelector("button");
    if (!button) return;
    wrapper.hidden = false;
    button.addEventListener("click", function () {
      root.classList.add("book-printing-handout");
      window.addEventListener("afterprint", function done() {
        root.classList.remove("book-printing-handout");
        window.removeEventListener("afterprint", done);
      });
      window.print();
    });
  });
})();
