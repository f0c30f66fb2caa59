// 网格地图: grids from /api/v1/geo/grids for the visible box, click a grid for its codes, locate a point.
(function () {
  const el = document.getElementById('geo-map');
  if (!el || !window.L) { return; }
  const d = el.dataset;
  const map = L.map(el, { preferCanvas: true }).setView([parseFloat(d.centerLat), parseFloat(d.centerLon)],
    parseInt(d.zoom, 10));
  if (d.tileUrl) { L.tileLayer(d.tileUrl, { maxZoom: 19 }).addTo(map); }
  const status = document.getElementById('geo-status');
  const result = document.getElementById('geo-result');
  const layer = L.geoJSON(null, {
    style: function (f) {
      return { color: f.properties.inScope ? '#0b5cad' : '#5b6875', weight: 1, fillOpacity: 0.08 };
    },
    onEachFeature: function (f, l) { l.on('click', function () { l.bindPopup(describe(f.properties)).openPopup(); }); }
  }).addTo(map);
  let marker = null;
  let seq = 0;

  function esc(s) { const t = document.createElement('span'); t.textContent = s == null ? '' : String(s); return t.innerHTML; }
  function describe(p) {
    return '<b>' + esc(d.msgGrid) + '</b> ' + esc(p.gridCode || p.code) + '<br>' +
      esc(d.msgCommunity) + ' ' + esc(p.communityName) + ' (' + esc(p.communityCode) + ')<br>' +
      esc(d.msgStreet) + ' ' + esc(p.streetName) + ' (' + esc(p.streetCode) + ')<br>' +
      esc(d.msgDistrict) + ' ' + esc(p.districtName) + ' (' + esc(p.districtCode) + ')' +
      (p.areaM2 ? '<br>' + esc(d.msgArea) + ' ' + esc(p.areaM2) + ' m²' : '');
  }
  async function load() {
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) {
      return Math.max(-180, Math.min(180, v)).toFixed(6);
    });
    bbox[1] = Math.max(-90, bbox[1]); bbox[3] = Math.min(90, bbox[3]);
    const mine = ++seq;
    try {
      const fc = await cityops.api('/api/v1/geo/grids?bbox=' + bbox.join(','));
      if (mine !== seq) { return; }
      layer.clearLayers();
      layer.addData(fc);
      status.textContent = (fc.truncated ? d.msgZoomIn + ' ' : '') + d.msgShown + ' ' + fc.features.length + ' / ' + fc.total;
    } catch (e) { status.textContent = e.message; }
  }
  map.on('moveend', load);
  load();

  document.getElementById('geo-locate-form').addEventListener('submit', async function (ev) {
    ev.preventDefault();
    const lat = this.elements.lat.value, lon = this.elements.lon.value;
    result.hidden = false;
    if (marker) { map.removeLayer(marker); }
    marker = L.circleMarker([parseFloat(lat), parseFloat(lon)], { radius: 6, color: '#b3261e' }).addTo(map);
    try {
      const loc = await cityops.api('/api/v1/geo/locate?lat=' + encodeURIComponent(lat) + '&lon=' + encodeURIComponent(lon));
      result.innerHTML = describe(loc);
      map.setView([parseFloat(lat), parseFloat(lon)], Math.max(map.getZoom(), 15));
    } catch (e) {
      result.textContent = e.status === 404 ? d.msgOutside : e.message;
    }
  });
})();
