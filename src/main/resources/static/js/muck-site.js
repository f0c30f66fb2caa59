// Site file: the site's polygon and gates on a small map.
(function () {
  const el = document.getElementById('muck-site-map');
  if (!el) { return; }
  const map = muck.createMap(el, { legend: [
    { label: '工地范围', color: '#d35400', kind: 'area', fill: 'rgba(211,84,0,0.2)' },
    { label: '出入口', color: '#0b5cad', kind: 'dot' }] });
  const polygon = muck.layer(el.dataset.polygon, { color: '#d35400', weight: 2, fillOpacity: 0.2 });
  if (polygon) { polygon.addTo(map); }
  const gates = muck.layer(el.dataset.gates, { color: '#0b5cad' });
  if (gates) { gates.addTo(map); }
  if (polygon || gates) { map.cityops.fit([polygon, gates], { maxZoom: 16, padding: [20, 20] }); }
  else { map.cityops.ready.then(map.cityops.fitCity); }
})();
