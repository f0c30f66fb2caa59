// 证据 upload form: the time defaults to the file's last change (a camera's shot), the position to the device's GPS.
(function () {
  const form = document.querySelector('[data-testid="evidence-form"]');
  if (!form) return;
  const time = form.querySelector('[data-evidence-time]');
  const lat = form.querySelector('[data-evidence-lat]');
  const lon = form.querySelector('[data-evidence-lon]');
  const local = (d) => {
    const p = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes());
  };
  form.querySelector('[data-evidence-file]').addEventListener('change', (e) => {
    const f = e.target.files && e.target.files[0];
    if (f && !time.value) time.value = local(new Date(f.lastModified || Date.now()));
  });
  form.querySelector('[data-evidence-locate]').addEventListener('click', () => {
    if (!navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition((pos) => {
      lat.value = pos.coords.latitude.toFixed(6);
      lon.value = pos.coords.longitude.toFixed(6);
    });
  });
})();
