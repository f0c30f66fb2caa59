// Site file: the site's polygon and gates on a small map.
(function () {
  const el = document.getElementById('muck-site-map');
  if (!el) { return; }
  const map = muck.createMap(el);
  const polygon = muck.layer(el.dataset.polygon, { color: '#d35400', weight: 2, fillOpacity: 0.2 });
  if (polygon) { polygon.addTo(map); map.fitBounds(polygon.getBounds(), { maxZoom: 16, padding: [20, 20] }); }
  const gates = muck.layer(el.dataset.gates, { color: '#0b5cad' });
  if (gates) { gates.addTo(map); }
})();
