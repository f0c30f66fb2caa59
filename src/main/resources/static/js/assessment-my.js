// Assessment pages of departments and assessors: appeal (申诉, with an optional file), score entry, self-evaluation,
// and the assessor's review buttons. Everything goes through the JSON API; the page reloads on success.
(function () {
  function showError(err) {
    const box = document.getElementById('asm-error');
    if (box) { box.textContent = err.message || String(err); box.hidden = false; box.scrollIntoView(); }
  }
  async function send(el, url, body) {
    el.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    try {
      await window.cityops.api(url, { method: 'POST', body: body });
      window.location.reload();
    } catch (err) {
      el.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
      showError(err);
    }
  }
  document.querySelectorAll('form.appeal-form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      const data = new FormData();
      data.append('reason', form.elements.reason.value);
      const file = form.elements.file.files[0];
      if (file) { data.append('file', file); }
      send(form, form.dataset.url, data);
    });
  });
  document.querySelectorAll('form.score-form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      const subject = (form.dataset.subject || form.elements.subject.value).split(':');
      const item = form.elements.item ? form.elements.item.value : '';
      send(form, form.dataset.url, { source: form.dataset.source, subjectType: subject[0], subjectCode: subject[1],
        item: item || null, score: Number(form.elements.score.value), note: form.elements.note.value || null });
    });
  });
  // review rows: <tr data-review-url> with an input[name=note], optional input[name=score], accept/reject buttons
  document.querySelectorAll('[data-review-url]').forEach(function (row) {
    row.querySelectorAll('button[data-accept]').forEach(function (btn) {
      btn.addEventListener('click', function () {
        const accept = btn.dataset.accept === 'true';
        const note = row.querySelector('input[name=note]').value.trim();
        if (!note) { showError(new Error(row.dataset.needNote)); return; }
        const body = { accept: accept, note: note };
        const score = row.querySelector('input[name=score]');
        if (score && score.value !== '') { body.score = Number(score.value); }
        send(row, row.dataset.reviewUrl, body);
      });
    });
  });
})();
