// Map of open cases in the visible box, coloured by overdue / warning / suspended / normal.
(function () {
  function colour(c) {
    if (c.status === 'SUSPENDED') { return '#777'; }
    if (c.overdue) { return '#c62828'; }
    if (c.warned) { return '#ef6c00'; }
    return '#2e7d32';
  }
  function init() {
    const el = document.getElementById('cases-map');
    if (!el || !window.L) { return; }
    const c = (el.dataset.center || '31.79,119.95,11').split(',').map(parseFloat);
    const map = L.map(el).setView([c[0], c[1]], c[2] || 11);
    if (el.dataset.tileUrl) { L.tileLayer(el.dataset.tileUrl, { maxZoom: 19 }).addTo(map); }
    const layer = L.layerGroup().addTo(map);
    const count = document.getElementById('map-count');
    async function load() {
      const b = map.getBounds();
      const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(5); }).join(',');
      const rows = await window.cityops.api('/api/v1/cases/map?bbox=' + bbox + '&limit=3000');
      layer.clearLayers();
      rows.forEach(function (r) {
        const m = L.circleMarker([r.lat, r.lon], { radius: 7, color: colour(r), fillOpacity: 0.8, weight: 1 });
        const a = document.createElement('a');
        a.href = '/cases/' + r.id; a.textContent = r.caseNumber;
        const div = document.createElement('div');
        div.appendChild(a);
        div.appendChild(document.createTextNode(' ' + r.statusLabel + ' · ' + (r.categoryName || '') + (r.overdue ? ' · 超期' : '')));
        m.bindPopup(div);
        m.addTo(layer);
      });
      if (count) { count.textContent = rows.length; }
      el.dataset.loaded = String(rows.length);
    }
    map.on('moveend', load);
    load();
  }
  document.addEventListener('DOMContentLoaded', init);
})();
