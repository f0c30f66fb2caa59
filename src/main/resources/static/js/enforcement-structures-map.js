// 违建 map layer: each structure's outline over the shared base (cityops-map.js), coloured by status; overdue
// demolition orders in red. Data from /api/v1/enforcement/structures (the viewer's area only).
(function () {
  const COLOURS = { standing: '#ef6c00', overdue: '#c62828', removed: '#2e7d32' };
  function init() {
    const el = document.getElementById('structures-map');
    if (!el || !window.L || !window.cityopsMap) { return; }
    const d = el.dataset;
    const h = cityopsMap.create(el, {
      legend: [
        { label: d.legendStanding || '在建/已建', color: COLOURS.standing, kind: 'area' },
        { label: d.legendOverdue || '逾期未拆', color: COLOURS.overdue, kind: 'area' },
        { label: d.legendRemoved || '已拆除/已整改', color: COLOURS.removed, kind: 'area' }]
    });
    const layer = L.featureGroup().addTo(h.map);
    h.ready.then(async function () {
      const rows = await window.cityops.api('/api/v1/enforcement/structures' + (d.status ? '?status=' + encodeURIComponent(d.status) : ''));
      rows.forEach(function (r) {
        const s = r.s;
        const standing = s.status === 'UNDER_CONSTRUCTION' || s.status === 'BUILT';
        const colour = !standing ? COLOURS.removed : (r.openOrder && r.openOrder.overdue ? COLOURS.overdue : COLOURS.standing);
        let shape;
        try {
          const g = JSON.parse(s.outline);
          shape = L.polygon(g.coordinates[0].map(function (c) { return [c[1], c[0]]; }),
            { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.4 });
        } catch (e) {
          shape = L.circleMarker([s.lat, s.lon], { radius: 7, color: '#fff', fillColor: colour, fillOpacity: 0.9 });
        }
        const div = document.createElement('div');
        const a = document.createElement('a');
        a.href = '/enforcement/structures/' + s.id; a.textContent = s.code;
        div.appendChild(a);
        div.appendChild(document.createTextNode(' ' + s.kindLabel + ' · ' + s.statusLabel + ' · ' + s.areaM2 + '㎡'));
        shape.bindPopup(div);
        shape.addTo(layer);
      });
      el.dataset.loaded = String(rows.length);
      if (rows.length) { h.fit(layer); }
    }).catch(function () { el.dataset.loaded = 'error'; });
  }
  document.addEventListener('DOMContentLoaded', init);
})();
