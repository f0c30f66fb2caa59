// Case detail: a small map with the case's point.
(function () {
  function init() {
    const el = document.getElementById('case-map');
    if (!el || !window.L) { return; }
    const lat = parseFloat(el.dataset.lat), lon = parseFloat(el.dataset.lon);
    const map = L.map(el).setView([lat, lon], 15);
    if (el.dataset.tileUrl) { L.tileLayer(el.dataset.tileUrl, { maxZoom: 19 }).addTo(map); }
    L.circleMarker([lat, lon], { radius: 9, color: '#c62828', fillOpacity: 0.7 }).addTo(map);
  }
  document.addEventListener('DOMContentLoaded', init);
})();
