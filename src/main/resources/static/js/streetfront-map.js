// 街面秩序地图: the street-front layers on the shared map — signs (一牌一档, circles; orange when the permit is
// expired or missing), parking areas (painted lines; red when overflowing) and no-parking zones (hatched red
// areas). Areas and signs are loaded for the visible box (bbox API, in the caller's data scope); names are set as text.
(function () {
  'use strict';
  const el = document.getElementById('sf-map');
  if (!el) { return; }
  const h = window.cityopsMap.create(el, {});
  const map = h.map;
  const C = { sign: '#1f5fa8', signWarn: '#d38b00', area: '#1e7d32', over: '#b3261e', zone: '#b3261e' };
  h.legend([
    { label: '户外广告/招牌', color: C.sign, kind: 'point' },
    { label: '许可过期/无许可', color: C.signWarn, kind: 'point' },
    { label: '停放区', color: C.area, kind: 'line' },
    { label: '停放区溢出', color: C.over, kind: 'line' },
    { label: '禁停区', color: C.zone, kind: 'area' }]);
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function coords(wkt) {
    const m = /\(+([^()]*)\)/.exec(wkt || '');
    if (!m) { return null; }
    return m[1].split(',').map(function (p) {
      const xy = p.trim().split(/\s+/).map(Number);
      return [xy[1], xy[0]];
    });
  }
  const zones = L.featureGroup().addTo(map);
  const areas = L.featureGroup().addTo(map);
  const signs = L.featureGroup().addTo(map);
  const summary = document.getElementById('sf-summary');
  let seq = 0;
  async function load() {
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(6); }).join(',');
    const mine = ++seq;
    const both = await Promise.all([
      window.cityops.api('/api/v1/parking/areas?bbox=' + bbox),
      window.cityops.api('/api/v1/streetfront/facilities?bbox=' + bbox)]);
    if (mine !== seq) { return; }
    areas.clearLayers();
    signs.clearLayers();
    let over = 0;
    both[0].forEach(function (a) {
      const pts = coords(a.lineWkt);
      if (!pts) { return; }
      if (a.overflowing) { over++; }
      L.polyline(pts, { color: a.overflowing ? C.over : C.area, weight: a.overflowing ? 6 : 4, opacity: 0.9,
        className: a.overflowing ? 'sf-area-over' : 'sf-area' })
        .bindPopup('<b>' + esc(a.name) + '</b> ' + esc(a.code) + '<br>' + (a.occupancy == null ? '—' : a.occupancy) + ' / ' +
          a.capacity + ' 辆 · ' + a.lengthM + ' m<br><a href="/streetfront/parking/areas/' + a.id + '">停放区详情</a>')
        .addTo(areas);
    });
    both[1].forEach(function (f) {
      const warn = f.permitStatus === 'EXPIRED' || f.permitStatus === 'NONE';
      L.circleMarker([f.lat, f.lon], { radius: 6, color: warn ? C.signWarn : C.sign, fillOpacity: 0.8, className: 'sf-sign' })
        .bindPopup('<b>' + esc(f.name) + '</b> ' + esc(f.code) + '<br>' + esc(f.ownerName) + ' · ' + esc(f.permitStatusLabel) +
          '<br><a href="/streetfront/facilities/' + f.id + '">设施档案</a>')
        .addTo(signs);
    });
    summary.textContent = '本视图：停放区 ' + both[0].length + '（溢出 ' + over + '）· 设施 ' + both[1].length;
    el.dataset.areas = String(both[0].length);
    el.dataset.signs = String(both[1].length);
    el.dataset.ready = '1';
  }
  h.ready.then(async function () {
    const zs = await window.cityops.api('/api/v1/parking/zones');
    zs.forEach(function (z) {
      const pts = coords(z.polygonWkt);
      if (pts) {
        L.polygon(pts, { color: C.zone, weight: 1.5, fillOpacity: 0.15, dashArray: '4 3' })
          .bindPopup('<b>禁停区</b> ' + esc(z.name)).addTo(zones);
      }
    });
    const params = new URLSearchParams(location.search);
    if (params.get('lat') && params.get('lon')) {
      map.setView([Number(params.get('lat')), Number(params.get('lon'))], 17);
    } else {
      h.fitCity();
    }
    await load();
    map.on('moveend', function () { load().catch(function () { el.dataset.ready = 'error'; }); });
  }).catch(function () { el.dataset.ready = 'error'; });
})();
