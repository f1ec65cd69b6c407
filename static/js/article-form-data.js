// What the article form holds now, as the server's form would receive it: the live
// preview (live-preview.js) and the autosave (autosave.js) post it. Loaded before both.
window.newsroomArticleFormData = function (form) {
  "use strict";
  const data = new FormData(form);
  // The rich-text editor writes its textarea on its own schedule: read the editor.
  form.querySelectorAll("textarea").forEach(function (textarea) {
    const editable = textarea.parentElement && textarea.parentElement.querySelector("[contenteditable=true]");
    if (editable && editable.editor && typeof editable.editor.getHTML === "function") {
      data.set(textarea.name, editable.editor.getHTML());
    }
  });
  // Files are never posted: the photo library holds the pictures.
  for (const [name, value] of Array.from(data.entries())) {
    if (value instanceof File) data.delete(name);
  }
  return data;
};
