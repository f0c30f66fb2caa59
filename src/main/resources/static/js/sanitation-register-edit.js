// 环卫台账 form: the post's polygon or the road segment's line (clicks on the map add corners / points; pasted GeoJSON or
// WKT is drawn) or the collection point's position (a click sets latitude and longitude). The server checks everything
// again on save.
(function () {
  'use strict';
  const geo = document.querySelector('.register-geometry');
  const el = document.getElementById('register-map');
  if (!geo || !el || !window.cityopsMap || !window.L) { return; }
  const shape = geo.dataset.shape;
  const line = shape === 'line';
  const legend = shape === 'point' ? '收集点' : line ? '路段线形' : '岗位范围';
  const h = window.cityopsMap.create(el, { center: [31.79, 119.95], zoom: 12,
    legend: [{ label: legend, color: '#0b57d0', kind: shape === 'point' ? 'dot' : line ? 'line' : 'area' }] });
  const map = h.map;
  let drawn = null;
  function round(x) { return Math.round(x * 1e6) / 1e6; }

  if (shape === 'point') {
    const lat = geo.querySelector('input[name=lat]');
    const lon = geo.querySelector('input[name=lon]');
    function draw(fit) {
      if (drawn) { map.removeLayer(drawn); drawn = null; }
      const a = parseFloat(lat.value);
      const b = parseFloat(lon.value);
      if (isFinite(a) && isFinite(b)) {
        drawn = L.circleMarker([a, b], { radius: 7, color: '#0b57d0' }).addTo(map);
        if (fit) { map.setView([a, b], 16); }
      }
    }
    map.on('click', function (e) { lat.value = round(e.latlng.lat); lon.value = round(e.latlng.lng); draw(false); });
    lat.addEventListener('change', function () { draw(true); });
    lon.addEventListener('change', function () { draw(true); });
    draw(true);
    return;
  }

  const text = geo.querySelector('textarea');
  let points = [];
  function toWkt(pts) {
    if (line) {
      if (pts.length < 2) { return ''; }
      return 'LINESTRING(' + pts.map(function (p) { return round(p[1]) + ' ' + round(p[0]); }).join(', ') + ')';
    }
    if (pts.length < 3) { return ''; }
    const ring = pts.map(function (p) { return round(p[1]) + ' ' + round(p[0]); });
    return 'POLYGON((' + ring.concat([ring[0]]).join(', ') + '))';
  }
  /**
   * GeoJSON (FeatureCollection, Feature, Polygon / LineString) or WKT POLYGON / LINESTRING → [[lat, lng], ...], a
   * polygon without the closing point.
   */
  function parse(s) {
    s = (s || '').trim();
    if (!s) { return []; }
    let ring = null;
    if (s.charAt(0) === '{') {
      let g;
      try { g = JSON.parse(s); } catch (e) { return null; }
      if (g && g.type === 'FeatureCollection' && g.features && g.features.length) { g = g.features[0]; }
      if (g && g.type === 'Feature') { g = g.geometry; }
      if (!g || !g.coordinates) { return null; }
      ring = line
        ? (g.type === 'LineString' ? g.coordinates : g.type === 'MultiLineString' ? g.coordinates[0] : null)
        : (g.type === 'Polygon' ? g.coordinates[0] : g.type === 'MultiPolygon' ? g.coordinates[0][0] : null);
    } else if (line) {
      const m = /^\s*(MULTI)?LINESTRING\s*\(+\s*([^()]*)\)/i.exec(s);
      if (!m) { return null; }
      ring = m[2].split(',').map(function (pair) { return pair.trim().split(/\s+/).map(Number); });
    } else {
      const m = /^\s*(MULTI)?POLYGON\s*\(+\s*([^()]*)\)/i.exec(s);
      if (!m) { return null; }
      ring = m[2].split(',').map(function (pair) { return pair.trim().split(/\s+/).map(Number); });
    }
    if (!ring) { return null; }
    const pts = ring.filter(function (c) { return c.length >= 2 && isFinite(c[0]) && isFinite(c[1]); })
      .map(function (c) { return [c[1], c[0]]; });
    if (!line && pts.length > 1) {
      const a = pts[0];
      const b = pts[pts.length - 1];
      if (a[0] === b[0] && a[1] === b[1]) { pts.pop(); }
    }
    return pts;
  }
  function redraw() {
    if (drawn) { map.removeLayer(drawn); }
    drawn = L.layerGroup(points.map(function (p) { return L.circleMarker(p, { radius: 4, color: '#0b57d0' }); }));
    if (points.length > 1) {
      drawn.addLayer(line ? L.polyline(points, { color: '#0b57d0', weight: 5 }) : L.polygon(points, { color: '#0b57d0', weight: 3 }));
    }
    drawn.addTo(map);
  }
  function fromMap() { text.value = toWkt(points); redraw(); }
  function fromText(fit) {
    const pts = parse(text.value);
    text.setCustomValidity(pts === null ? '无法识别的 GeoJSON 或 WKT unreadable geometry' : '');
    if (pts === null) { text.reportValidity(); return; }
    points = pts;
    // a pasted GeoJSON is sent as WKT, the form's one format
    if (text.value.trim().charAt(0) === '{' && points.length >= (line ? 2 : 3)) { text.value = toWkt(points); }
    redraw();
    if (fit && points.length) { map.fitBounds(L.latLngBounds(points).pad(0.5)); }
  }
  map.on('click', function (e) { points.push([e.latlng.lat, e.latlng.lng]); fromMap(); });
  geo.querySelector('[data-geo=undo]').addEventListener('click', function () { points.pop(); fromMap(); });
  geo.querySelector('[data-geo=clear]').addEventListener('click', function () { points = []; fromMap(); });
  text.addEventListener('change', function () { fromText(true); });
  fromText(true);
})();
