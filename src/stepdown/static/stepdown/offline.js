// Installable and offline (docs/offline.md): registers the service worker, keeps a dose, a daily
// check-in or an urge logged without a connection in IndexedDB, shows it as waiting to send, and
// posts it when the connection returns — to the same form address, with the same idempotency key
// (client_id), so the server keeps exactly one however often it is sent. Signing out deletes the
// queue and the worker's caches. Without JavaScript the forms post as they always did.
(function () {
  "use strict";

  var DB_NAME = "stepdown-offline";
  var STORE = "queue";
  var meta = document.querySelector('meta[name="stepdown-offline"]');
  if (!meta) { return; }
  // An opaque mark of the signed-in account ("" when nobody is): entries are only ever sent to
  // the account that made them.
  var account = meta.getAttribute("content") || "";
  var loginPath = meta.dataset.login || "";
  var flushing = false;
  // The words come from the page (data-word-* on the meta element), in the page's language.
  function word(name) { return meta.dataset["word" + name] || ""; }

  // ---- Service worker -----------------------------------------------------------------------
  if ("serviceWorker" in navigator && meta.dataset.sw) {
    navigator.serviceWorker.register(meta.dataset.sw, { scope: "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var country = meta.dataset.country || "";
      var language = meta.dataset.language || "";
      if ((country || language) && registration.active) {
        registration.active.postMessage({ type: "country", country: country, language: language });
      }
    }).catch(function () { /* no worker: pages still work online */ });
  }

  // ---- IndexedDB, one short-lived connection per operation (so deleting it is never blocked
  // by this page) ----------------------------------------------------------------------------
  function withStore(mode, work) {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error("no IndexedDB")); return; }
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "key" });
      };
      request.onerror = function () { reject(request.error); };
      request.onsuccess = function () {
        var db = request.result;
        db.onversionchange = function () { db.close(); };
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && result.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      };
    });
  }

  function allEntries() {
    return withStore("readonly", function (store) { return store.getAll(); }).then(function (rows) {
      return (rows || []).sort(function (a, b) { return a.at - b.at; });
    });
  }
  function putEntry(entry) { return withStore("readwrite", function (store) { store.put(entry); }); }
  function deleteEntry(key) { return withStore("readwrite", function (store) { store.delete(key); }); }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  // ---- What the page shows ------------------------------------------------------------------
  var panel = null;
  var lastSent = 0;
  var tried = false;  // a send was attempted and something is still waiting

  function ensurePanel() {
    if (panel) { return panel; }
    var main = document.getElementById("main");
    if (!main) { return null; }
    panel = document.createElement("section");
    panel.className = "offline-queue";
    panel.setAttribute("aria-label", word("Kept"));
    panel.setAttribute("data-testid", "offline-queue");
    main.insertBefore(panel, main.firstChild);
    return panel;
  }

  function render() {
    return allEntries().then(function (entries) {
      entries = entries.filter(function (entry) { return entry.account === account; });
      if (!entries.length && !lastSent) { if (panel) { panel.hidden = true; } return; }
      var holder = ensurePanel();
      if (!holder) { return; }
      holder.hidden = false;
      holder.textContent = "";
      var status = document.createElement("p");
      status.setAttribute("role", "status");
      if (entries.length && !navigator.onLine) {
        status.textContent = word("Offline");
      } else if (entries.length) {
        status.textContent = tried ? word("Retry") : word("Sending");
      } else {
        status.textContent = word("Sent");
      }
      holder.appendChild(status);
      if (!entries.length) { return; }
      var list = document.createElement("ul");
      entries.forEach(function (entry) {
        var item = document.createElement("li");
        item.setAttribute("data-testid", "offline-entry");
        var what = document.createElement("strong");
        what.textContent = entry.label;
        item.appendChild(what);
        if (entry.state === "refused") {
          item.appendChild(document.createTextNode(" — " + word("Refused") + " "));
          var remove = document.createElement("button");
          remove.type = "button";
          remove.className = "link-button";
          remove.textContent = word("Remove");
          remove.addEventListener("click", function () { deleteEntry(entry.key).then(render); });
          item.appendChild(remove);
        } else {
          item.appendChild(document.createTextNode(" — " + word("Waiting")));
        }
        list.appendChild(item);
      });
      holder.appendChild(list);
    }).catch(function () { /* IndexedDB unavailable: nothing is kept, nothing to show */ });
  }

  // ---- Keeping an entry ---------------------------------------------------------------------
  function labelFor(form, fields) {
    var label = form.dataset.offlineLabel || word("Entry");
    if (form.dataset.offline === "dose") {
      var values = {};
      fields.forEach(function (pair) { values[pair[0]] = pair[1]; });
      if (values.amount) { label += " " + values.amount + " " + (values.unit || ""); }
    }
    return label.trim();
  }

  // Puts an entry's answers back in its form (when it could not be kept on the device).
  function restore(form, fields) {
    fields.forEach(function (pair) {
      var named = form.elements.namedItem(pair[0]);
      var inputs = named && named.length !== undefined && !named.options ? named : [named];
      Array.prototype.forEach.call(inputs, function (input) {
        if (!input) { return; }
        if (input.type === "radio" || input.type === "checkbox") {
          if (input.value === pair[1]) { input.checked = true; }
        } else {
          input.value = pair[1];
        }
      });
    });
  }

  function keep(form) {
    var data = new FormData(form);
    var key = String(data.get("client_id") || "") || newKey();
    data.set("client_id", key);
    var fields = [];
    data.forEach(function (value, name) {
      // The CSRF token is taken fresh from the page when the entry is sent.
      if (typeof value === "string" && name !== "csrfmiddlewaretoken") { fields.push([name, value]); }
    });
    var entry = {
      key: key, account: account, kind: form.dataset.offline, label: labelFor(form, fields),
      action: form.action, fields: fields, state: "waiting", at: Date.now()
    };
    // Cleared now, not once the entry is stored: what the person types next (the store takes a
    // moment) belongs to the next entry, which gets its own key.
    form.reset();
    var keyInput = form.querySelector('input[name="client_id"]');
    if (keyInput) { keyInput.value = newKey(); }
    return putEntry(entry).then(function () {
      lastSent = 0;
      tried = false;
      return render();
    }, function (error) {
      restore(form, fields);
      throw error;
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) { return; }
    if (form.hasAttribute("data-sign-out")) { signOut(event, form); return; }
    if (!form.hasAttribute("data-offline") || navigator.onLine || !account) { return; }
    // Captured before htmx or the browser act on it: nothing is posted.
    event.preventDefault();
    event.stopImmediatePropagation();
    keep(form).catch(function () { form.submit(); });
  }, true);

  // The browser thought it was online but the request never reached the server.
  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail && event.detail.elt;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-offline") && account) {
      keep(form).catch(function () { /* left in the form, to send again */ });
    }
  });

  // ---- Sending --------------------------------------------------------------------------------
  function csrfToken() {
    var input = document.querySelector('input[name="csrfmiddlewaretoken"]');
    return input ? input.value : "";
  }

  // Resolves to "sent", "refused" or "later" (stop for now, try again on the next chance).
  function send(entry) {
    var body = new URLSearchParams();
    body.append("csrfmiddlewaretoken", csrfToken());
    entry.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
    return fetch(entry.action, { method: "POST", body: body, credentials: "same-origin" }).then(function (response) {
      var landed = new URL(response.url, location.href).pathname;
      if (response.redirected && landed === loginPath) { return "later"; }
      if (response.ok) {
        // A check-in whose answers call for help leads to the crisis page: show it now.
        if (response.redirected && landed.indexOf("/checkins/crisis/") === 0) { location.href = response.url; }
        return "sent";
      }
      if (response.status === 403 || response.status >= 500) { return "later"; }
      return "refused";
    }, function () { return "later"; });
  }

  function flush() {
    if (flushing || !navigator.onLine || !account) { return Promise.resolve(); }
    flushing = true;
    return allEntries().then(function (entries) {
      var chain = Promise.resolve(true);
      entries.forEach(function (entry) {
        chain = chain.then(function (goOn) {
          if (entry.account !== account) {
            // Someone else's entries, left when their session ended: never sent to this account.
            return deleteEntry(entry.key).then(function () { return goOn; });
          }
          if (!goOn || entry.state !== "waiting") { return goOn; }
          return send(entry).then(function (outcome) {
            if (outcome === "sent") { lastSent += 1; return deleteEntry(entry.key).then(function () { return true; }); }
            if (outcome === "refused") { entry.state = "refused"; return putEntry(entry).then(function () { return true; }); }
            return false;
          });
        });
      });
      return chain;
    }).catch(function () { return null; }).then(function () {
      flushing = false;
      tried = true;
      return render();
    });
  }

  // ---- Signing out: forget everything kept for this site, then sign out --------------------
  function forgetAll() {
    var jobs = [];
    if (window.caches) {
      jobs.push(caches.keys().then(function (names) {
        return Promise.all(names.map(function (name) { return caches.delete(name); }));
      }));
    }
    if (window.indexedDB) {
      jobs.push(new Promise(function (resolve) {
        var request = indexedDB.deleteDatabase(DB_NAME);
        request.onsuccess = request.onerror = request.onblocked = function () { resolve(); };
      }));
    }
    return Promise.all(jobs);
  }

  function signOut(event, form) {
    if (form.dataset.cleared) { return; }
    event.preventDefault();
    var done = false;
    function go() { if (!done) { done = true; form.dataset.cleared = "1"; form.submit(); } }
    forgetAll().then(go, go);
    window.setTimeout(go, 3000);  // never keep someone from signing out
  }

  window.addEventListener("online", function () { flush(); });
  window.addEventListener("offline", function () { render(); });
  render().then(flush);
})();
