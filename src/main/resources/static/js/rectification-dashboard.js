// Rectification dashboard: problems by status (bar) and measures completed over time (line). Data comes from
// data-* attributes; nothing inline (CSP).
(function () {
  function list(el, name) { const v = el.getAttribute(name); return v ? v.split(',') : []; }
  function draw() {
    if (typeof echarts === 'undefined') { return; }
    const s = document.getElementById('rect-status-chart');
    if (s) {
      echarts.init(s).setOption({
        animation: false, tooltip: {}, grid: { left: 40, right: 10, top: 10, bottom: 40 },
        xAxis: { type: 'category', data: list(s, 'data-labels') }, yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: list(s, 'data-values').map(Number), itemStyle: { color: '#0b5cad' } }]
      });
    }
    const p = document.getElementById('rect-progress-chart');
    if (p) {
      echarts.init(p).setOption({
        animation: false, tooltip: { trigger: 'axis' }, grid: { left: 40, right: 10, top: 10, bottom: 40 },
        xAxis: { type: 'category', data: list(p, 'data-days') }, yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'line', step: 'end', data: list(p, 'data-values').map(Number) }]
      });
    }
  }
  window.addEventListener('load', draw);
})();
