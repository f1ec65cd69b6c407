// The share block's "Copy link" button. Without JavaScript the button stays hidden
// and the plain share links still work.
(function () {
  "use strict";

  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(field);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyWithSelection(text);
      });
    }
    return copyWithSelection(text);
  }

  function announce(status, message) {
    // Clear first so that a second click is announced again by screen readers.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  document.querySelectorAll("[data-share]").forEach(function (block) {
    var button = block.querySelector(".share__copy");
    var status = block.querySelector(".share__status");
    if (!button || !status) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(button.dataset.shareUrl).then(
        function () {
          announce(status, button.dataset.copiedText);
        },
        function () {
          announce(status, button.dataset.failedText);
        }
      );
    });
  });
})();
