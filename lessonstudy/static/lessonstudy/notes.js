// The observer's note page (lessonstudy/notes.html): notes that survive a flaky connection.
// Each note is kept in localStorage the moment it is saved — with an id made here (client_id) and this phone's
// time (noted_at) — shown under "Waiting to send", and sent with fetch. It leaves the phone only when the server
// has confirmed it (200: stored before, 201: stored now); the server stores a client_id once, so sending again
// after a lost answer is harmless. Sending is tried again when the connection returns, on every page load and
// every few seconds. Without JavaScript the form posts as a plain form and the server redirects back.
(function () {
  "use strict";
  const form = document.querySelector("form[data-note-form]");
  const waiting = document.querySelector("[data-waiting]");
  if (!form || !waiting || !window.fetch) return;
  const list = waiting.querySelector("[data-waiting-list]");
  const sentList = document.querySelector("[data-sent-list]");
  const key = form.getAttribute("data-storage-key");
  const msg = function (name) { return waiting.getAttribute("data-msg-" + name) || ""; };
  const photos = {}; // photos too large for localStorage, kept while the page stays open
  const sending = {};
  const RETRY_MS = 5000;

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { return []; }
  }

  function save(notes) {
    localStorage.setItem(key, JSON.stringify(notes)); // may throw when full: the caller decides
  }

  function update(clientId, change) {
    const notes = load().map(function (note) { return note.client_id === clientId ? change(note) : note; });
    save(notes.filter(Boolean));
  }

  function timeOf(iso) {
    return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function render() {
    const notes = load();
    list.replaceChildren();
    notes.forEach(function (note) {
      const item = document.createElement("li");
      item.className = "list-group-item small" + (note.refused ? " note-refused" : "");
      item.setAttribute("data-client-id", note.client_id);
      const head = document.createElement("div");
      head.className = "text-muted";
      head.textContent = timeOf(note.noted_at) + " · " + (note.refused ? msg("refused") + " " + note.refused : msg("waiting"));
      const body = document.createElement("div");
      body.textContent = note.text;
      item.append(head, body);
      if (note.photo_in_memory) {
        const warn = document.createElement("div");
        warn.className = "text-danger";
        warn.textContent = msg("photo-lost");
        item.append(warn);
      }
      if (note.refused) {
        const discard = document.createElement("button");
        discard.type = "button";
        discard.className = "btn btn-sm btn-outline-danger mt-1";
        discard.textContent = msg("discard");
        discard.setAttribute("data-discard", note.client_id);
        item.append(discard);
      }
      list.append(item);
    });
    waiting.hidden = notes.length === 0;
  }

  function dataUrlToBlob(url) {
    const parts = url.split(",");
    const type = (parts[0].match(/data:([^;]+)/) || [])[1] || "application/octet-stream";
    const raw = atob(parts[1]);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return new Blob([bytes], { type: type });
  }

  function showSent(note, late) {
    if (!sentList) return;
    const empty = sentList.querySelector("[data-sent-empty]");
    if (empty) empty.remove();
    const item = document.createElement("li");
    item.className = "list-group-item small";
    item.textContent = timeOf(note.noted_at) + (late ? " (" + msg("late") + ")" : "") + " — " + note.text;
    sentList.prepend(item);
  }

  function send(note) {
    if (sending[note.client_id] || note.refused) return Promise.resolve();
    sending[note.client_id] = true;
    const body = new FormData();
    ["client_id", "noted_at", "text", "tag", "group"].forEach(function (name) { body.append(name, note[name] || ""); });
    (note.students || []).forEach(function (id) { body.append("students", id); });
    if (note.photo) body.append("photo", dataUrlToBlob(note.photo), note.photo_name || "photo.jpg");
    else if (photos[note.client_id]) body.append("photo", photos[note.client_id]);
    const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    return fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token, Accept: "application/json" },
    })
      .then(function (response) {
        const json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (!json) return; // signed out (the login page) or a proxy's error: keep it, try again later
        return response.json().then(function (answer) {
          if (response.ok) {
            update(note.client_id, function () { return null; });
            delete photos[note.client_id];
            showSent(note, answer.late);
          } else if (response.status === 400 || response.status === 403) {
            const errors = answer.errors ? Object.values(answer.errors).flat().join(" ") : answer.error;
            update(note.client_id, function (stored) { stored.refused = errors || String(response.status); return stored; });
          }
        });
      })
      .catch(function () { /* offline: it stays in the list */ })
      .finally(function () {
        delete sending[note.client_id];
        render();
      });
  }

  function sendAll() {
    load().forEach(send);
  }

  function readPhoto(file) {
    return new Promise(function (resolve) {
      if (!file) return resolve(null);
      const reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { resolve(null); };
      reader.readAsDataURL(file);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = form.elements.text.value.trim();
    const error = form.querySelector("[data-text-error]");
    if (!text) {
      form.elements.text.classList.add("is-invalid");
      form.elements.text.setAttribute("aria-describedby", error.id);
      error.textContent = msg("empty");
      form.elements.text.focus();
      return;
    }
    form.elements.text.classList.remove("is-invalid");
    error.textContent = "";
    const checked = function (name) {
      return Array.prototype.map.call(form.querySelectorAll("input[name=" + name + "]:checked"), function (box) { return box.value; });
    };
    const fileInput = form.elements.photo;
    const file = fileInput && fileInput.files && fileInput.files[0];
    const note = {
      client_id: newId(),
      noted_at: new Date().toISOString(),
      text: text,
      tag: checked("tag")[0] || "",
      group: checked("group")[0] || "",
      students: checked("students"),
    };
    readPhoto(file).then(function (dataUrl) {
      const notes = load();
      notes.push(Object.assign({}, note, dataUrl ? { photo: dataUrl, photo_name: file.name } : {}));
      try {
        save(notes);
      } catch (e) { // the photo does not fit: keep the note, and the photo while the page is open
        notes[notes.length - 1] = Object.assign({}, note, { photo_in_memory: true });
        photos[note.client_id] = file;
        save(notes);
      }
      form.reset();
      render();
      sendAll();
      form.elements.text.focus();
    });
  });

  list.addEventListener("click", function (event) {
    const button = event.target.closest("[data-discard]");
    if (!button || !window.confirm(msg("confirm-discard"))) return;
    update(button.getAttribute("data-discard"), function () { return null; });
    render();
  });

  window.addEventListener("online", sendAll);
  window.setInterval(sendAll, RETRY_MS);
  render();
  sendAll();
})();
