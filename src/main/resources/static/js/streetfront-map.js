// 街面秩序地图: the street-front layers on the shared map — signs (一牌一档, circles; orange when the permit is
// expired or missing), parking areas (painted lines; red when overflowing) and no-parking zones (hatched red
// areas) and the 门前三包 zones (polygons coloured by 履约: the latest inspection of 90 days; loaded once the view is at
// most 0.2° wide). Areas, signs and zones are loaded for the visible box (bbox API, in the caller's data scope);
// names are set as text.
(function () {
  'use strict';
  const el = document.getElementById('sf-map');
  if (!el) { return; }
  const h = window.cityopsMap.create(el, {});
  const map = h.map;
  const C = { sign: '#1f5fa8', signWarn: '#d38b00', area: '#1e7d32', over: '#b3261e', zone: '#b3261e',
    COMPLIANT: '#2e7d32', NONCOMPLIANT: '#c2185b', UNINSPECTED: '#6d6d6d' };
  const ZONE_SPAN = 0.2;
  h.legend([
    { label: '户外广告/招牌', color: C.sign, kind: 'point' },
    { label: '许可过期/无许可', color: C.signWarn, kind: 'point' },
    { label: '停放区', color: C.area, kind: 'line' },
    { label: '停放区溢出', color: C.over, kind: 'line' },
    { label: '禁停区', color: C.zone, kind: 'area' },
    { label: '门前三包·履约', color: C.COMPLIANT, kind: 'area' },
    { label: '门前三包·未履约', color: C.NONCOMPLIANT, kind: 'area' },
    { label: '门前三包·近期未巡查', color: C.UNINSPECTED, kind: 'area' }]);
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
  const duty = L.featureGroup().addTo(map);
  const areas = L.featureGroup().addTo(map);
  const signs = L.featureGroup().addTo(map);
  const summary = document.getElementById('sf-summary');
  let seq = 0;
  async function load() {
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(6); }).join(',');
    const mine = ++seq;
    const near = b.getEast() - b.getWest() <= ZONE_SPAN && b.getNorth() - b.getSouth() <= ZONE_SPAN;
    const both = await Promise.all([
      window.cityops.api('/api/v1/parking/areas?bbox=' + bbox),
      window.cityops.api('/api/v1/streetfront/facilities?bbox=' + bbox),
      near ? window.cityops.api('/api/v1/streetfront/zones/map?bbox=' + bbox) : Promise.resolve(null)]);
    if (mine !== seq) { return; }
    areas.clearLayers();
    signs.clearLayers();
    duty.clearLayers();
    (both[2] || []).forEach(function (z) {
      const pts = coords(z.polygon);
      if (!pts) { return; }
      const color = C[z.status] || C.UNINSPECTED;
      L.polygon(pts, { color: color, weight: 2, fillColor: color, fillOpacity: 0.35,
        className: 'sf-duty sf-duty-' + String(z.status).toLowerCase() })
        .bindPopup('<b>' + esc(z.name) + '</b> ' + esc(z.code) +
          '<br>责任人：' + esc(z.partyName) +
          '<br>街道：' + esc(z.streetName || '—') +
          '<br>履约：' + esc(z.statusLabel) +
          '<br>红黑榜：' + esc(z.ratingLabel) + '（近90天巡查 ' + z.partyInspections + ' 次，履约率 ' +
          (z.partyComplianceRate == null ? '—' : z.partyComplianceRate + '%') + '）' +
          '<br><a href="/streetfront/parties/' + encodeURIComponent(z.partyCreditCode) + '">责任人档案</a> · ' +
          '<a href="/streetfront/zones/' + z.id + '">责任区详情</a>')
        .addTo(duty);
    });
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
    summary.textContent = '本视图：停放区 ' + both[0].length + '（溢出 ' + over + '）· 设施 ' + both[1].length +
      (both[2] ? ' · 门前三包责任区 ' + both[2].length : ' · 门前三包责任区：请放大地图');
    el.dataset.zones = both[2] ? String(both[2].length) : '';
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
