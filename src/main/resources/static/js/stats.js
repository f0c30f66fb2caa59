// 案件统计 (/stats): the roll-up grouped as asked, as charts (trend, top categories, by district) and a table;
// every number of the table links to the cases behind it.
(function () {
  const form = document.getElementById('stats-form');
  if (!form) { return; }
  const el = function (id) { return document.getElementById(id); };
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  el('stats-to').value = today;
  el('stats-from').value = today.slice(0, 8) + '01';
  el('stats-month').value = today.slice(0, 7);
  el('stats-month').max = today.slice(0, 7);
  // 数字城管月报: the chosen month of the area in the form (the caller's whole area when empty)
  function reportLink() {
    const p = new URLSearchParams({ month: el('stats-month').value });
    if (el('stats-area').value.trim()) { p.set('area', el('stats-area').value.trim()); }
    el('stats-monthly-report').href = '/api/v1/stats/monthly-report.docx?' + p.toString();
  }
  el('stats-month').addEventListener('change', reportLink);
  el('stats-area').addEventListener('input', reportLink);
  reportLink();
  const charts = {};
  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init(el(id), null, { renderer: 'canvas' }); }
    return charts[id];
  }
  function pct(v) { return v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%'; }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function params(groupBy) {
    const p = new URLSearchParams({ groupBy: groupBy, from: el('stats-from').value, to: el('stats-to').value });
    if (el('stats-area').value.trim()) { p.set('area', el('stats-area').value.trim()); }
    if (el('stats-category').value.trim()) { p.set('category', el('stats-category').value.trim()); }
    return p.toString();
  }
  function bar(id, rows, horizontal) {
    const names = rows.map(function (r) { return Object.values(r.label).join(' · '); });
    const values = rows.map(function (r) { return r.counts.reported; });
    const c = chart(id);
    c.setOption({ tooltip: {}, grid: { left: horizontal ? 150 : 40, right: 10, bottom: horizontal ? 20 : 60 },
      xAxis: horizontal ? { type: 'value', minInterval: 1 } : { type: 'category', data: names, axisLabel: { rotate: 30 } },
      yAxis: horizontal ? { type: 'category', data: names } : { type: 'value', minInterval: 1 },
      series: [{ name: '受理', type: 'bar', data: values }] }, true);
    c.off('click');
    c.on('click', function (p) { window.location.href = rows[p.dataIndex].casesLink; });
  }
  async function load() {
    const groupBy = el('stats-groupBy').value;
    el('stats-error').hidden = true;
    try {
      const main = await cityops.api('/api/v1/stats/cases?' + params(groupBy));
      el('stats-export').href = '/api/v1/stats/cases.xlsx?' + params(groupBy);
      const keys = Object.keys(main.measures);
      const head = main.groupBy.map(function (g) {
        return el('stats-groupBy').querySelector('option[value="' + g + '"]').textContent;
      });
      el('stats-table').tHead.innerHTML = '<tr>' + head.concat(keys.map(function (k) { return main.measures[k]; }))
        .concat(['结案率', '按期结案率']).map(function (h) { return '<th>' + esc(h) + '</th>'; }).join('') + '</tr>';
      const line = function (r, name) {
        return '<tr><td>' + esc(name) + '</td>' + keys.map(function (k) {
          return '<td class="num"><a href="' + esc(r.casesLink) + '">' + r.counts[k] + '</a></td>';
        }).join('') + '<td class="num">' + pct(r.rates.closeRate) + '</td><td class="num">' + pct(r.rates.closeByDeadlineRate) + '</td></tr>';
      };
      el('stats-table').tBodies[0].innerHTML = main.rows.map(function (r) { return line(r, Object.values(r.label).join(' · ')); }).join('')
        + line(main.totals, '合计');
      const trend = await cityops.api('/api/v1/stats/cases?' + params('day'));
      const t = chart('stats-chart-trend');
      t.setOption({ tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 40, right: 10, bottom: 30 },
        xAxis: { type: 'category', data: trend.rows.map(function (r) { return r.key.day.slice(5); }) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [['受理', 'reported'], ['立案', 'filed'], ['结案', 'closed']].map(function (x) {
          return { name: x[0], type: 'line', data: trend.rows.map(function (r) { return r.counts[x[1]]; }) };
        }) }, true);
      t.off('click');
      t.on('click', function (p) { window.location.href = trend.rows[p.dataIndex].casesLink; });
      const cats = await cityops.api('/api/v1/stats/cases?' + params('category'));
      bar('stats-chart-category', cats.rows.sort(function (a, b) { return b.counts.reported - a.counts.reported; }).slice(0, 10).reverse(), true);
      const districts = await cityops.api('/api/v1/stats/cases?' + params('district'));
      bar('stats-chart-district', districts.rows, false);
    } catch (e) {
      el('stats-error').textContent = e.message;
      el('stats-error').hidden = false;
    }
  }
  form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
  load();
})();
