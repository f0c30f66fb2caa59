// Case detail: a small map with the case's point.
(function () {
  function init() {
    const el = document.getElementById('case-map');
    if (!el || !window.L) { return; }
    const lat = parseFloat(el.dataset.lat), lon = parseFloat(el.dataset.lon);
    if (!window.cityopsMap || isNaN(lat) || isNaN(lon)) { return; }
    const h = cityopsMap.create(el, { center: [lat, lon], zoom: 16,
      legend: [{ label: cityopsMap.t('casePoint'), color: '#c62828', kind: 'dot' }] });
    L.circleMarker([lat, lon], { radius: 9, color: '#fff', weight: 2, fillColor: '#c62828', fillOpacity: 0.9 }).addTo(h.map);
  }
  document.addEventListener('DOMContentLoaded', init);
})();
