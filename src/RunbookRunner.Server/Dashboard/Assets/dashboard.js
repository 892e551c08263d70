// RunbookRunner dashboard: keeps a run's page current from its server-sent events, without reloading the page.
(function () {
  'use strict';

  // Destructive commands ask first (the form carries data-confirm).
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var question = form && form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      e.preventDefault();
    }
  });

  var live = document.getElementById('live');
  if (!live || !window.EventSource || !window.fetch) {
    return;
  }

  var run = live.getAttribute('data-run');
  var base = '/runs/' + encodeURIComponent(run);
  var status = document.getElementById('live-status');
  var timer = null;
  var busy = false;
  var again = false;
  var refreshes = 0;

  function terminal() {
    var state = live.querySelector('[data-run-state]');
    return state && state.getAttribute('data-terminal') === 'true';
  }

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(base + '/live', { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        if (response.redirected || response.status === 401) { window.location.reload(); return null; }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html === null || html === undefined) { return; }
        // Keep what the person was doing: open step details, the focused control, typed reasons.
        var open = Array.prototype.map.call(live.querySelectorAll('details[open]'), function (d) { return d.id; });
        var focused = document.activeElement && live.contains(document.activeElement) ? document.activeElement.id : null;
        var typed = {};
        Array.prototype.forEach.call(live.querySelectorAll('input[type=text][id]'), function (i) { if (i.value) { typed[i.id] = i.value; } });
        var before = live.querySelector('[data-run-state]');
        var oldState = before && before.getAttribute('data-run-state');
        live.innerHTML = html;
        open.forEach(function (id) { var d = id && document.getElementById(id); if (d) { d.open = true; } });
        Object.keys(typed).forEach(function (id) { var i = document.getElementById(id); if (i) { i.value = typed[id]; } });
        if (focused) { var f = document.getElementById(focused); if (f) { f.focus(); } }
        var after = live.querySelector('[data-run-state]');
        var newState = after && after.getAttribute('data-run-state');
        refreshes += 1;
        live.setAttribute('data-refreshes', String(refreshes));
        if (after) { live.setAttribute('data-version', after.getAttribute('data-version')); }
        if (status && newState && newState !== oldState) { status.textContent = 'Run is now ' + newState.replace('_', ' '); }
      })
      .catch(function () { /* the next event or tick tries again */ })
      .then(function () {
        busy = false;
        if (again) { again = false; schedule(); }
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 200);
  }

  var source = new EventSource(base + '/events?after=' + encodeURIComponent(live.getAttribute('data-version') || '0'));
  source.onmessage = schedule;
  source.addEventListener('end', function () { source.close(); schedule(); });

  // The "now" line and waiting times move even when nothing happens.
  window.setInterval(function () { if (!terminal()) { schedule(); } }, 15000);
})();
