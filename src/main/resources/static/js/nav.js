// Navigation menus of the top bar: a click or tap on a section title opens its menu (and closes the others);
// a click elsewhere or Escape closes them. Hover opens them on a desktop without this script.
(function () {
  function closeAll(except) {
    document.querySelectorAll('.navsec.open').forEach(function (sec) {
      if (sec !== except) {
        sec.classList.remove('open');
        sec.querySelector('.navsec-title').setAttribute('aria-expanded', 'false');
      }
    });
  }
  document.addEventListener('click', function (e) {
    const title = e.target.closest('.navsec-title');
    if (!title) {
      if (!e.target.closest('.navsec-menu')) { closeAll(null); }
      return;
    }
    const sec = title.parentElement;
    closeAll(sec);
    const open = sec.classList.toggle('open');
    title.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { closeAll(null); }
  });
})();
