// 指挥中心大屏 (/command) and the leader's home (/leader): the numbers of /api/v1/command/summary, reloaded
// whenever /api/v1/command/stream says a step came in. Every number is a link to the cases behind it.
(function () {
  const wall = document.body.classList.contains('wall');
  const home = document.getElementById('leader-kpis');
  if (!wall && !home) { return; }
  const charts = {};
  // the wall's charts follow their panels' size (a panel can change size after the first draw: fonts, the
  // grid's rows, a window resized) and are drawn at once, without animation (a wall is looked at, and a
  // screenshot never shows a half-drawn pie or a line that stops short)
  const resized = typeof ResizeObserver === 'undefined' ? null
    : new ResizeObserver(function () { Object.values(charts).forEach(function (c) { c.resize(); }); });
  function chart(id) {
    const el = document.getElementById(id);
    if (!el || typeof echarts === 'undefined') { return null; }
    if (!charts[id]) {
      charts[id] = echarts.init(el, wall ? 'dark' : null, { renderer: 'canvas' });
      if (resized) { resized.observe(el); }
    }
    return charts[id];
  }
  // type on the wall's charts grows with the screen like the page's own (0.9vw), never below 11 px
  function fontSize() { return wall ? Math.max(11, Math.round(window.innerWidth * 0.008)) : 12; }
  function base() {
    return { backgroundColor: 'transparent', animation: !wall, textStyle: { fontSize: fontSize() } };
  }
  function withBase(o) { return Object.assign(base(), o); }
  function pct(v) { return v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%'; }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function kpi(label, value, link, testid) {
    return '<a class="' + (wall ? 'wall-kpi' : 'tile') + '" href="' + esc(link) + '" data-testid="' + testid + '">'
      + '<span class="kpi-label">' + esc(label) + '</span><span class="kpi-value">' + esc(value) + '</span></a>';
  }
  function render(s) {
    const t = s.totals;
    const area = document.getElementById(wall ? 'wall-area' : 'leader-area');
    if (area) { area.textContent = s.areaName; }
    const today = document.getElementById('leader-today');
    if (today) { today.textContent = s.today; }
    const kpis = [
      kpi('今日受理', t.reported, t.link, 'kpi-reported'),
      kpi('今日立案', t.filed, t.link, 'kpi-filed'),
      kpi('今日派遣', t.dispatched, t.link, 'kpi-dispatched'),
      kpi('今日结案', t.closed, t.link, 'kpi-closed'),
      kpi('按期结案率', pct(t.closeByDeadlineRate), t.link, 'kpi-on-time'),
      kpi('今日超期', t.overdue, t.link + '&overdue=true', 'kpi-overdue')
    ];
    document.getElementById(wall ? 'wall-kpis' : 'leader-kpis').innerHTML = kpis.join('');
    const ranking = document.getElementById(wall ? 'wall-ranking' : 'leader-ranking');
    ranking.innerHTML = '<thead><tr><th>名次</th><th>区</th><th>立案</th><th>结案</th><th>结案率</th><th>按期结案率</th></tr></thead><tbody>'
      + s.ranking.map(function (r, i) {
        return '<tr><td>' + (i + 1) + '</td><td><a href="' + esc(r.link) + '">' + esc(r.name) + '</a></td><td>'
          + r.filed + '</td><td>' + r.closed + '</td><td>' + pct(r.closeRate) + '</td><td>' + pct(r.closeByDeadlineRate) + '</td></tr>';
      }).join('') + '</tbody>';
    const tiles = document.getElementById(wall ? 'wall-tiles' : 'leader-tiles');
    tiles.innerHTML = s.tiles.map(function (tile) {
      return '<div class="' + (wall ? 'wall-panel wall-tile' : 'card') + '" id="tile-' + esc(tile.key) + '"><h2>' + esc(tile.title) + '</h2><div class="tile-figures">'
        + tile.figures.map(function (f) {
          const inner = '<span class="kpi-label">' + esc(f.label) + '</span><span class="kpi-value">' + esc(f.value) + '</span>';
          return f.link ? '<a class="figure" href="' + esc(f.link) + '">' + inner + '</a>' : '<span class="figure">' + inner + '</span>';
        }).join('') + '</div></div>';
    }).join('');
    const week = chart(wall ? 'wall-chart-week' : 'leader-chart-week');
    if (week) {
      week.setOption(withBase({ tooltip: { trigger: 'axis' }, legend: { textStyle: { fontSize: fontSize() } },
        grid: { left: 8, right: 16, top: fontSize() * 3, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: s.week.map(function (d) { return d.day.slice(5); }),
          axisLabel: { fontSize: fontSize() } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fontSize() } },
        series: [['受理', 'reported'], ['立案', 'filed'], ['结案', 'closed']].map(function (x) {
          return { name: x[0], type: 'line', data: s.week.map(function (d) { return d[x[1]] || 0; }) };
        }) }));
      week.off('click');
      week.on('click', function (p) { window.location.href = s.week[p.dataIndex].link; });
    }
    const weekTable = document.getElementById('leader-week');
    if (weekTable) {
      // the week's trend as numbers too, each day a link to its cases
      weekTable.innerHTML = '<thead><tr><th>日期</th><th>受理</th><th>立案</th><th>结案</th><th>按期结案率</th></tr></thead><tbody>'
        + s.week.map(function (d) {
          return '<tr><td><a href="' + esc(d.link) + '">' + esc(d.day.slice(5)) + '</a></td><td>' + d.reported + '</td><td>'
            + d.filed + '</td><td>' + d.closed + '</td><td>' + pct(d.closeByDeadlineRate) + '</td></tr>';
        }).join('') + '</tbody>';
    }
    const ch = chart('wall-chart-channel');
    if (ch) {
      ch.setOption(withBase({ tooltip: {},
        series: [{ type: 'pie', radius: ['30%', '56%'], center: ['50%', '52%'], avoidLabelOverlap: true,
          label: { formatter: '{b}\n{c}', fontSize: fontSize() }, labelLine: { length: 6, length2: 6 },
          data: s.byChannel.map(function (c) { return { name: c.label, value: c.value }; }) }] }));
      ch.off('click');
      ch.on('click', function (p) { window.location.href = s.byChannel[p.dataIndex].link; });
    }
    const cat = chart('wall-chart-category');
    if (cat) {
      const rows = s.topCategories.slice().reverse();
      cat.setOption(withBase({ tooltip: {}, grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fontSize() } },
        yAxis: { type: 'category', data: rows.map(function (c) { return c.name; }), axisLabel: { fontSize: fontSize() } },
        series: [{ type: 'bar', data: rows.map(function (c) { return c.value; }) }] }));
      cat.off('click');
      cat.on('click', function (p) { window.location.href = rows[p.dataIndex].link; });
    }
  }
  let loading = null;
  let again = false;
  function load() {
    if (loading) { again = true; return loading; }
    loading = fetch('/api/v1/command/summary', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(render)
      .catch(function () { /* the next event retries */ })
      .finally(function () { loading = null; if (again) { again = false; load(); } });
    return loading;
  }
  const live = document.getElementById('wall-live');
  function connect() {
    const es = new EventSource('/api/v1/command/stream');
    es.addEventListener('hello', function () { if (live) { live.textContent = '实时'; live.classList.add('on'); } load(); });
    es.addEventListener('changed', function () { load(); document.dispatchEvent(new Event('wall:changed')); });
    es.onerror = function () { if (live) { live.textContent = '重连中'; live.classList.remove('on'); } };
  }
  const clock = document.getElementById('wall-clock');
  if (clock) {
    const tick = function () {
      clock.textContent = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
    };
    tick();
    setInterval(tick, 10000);
  }
  window.addEventListener('resize', function () { Object.values(charts).forEach(function (c) { c.resize(); }); });
  load();
  connect();
})();
