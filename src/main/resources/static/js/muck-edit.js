// Registry create/edit form: loads the record (edit), draws or takes pasted GeoJSON/WKT geometry on a map without
// tiles, saves through /api/v1/muck/{kind} and shows the API's validation errors next to their fields.
(function () {
  const form = document.getElementById('muck-edit');
  if (!form) { return; }
  const kind = form.dataset.kind;
  const id = form.dataset.id;
  const api = '/api/v1/muck/' + kind;
  const banner = document.getElementById('muck-edit-error');

  // ---- geometry: GeoJSON or WKT in the textarea, clicks on the map add vertices
  const geo = form.querySelector('.muck-geometry');
  let text = null;
  let map = null;
  let shape = null;
  let drawn = null;
  let points = [];
  function round(x) { return Math.round(x * 1e6) / 1e6; }
  function toWkt(pts) {
    if (!pts.length) { return ''; }
    const ring = pts.map(function (p) { return round(p[1]) + ' ' + round(p[0]); });
    if (shape === 'line') { return 'LINESTRING(' + ring.join(', ') + ')'; }
    if (pts.length < 3) { return ''; }
    return 'POLYGON((' + ring.concat([ring[0]]).join(', ') + '))';
  }
  /** GeoJSON (Feature, geometry, Polygon, LineString) → [[lat, lng], ...]; null when it is not GeoJSON. */
  function fromGeoJson(s) {
    let g;
    try { g = JSON.parse(s); } catch (e) { return null; }
    if (g && g.type === 'FeatureCollection' && g.features && g.features.length) { g = g.features[0]; }
    if (g && g.type === 'Feature') { g = g.geometry; }
    if (!g || !g.coordinates) { return null; }
    let coords = g.type === 'Polygon' ? g.coordinates[0] : g.type === 'MultiPolygon' ? g.coordinates[0][0] : g.coordinates;
    coords = coords.map(function (c) { return [c[1], c[0]]; });
    if (g.type !== 'LineString' && coords.length > 1) {
      const a = coords[0];
      const b = coords[coords.length - 1];
      if (a[0] === b[0] && a[1] === b[1]) { coords.pop(); }
    }
    return coords;
  }
  function fromText(s) {
    s = (s || '').trim();
    if (!s) { return []; }
    if (s.charAt(0) === '{') { return fromGeoJson(s); }
    const g = window.muck.parseWkt(s);
    if (!g) { return null; }
    if (g.type === 'polygon') {
      const ring = g.coords[0] || [];
      return ring.length > 1 ? ring.slice(0, ring.length - 1) : ring;
    }
    return g.coords;
  }
  function redraw() {
    if (!map) { return; }
    if (drawn) { map.removeLayer(drawn); }
    const style = { color: '#0b57d0', weight: 3 };
    drawn = L.layerGroup(points.map(function (p) { return L.circleMarker(p, { radius: 4, color: '#0b57d0' }); }));
    if (points.length > 1) {
      drawn.addLayer(shape === 'line' ? L.polyline(points, style) : L.polygon(points, style));
    }
    drawn.addTo(map);
  }
  function fromMap() {
    text.value = toWkt(points);
    redraw();
  }
  function setFromText(fit) {
    const pts = fromText(text.value);
    if (pts === null) {
      showError(text.dataset.field, '无法识别的 GeoJSON 或 WKT unreadable geometry');
      return;
    }
    clearError(text.dataset.field);
    points = pts;
    redraw();
    if (fit && map && points.length) { map.fitBounds(L.latLngBounds(points).pad(0.5)); }
  }
  function setupMap() {
    if (!geo) { return; }
    text = geo.querySelector('textarea');
    shape = geo.dataset.shape;
    map = window.muck.createMap(document.getElementById('muck-edit-map'), { legend: [
      { label: '正在绘制', color: '#0b57d0', kind: 'line' },
      { label: '已登记的工地、消纳场', color: '#8a96a3', kind: 'area', fill: 'rgba(138,150,163,0.1)' },
      { label: '禁行区、限速区', color: '#b3261e', kind: 'area', fill: 'rgba(179,38,30,0.1)' }] });
    // the registry's other places, so a clerk can find the spot even without a basemap
    const places = L.layerGroup().addTo(map);
    const loaded = ['sites', 'disposal-sites', 'zones'].map(function (k) {
      return cityops.api('/api/v1/muck/' + k).then(function (rows) {
        rows.forEach(function (r) {
          if (kind === k && String(r.id) === String(id)) { return; }
          const l = window.muck.layer(r.polygon, { color: k === 'zones' ? '#b3261e' : '#8a96a3', weight: 1, fillOpacity: 0.1 });
          if (l) { l.bindTooltip(window.muck.esc(r.name)).addTo(places); }
        });
      }).catch(function () { });
    });
    // a new record opens on the registered places (an existing one on its own shape, once loaded)
    if (!id) { Promise.all(loaded.concat([map.cityops.ready])).then(function () { map.cityops.fit(places, { maxZoom: 15 }); }); }
    map.on('click', function (e) { points.push([e.latlng.lat, e.latlng.lng]); fromMap(); });
    geo.querySelector('[data-geo=undo]').addEventListener('click', function () { points.pop(); fromMap(); });
    geo.querySelector('[data-geo=clear]').addEventListener('click', function () { points = []; fromMap(); });
    text.addEventListener('change', function () { setFromText(true); });
  }

  // ---- fields
  function fields() { return form.querySelectorAll('[data-field]'); }
  function value(el) {
    const type = el.dataset.type || el.type;
    if (el.multiple) {
      return Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return Number(o.value); });
    }
    const v = el.value.trim();
    if (v === '') { return null; }
    if (type === 'number') { return Number(v); }
    if (text && el === text) { return toWkt(points) || v; }
    return v;
  }
  function fill(record) {
    fields().forEach(function (el) {
      const v = record[el.dataset.field];
      if (v == null) { return; }
      if (el.multiple) {
        const set = v.map(String);
        Array.prototype.forEach.call(el.options, function (o) { o.selected = set.indexOf(o.value) >= 0; });
      } else {
        el.value = String(v).length === 8 && el.type === 'time' ? String(v).substring(0, 5) : v;
      }
    });
    if (text) { setFromText(true); }
  }
  function errorSlot(field) {
    const base = String(field || '').replace(/\[.*$/, '').split('.')[0];
    return form.querySelector('[data-error-for="' + base + '"]');
  }
  function showError(field, message) {
    const slot = errorSlot(field);
    if (!slot) { return false; }
    slot.textContent = message;
    slot.closest('.muck-field').classList.add('invalid');
    return true;
  }
  function clearError(field) {
    const slot = errorSlot(field);
    if (slot) { slot.textContent = ''; slot.closest('.muck-field').classList.remove('invalid'); }
  }
  function clearErrors() {
    banner.hidden = true;
    form.querySelectorAll('.field-error').forEach(function (s) { s.textContent = ''; });
    form.querySelectorAll('.invalid').forEach(function (s) { s.classList.remove('invalid'); });
  }
  function required() {
    let ok = true;
    fields().forEach(function (el) {
      const v = value(el);
      if (el.required && (v == null || (Array.isArray(v) && !v.length))) {
        showError(el.dataset.field, '必填 required');
        ok = false;
      }
    });
    if (geo && geo.dataset.shape === 'polygon' && !toWkt(points) && !(text.value || '').trim()) {
      showError(text.dataset.field, '请在地图上画出范围或粘贴 GeoJSON/WKT draw the area or paste GeoJSON/WKT');
      ok = false;
    }
    return ok;
  }

  form.addEventListener('submit', async function (e) {
    e.preventDefault();
    clearErrors();
    if (!required()) { return; }
    const body = {};
    fields().forEach(function (el) { body[el.dataset.field] = value(el); });
    try {
      await cityops.api(id ? api + '/' + id : api, { method: id ? 'PUT' : 'POST', body: body });
      window.location.href = form.dataset.back + '?saved=' + encodeURIComponent(kind);
    } catch (err) {
      const b = err.body || {};
      let placed = false;
      (b.errors || []).forEach(function (x) { placed = showError(x.field, x.message) || placed; });
      if (b.field) { placed = showError(b.field, b.detail || err.message) || placed; }
      if (!placed || err.status !== 400) {
        banner.textContent = err.message;
        banner.hidden = false;
      }
    }
  });

  setupMap();
  if (id) {
    cityops.api(api + '/' + id).then(fill).catch(function (err) { banner.textContent = err.message; banner.hidden = false; });
  }
})();
