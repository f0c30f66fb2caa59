// Shared helpers of the construction-waste console: WKT → Leaflet lat/lng arrays, a map with an optional tile layer.
(function () {
  function numbers(text) {
    return text.trim().split(/\s*,\s*/).map(function (pair) {
      const xy = pair.trim().replace(/[()]/g, '').split(/\s+/).map(Number);
      return [xy[1], xy[0]]; // WKT is lon lat; Leaflet wants lat lng
    });
  }
  /** Parses POLYGON, MULTIPOLYGON (outer rings), LINESTRING, POINT and MULTIPOINT. */
  function parseWkt(wkt) {
    if (!wkt) { return null; }
    const m = /^\s*(\w+)\s*(.*)$/s.exec(wkt);
    if (!m) { return null; }
    const type = m[1].toUpperCase();
    const body = m[2];
    if (type === 'LINESTRING') { return { type: 'line', coords: numbers(body.replace(/^\(|\)$/g, '')) }; }
    if (type === 'POINT') { return { type: 'points', coords: numbers(body.replace(/^\(|\)$/g, '')) }; }
    if (type === 'MULTIPOINT') { return { type: 'points', coords: numbers(body.replace(/^\(|\)$/g, '')) }; }
    if (type === 'POLYGON' || type === 'MULTIPOLYGON') {
      const rings = body.match(/\(\s*[-\d.]+\s+[-\d.]+(?:\s*,\s*[-\d.]+\s+[-\d.]+)*\s*\)/g) || [];
      return { type: 'polygon', coords: rings.map(function (r) { return numbers(r); }) };
    }
    return null;
  }
  function layer(wkt, style) {
    const g = parseWkt(wkt);
    if (!g) { return null; }
    if (g.type === 'line') { return L.polyline(g.coords, style); }
    if (g.type === 'polygon') { return L.polygon(g.coords, style); }
    return L.layerGroup(g.coords.map(function (c) { return L.circleMarker(c, Object.assign({ radius: 4 }, style)); }));
  }
  /** A map over the shared base (cityops-map.js); map.cityops is the helper's handle (legend, fit, ready). */
  function createMap(el, options) {
    const h = window.cityopsMap.create(el, Object.assign({
      center: [parseFloat(el.dataset.centerLat || '31.79'), parseFloat(el.dataset.centerLon || '119.95')],
      zoom: parseInt(el.dataset.zoom || '11', 10) }, options || {}));
    h.map.cityops = h;
    return h.map;
  }
  const STATE_COLORS = { LOADED: '#d35400', EMPTY: '#1e7d32', ALARM: '#b3261e', OFFLINE_PERMIT: '#7b1fa2', OFFLINE: '#8a96a3' };
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function fmt(iso) {
    if (!iso) { return ''; }
    return window.cityops.time(iso);
  }
  window.muck = { parseWkt: parseWkt, layer: layer, createMap: createMap, STATE_COLORS: STATE_COLORS, esc: esc, fmt: fmt };
})();
