// Quick choices for a publish time ("Now", "Tomorrow 9:00") next to its datetime-local
// input (publishing/site_time.py). The values are in the site's time zone, which may not
// be the browser's: the server puts them in data-site-time; "Now" is worked out again at
// the click, in the site's zone (data-time-zone), so that a page left open stays right.
// Without JavaScript the buttons stay hidden and the input itself still works.
(function () {
  "use strict";

  function nowIn(zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date())
      .forEach(function (part) {
        parts[part.type] = part.value;
      });
    return parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute;
  }

  function valueOf(button) {
    if (button.dataset.kind === "now" && button.dataset.timeZone) {
      try {
        return nowIn(button.dataset.timeZone);
      } catch (error) {
        // An unknown zone in this browser: the server's value is close enough.
      }
    }
    return button.dataset.siteTime;
  }

  function setUp() {
    document.querySelectorAll("button.newsroom-site-time-choice").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.newsroom-site-time-choice");
    if (!button) return;
    var input = document.getElementById(button.getAttribute("aria-controls"));
    if (!input) return;
    input.value = valueOf(button);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
