// 门前三包: the on-screen signature pad of a 责任书 (canvas → PNG data URL in a hidden field on submit).
(function () {
  'use strict';
  function setup(form) {
    const canvas = form.querySelector('[data-sigpad]');
    const value = form.querySelector('[data-sigpad-value]');
    const ctx = canvas.getContext('2d');
    let drawing = false;
    let inked = false;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111';
    function at(e) {
      const r = canvas.getBoundingClientRect();
      return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height];
    }
    canvas.addEventListener('pointerdown', (e) => {
      drawing = true;
      canvas.setPointerCapture(e.pointerId);
      const [x, y] = at(e);
      ctx.beginPath();
      ctx.moveTo(x, y);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!drawing) return;
      const [x, y] = at(e);
      ctx.lineTo(x, y);
      ctx.stroke();
      inked = true;
    });
    const stop = () => { drawing = false; };
    canvas.addEventListener('pointerup', stop);
    canvas.addEventListener('pointercancel', stop);
    form.querySelector('[data-sigpad-clear]').addEventListener('click', () => {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      inked = false;
    });
    form.addEventListener('submit', () => {
      value.value = inked ? canvas.toDataURL('image/png') : '';
    });
  }
  document.querySelectorAll('[data-sigpad-form]').forEach(setup);
})();
