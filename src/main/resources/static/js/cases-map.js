// Map of open cases, coloured by overdue / warning / suspended / normal, over the shared base (cityops-map.js).
// Opens on where the cases are (all open cases inside the city's extent), then reloads for the visible box.
(function () {
  const COLOURS = { overdue: '#c62828', warned: '#ef6c00', suspended: '#777', ok: '#2e7d32' };
  function colour(c) {
    if (c.status === 'SUSPENDED') { return COLOURS.suspended; }
    if (c.overdue) { return COLOURS.overdue; }
    if (c.warned) { return COLOURS.warned; }
    return COLOURS.ok;
  }
  function init() {
    const el = document.getElementById('cases-map');
    if (!el || !window.L || !window.cityopsMap) { return; }
    const d = el.dataset;
    const h = cityopsMap.create(el, {
      legend: [
        { label: d.legendOverdue || '超期', color: COLOURS.overdue, kind: 'dot' },
        { label: d.legendWarned || '预警', color: COLOURS.warned, kind: 'dot' },
        { label: d.legendOk || '正常', color: COLOURS.ok, kind: 'dot' },
        { label: d.legendSuspended || '挂账', color: COLOURS.suspended, kind: 'dot' }]
    });
    const map = h.map;
    const layer = L.featureGroup().addTo(map);
    const count = document.getElementById('map-count');
    function boxOf(b) {
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(5); }).join(',');
    }
    async function load(bbox) {
      const rows = await window.cityops.api('/api/v1/cases/map?bbox=' + bbox + '&limit=3000');
      layer.clearLayers();
      rows.forEach(function (r) {
        const m = L.circleMarker([r.lat, r.lon], { radius: 7, color: '#fff', fillColor: colour(r), fillOpacity: 0.9, weight: 1 });
        const a = document.createElement('a');
        a.href = '/cases/' + r.id; a.textContent = r.caseNumber;
        const div = document.createElement('div');
        div.appendChild(a);
        div.appendChild(document.createTextNode(' ' + r.statusLabel + ' · ' + (r.categoryName || '') + (r.overdue ? ' · ' + (d.legendOverdue || '超期') : '')));
        m.bindPopup(div);
        m.addTo(layer);
      });
      if (count) { count.textContent = rows.length; }
      el.dataset.loaded = String(rows.length);
      return rows;
    }
    h.ready.then(async function () {
      const city = h.cityBounds();
      try {
        await load(boxOf(city && city.isValid() ? city.pad(0.05) : map.getBounds()));
        h.fit(layer);
      } catch (e) { if (count) { count.textContent = e.message; } }
      map.on('moveend', function () { load(boxOf(map.getBounds())).catch(function () { }); });
    });
  }
  document.addEventListener('DOMContentLoaded', init);
})();
