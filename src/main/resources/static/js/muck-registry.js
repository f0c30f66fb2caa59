// Registry page: Excel import (all or nothing; the row-by-row errors are listed when the file is refused).
(function () {
  const out = document.getElementById('muck-import-result');
  document.querySelectorAll('form.muck-import').forEach(function (form) {
    form.addEventListener('submit', async function (e) {
      e.preventDefault();
      const data = new FormData(form);
      out.innerHTML = '';
      try {
        const r = await cityops.api('/api/v1/muck/import/' + form.dataset.kind, { method: 'POST', body: data });
        out.innerHTML = '<div class="alert ok">导入成功 imported ' + r.imported + '</div>';
        setTimeout(function () { window.location.reload(); }, 1200);
      } catch (err) {
        const errors = (err.body && err.body.errors) || [];
        out.innerHTML = '<div class="alert error">' + muckEsc(err.message) + '</div>' + (errors.length
          ? '<table><thead><tr><th>行 row</th><th>列 field</th><th>问题 problem</th></tr></thead><tbody>'
            + errors.map(function (x) { return '<tr><td>' + x.row + '</td><td>' + muckEsc(x.field) + '</td><td>' + muckEsc(x.message) + '</td></tr>'; }).join('')
            + '</tbody></table>' : '');
      }
    });
  });
  function muckEsc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
})();
