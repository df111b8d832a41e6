// Search page: a changed filter, sort or date runs the search at once, and the page that comes
// back opens on the results (the form's address ends in #results-heading), so a reporter who
// narrows the dates never has to scroll back down to see what changed.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) { return; }
  form.querySelectorAll("select, input[type=date]").forEach(function (field) {
    field.addEventListener("change", function () {
      // A date typed digit by digit fires "change" only when it is complete and valid.
      if (field.type === "date" && field.value && !field.checkValidity()) { return; }
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
  });
  // Focus the results heading when the page opened on it, so keyboard and screen reader users start there.
  if (window.location.hash === "#results-heading") {
    var heading = document.getElementById("results-heading");
    if (heading) { heading.focus({ preventScroll: true }); }
  }
  // A link to the syntax help (from an empty result) unfolds it as well as scrolling to it.
  document.querySelectorAll("a[href='#syntax-help']").forEach(function (link) {
    link.addEventListener("click", function () {
      var help = document.getElementById("syntax-help");
      if (help) { help.open = true; }
    });
  });
  // On a phone the facets start folded below the results.
  var fold = document.querySelector(".facets-fold");
  if (fold && window.matchMedia("(max-width: 56rem)").matches) { fold.open = false; }
}());
