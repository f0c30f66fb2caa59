// Assessment pages: open a period, compute / lock / publish / revise through the JSON API.
(function () {
  function showError(err) {
    const box = document.getElementById('asm-error');
    if (box) { box.textContent = err.message || String(err); box.hidden = false; }
  }
  const form = document.getElementById('open-period');
  if (form) {
    form.addEventListener('submit', async function (e) {
      e.preventDefault();
      const data = new FormData(form);
      try {
        const p = await window.cityops.api('/api/v1/assessment/periods', { method: 'POST',
          body: { from: data.get('from'), to: data.get('to'), scheme: data.get('scheme') } });
        window.location.href = '/assessment/periods/' + p.id;
      } catch (err) { showError(err); }
    });
  }
  document.querySelectorAll('button[data-post]').forEach(function (btn) {
    btn.addEventListener('click', async function () {
      let body;
      if (btn.dataset.reason) {
        const reason = window.prompt(btn.dataset.reason);
        if (!reason) { return; }
        body = { reason: reason };
      }
      btn.disabled = true;
      try {
        await window.cityops.api(btn.dataset.post, { method: 'POST', body: body });
        window.location.reload();
      } catch (err) { btn.disabled = false; showError(err); }
    });
  });
})();
