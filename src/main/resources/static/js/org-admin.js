// org administration: expand / collapse the whole unit tree (nodes are <details>, so each one works without JS).
(function () {
  document.addEventListener('click', function (e) {
    const button = e.target.closest('[data-org-tree]');
    if (!button) { return; }
    const open = button.getAttribute('data-org-tree') === 'expand';
    document.querySelectorAll('.org-tree details.org-node').forEach(function (d) { d.open = open; });
  });
})();
