// 指挥中心大屏 (/command): the open cases of the wall's area — the overdue and near-due list with live countdowns
// (from each case's 处置期限) and the map with a heat layer of lattice cells (≈500 m) shaded by the open cases in
// them. Both come from /api/v1/cases/map (open cases with their deadline, scoped to the viewer) and reload when
// command.js announces a new step ('wall:changed'). Leaflet draws on canvas.
(function () {
  const list = document.getElementById('wall-due');
  const mapEl = document.getElementById('wall-map');
  if (!list || !mapEl) { return; }
  const NEAR_MS = 24 * 3600 * 1000; // 临期: due within a day (or warned by the SLA clock at 80%)
  const CELL = 0.005;                 // heat lattice, degrees (≈500 m at the city's latitude)
  const SHOWN = 12;
  let rows = [];
  let box = null;
  let h = null;
  let heat = null;
  let points = null;
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function two(n) { return (n < 10 ? '0' : '') + n; }
  /** "剩余 05:12:33" / "超期 1天 02:13:05" from milliseconds left (negative = overdue). */
  function countdown(ms) {
    const late = ms < 0;
    let s = Math.floor(Math.abs(ms) / 1000);
    const d = Math.floor(s / 86400); s -= d * 86400;
    const hh = Math.floor(s / 3600); s -= hh * 3600;
    const mm = Math.floor(s / 60); s -= mm * 60;
    return (late ? '超期 ' : '剩余 ') + (d > 0 ? d + '天 ' : '') + two(hh) + ':' + two(mm) + ':' + two(s);
  }
  function due(r) { return r.deadline ? Date.parse(r.deadline) : NaN; }
  function renderList() {
    const now = Date.now();
    const timed = rows.filter(function (r) { return !isNaN(due(r)) && r.status !== 'SUSPENDED'; });
    const overdue = timed.filter(function (r) { return due(r) < now || r.overdue; });
    const near = timed.filter(function (r) { return !(due(r) < now || r.overdue) && (r.warned || due(r) - now < NEAR_MS); });
    document.getElementById('wall-due-counts').innerHTML =
      '<a href="/cases?overdue=true" data-testid="wall-overdue-count">超期 <b>' + overdue.length + '</b></a>'
      + '<a href="/cases/queue" data-testid="wall-near-count">临期 <b>' + near.length + '</b></a>';
    const shown = overdue.concat(near).sort(function (a, b) { return due(a) - due(b); }).slice(0, SHOWN);
    list.innerHTML = shown.length === 0 ? '<tr><td class="wall-empty">无超期或临期案件</td></tr>'
      : shown.map(function (r) {
        return '<tr class="' + (due(r) < now ? 'late' : 'near') + '" title="' + esc(r.districtName) + '"><td><a href="/cases/' + r.id + '">'
          + esc(r.caseNumber) + '</a></td><td>' + esc(r.categoryName) + '</td>'
          + '<td class="countdown" data-due="' + due(r) + '">' + countdown(due(r) - now) + '</td></tr>';
      }).join('');
  }
  function tick() {
    const now = Date.now();
    list.querySelectorAll('td.countdown').forEach(function (td) {
      const ms = Number(td.dataset.due) - now;
      td.textContent = countdown(ms);
      td.parentElement.className = ms < 0 ? 'late' : 'near';
    });
  }
  function renderMap() {
    if (!h) { return; }
    heat.clearLayers();
    points.clearLayers();
    const cells = {};
    let max = 1;
    rows.forEach(function (r) {
      const k = Math.floor(r.lat / CELL) + ':' + Math.floor(r.lon / CELL);
      cells[k] = (cells[k] || 0) + 1;
      max = Math.max(max, cells[k]);
    });
    Object.keys(cells).forEach(function (k) {
      const p = k.split(':').map(Number);
      const v = cells[k] / max;
      L.rectangle([[p[0] * CELL, p[1] * CELL], [(p[0] + 1) * CELL, (p[1] + 1) * CELL]],
        { stroke: false, fillColor: v > 0.66 ? '#ff3b30' : v > 0.33 ? '#ff9500' : '#ffd60a', fillOpacity: 0.25 + 0.5 * v })
        .bindTooltip(cells[k] + ' 件').addTo(heat);
    });
    const now = Date.now();
    rows.forEach(function (r) {
      const late = due(r) < now || r.overdue;
      L.circleMarker([r.lat, r.lon], { radius: 3, weight: 0, fillColor: late ? '#ff3b30' : '#4da3ff', fillOpacity: 0.9 })
        .bindPopup('<a href="/cases/' + r.id + '">' + esc(r.caseNumber) + '</a> ' + esc(r.statusLabel) + ' · ' + esc(r.categoryName))
        .addTo(points);
    });
    mapEl.dataset.loaded = String(rows.length);
  }
  let loading = null;
  function load() {
    if (!box) { return Promise.resolve(); }
    if (loading) { return loading; }
    loading = fetch('/api/v1/cases/map?limit=3000&bbox=' + box, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        rows = data;
        document.getElementById('wall-open-count').textContent = rows.length;
        renderList();
        renderMap();
      })
      .catch(function () { /* the next step retries */ })
      .finally(function () { loading = null; });
    return loading;
  }
  function start() {
    if (window.L && window.cityopsMap && cityopsMap.create) {
      h = cityopsMap.create(mapEl, { grids: false, legend: [
        { label: '超期', color: '#ff3b30', kind: 'dot' }, { label: '在办', color: '#4da3ff', kind: 'dot' },
        { label: '案件密度', color: '#ff9500', kind: 'area', fill: 'rgba(255,149,0,0.5)' }] });
      heat = L.featureGroup().addTo(h.map);
      points = L.featureGroup().addTo(h.map);
      h.ready.then(function () {
        const city = h.cityBounds();
        const b = city && city.isValid() ? city.pad(0.05) : h.map.getBounds();
        box = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(5); }).join(',');
        if (city && city.isValid()) { h.map.fitBounds(city); }
        load();
      });
    } else {
      box = '119.0,31.0,120.8,32.3'; // no map library: the list still works over the demo city's extent
      load();
    }
    setInterval(tick, 1000);
    document.addEventListener('wall:changed', load);
  }
  document.addEventListener('DOMContentLoaded', start);
})();
