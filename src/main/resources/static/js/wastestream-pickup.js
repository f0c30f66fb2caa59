// 收运登记 on a phone: the producers nearest the phone's position first (and the nearest chosen), a search box that
// narrows the list, the position sent with the pickup.
(function () {
  const form = document.querySelector('[data-testid="pickup-form"]');
  if (!form) return;
  const select = form.querySelector('[data-pickup-producer]');
  const search = form.querySelector('[data-pickup-search]');
  const lat = form.querySelector('[data-pickup-lat]');
  const lon = form.querySelector('[data-pickup-lon]');
  const status = form.querySelector('[data-pickup-position]');
  const options = Array.from(select.options).filter((o) => o.value);
  const metres = (aLat, aLon, bLat, bLon) => {
    const r = Math.PI / 180;
    const dLat = (bLat - aLat) * r;
    const dLon = (bLon - aLon) * r;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(dLon / 2) ** 2;
    return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
  };
  const label = (o) => o.dataset.label || (o.dataset.label = o.textContent);
  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    let first = null;
    options.forEach((o) => {
      const show = !q || label(o).toLowerCase().includes(q) || o.value.toLowerCase().includes(q);
      o.hidden = !show;
      if (show && !first) first = o;
    });
    if (first && (select.selectedOptions.length === 0 || select.selectedOptions[0].hidden || !select.value)) {
      select.value = first.value;
    }
  });
  const place = (pLat, pLon) => {
    lat.value = pLat.toFixed(6);
    lon.value = pLon.toFixed(6);
    options.forEach((o) => {
      o.dataset.d = metres(pLat, pLon, Number(o.dataset.lat), Number(o.dataset.lon));
      o.textContent = label(o) + ' · ' + Math.round(o.dataset.d) + ' m';
    });
    options.sort((a, b) => a.dataset.d - b.dataset.d).forEach((o) => select.appendChild(o));
    if (!select.value && options.length) select.value = options[0].value;
    status.textContent = (status.dataset.located || '') + ' ' + lat.value + ', ' + lon.value;
  };
  if (lat.value && lon.value) {
    place(Number(lat.value), Number(lon.value));
  } else if (navigator.geolocation) {
    navigator.geolocation.getCurrentPosition(
      (pos) => place(pos.coords.latitude, pos.coords.longitude),
      () => { status.textContent = status.dataset.failed || '—'; },
      { enableHighAccuracy: true, timeout: 10000 });
  }
  form.addEventListener('submit', () => {
    const b = form.querySelector('[data-testid="pickup-submit"]');
    setTimeout(() => { b.disabled = true; }, 0);
  });
})();
