// Working calendar page: click a day to toggle it (administrators), edit working hours, try a deadline.
(function () {
  const year = document.getElementById('cal-year');
  const errorBox = document.getElementById('cal-error');
  function showError(e) {
    if (!errorBox) { return; }
    errorBox.textContent = e ? (e.message || String(e)) : '';
    errorBox.hidden = !e;
  }
  function classOf(day) {
    if (day.kind === 'HOLIDAY') { return 'holiday'; }
    if (day.kind === 'MAKEUP_WORKDAY') { return 'makeup'; }
    return day.working ? 'work' : 'off';
  }
  if (year && year.dataset.editable === 'true') {
    year.addEventListener('click', async function (ev) {
      const btn = ev.target.closest('button.day');
      if (!btn || !btn.dataset.date) { return; }
      const kind = btn.dataset.kind;
      const nameInput = document.getElementById('cal-name');
      const url = '/api/v1/catalog/calendar/days/' + btn.dataset.date;
      try {
        let day;
        if (kind === 'HOLIDAY' || kind === 'MAKEUP_WORKDAY') {
          day = await cityops.api(url, { method: 'DELETE' });
        } else {
          const next = btn.dataset.weekend === 'true' ? 'MAKEUP_WORKDAY' : 'HOLIDAY';
          day = await cityops.api(url, { method: 'PUT', body: { kind: next, name: nameInput ? nameInput.value : null } });
        }
        btn.className = 'day ' + classOf(day);
        btn.dataset.kind = day.kind || '';
        btn.title = day.name || '';
        showError(null);
      } catch (e) { showError(e); }
    });
  }
  const week = document.getElementById('cal-week');
  if (week && week.dataset.editable === 'true') {
    week.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      const body = { week: {} };
      week.querySelectorAll('input[data-dow]').forEach(function (input) {
        body.week[input.dataset.dow] = input.value.split(/[,，;；]/).map(function (s) { return s.trim(); })
          .filter(function (s) { return s.length > 0; });
      });
      try {
        await cityops.api('/api/v1/catalog/calendar/week', { method: 'PUT', body: body });
        document.getElementById('cal-week-result').textContent = '✓';
        showError(null);
      } catch (e) { showError(e); }
    });
  }
  const deadline = document.getElementById('cal-deadline');
  if (deadline) {
    deadline.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      const f = new FormData(deadline);
      const q = new URLSearchParams({ start: f.get('start'), hours: f.get('hours'), basis: f.get('basis') });
      try {
        const r = await cityops.api('/api/v1/catalog/calendar/deadline?' + q.toString());
        document.getElementById('cal-deadline-result').textContent = r.deadlineDisplay;
        showError(null);
      } catch (e) { showError(e); }
    });
  }
})();
// The year's holiday notice (国务院办公厅 节假日安排): a table of festivals, saved as one JSON notice, or a file import.
(function () {
  const form = document.getElementById('cal-notice');
  if (!form || form.dataset.editable !== 'true') { return; }
  const year = form.dataset.year;
  const body = form.querySelector('tbody');
  const errorBox = document.getElementById('cal-notice-error');
  const url = '/api/v1/catalog/calendar/years/' + year + '/notice';
  function showError(e) {
    form.querySelectorAll('tr.error-row').forEach(function (tr) { tr.classList.remove('error-row'); });
    if (!e) { errorBox.hidden = true; errorBox.textContent = ''; return; }
    const errors = (e.body && e.body.errors) || [];
    errorBox.textContent = '';
    const head = document.createElement('p');
    head.textContent = e.message || String(e);
    errorBox.appendChild(head);
    if (errors.length > 1) {
      const ul = document.createElement('ul');
      errors.forEach(function (x) { const li = document.createElement('li'); li.textContent = x.message; ul.appendChild(li); });
      errorBox.appendChild(ul);
    }
    errors.forEach(function (x) {
      const tr = e.fromTable && x.row > 0 ? body.querySelectorAll('tr')[x.row - 1] : null;
      if (tr) { tr.classList.add('error-row'); }
    });
    errorBox.hidden = false;
  }
  document.getElementById('cal-notice-add').addEventListener('click', function () {
    const row = document.getElementById('cal-notice-row').content.firstElementChild.cloneNode(true);
    body.appendChild(row);
    row.querySelector('input[name=name]').focus();
  });
  body.addEventListener('click', function (ev) {
    const btn = ev.target.closest('button.notice-remove');
    if (btn) { btn.closest('tr').remove(); }
  });
  form.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    const holidays = [];
    body.querySelectorAll('tr').forEach(function (tr) {
      const v = function (n) { return tr.querySelector('input[name=' + n + ']').value.trim(); };
      const workdays = v('workdays');
      holidays.push({ name: v('name'), from: v('from'), to: v('to'), workdays: workdays ? [workdays] : [] });
    });
    const source = form.querySelector('input[name=source]');
    try {
      await cityops.api(url, { method: 'PUT', body: { year: Number(year), source: source ? source.value : null, holidays: holidays } });
      location.reload();
    } catch (e) { e.fromTable = true; showError(e); }
  });
  const file = document.getElementById('cal-notice-file');
  file.addEventListener('change', async function () {
    if (!file.files.length) { return; }
    const data = new FormData();
    data.append('file', file.files[0]);
    try {
      await cityops.api(url, { method: 'POST', body: data });
      location.reload();
    } catch (e) { showError(e); } finally { file.value = ''; }
  });
})();
