// The page's asynchronous request: ask the server for its time, show it, ask again now and
// then. In the URL walk this is the "async" step.
(function () {
  'use strict';
  var target = document.getElementById('server-time');
  function show() {
    fetch('/api/time', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (t) { target.textContent = t.time + ' (' + t.server + ')'; })
      .catch(function (e) { target.textContent = '? ' + e; });
  }
  show();
  setInterval(show, 5000);
})();
