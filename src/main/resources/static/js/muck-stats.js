// Statistics (统计): trips and volume per site, disposal site, company and day; alarms by type, company, vehicle.
(function () {
  const form = document.getElementById('muck-stats-form');
  if (!form) { return; }
  const fromInput = document.getElementById('muck-stats-from');
  const toInput = document.getElementById('muck-stats-to');
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  toInput.value = today;
  fromInput.value = new Date(Date.now() + 8 * 3600 * 1000 - 29 * 86400000).toISOString().slice(0, 10);
  const charts = {};
  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init(document.getElementById(id)); }
    return charts[id];
  }
  function bar(id, counts, withVolume, name) {
    const series = [{ name: name || '趟次', type: 'bar', data: counts.map(function (c) { return c.count; }) }];
    if (withVolume) { series.push({ name: '方量 m³', type: 'bar', data: counts.map(function (c) { return c.volume || 0; }) }); }
    chart(id).setOption({ tooltip: {}, legend: {}, grid: { left: 40, right: 10, bottom: 80 },
      xAxis: { type: 'category', data: counts.map(function (c) { return c.label; }), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' }, series: series }, true);
  }
  async function load() {
    const from = new Date(fromInput.value + 'T00:00:00+08:00');
    const to = new Date(new Date(toInput.value + 'T00:00:00+08:00').getTime() + 86400000);
    const s = await cityops.api('/api/v1/muck/stats?from=' + from.toISOString() + '&to=' + to.toISOString());
    document.getElementById('muck-stats-kpis').innerHTML = [
      ['车辆', s.vehicles], ['在线', s.online], ['在线率', (s.onlineRate * 100).toFixed(1) + '%'],
      ['趟次', s.trips], ['非法倾倒趟次', s.illegalTrips]]
      .map(function (k) { return '<div class="tile">' + k[0] + '<br><big>' + k[1] + '</big></div>'; }).join('');
    bar('chart-site', s.tripsBySite, true);
    bar('chart-disposal', s.tripsByDisposal, true);
    bar('chart-company', s.tripsByCompany, true);
    chart('chart-day').setOption({ tooltip: { trigger: 'axis' }, legend: {},
      xAxis: { type: 'category', data: s.tripsByDay.map(function (c) { return c.label; }) }, yAxis: { type: 'value' },
      series: [{ name: '趟次', type: 'line', data: s.tripsByDay.map(function (c) { return c.count; }) },
        { name: '方量 m³', type: 'line', data: s.tripsByDay.map(function (c) { return c.volume || 0; }) }] }, true);
    chart('chart-type').setOption({ tooltip: {}, series: [{ type: 'pie', radius: '65%',
      data: s.alarmsByType.map(function (c) { return { name: c.label, value: c.count }; }) }] }, true);
    bar('chart-alarm-company', s.alarmsByCompany, false, '报警');
    bar('chart-alarm-vehicle', s.alarmsByVehicle, false, '报警');
  }
  form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
  window.addEventListener('resize', function () { Object.values(charts).forEach(function (c) { c.resize(); }); });
  load();
})();
