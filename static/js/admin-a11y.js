// Accessible names for controls that the Django admin (5.2) renders without one, found
// by axe-core (tests/browser/test_accessibility.py). Each name is built from text
// already on the page (the field's label, the column heading, Django's own translated
// "Date:"/"Time:"), so it needs no catalogue of its own:
// - the date and time boxes of a split date-time field ("Published: Date:");
// - the inputs of tabular inlines, labelled only by a column heading ("Position, row 2");
// - Select2's autocomplete combobox and its search box ("Hero photo");
// - a rich-text editor's editable area (role=textbox, contenteditable) named after its
//   field ("Body").
// Select2 builds its markup after the page loads and inlines add rows later, so labels
// are applied again whenever the form changes.
(function () {
  "use strict";

  function text(node) {
    return node ? node.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function fieldLabel(element) {
    var row = element.closest(".form-row, .fieldBox, .form-group, div[class*='field-']");
    var label = row && row.querySelector("label");
    return text(label).replace(/:$/, "");
  }

  function name(element, value) {
    if (value && !element.hasAttribute("aria-label") && !element.labels?.length) {
      element.setAttribute("aria-label", value);
    }
  }

  function labelSplitDateTimes() {
    document.querySelectorAll("p.datetime input").forEach(function (input) {
      var part = input.previousSibling;
      while (part && part.nodeType !== Node.TEXT_NODE) part = part.previousSibling;
      name(input, [fieldLabel(input), text(part).replace(/:$/, "")].filter(Boolean).join(": "));
    });
  }

  function labelTabularInlines() {
    document.querySelectorAll(".tabular table").forEach(function (table) {
      var headings = Array.prototype.map.call(table.querySelectorAll("thead th"), text);
      table.querySelectorAll("tbody tr.form-row").forEach(function (row, index) {
        Array.prototype.forEach.call(row.cells, function (cell, column) {
          var heading = cell.classList.contains("delete") ? headings[headings.length - 1] : headings[column];
          cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (control) {
            name(control, heading ? heading + ", " + (index + 1) : "");
          });
        });
      });
    });
  }

  function labelSelect2() {
    document.querySelectorAll(".select2-container").forEach(function (container) {
      var select = container.previousElementSibling;
      if (!select || select.tagName !== "SELECT") return;
      var label = select.labels && select.labels[0];
      if (!label) return;
      label.id = label.id || select.id + "-label";
      // The combobox names itself after its (possibly empty) value box: lead with the label.
      container.querySelectorAll(".select2-selection[role=combobox]").forEach(function (box) {
        var ids = (box.getAttribute("aria-labelledby") || "").split(" ").filter(Boolean);
        if (ids.indexOf(label.id) === -1) box.setAttribute("aria-labelledby", [label.id].concat(ids).join(" "));
      });
      container.querySelectorAll(".select2-selection__rendered[role=textbox], .select2-search__field").forEach(function (control) {
        name(control, text(label).replace(/:$/, ""));
      });
    });
  }

  function labelRichText() {
    document.querySelectorAll(".form-row [contenteditable=true]").forEach(function (area) {
      name(area, fieldLabel(area));
    });
  }

  var pending = false;
  function labelAll() {
    pending = false;
    labelSplitDateTimes();
    labelTabularInlines();
    labelSelect2();
    labelRichText();
  }

  function schedule() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(labelAll);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    labelAll();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  });
})();
