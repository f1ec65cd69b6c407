// The article form warns before the editor leaves it with changes not saved: the
// browser asks "Leave site? Changes you made may not be saved." Saving (submitting the
// form) leaves without asking.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    const form = document.getElementById("article_form");
    if (!form) return;
    // Changes restored from an autosave (autosave.js) are not saved yet either.
    let changed = Boolean(form.querySelector(".newsroom-autosave[data-restored]"));
    form.addEventListener("input", function () { changed = true; });
    form.addEventListener("change", function () { changed = true; });
    form.addEventListener("submit", function () { changed = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!changed) return;
      event.preventDefault();
      event.returnValue = ""; // older browsers need a value to ask
    });
  });
})();
