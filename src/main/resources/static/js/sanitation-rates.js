// 机械化作业覆盖率: the monthly hand-over to the assessment (专业部门评价), after a confirmation. The server audits it
// and refuses a second submission of the month (409); the answer is shown as text.
(function () {
  'use strict';
  const form = document.getElementById('rates-submit');
  if (!form) { return; }
  form.addEventListener('submit', async function (e) {
    e.preventDefault();
    const month = form.elements.month.value;
    const out = form.elements.result;
    if (!/^\d{4}-\d{2}$/.test(month)) { form.elements.month.reportValidity(); return; }
    if (!window.confirm(form.dataset.confirm.replace('{0}', month))) { return; }
    out.textContent = '';
    try {
      const r = await cityops.api('/api/v1/sanitation/rates/' + encodeURIComponent(month) + '/submit', { method: 'POST' });
      out.textContent = form.dataset.done.replace('{0}', r.periodLabel).replace('{1}', String(r.scoreIds.length));
    } catch (err) {
      out.textContent = form.dataset.failed + ' ' + err.message;
    }
  });
})();
