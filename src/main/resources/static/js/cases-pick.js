// Report forms (staff intake, inspector mobile page, public page): pick the point on a map or use the GPS,
// and give the submission an idempotency key so a double submit does not create two cases.
(function () {
  function key() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return 'k' + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function init() {
    document.querySelectorAll('.idempotency-key').forEach(function (i) { if (!i.value) { i.value = key(); } });
    const form = document.querySelector('form[enctype="multipart/form-data"]');
    const latIn = document.querySelector('input.lat'), lonIn = document.querySelector('input.lon');
    const el = document.querySelector('.pick-map');
    let marker = null, map = null;
    function set(lat, lon, move) {
      latIn.value = lat.toFixed(6); lonIn.value = lon.toFixed(6);
      if (map) {
        if (marker) { marker.setLatLng([lat, lon]); } else { marker = L.marker([lat, lon]).addTo(map); }
        if (move) { map.setView([lat, lon], 16); }
      }
    }
    if (el && window.L && window.cityopsMap) {
      // the city's districts and streets as the base; the map opens on the city, or on the point already chosen
      const c = (el.dataset.center || '31.79,119.95,11').split(',').map(parseFloat);
      const h = cityopsMap.create(el, { center: [c[0], c[1]], zoom: c[2] || 11,
        legend: [{ label: cityopsMap.t('picked'), color: '#2a81cb', kind: 'dot' }] });
      map = h.map;
      map.on('click', function (e) { set(e.latlng.lat, e.latlng.lng, false); });
      h.ready.then(function () {
        if (latIn.value && lonIn.value) { set(parseFloat(latIn.value), parseFloat(lonIn.value), true); } else { h.fitCity(); }
        el.dataset.ready = '1';
      });
    }
    const gps = document.querySelector('.use-gps');
    if (gps) {
      gps.addEventListener('click', function () {
        if (!navigator.geolocation) { return; }
        navigator.geolocation.getCurrentPosition(function (p) { set(p.coords.latitude, p.coords.longitude, true); },
          function () { gps.textContent = gps.textContent + ' ✗'; }, { enableHighAccuracy: true, timeout: 10000 });
      });
    }
    if (form) {
      form.addEventListener('submit', function () {
        const b = form.querySelector('button[type=submit]');
        if (b) { setTimeout(function () { b.disabled = true; }, 0); }
      });
    }
  }
  document.addEventListener('DOMContentLoaded', init);
})();
