// cityops shell: htmx requests carry the CSRF token; fetch helpers for pages that call the JSON API.
(function () {
  function csrf() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }
  document.addEventListener('htmx:configRequest', function (e) {
    const c = csrf();
    if (c) { e.detail.headers[c.header] = c.token; }
  });
  // <select data-autosubmit>: submits its form on change (the Content-Security-Policy forbids inline change handlers).
  document.addEventListener('change', function (e) {
    const el = e.target;
    if (el && el.matches && el.matches('[data-autosubmit]') && el.form) {
      if (el.form.requestSubmit) { el.form.requestSubmit(); } else { el.form.submit(); }
    }
  });
  window.cityops = {
    /** An instant (ISO-8601) as the one date-time format of the interface, yyyy-MM-dd HH:mm in 北京时间 (UTC+8, no DST). */
    time: function (iso) {
      if (!iso) { return ''; }
      const ms = Date.parse(iso);
      return isNaN(ms) ? String(iso) : new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
    },
    csrf: csrf,
    /** fetch() against the JSON API with the session cookie and CSRF header; resolves to parsed JSON. */
    api: async function (url, options) {
      options = options || {};
      const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
      const c = csrf();
      if (c && options.method && options.method !== 'GET') { headers[c.header] = c.token; }
      if (options.body && typeof options.body !== 'string' && !(options.body instanceof FormData)) {
        headers['Content-Type'] = 'application/json';
        options.body = JSON.stringify(options.body);
      }
      const res = await fetch(url, Object.assign({}, options, { headers: headers, credentials: 'same-origin' }));
      const text = await res.text();
      const data = text ? JSON.parse(text) : null;
      if (!res.ok) { const err = new Error((data && data.detail) || res.statusText); err.status = res.status; err.body = data; throw err; }
      return data;
    }
  };
})();

