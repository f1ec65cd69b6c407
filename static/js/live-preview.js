// The article form's live preview (publishing/live_preview.py): what the editor has
// typed is posted, a moment after they stop; the answer's page goes into the frame
// beside the form and its pre-publish panel above it. Nothing is saved. Phone and
// desktop widths.
(function () {
  "use strict";
  const WAIT_MS = 400; // after the last keystroke; the page arrives well within 2 s
  const DESKTOP_PX = 1280;

  function ready(callback) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", callback);
    else callback();
  }

  ready(function () {
    const pane = document.querySelector(".live-preview");
    const form = document.getElementById("article_form");
    if (!pane || !form) return;
    const frame = pane.querySelector(".live-preview__frame");
    const status = pane.querySelector(".live-preview__status");
    const wrap = pane.querySelector(".live-preview__frame-wrap");
    let timer = null;
    let sending = false;
    let again = false;

    const panel = document.querySelector(".prepublish");

    // The pre-publish panel (publishing/prepublish.py): the server's escaped fragment.
    function showPanel(html) {
      if (!panel) return;
      // The folds the editor opened stay open across updates.
      const open = Array.from(panel.querySelectorAll("details[open]"), function (d) { return d.dataset.key; });
      panel.innerHTML = html;
      panel.querySelectorAll("details").forEach(function (d) { d.open = open.includes(d.dataset.key); });
    }

    // One request a pause: the server validates the form once and answers with the
    // page and the panel.
    function post() {
      if (sending) { again = true; return; }
      sending = true;
      const data = window.newsroomArticleFormData(form);
      fetch(pane.dataset.url, {method: "POST", body: data, credentials: "same-origin"})
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (answer) {
          showPanel(answer.panel);
          // A same-origin document written into the frame: its own styles, no scripts
          // run from here (the public page's script is loaded by its own tag).
          const doc = frame.contentDocument;
          const y = frame.contentWindow ? frame.contentWindow.scrollY : 0;
          doc.open();
          doc.write(answer.page);
          doc.close();
          if (frame.contentWindow) frame.contentWindow.scrollTo(0, y);
          const time = new Date().toLocaleTimeString(document.documentElement.lang || undefined,
            {hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23"});
          status.textContent = (pane.dataset.updated || "Updated") + " " + time;
          pane.dataset.shown = String(Date.now());
          frame.dispatchEvent(new CustomEvent("live-preview:shown"));
        })
        .catch(function () {
          status.textContent = pane.dataset.failed || "The preview could not be updated.";
        })
        .finally(function () {
          sending = false;
          if (again) { again = false; post(); }
        });
    }

    function soon() {
      clearTimeout(timer);
      timer = setTimeout(post, WAIT_MS);
    }

    // The desktop width is a 1280-pixel page scaled down to the column, as a reader's
    // screen shows it; the phone width is 390 pixels, unscaled.
    function fit() {
      const desktop = wrap.classList.contains("live-preview__frame-wrap--desktop");
      const scale = desktop ? Math.min(1, wrap.clientWidth / DESKTOP_PX) : 1;
      const visible = Math.round(window.innerHeight * 0.8);
      frame.style.width = desktop ? DESKTOP_PX + "px" : "";
      frame.style.height = desktop ? Math.round(visible / scale) + "px" : "";
      frame.style.transform = desktop ? "scale(" + scale + ")" : "";
      wrap.style.height = desktop ? visible + "px" : "";
    }

    form.addEventListener("input", soon);
    form.addEventListener("change", soon);
    window.addEventListener("resize", fit);
    pane.querySelectorAll(".live-preview__width").forEach(function (button) {
      button.addEventListener("click", function () {
        pane.querySelectorAll(".live-preview__width").forEach(function (other) {
          other.setAttribute("aria-pressed", String(other === button));
        });
        wrap.classList.toggle("live-preview__frame-wrap--phone", button.dataset.width === "phone");
        wrap.classList.toggle("live-preview__frame-wrap--desktop", button.dataset.width !== "phone");
        fit();
      });
    });
    fit();
    post();
  });
})();
