// 网格地图: the city's boundaries as the base (cityops-map.js), the grids of the visible box once close enough,
// click a grid for its codes, locate a point. Opens on the caller's area (district or street), else the whole city.
(function () {
  const el = document.getElementById('geo-map');
  if (!el || !window.L || !window.cityopsMap) { return; }
  const d = el.dataset;
  const GRID_ZOOM = 14;
  const h = cityopsMap.create(el, {
    grids: false,
    legend: [
      { label: cityopsMap.t('gridInScope'), color: '#0b5cad', kind: 'area', fill: 'rgba(11,92,173,0.12)' },
      { label: cityopsMap.t('grid'), color: '#5b6875', kind: 'area', fill: 'rgba(91,104,117,0.08)' },
      { label: cityopsMap.t('located'), color: '#b3261e', kind: 'dot' }]
  });
  const map = h.map;
  const status = document.getElementById('geo-status');
  const result = document.getElementById('geo-result');
  const layer = L.geoJSON(null, {
    style: function (f) {
      return { color: f.properties.inScope ? '#0b5cad' : '#5b6875', weight: 1, fillOpacity: f.properties.inScope ? 0.12 : 0.08 };
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
    const mine = ++seq;
    if (map.getZoom() < GRID_ZOOM) {
      layer.clearLayers();
      el.dataset.grids = '0';
      status.textContent = cityopsMap.t('zoomInForGrids');
      return;
    }
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) {
      return Math.max(-180, Math.min(180, v)).toFixed(6);
    });
    bbox[1] = Math.max(-90, bbox[1]); bbox[3] = Math.min(90, bbox[3]);
    try {
      const fc = await cityops.api('/api/v1/geo/grids?bbox=' + bbox.join(','));
      if (mine !== seq) { return; }
      layer.clearLayers();
      layer.addData(fc);
      el.dataset.grids = String(fc.features.length);
      status.textContent = (fc.truncated ? d.msgZoomIn + ' ' : '') + d.msgShown + ' ' + fc.features.length + ' / ' + fc.total;
    } catch (e) { status.textContent = e.message; }
  }

  h.ready.then(function () {
    // the caller's district or street, else the city
    const scope = d.scope || '';
    let mine = [];
    if (scope && h.streets && h.districts) {
      [h.districts, h.streets].forEach(function (g) {
        g.eachLayer(function (l) { if (l.feature.properties.code === scope) { mine.push(l); } });
      });
    }
    h.fit(mine, { padding: [8, 8], maxZoom: 15 });
    map.on('moveend', load);
    load();
    el.dataset.ready = '1';
  });

  document.getElementById('geo-locate-form').addEventListener('submit', async function (ev) {
    ev.preventDefault();
    const lat = this.elements.lat.value, lon = this.elements.lon.value;
    result.hidden = false;
    if (marker) { map.removeLayer(marker); }
    marker = L.circleMarker([parseFloat(lat), parseFloat(lon)], { radius: 7, color: '#fff', weight: 2, fillColor: '#b3261e', fillOpacity: 1 }).addTo(map);
    try {
      const loc = await cityops.api('/api/v1/geo/locate?lat=' + encodeURIComponent(lat) + '&lon=' + encodeURIComponent(lon));
      result.innerHTML = describe(loc);
      map.setView([parseFloat(lat), parseFloat(lon)], Math.max(map.getZoom(), 16));
    } catch (e) {
      result.textContent = e.status === 404 ? d.msgOutside : e.message;
    }
  });
})();
