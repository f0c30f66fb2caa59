// 措施 page: the 平台指标 form shows only the parameter fields of the indicator chosen in the list.
(function () {
  const form = document.querySelector('[data-testid=indicator-form]');
  if (!form) { return; }
  const key = form.querySelector('select[name=key]');
  function sync() {
    form.querySelectorAll('.indicator-param').forEach(function (label) {
      const on = label.dataset.indicator === key.value;
      label.hidden = !on;
      label.querySelectorAll('input').forEach(function (input) { input.disabled = !on; });
    });
  }
  key.addEventListener('change', sync);
  sync();
})();
