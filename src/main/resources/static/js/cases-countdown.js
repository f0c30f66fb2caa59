// Countdowns to a case's deadline: every [data-deadline] shows the time left (or overdue by), coloured.
(function () {
  const zh = document.documentElement.lang !== 'en';
  function fmt(ms) {
    const m = Math.floor(Math.abs(ms) / 60000), d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60), mm = m % 60;
    return zh ? (d ? d + '天' : '') + h + '小时' + mm + '分' : (d ? d + 'd ' : '') + h + 'h ' + mm + 'm';
  }
  function tick() {
    document.querySelectorAll('[data-deadline]').forEach(function (el) {
      if (!el.dataset.title) { el.dataset.title = el.textContent; el.title = el.textContent; }
      if (el.dataset.suspended === 'true') { el.textContent = zh ? '挂账停表' : 'clock stopped'; return; }
      const left = new Date(el.dataset.deadline).getTime() - Date.now();
      el.textContent = left >= 0 ? (zh ? '剩余 ' : 'left ') + fmt(left) : (zh ? '超期 ' : 'overdue ') + fmt(left);
      el.classList.add('badge');
      el.classList.toggle('bad', left < 0);
      el.classList.toggle('warn', left >= 0 && left < 2 * 3600 * 1000);
      el.classList.toggle('ok', left >= 2 * 3600 * 1000);
    });
  }
  document.addEventListener('DOMContentLoaded', tick);
  document.addEventListener('htmx:afterSwap', tick);
  setInterval(tick, 30000);
})();
