// Coverage map (环卫作业覆盖图): every segment of the day coloured by its status; a click opens the segment's day.
(function () {
  'use strict';
  const el = document.getElementById('san-map');
  if (!el) { return; }
  const day = el.dataset.day;
  const h = window.cityopsMap.create(el, {});
  const map = h.map;
  const COLORS = { DONE: '#1e7d32', PARTIAL: '#d38b00', MISSED: '#b3261e', UNPLANNED: '#8a96a3' };
  const LABELS = { DONE: '已完成', PARTIAL: '部分覆盖', MISSED: '未作业', UNPLANNED: '无计划' };
  h.legend(Object.keys(COLORS).map(function (k) { return { label: LABELS[k], color: COLORS[k], kind: 'line' }; }));
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function line(wkt) {
    const m = /LINESTRING\s*\(([^)]*)\)/i.exec(wkt || '');
    if (!m) { return null; }
    return m[1].split(',').map(function (p) {
      const xy = p.trim().split(/\s+/).map(Number);
      return [xy[1], xy[0]];
    });
  }
  function pct(x) { return (Math.round(x * 1000) / 10).toFixed(1) + '%'; }
  cityops.api('/api/v1/sanitation/coverage?day=' + encodeURIComponent(day)).then(function (rows) {
    const layer = L.featureGroup().addTo(map);
    const tbody = document.getElementById('san-rows');
    const counts = { DONE: 0, PARTIAL: 0, MISSED: 0, UNPLANNED: 0 };
    rows.forEach(function (s) {
      counts[s.status]++;
      const pts = line(s.wkt);
      const href = '/sanitation/segments/' + s.segmentId + '?day=' + encodeURIComponent(day);
      if (pts) {
        L.polyline(pts, { color: COLORS[s.status], weight: 5, opacity: 0.85 })
          .bindPopup('<b>' + esc(s.name) + '</b><br>' + esc(s.statusLabel) + ' · 覆盖 ' + pct(s.coverage) +
            '<br><a href="' + href + '">作业详情</a>')
          .addTo(layer);
      }
      const tr = document.createElement('tr');
      tr.dataset.status = s.status;
      tr.innerHTML = '<td><code>' + esc(s.code) + '</code></td><td><a href="' + href + '">' + esc(s.name) + '</a></td><td>' +
        esc(s.section) + '</td><td>' + s.plannedPasses + '</td><td>' + s.fullPasses + '</td><td>' + pct(s.coverage) +
        '</td><td><span class="san-status" style="color:' + COLORS[s.status] + '">' + esc(s.statusLabel) + '</span></td>';
      tbody.appendChild(tr);
    });
    document.getElementById('san-summary').textContent = '已完成 ' + counts.DONE + ' · 部分覆盖 ' + counts.PARTIAL +
      ' · 未作业 ' + counts.MISSED + ' · 无计划 ' + counts.UNPLANNED;
    if (rows.length) { map.fitBounds(layer.getBounds(), { padding: [20, 20] }); }
    el.dataset.ready = '1';
  }).catch(function () { el.dataset.ready = 'error'; });
})();
