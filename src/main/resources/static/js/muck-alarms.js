// Alarm list: the 转案件 button sends the alarm to case handling (POST /api/v1/muck/alarms/{id}/case).
(function () {
  const message = document.getElementById('muck-alarm-message');
  document.addEventListener('click', async function (e) {
    const button = e.target.closest('.muck-send-case');
    if (!button) { return; }
    const id = button.dataset.alarmId;
    const note = window.prompt('转案件说明（可空） note for the case (optional)', '');
    if (note === null) { return; }
    button.disabled = true;
    try {
      const alarm = await cityops.api('/api/v1/muck/alarms/' + id + '/case', { method: 'POST', body: { note: note } });
      const cell = button.closest('tr').querySelector('.case-cell');
      const badge = document.createElement('span');
      badge.className = 'badge warn';
      badge.textContent = '已转案件 ' + (alarm.caseCategory || '');
      cell.replaceChildren(badge);
      button.remove();
      message.hidden = false; message.className = 'alert ok'; message.textContent = '报警 ' + id + ' 已转案件';
    } catch (err) {
      button.disabled = false;
      message.hidden = false; message.className = 'alert error'; message.textContent = err.message;
    }
  });
})();
