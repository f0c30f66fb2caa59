// Track playback (轨迹回放): positions from telemetry's track store, or, where that is not available, the evidence
// positions the alarm engine kept; the vehicle's alarms on the timeline.
(function () {
  const el = document.getElementById('muck-track-map');
  if (!el) { return; }
  const map = muck.createMap(el, { legend: [
    { label: '行驶轨迹', color: '#0b5cad', kind: 'line' },
    { label: '当前位置', color: '#d35400', kind: 'dot' },
    { label: '报警位置', color: '#b3261e', kind: 'dot' }] });
  const layer = L.layerGroup().addTo(map);
  const form = document.getElementById('muck-track-form');
  const select = document.getElementById('muck-track-vehicle');
  const fromInput = document.getElementById('muck-track-from');
  const toInput = document.getElementById('muck-track-to');
  const slider = document.getElementById('muck-track-slider');
  const info = document.getElementById('muck-track-info');
  const timeline = document.getElementById('muck-track-timeline');
  let points = [];
  let cursor = null;
  let timer = null;

  function local(d) {
    const z = new Date(d.getTime() + 8 * 3600 * 1000); // city time (UTC+8) in the datetime-local input
    return z.toISOString().slice(0, 16);
  }
  function toInstant(v) { return new Date(v + ':00+08:00').toISOString(); }
  const now = new Date();
  toInput.value = local(now);
  fromInput.value = local(new Date(now.getTime() - 24 * 3600 * 1000));

  function normalise(data) {
    const list = Array.isArray(data) ? data : (data && (data.items || data.positions || data.content)) || [];
    return list.map(function (p) {
      return { t: p.time || p.t || p.deviceTime, lat: p.lat, lon: p.lon, speed: p.speedKmh != null ? p.speedKmh : p.speed };
    }).filter(function (p) { return p.lat != null && p.lon != null; })
      .sort(function (a, b) { return new Date(a.t) - new Date(b.t); });
  }

  async function load() {
    const option = select.options[select.selectedIndex];
    if (!option) { return; }
    const from = toInstant(fromInput.value);
    const to = toInstant(toInput.value);
    let source = 'telemetry';
    try {
      points = normalise(await cityops.api('/api/v1/telemetry/terminals/' + option.dataset.terminal
        + '/positions?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to)));
    } catch (e) {
      source = 'evidence';
      points = normalise(await cityops.api('/api/v1/muck/vehicles/' + option.value + '/evidence?from='
        + encodeURIComponent(from) + '&to=' + encodeURIComponent(to)));
    }
    const alarms = (await cityops.api('/api/v1/muck/alarms?size=500&vehicleId=' + option.value + '&from='
      + encodeURIComponent(from) + '&to=' + encodeURIComponent(to))).items;
    layer.clearLayers();
    timeline.innerHTML = '';
    if (points.length) {
      L.polyline(points.map(function (p) { return [p.lat, p.lon]; }), { color: '#0b5cad', weight: 3 }).addTo(layer);
      cursor = L.circleMarker([points[0].lat, points[0].lon], { radius: 8, color: '#fff', fillColor: '#d35400', fillOpacity: 1 }).addTo(layer);
    }
    alarms.forEach(function (a) {
      L.circleMarker([a.lat, a.lon], { radius: 6, color: '#b3261e', fillOpacity: 0.8 })
        .bindPopup(muck.esc(a.typeLabel) + '<br>' + muck.fmt(a.startedAt) + '<br>' + muck.esc(a.detail)).addTo(layer);
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = muck.fmt(a.startedAt) + ' ' + a.typeLabel;
      b.addEventListener('click', function () { seekTime(a.startedAt); });
      timeline.appendChild(b);
    });
    map.cityops.fit(layer, { maxZoom: 16, padding: [20, 20] }); // the track and its alarms (the city when empty)
    slider.max = Math.max(0, points.length - 1);
    slider.value = 0;
    info.textContent = points.length + ' 个轨迹点 (' + (source === 'telemetry' ? '轨迹库' : '报警证据点') + ') · ' + alarms.length + ' 条报警';
  }

  function show(i) {
    const p = points[i];
    if (!p || !cursor) { return; }
    cursor.setLatLng([p.lat, p.lon]);
    info.textContent = muck.fmt(p.t) + ' · ' + Math.round(p.speed || 0) + ' km/h · ' + (i + 1) + '/' + points.length;
  }
  function seekTime(iso) {
    const t = new Date(iso).getTime();
    let best = 0;
    points.forEach(function (p, i) { if (new Date(p.t).getTime() <= t) { best = i; } });
    slider.value = best;
    show(best);
  }
  slider.addEventListener('input', function () { show(parseInt(slider.value, 10)); });
  document.getElementById('muck-track-play').addEventListener('click', function () {
    if (timer) { clearInterval(timer); timer = null; return; }
    timer = setInterval(function () {
      const i = parseInt(slider.value, 10) + 1;
      if (i >= points.length) { clearInterval(timer); timer = null; return; }
      slider.value = i;
      show(i);
    }, 300);
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); load().catch(function (err) { info.textContent = err.message; }); });
  if (select.value) { load().catch(function (err) { info.textContent = err.message; }); } else { map.cityops.ready.then(map.cityops.fitCity); }
})();
