// Never lose typing (publishing/autosave.py): while the article form changes, what it
// holds is kept privately on the server every 30 seconds, and the line at the top of the
// form says when ("Saved privately at 10:43"). When nothing changed, a sign of life
// still goes, so that the form can name the others who have the story open.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    const bar = document.querySelector(".newsroom-autosave");
    const form = document.getElementById("article_form");
    if (!bar || !form || !window.newsroomArticleFormData) return;
    const status = bar.querySelector(".newsroom-autosave__status");
    const presence = bar.querySelector(".newsroom-presence");
    const names = bar.querySelector(".newsroom-presence__names");
    const seconds = Number(bar.dataset.interval) || 30;
    let changed = false;
    let leaving = false;

    form.addEventListener("input", function () { changed = true; });
    form.addEventListener("change", function () { changed = true; });
    form.addEventListener("submit", function () { leaving = true; });

    function report() {
      if (leaving) return;
      const typed = changed;
      changed = false;
      const data = window.newsroomArticleFormData(form);
      const url = bar.dataset.url + (typed ? "" : "?changed=0");
      fetch(url, {method: "POST", body: data, credentials: "same-origin"})
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (answer) {
          if (answer.saved) status.textContent = answer.saved;
          names.textContent = answer.presence || "";
          presence.hidden = !answer.presence;
        })
        .catch(function () {
          if (typed) changed = true; // try again next time
        });
    }

    setInterval(report, seconds * 1000);
  });
})();
