// Category picker: turns the intake forms' category <select> into a search box (name, code, pinyin initials such
// as "bllj" for 暴露垃圾), grouped by 大类 with the caller's most used first. The server searches
// (data-url); the <select> stays the answer when JavaScript is off. Keyboard: ↓/↑ move, Enter picks, Esc closes.
(function () {
  let seq = 0;
  function enhance(root) {
    if (root.dataset.enhanced) { return; }
    root.dataset.enhanced = 'true';
    const select = root.querySelector('select.cat-picker-select');
    if (!select) { return; }
    const id = 'cat-picker-' + (++seq);
    const hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = select.name;
    const input = document.createElement('input');
    input.type = 'search';
    input.autocomplete = 'off';
    input.className = 'cat-picker-input';
    input.placeholder = root.dataset.placeholder || '';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id + '-list');
    input.dataset.testid = 'category-search';
    const list = document.createElement('ul');
    list.id = id + '-list';
    list.className = 'cat-picker-list';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    const chosen = select.selectedOptions.length && select.value ? select.selectedOptions[0] : null;
    if (chosen) { hidden.value = chosen.value; input.value = chosen.textContent; }
    select.removeAttribute('name');
    select.disabled = true;
    select.hidden = true;
    select.parentNode.insertBefore(input, select);
    root.appendChild(hidden);
    root.appendChild(list);

    let options = [];
    let active = -1;
    let timer = null;
    let asked = 0;
    function validity() { input.setCustomValidity(hidden.value ? '' : (root.dataset.required || '')); }
    validity();
    function open(yes) { list.hidden = !yes; input.setAttribute('aria-expanded', yes ? 'true' : 'false'); }
    function setActive(i) {
      if (options[active]) { options[active].classList.remove('active'); options[active].setAttribute('aria-selected', 'false'); }
      active = i;
      if (options[i]) {
        options[i].classList.add('active');
        options[i].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[i].id);
        options[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }
    function pick(li) {
      hidden.value = li.dataset.code;
      input.value = li.dataset.name;
      validity();
      open(false);
      hidden.dispatchEvent(new Event('change', { bubbles: true }));
    }
    function render(answer) {
      list.textContent = '';
      options = [];
      active = -1;
      answer.groups.forEach(function (g) {
        const head = document.createElement('li');
        head.setAttribute('role', 'presentation');
        head.className = 'cat-group' + (g.frequent ? ' frequent' : '');
        head.textContent = g.label;
        list.appendChild(head);
        g.items.forEach(function (c) {
          const li = document.createElement('li');
          li.id = id + '-opt-' + options.length;
          li.setAttribute('role', 'option');
          li.setAttribute('aria-selected', 'false');
          li.dataset.code = c.code;
          li.dataset.name = c.name;
          const name = document.createElement('span');
          name.textContent = c.name;
          const code = document.createElement('small');
          code.textContent = c.display || c.code;
          li.appendChild(name);
          li.appendChild(code);
          list.appendChild(li);
          options.push(li);
        });
      });
      if (!options.length || answer.truncated) {
        const note = document.createElement('li');
        note.setAttribute('role', 'presentation');
        note.className = 'cat-note';
        note.textContent = options.length ? root.dataset.more : root.dataset.empty;
        list.appendChild(note);
      }
      if (options.length) { setActive(0); }
      open(true);
    }
    async function ask() {
      const mine = ++asked;
      const url = root.dataset.url + '?q=' + encodeURIComponent(input.value.trim());
      try {
        const res = await fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
        if (!res.ok || mine !== asked) { return; }
        render(await res.json());
      } catch (e) { /* network trouble: keep what is shown */ }
    }
    input.addEventListener('input', function () {
      if (hidden.value) { hidden.value = ''; validity(); }
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener('focus', function () { if (list.hidden) { ask(); } });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        if (list.hidden) { ask(); return; }
        if (!options.length) { return; }
        const next = ev.key === 'ArrowDown' ? Math.min(active + 1, options.length - 1) : Math.max(active - 1, 0);
        setActive(next);
      } else if (ev.key === 'Enter') {
        if (!list.hidden && options[active]) { ev.preventDefault(); pick(options[active]); }
      } else if (ev.key === 'Escape') {
        if (!list.hidden) { ev.preventDefault(); open(false); }
      } else if (ev.key === 'Tab') {
        open(false);
      }
    });
    // mousedown, not click: it comes before the input loses focus
    list.addEventListener('mousedown', function (ev) {
      const li = ev.target.closest('li[role=option]');
      if (li) { ev.preventDefault(); pick(li); }
    });
    input.addEventListener('blur', function () { setTimeout(function () { open(false); }, 100); });
  }
  function all() { document.querySelectorAll('.cat-picker').forEach(enhance); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', all); } else { all(); }
  document.addEventListener('htmx:afterSwap', all);
})();
