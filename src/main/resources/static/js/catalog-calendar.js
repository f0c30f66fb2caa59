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
