// Stepdown's service worker (served by stepdown.web.offline at /sw.js; docs/offline.md).
// What it keeps: static files and the offline page, none of which holds personal data. Pages are
// always fetched from the server and never stored: when one cannot load, the offline page (crisis
// lines first) is shown instead. Requests other than GET, the API, and anything outside /static/
// pass straight through.
"use strict";

var CACHE = "stepdown-static-{{ version }}";
var PRECACHE = {{ precache|safe }};
var OFFLINE_URL = {{ offline_url|safe }};
var STATIC_PREFIX = {{ static_prefix|safe }};

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) { return cache.addAll(PRECACHE); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("stepdown-") === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

// A page tells the worker the country of the signed-in account (a code such as "FR", never more)
// and the page's language, so the offline page lists that country's crisis lines first, in the
// language the person reads.
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "country") { return; }
  var country = /^[A-Z]{2}$/.test(data.country || "") ? data.country : "";
  var language = /^[a-z]{2}$/.test(data.language || "") ? data.language : "";
  if (!country && !language) { return; }
  var url = OFFLINE_URL + "?country=" + country + "&lang=" + language;
  event.waitUntil(
    fetch(url, { credentials: "omit" }).then(function (response) {
      if (!response.ok) { return null; }
      return caches.open(CACHE).then(function (cache) { return cache.put(OFFLINE_URL, response); });
    }).catch(function () { return null; })
  );
});

function offlinePage() {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(OFFLINE_URL, { ignoreVary: true, ignoreSearch: true });
  }).then(function (response) {
    return response || new Response("You are offline.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate") {
    // Network only: a page with personal data is never stored here.
    event.respondWith(fetch(request).catch(offlinePage));
    return;
  }
  if (url.pathname.indexOf(STATIC_PREFIX) === 0) {
    event.respondWith(
      caches.open(CACHE).then(function (cache) {
        return cache.match(request, { ignoreVary: true }).then(function (hit) {
          return hit || fetch(request);
        });
      })
    );
  }
});
