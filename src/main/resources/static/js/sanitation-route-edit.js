// The route editor: add, remove and move stop rows; the order of the rows is the route's order.
(function () {
  const body = document.getElementById('stops');
  if (!body) return;
  function renumber() {
    body.querySelectorAll('tr.stop-row').forEach((tr, i) => {
      tr.querySelector('.seq').textContent = String(i + 1);
    });
  }
  body.addEventListener('click', (e) => {
    const button = e.target.closest('button');
    if (!button) return;
    const row = button.closest('tr.stop-row');
    if (button.classList.contains('stop-up') && row.previousElementSibling) {
      body.insertBefore(row, row.previousElementSibling);
    } else if (button.classList.contains('stop-down') && row.nextElementSibling) {
      body.insertBefore(row.nextElementSibling, row);
    } else if (button.classList.contains('stop-remove') && body.querySelectorAll('tr.stop-row').length > 1) {
      row.remove();
    }
    renumber();
  });
  document.getElementById('stop-add').addEventListener('click', () => {
    const rows = body.querySelectorAll('tr.stop-row');
    const last = rows[rows.length - 1];
    const copy = last.cloneNode(true);
    copy.querySelector('select').value = '';
    const from = copy.querySelector('input[name="from"]');
    const to = copy.querySelector('input[name="to"]');
    from.value = last.querySelector('input[name="to"]').value;
    to.value = '';
    body.appendChild(copy);
    renumber();
    copy.querySelector('select').focus();
  });
})();
