// The photo admin's focal point: a click on the preview sets "focal point x/y" (0–1 from
// the left and the top), which decide what card crops keep in view. Typing the numbers
// works the same without this script.
(function () {
  "use strict";

  function round(value) {
    return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
  }

  function place(marker, x, y) {
    marker.style.left = x * 100 + "%";
    marker.style.top = y * 100 + "%";
    marker.hidden = false;
  }

  function init(box) {
    var image = box.querySelector(".focal-point__image");
    var marker = box.querySelector(".focal-point__marker");
    var inputX = document.getElementById("id_focal_x");
    var inputY = document.getElementById("id_focal_y");
    if (!image || !marker || !inputX || !inputY) {
      return;
    }
    place(marker, parseFloat(box.dataset.focalX), parseFloat(box.dataset.focalY));
    box.classList.add("focal-point--active");
    image.addEventListener("click", function (event) {
      var rect = image.getBoundingClientRect();
      var x = round((event.clientX - rect.left) / rect.width);
      var y = round((event.clientY - rect.top) / rect.height);
      inputX.value = x;
      inputY.value = y;
      place(marker, x, y);
    });
    [inputX, inputY].forEach(function (input) {
      input.addEventListener("input", function () {
        var x = parseFloat(inputX.value);
        var y = parseFloat(inputY.value);
        if (!isNaN(x) && !isNaN(y)) {
          place(marker, round(x), round(y));
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".focal-point").forEach(init);
  });
})();
