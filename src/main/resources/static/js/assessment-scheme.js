// 考核方案编辑: live sum of the source weights; saving posts a new scheme version (scoring rules carried over).
(function () {
  const form = document.getElementById('scheme-form');
  if (!form) { return; }
  const box = document.getElementById('asm-error');
  const sumEl = document.getElementById('weight-sum');
  const inputs = Array.prototype.slice.call(form.querySelectorAll('input.weight'));
  function sum() {
    return inputs.reduce(function (s, i) { return s + (Number(i.value) || 0); }, 0);
  }
  function update() {
    const s = Math.round(sum() * 100) / 100;
    sumEl.textContent = String(s);
    sumEl.className = s === 100 ? 'badge ok' : 'badge bad';
  }
  inputs.forEach(function (i) { i.addEventListener('input', update); });
  update();
  form.addEventListener('submit', async function (e) {
    e.preventDefault();
    box.hidden = true;
    const s = Math.round(sum() * 100) / 100;
    if (s !== 100) {
      box.textContent = '各来源权重合计必须为 100，当前为 ' + s + ' weights must sum to 100';
      box.hidden = false;
      return;
    }
    const code = form.elements.code.value.trim();
    const weights = {};
    inputs.forEach(function (i) { weights[i.name] = Number(i.value) || 0; });
    const body = { code: code, name: form.elements.name.value, weights: weights };
    try {
      if (form.dataset.version) {
        const all = await cityops.api('/api/v1/assessment/schemes');
        const mine = all.filter(function (x) { return x.code === code; })
          .sort(function (a, b) { return b.version - a.version; })[0];
        if (mine) { body.scoring = mine.scoring; }
      }
      await cityops.api('/api/v1/assessment/schemes', { method: 'POST', body: body });
      window.location.href = '/assessment/schemes/edit?code=' + encodeURIComponent(code);
    } catch (err) {
      box.textContent = err.message;
      box.hidden = false;
    }
  });
})();
