// 趋势: a subject's composite / total (left axis) and rank (right axis, 1 on top) per period, from the trend API.
(function () {
  const main = document.querySelector('main[data-trend-url]');
  const box = document.getElementById('trend-chart');
  if (!main || !box || typeof echarts === 'undefined') { return; }
  cityops.api(main.dataset.trendUrl).then(function (points) {
    const chart = echarts.init(box);
    const labels = points.map(function (p) { return p.label; });
    chart.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 50, right: 50, bottom: 60 },
      xAxis: { type: 'category', data: labels, axisLabel: { rotate: 20 } },
      yAxis: [{ type: 'value', name: '得分', min: 0, max: 100 },
        { type: 'value', name: '排名', inverse: true, minInterval: 1, min: 1 }],
      series: [
        { name: '综合指标值', type: 'line', data: points.map(function (p) { return p.composite; }), connectNulls: false },
        { name: '总分', type: 'line', data: points.map(function (p) { return p.total; }) },
        { name: '排名', type: 'line', yAxisIndex: 1, step: 'middle', data: points.map(function (p) { return p.rank; }) }]
    });
    box.dataset.ready = String(points.length);
    window.addEventListener('resize', function () { chart.resize(); });
  }).catch(function (err) { box.textContent = err.message; });
})();
