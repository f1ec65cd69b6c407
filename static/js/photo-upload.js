// Upload cards (templates/publishing/photo_uploader.html): any number of photos, dropped
// or chosen, each a card with its own alt text, caption, credit and focal point, uploaded
// as a request of its own with its progress, so a refused file costs no other. The
// server stores the original and queues its renditions; the card then waits for "ready".
// In the article form's picker, `onPhoto` hears of each photo uploaded (or found to be a
// duplicate), so the picker can choose it.
(function () {
  "use strict";

  var CONCURRENT = 3;
  var POLL_MS = 1500;
  var counter = 0;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) {
      return decodeURIComponent(match[1]);
    }
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_all, name) {
      return values[name];
    });
  }

  function round(value) {
    return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
  }

  function Uploader(root, options) {
    this.root = root;
    this.options = options || {};
    this.text = root.dataset;
    this.cards = [];
    this.active = 0;
    this.queue = [];
    this.waiting = {};
    this.list = root.querySelector(".photo-uploader__cards");
    this.template = root.querySelector(".photo-uploader__card-template");
    this.summary = root.querySelector(".photo-uploader__summary");
    this.bind();
  }

  Uploader.prototype.bind = function () {
    var self = this;
    var input = this.root.querySelector(".photo-uploader__input");
    var drop = this.root.querySelector(".photo-uploader__drop");
    input.addEventListener("change", function () {
      self.add(input.files);
      input.value = "";
    });
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (event) {
        event.preventDefault();
        drop.classList.add("photo-uploader__drop--over");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function () {
        drop.classList.remove("photo-uploader__drop--over");
      });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      self.add(event.dataTransfer.files);
    });
    this.root.querySelector(".photo-uploader__upload-all").addEventListener("click", function () {
      self.cards.forEach(function (card) {
        self.enqueue(card);
      });
    });
    this.root.querySelector(".photo-uploader__apply-credit").addEventListener("click", function () {
      var credit = self.root.querySelector(".photo-uploader__bulk input").value;
      self.cards.forEach(function (card) {
        if (card.state === "new" || card.state === "refused") {
          card.element.querySelector("[name=credit]").value = credit;
        }
      });
    });
  };

  Uploader.prototype.add = function (files) {
    var self = this;
    var added = Array.prototype.map.call(files, function (file) {
      var card = self.card(file);
      self.cards.push(card);
      return card;
    });
    var some = this.cards.length > 0;
    this.root.querySelector(".photo-uploader__actions").hidden = !some;
    this.root.querySelector(".photo-uploader__bulk").hidden = !some;
    this.summary.textContent = format(this.text.textAdded, { count: added.length });
    if (added.length) {
      added[0].element.querySelector("[name=alt_text]").focus();
    }
  };

  Uploader.prototype.card = function (file) {
    var self = this;
    var element = this.template.content.firstElementChild.cloneNode(true);
    var card = { file: file, element: element, state: "new", photo: null };
    var id = "photo-card-" + ++counter;
    element.id = id;
    element.querySelector(".photo-card__name").textContent = file.name;
    element.querySelectorAll("label[data-field]").forEach(function (label) {
      var input = element.querySelector("[name=" + label.dataset.field + "]");
      input.id = id + "-" + label.dataset.field;
      label.htmlFor = input.id;
    });
    element.querySelectorAll("[data-error-for]").forEach(function (error) {
      error.id = id + "-" + error.dataset.errorFor + "-error";
    });
    element.querySelector(".photo-card__name").id = id + "-name";
    element.setAttribute("aria-labelledby", id + "-name");
    // The terms are asked for only with the licence "Other".
    var licence = element.querySelector("[name=licence]");
    var terms = element.querySelector(".photo-card__terms");
    licence.addEventListener("change", function () {
      terms.hidden = licence.value !== self.root.dataset.otherLicence;
    });
    var image = element.querySelector(".photo-card__image");
    image.src = URL.createObjectURL(file);
    this.focal(card, image);
    element.querySelector(".photo-card__upload").addEventListener("click", function () {
      self.enqueue(card);
    });
    element.querySelector(".photo-card__remove").addEventListener("click", function () {
      self.remove(card);
    });
    this.list.appendChild(element);
    return card;
  };

  // The focal point before the first save: a click on the preview, or the two numbers.
  Uploader.prototype.focal = function (card, image) {
    var marker = card.element.querySelector(".focal-point__marker");
    var inputX = card.element.querySelector("[name=focal_x]");
    var inputY = card.element.querySelector("[name=focal_y]");
    function place(x, y) {
      marker.style.left = x * 100 + "%";
      marker.style.top = y * 100 + "%";
      marker.hidden = false;
    }
    card.element.querySelector(".photo-card__preview").classList.add("focal-point--active");
    image.addEventListener("click", function (event) {
      if (card.state !== "new" && card.state !== "refused") {
        return;
      }
      var rect = image.getBoundingClientRect();
      var x = round((event.clientX - rect.left) / rect.width);
      var y = round((event.clientY - rect.top) / rect.height);
      inputX.value = x;
      inputY.value = y;
      place(x, y);
    });
    [inputX, inputY].forEach(function (input) {
      input.addEventListener("input", function () {
        var x = parseFloat(inputX.value);
        var y = parseFloat(inputY.value);
        if (!isNaN(x) && !isNaN(y)) {
          place(round(x), round(y));
        }
      });
    });
  };

  Uploader.prototype.remove = function (card) {
    var index = this.cards.indexOf(card);
    if (card.state === "uploading" || card.state === "queued") {
      return;
    }
    this.cards.splice(index, 1);
    URL.revokeObjectURL(card.element.querySelector(".photo-card__image").src);
    var next = this.cards[index] || this.cards[index - 1];
    card.element.remove();
    var target = next ? next.element.querySelector("button") : this.root.querySelector(".photo-uploader__choose");
    if (target) {
      target.focus();
    }
    this.announce();
  };

  Uploader.prototype.enqueue = function (card) {
    if (card.state !== "new" && card.state !== "refused") {
      return;
    }
    var alt = card.element.querySelector("[name=alt_text]");
    this.clearErrors(card);
    if (!alt.value.trim()) {
      this.showErrors(card, { alt_text: [this.text.textAltRequired] });
      return;
    }
    card.state = "queued";
    this.queue.push(card);
    this.next();
  };

  Uploader.prototype.next = function () {
    while (this.active < CONCURRENT && this.queue.length) {
      this.send(this.queue.shift());
    }
  };

  Uploader.prototype.send = function (card) {
    var self = this;
    var element = card.element;
    var data = new FormData();
    data.append("image", card.file, card.file.name);
    ["alt_text", "caption", "credit", "focal_x", "focal_y",
     "copyright_holder", "licence", "licence_terms", "licence_ends_at"].forEach(function (name) {
      data.append(name, element.querySelector("[name=" + name + "]").value);
    });
    var progress = element.querySelector(".photo-card__progress");
    progress.hidden = false;
    progress.value = 0;
    this.setBusy(card, true);
    this.message(card, this.text.textUploading);
    card.state = "uploading";
    this.active += 1;
    var request = new XMLHttpRequest();
    request.open("POST", this.root.dataset.uploadUrl);
    request.setRequestHeader("X-CSRFToken", csrfToken());
    request.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        progress.value = Math.round((event.loaded / event.total) * 100);
      }
    });
    request.addEventListener("loadend", function () {
      self.active -= 1;
      progress.hidden = true;
      var body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch (error) {
        body = null;
      }
      if (body && body.photo) {
        self.accepted(card, body);
      } else {
        card.state = "refused";
        self.setBusy(card, false);
        self.message(card, "");
        self.showErrors(card, (body && body.errors) || { image: [self.text.textNetwork] });
      }
      self.announce();
      self.next();
    });
    request.send(data);
  };

  Uploader.prototype.accepted = function (card, body) {
    var photo = body.photo;
    card.photo = photo;
    var element = card.element;
    element.querySelectorAll("input").forEach(function (input) {
      input.disabled = true;
    });
    element.querySelector(".photo-card__upload").hidden = true;
    element.querySelector(".photo-card__remove").hidden = true;
    element.classList.add("photo-card--uploaded");
    if (body.duplicate) {
      card.state = "duplicate";
      element.classList.add("photo-card--duplicate");
      this.message(card, this.text.textDuplicate, photo);
    } else {
      card.state = "uploaded";
      this.status(card, photo);
      if (photo.status === "processing") {
        this.waiting[photo.id] = card;
        this.poll();
      }
    }
    if (this.options.onPhoto) {
      this.options.onPhoto(photo, body.duplicate);
    }
  };

  Uploader.prototype.status = function (card, photo) {
    card.element.dataset.status = photo.status;
    if (photo.status === "ready") {
      this.message(card, this.text.textReady, photo);
    } else if (photo.status === "failed") {
      this.message(card, this.text.textFailed + " " + photo.error, photo);
    } else {
      this.message(card, this.text.textProcessing, photo);
    }
  };

  Uploader.prototype.poll = function () {
    var self = this;
    if (this.polling) {
      return;
    }
    this.polling = true;
    window.setTimeout(function () {
      var ids = Object.keys(self.waiting);
      if (!ids.length) {
        self.polling = false;
        return;
      }
      fetch(self.root.dataset.statusUrl + "?ids=" + ids.join(","), { credentials: "same-origin" })
        .then(function (response) {
          return response.json();
        })
        .then(function (body) {
          Object.keys(body.photos).forEach(function (id) {
            var photo = body.photos[id];
            var card = self.waiting[id];
            if (card && photo.status !== "processing") {
              delete self.waiting[id];
              self.status(card, photo);
              if (self.options.onStatus) {
                self.options.onStatus(photo);
              }
            }
          });
        })
        .catch(function () {})
        .then(function () {
          self.polling = false;
          if (Object.keys(self.waiting).length) {
            self.poll();
          }
          self.announce();
        });
    }, POLL_MS);
  };

  Uploader.prototype.message = function (card, text, photo) {
    var target = card.element.querySelector(".photo-card__message");
    target.textContent = text;
    if (photo) {
      var link = document.createElement("a");
      link.href = photo.change_url;
      link.textContent = photo.label;
      target.appendChild(document.createTextNode(" "));
      target.appendChild(link);
    }
  };

  Uploader.prototype.setBusy = function (card, busy) {
    card.element.setAttribute("aria-busy", busy ? "true" : "false");
    card.element.querySelector(".photo-card__upload").disabled = busy;
    card.element.querySelector(".photo-card__remove").disabled = busy;
  };

  Uploader.prototype.clearErrors = function (card) {
    card.element.querySelectorAll(".photo-card__error").forEach(function (error) {
      error.hidden = true;
      error.textContent = "";
    });
    card.element.querySelectorAll("[aria-invalid]").forEach(function (input) {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    });
    card.element.classList.remove("photo-card--refused");
  };

  Uploader.prototype.showErrors = function (card, errors) {
    var element = card.element;
    var first = null;
    element.classList.add("photo-card--refused");
    Object.keys(errors).forEach(function (field) {
      var target = element.querySelector("[data-error-for=" + field + "]") ||
        element.querySelector("[data-error-for=image]");
      target.hidden = false;
      target.textContent = (target.textContent ? target.textContent + " " : "") + errors[field].join(" ");
      var input = element.querySelector("[name=" + field + "]");
      if (input) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", target.id);
        first = first || input;
      }
    });
    var message = element.querySelector("[data-error-for=image]");
    if (!message.hidden) {
      message.textContent = this.text.textRefused + " " + message.textContent;
    }
    if (first && !this.queue.length && !this.active) {
      first.focus();
    }
  };

  Uploader.prototype.announce = function () {
    var counts = { done: 0, waiting: 0, refused: 0 };
    this.cards.forEach(function (card) {
      if (card.state === "uploaded" || card.state === "duplicate") {
        counts.done += 1;
      } else if (card.state === "refused") {
        counts.refused += 1;
      } else {
        counts.waiting += 1;
      }
    });
    this.summary.textContent = format(this.text.textSummary, counts);
  };

  window.NewsroomPhotoUpload = {
    init: function (root, options) {
      return new Uploader(root, options);
    },
  };

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".photo-uploader").forEach(function (root) {
      if (!root.closest(".photo-picker")) {
        new Uploader(root);
      }
    });
  });
})();
