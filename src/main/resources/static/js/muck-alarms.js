// Alarm list: 转案件 asks for an optional note in a <dialog>, sends the alarm to case handling
// (POST /api/v1/muck/alarms/{id}/case), then polls the alarm until the cases module has opened the case and the row
// shows its number (the case is opened by an event listener, so it is there a moment after the 202).
(function () {
  const message = document.getElementById('muck-alarm-message');
  const dialog = document.getElementById('muck-case-dialog');
  if (!dialog) { return; }
  const note = dialog.querySelector('textarea[name=note]');
  let pending = null;

  function show(kind, text) { message.hidden = false; message.className = 'alert ' + kind; message.textContent = text; }

  function badge(cell, kind, text, href) {
    const el = document.createElement(href ? 'a' : 'span');
    el.className = 'badge ' + kind;
    el.textContent = text;
    if (href) { el.href = href; el.dataset.testid = 'alarm-case-number'; }
    cell.replaceChildren(el);
  }

  async function waitForCase(id, cell) {
    for (let i = 0; i < 40; i++) {
      const alarm = await cityops.api('/api/v1/muck/alarms/' + id);
      if (alarm.caseNumber) {
        badge(cell, 'ok', alarm.caseNumber, '/cases/' + alarm.caseId);
        show('ok', dialog.dataset.sent + ' ' + alarm.caseNumber);
        return;
      }
      if (alarm.caseFailure) { badge(cell, 'bad', alarm.caseFailure); show('error', alarm.caseFailure); return; }
      await new Promise(function (resolve) { setTimeout(resolve, i < 10 ? 300 : 1000); });
    }
    badge(cell, 'warn', dialog.dataset.requested);
  }

  document.addEventListener('click', function (e) {
    const button = e.target.closest('.muck-send-case');
    if (!button) { return; }
    pending = button;
    note.value = '';
    dialog.querySelector('[data-testid=case-dialog-alarm]').textContent = '#' + button.dataset.alarmId;
    dialog.showModal();
    note.focus();
  });

  dialog.addEventListener('close', async function () {
    const button = pending;
    pending = null;
    if (!button || dialog.returnValue !== 'ok') { return; }
    const id = button.dataset.alarmId;
    const cell = button.closest('tr').querySelector('.case-cell');
    button.disabled = true;
    try {
      await cityops.api('/api/v1/muck/alarms/' + id + '/case', { method: 'POST', body: { note: note.value } });
      button.remove();
      badge(cell, 'warn', dialog.dataset.opening);
      await waitForCase(id, cell);
    } catch (err) {
      button.disabled = false;
      show('error', err.message);
    }
  });
})();
