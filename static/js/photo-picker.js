// The photo picker in the article form (publishing/admin/photo_picker.py): a modal
// dialog inside the page, not a pop-up window, with upload cards (js/photo-upload.js)
// and the library's searchable grid. "Choose from the library" beside the hero photo and
// the social image sets that field; "Add photos from the library" on the gallery adds a
// row per chosen photo. Photos uploaded from the picker are chosen as they arrive.
(function () {
  "use strict";

  var dialog = null;
  var target = null; // {select} for one photo, {gallery: group} for many
  var chosen = [];
  var opener = null;

  function pickerUrl() {
    var select = document.querySelector("select[data-photo-picker]");
    return select ? select.dataset.photoPicker : null;
  }

  function setSelect(select, photo) {
    var option = Array.prototype.find.call(select.options, function (item) {
      return item.value === String(photo.id);
    });
    if (!option) {
      option = new Option(photo.label, photo.id, true, true);
      select.appendChild(option);
    }
    select.value = String(photo.id);
    // Select2 (the admin's autocomplete) and the form's listeners hear a real event.
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function addGalleryRow(group, photo) {
    var add = group.querySelector(".add-row a");
    var total = document.getElementById("id_gallery-TOTAL_FORMS");
    if (!add || !total) {
      return;
    }
    var index = parseInt(total.value, 10);
    add.click();
    var select = document.getElementById("id_gallery-" + index + "-photo");
    var position = document.getElementById("id_gallery-" + index + "-position");
    if (position) {
      position.value = index + 1;
    }
    if (select) {
      setSelect(select, photo);
    }
  }

  function updateChosen() {
    var status = dialog.querySelector(".photo-picker__chosen");
    if (status && target && target.gallery) {
      status.textContent = dialog.dataset.chosenText.replace("%(count)s", chosen.length);
    }
  }

  function choose(photo, tile) {
    if (!target.gallery) {
      setSelect(target.select, photo);
      close();
      return;
    }
    var at = chosen.findIndex(function (item) {
      return item.id === photo.id;
    });
    if (at >= 0 && tile) {
      chosen.splice(at, 1);
    } else if (at < 0) {
      chosen.push(photo);
    }
    markTiles();
    updateChosen();
  }

  function markTiles() {
    dialog.querySelectorAll(".photo-tile").forEach(function (tile) {
      var id = parseInt(tile.dataset.photoId, 10);
      var on = chosen.some(function (item) {
        return item.id === id;
      });
      tile.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  function loadGrid(url) {
    var wrap = dialog.querySelector(".photo-picker__grid-wrap");
    wrap.setAttribute("aria-busy", "true");
    return fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        wrap.innerHTML = html;
        wrap.setAttribute("aria-busy", "false");
        markTiles();
      });
  }

  function gridUrl(query) {
    var base = pickerUrl();
    var params = new URLSearchParams(query || "");
    params.set("grid", "1");
    if (target && target.gallery) {
      params.set("mode", "many");
    }
    return base + "?" + params.toString();
  }

  function wire() {
    dialog.querySelector(".photo-picker__close").addEventListener("click", close);
    var form = dialog.querySelector(".photo-picker__filters");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      loadGrid(gridUrl(new URLSearchParams(new FormData(form)).toString()));
    });
    dialog.querySelector(".photo-picker__grid-wrap").addEventListener("click", function (event) {
      var page = event.target.closest(".photo-grid__page");
      if (page) {
        event.preventDefault();
        loadGrid(gridUrl(page.getAttribute("href").slice(1)));
        return;
      }
      var tile = event.target.closest(".photo-tile");
      if (tile) {
        choose({ id: parseInt(tile.dataset.photoId, 10), label: tile.dataset.label }, tile);
      }
    });
    var use = dialog.querySelector(".photo-picker__use");
    if (use) {
      use.addEventListener("click", function () {
        chosen.forEach(function (photo) {
          addGalleryRow(target.gallery, photo);
        });
        close();
      });
    }
    var uploader = dialog.querySelector(".photo-uploader");
    if (uploader && window.NewsroomPhotoUpload) {
      window.NewsroomPhotoUpload.init(uploader, {
        onPhoto: function (photo) {
          var one = { id: photo.id, label: photo.label };
          if (target.gallery) {
            choose(one, null);
            loadGrid(gridUrl(""));
          } else {
            chosen = [one];
            updateChosen();
            loadGrid(gridUrl(""));
            offerSingle(one);
          }
        },
      });
    }
  }

  // One photo: an uploaded (or found) photo is offered by a button in its card's place,
  // so the editor can still fix a typo before using it.
  function offerSingle(photo) {
    var status = dialog.querySelector(".photo-picker__chosen");
    status.textContent = "";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button default photo-picker__use-uploaded";
    button.textContent = dialog.dataset.useText + " " + photo.label;
    button.addEventListener("click", function () {
      setSelect(target.select, photo);
      close();
    });
    status.appendChild(button);
  }

  function open(newTarget, button) {
    if (dialog && dialog.open) {
      return;
    }
    target = newTarget;
    chosen = [];
    opener = button;
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "photo-picker";
      dialog.setAttribute("aria-labelledby", "photo-picker-title");
      dialog.addEventListener("close", function () {
        dialog.innerHTML = "";
        if (opener) {
          opener.focus();
        }
      });
      document.body.appendChild(dialog);
    }
    dialog.dataset.chosenText = button.dataset.chosenText;
    dialog.dataset.useText = button.dataset.useText;
    var url = pickerUrl() + (target.gallery ? "?mode=many" : "");
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        dialog.innerHTML = html;
        wire();
        dialog.showModal();
        var first = dialog.querySelector(".photo-uploader__input, .photo-picker__filters input");
        if (first) {
          first.focus();
        }
      });
  }

  function close() {
    if (dialog && dialog.open) {
      dialog.close();
    }
  }

  function makeButton(label, config) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button photo-picker__open";
    button.textContent = label;
    button.dataset.chosenText = config.photoPickerChosen;
    button.dataset.useText = config.photoPickerUse;
    return button;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var url = pickerUrl();
    if (!url) {
      return;
    }
    // The buttons' words, translated by the server (publishing/admin/photo_picker.py).
    var words = document.querySelector("select[data-photo-picker]").dataset;
    document.querySelectorAll("select[data-photo-picker]").forEach(function (select) {
      if (select.name.indexOf("gallery-") === 0) {
        return; // gallery rows: the gallery's own button adds them
      }
      var button = makeButton(words.photoPickerChoose, words);
      var label = document.querySelector("label[for=" + select.id + "]");
      if (label) {
        button.setAttribute("aria-label", words.photoPickerChoose + ": " + label.textContent.replace(/:$/, ""));
      }
      button.addEventListener("click", function () {
        open({ select: select }, button);
      });
      var wrapper = select.closest(".related-widget-wrapper") || select.parentNode;
      wrapper.parentNode.insertBefore(button, wrapper.nextSibling);
    });
    var gallery = document.getElementById("gallery-group");
    if (gallery) {
      var button = makeButton(words.photoPickerGallery, words);
      button.addEventListener("click", function () {
        open({ gallery: gallery }, button);
      });
      var heading = gallery.querySelector("h2");
      (heading ? heading.parentNode : gallery).insertBefore(button, heading ? heading.nextSibling : gallery.firstChild);
    }
  });

})();
