// Alarm list: 转案件 asks for the case category (the catalog picker, the rule's category filled in) and an optional
// note in a <dialog>, sends the alarm to case handling
// (POST /api/v1/muck/alarms/{id}/case), then polls the alarm until the cases module has opened the case and the row
// shows its number (the case is opened by an event listener, so it is there a moment after the 202).
(function () {
  const message = document.getElementById('muck-alarm-message');
  const dialog = document.getElementById('muck-case-dialog');
  if (!dialog) { return; }
  const note = dialog.querySelector('textarea[name=note]');
  let pending = null;

  // puts the alarm type's rule category into the picker (its hidden answer and its search box, or the plain <select>)
  function category(code) {
    const select = dialog.querySelector('select.cat-picker-select');
    const option = select && code ? select.querySelector('option[value="' + CSS.escape(code) + '"]') : null;
    const hidden = dialog.querySelector('input[type=hidden][name=categoryCode]');
    const search = dialog.querySelector('.cat-picker-input');
    if (hidden && search) {
      hidden.value = option ? code : '';
      search.value = option ? option.textContent : '';
      search.setCustomValidity(option ? '' : (dialog.querySelector('.cat-picker').dataset.required || ''));
    } else if (select) {
      select.value = option ? code : '';
    }
  }

  function show(kind, text) { message.hidden = false; message.className = 'alert ' + kind; message.textContent = text; }

  // the case number is a link only for those who may open the case page (the table says so: data-case-links)
  const table = document.querySelector('[data-testid=alarm-table]');
  const caseLinks = table && table.dataset.caseLinks === 'true';

  function badge(cell, kind, text, href) {
    const el = document.createElement(href && caseLinks ? 'a' : 'span');
    el.className = 'badge ' + kind;
    el.textContent = text;
    if (href) { el.dataset.testid = 'alarm-case-number'; }
    if (href && caseLinks) { el.href = href; }
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
    category(button.dataset.category || '');
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
      const categoryCode = new FormData(dialog.querySelector('form')).get('categoryCode') || null;
      await cityops.api('/api/v1/muck/alarms/' + id + '/case',
        { method: 'POST', body: { categoryCode: categoryCode, note: note.value } });
      button.remove();
      badge(cell, 'warn', dialog.dataset.opening);
      await waitForCase(id, cell);
    } catch (err) {
      button.disabled = false;
      show('error', err.message);
    }
  });
})();
