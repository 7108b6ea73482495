// After a failed submit, move keyboard focus to the error summary (it has tabindex="-1"), so
// keyboard and screen reader users start from the list of problems. Without JavaScript the
// summary is still the first thing in <main> and role="alert" announces it.
// Done again at "load" because a #main fragment (left by the skip link) moves focus to <main>
// after the page is parsed; focus the user has already moved elsewhere is left alone.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (!summary) {
    return;
  }
  function focusSummary() {
    var active = document.activeElement;
    if (!active || active === document.body || active.id === "main") {
      summary.focus();
    }
  }
  focusSummary();
  window.addEventListener("load", focusSummary);
})();
