// 产生单位收运地图: every producer in the viewer's scope as a dot coloured by its last collection on the chosen day.
(function () {
  'use strict';
  const el = document.getElementById('wst-map');
  if (!el) { return; }
  const day = el.dataset.day;
  const h = window.cityopsMap.create(el, {});
  const map = h.map;
  const COLORS = { TODAY: '#1e7d32', RECENT: '#d38b00', MISSED: '#b3261e', UNSIGNED: '#8a96a3' };
  const LABELS = { TODAY: '当日已收运', RECENT: '近日已收运', MISSED: '漏收', UNSIGNED: '未签约' };
  h.legend(Object.keys(COLORS).map(function (k) { return { label: LABELS[k], color: COLORS[k] }; }));
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  cityops.api('/api/v1/wastestream/producer-points?day=' + encodeURIComponent(day)).then(function (rows) {
    const layer = L.featureGroup().addTo(map);
    const counts = { TODAY: 0, RECENT: 0, MISSED: 0, UNSIGNED: 0 };
    rows.forEach(function (p) {
      counts[p.state]++;
      L.circleMarker([p.lat, p.lon], { radius: 7, color: '#fff', weight: 1.5, fillColor: COLORS[p.state], fillOpacity: 0.95 })
        .bindPopup('<b>' + esc(p.name) + '</b><br>' + esc(p.category) + ' · ' + esc(p.stateLabel) +
          '<br>最近收运：' + esc(p.lastPickup || '无'))
        .addTo(layer);
    });
    document.getElementById('wst-summary').textContent = Object.keys(COLORS).map(function (k) {
      return LABELS[k] + ' ' + counts[k];
    }).join(' · ');
    if (rows.length) { map.fitBounds(layer.getBounds(), { padding: [20, 20], maxZoom: 15 }); }
    el.dataset.ready = '1';
  }).catch(function () { el.dataset.ready = 'error'; });
})();
