// Live map (实时监控): fences, routes and zones, and every truck coloured by state; refreshed every 15 s.
(function () {
  const el = document.getElementById('muck-map');
  if (!el) { return; }
  const readOnly = el.dataset.readOnly === 'true'; // a leader reads: no registry or track links
  const map = muck.createMap(el);
  const fences = L.layerGroup().addTo(map);
  const trucks = L.layerGroup().addTo(map);
  const labels = { LOADED: '重车', EMPTY: '空车', ALARM: '报警', OFFLINE_PERMIT: '核准期内离线', OFFLINE: '离线' };
  const loads = { EMPTY: '空载', HALF: '半载', FULL: '满载', LOADED: '重载' };
  map.cityops.legend(Object.keys(labels).map(function (k) {
    return { label: labels[k], color: muck.STATE_COLORS[k], kind: 'dot' };
  }).concat([
    { label: '工地', color: '#d35400', kind: 'area', fill: 'rgba(211,84,0,0.15)' },
    { label: '消纳场', color: '#1e7d32', kind: 'area', fill: 'rgba(30,125,50,0.15)' },
    { label: '禁行区', color: '#b3261e', kind: 'area', fill: 'rgba(179,38,30,0.2)' },
    { label: '限速区', color: '#b26a00', kind: 'area', fill: 'rgba(178,106,0,0.05)' },
    { label: '核准路线', color: '#0b5cad', kind: 'line', dash: true }]));

  async function drawFences() {
    try {
      const [sites, disposals, zones, permits] = await Promise.all([
        cityops.api('/api/v1/muck/sites'), cityops.api('/api/v1/muck/disposal-sites'),
        cityops.api('/api/v1/muck/zones'), cityops.api('/api/v1/muck/permits')]);
      permits.forEach(function (p) {
        const l = muck.layer(p.route, { color: '#0b5cad', weight: 3, opacity: 0.6, dashArray: '6 4' });
        if (l) { l.bindTooltip(muck.esc('核准路线 ' + p.permitNo)).addTo(fences); }
      });
      sites.forEach(function (s) {
        const l = muck.layer(s.polygon, { color: '#d35400', weight: 2, fillOpacity: 0.15 });
        if (l) {
          l.bindPopup('<b>工地</b> ' + (readOnly ? muck.esc(s.name)
            : '<a href="/muck/sites/' + encodeURIComponent(s.id) + '">' + muck.esc(s.name) + '</a>')).addTo(fences);
        }
      });
      disposals.forEach(function (d) {
        const l = muck.layer(d.polygon, { color: '#1e7d32', weight: 2, fillOpacity: 0.15 });
        if (l) { l.bindPopup('<b>消纳场</b> ' + muck.esc(d.name) + '<br>剩余库容 ' + muck.esc(d.remainingM3) + ' m³').addTo(fences); }
      });
      zones.forEach(function (z) {
        const noGo = z.kind === 'NO_GO';
        const l = muck.layer(z.polygon, { color: noGo ? '#b3261e' : '#b26a00', weight: 1, fillOpacity: noGo ? 0.2 : 0.05 });
        if (l) {
          l.bindTooltip(muck.esc((noGo ? '禁行区 ' : '限速区 ') + z.name + (z.speedLimitKmh ? ' ' + z.speedLimitKmh + 'km/h' : '')
            + (z.windowStart ? ' ' + z.windowStart + '-' + z.windowEnd : ''))).addTo(fences);
        }
      });
    } catch (e) { console.warn('fences', e); }
  }

  async function refresh() {
    try {
      const vehicles = await cityops.api('/api/v1/muck/vehicles/live');
      trucks.clearLayers();
      const counts = {};
      const rows = [];
      vehicles.forEach(function (v) {
        counts[v.state] = (counts[v.state] || 0) + 1;
        rows.push('<tr data-state="' + muck.esc(v.state) + '"><td>' + (readOnly ? muck.esc(v.plate)
          : '<a href="' + muck.esc(el.dataset.trackUrl) + '?vehicle=' + encodeURIComponent(v.id) + '">' + muck.esc(v.plate) + '</a>')
          + '</td><td>' + muck.esc(v.companyName) + '</td><td><span class="badge muck-' + muck.esc(v.state) + '">'
          + muck.esc(labels[v.state]) + '</span></td><td>' + (v.speed == null ? '' : Math.round(v.speed)) + '</td><td>'
          + muck.fmt(v.receivedAt) + '</td><td>' + muck.esc((v.openAlarmLabels || v.openAlarms).join('、')) + '</td></tr>');
        if (v.lat == null) { return; }
        L.circleMarker([v.lat, v.lon], { radius: 7, color: '#fff', weight: 1, fillColor: muck.STATE_COLORS[v.state], fillOpacity: 0.95 })
          .bindPopup('<b>' + muck.esc(v.plate) + '</b> ' + muck.esc(labels[v.state]) + '<br>' + muck.esc(v.companyName || '')
            + '<br>速度 ' + Math.round(v.speed) + ' km/h · ' + muck.esc(loads[v.load] || v.load || '') + '<br>' + muck.fmt(v.receivedAt)
            + (v.openAlarms.length ? '<br>报警：' + muck.esc((v.openAlarmLabels || v.openAlarms).join('、')) : '')
            + (readOnly ? '' : '<br><a href="' + muck.esc(el.dataset.trackUrl) + '?vehicle=' + encodeURIComponent(v.id) + '">轨迹回放</a>'))
          .addTo(trucks);
      });
      document.getElementById('muck-live-rows').innerHTML = rows.join('');
      document.getElementById('muck-live-summary').textContent = '共 ' + vehicles.length + ' 辆 · '
        + Object.keys(labels).map(function (k) { return labels[k] + ' ' + (counts[k] || 0); }).join(' · ');
    } catch (e) {
      document.getElementById('muck-live-summary').textContent = '刷新失败 ' + e.message;
    }
  }
  // open on what there is to watch: the fences, routes and trucks (the city when there is nothing yet)
  Promise.all([map.cityops.ready, drawFences(), refresh()]).then(function () {
    map.cityops.fit([fences, trucks], { maxZoom: 15 });
    el.dataset.ready = '1';
  });
  setInterval(refresh, 15000);
})();
