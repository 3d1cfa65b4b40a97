// The analytics page: reads the service's own REST endpoints and draws four ECharts charts.
// Each chart's container gets data-rendered="true" once ECharts has finished drawing it, and the body
// data-rendered="all" when all four have: the browser test (and a person's script) waits on that.
(function () {
  'use strict';
  const ZONE_OFFSET = '+08:00'; // days are Asia/Shanghai days, as in the keyword tables
  const charts = {};
  const form = document.getElementById('query');
  const status = document.getElementById('status');

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function draw(id, option) {
    const el = document.getElementById(id);
    el.dataset.rendered = 'false';
    const c = chart(id);
    c.off('finished');
    c.on('finished', () => {
      el.dataset.rendered = 'true';
      if (Object.keys(charts).every(k => document.getElementById(k).dataset.rendered === 'true')
          && Object.keys(charts).length === 4) {
        document.body.dataset.rendered = 'all';
      }
    });
    c.setOption(option, true);
  }

  // the operator's API key (viewer or above) lives in this tab's session only, never in the URL
  const KEY = 'dmpilot.key';

  async function get(path) {
    const headers = { Accept: 'application/json' };
    const key = sessionStorage.getItem(KEY);
    if (key) headers.Authorization = 'Bearer ' + key;
    const response = await fetch(path, { headers: headers });
    if (!response.ok) throw new Error(path + ' answered ' + response.status);
    return response.json();
  }

  function nextDay(day) {
    const d = new Date(day + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  }

  function instant(day) {
    return new Date(day + 'T00:00:00' + ZONE_OFFSET).toISOString();
  }

  function funnelOption(funnel) {
    const steps = funnel.steps;
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['count', 'drop-off'] },
      xAxis: { type: 'category', data: steps.map(s => s.step), axisLabel: { interval: 0 } },
      yAxis: { type: 'value' },
      series: [
        { name: 'count', type: 'bar', data: steps.map(s => s.count), label: { show: true, position: 'top' } },
        { name: 'drop-off', type: 'bar', data: steps.map(s => Math.max(s.dropOff, 0)) }
      ]
    };
  }

  function keywordOption(report) {
    const top = report.top.slice(0, 15).reverse();
    return {
      tooltip: {},
      grid: { left: 100 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: top.map(w => w.word) },
      series: [{ name: 'count', type: 'bar', data: top.map(w => w.count) }]
    };
  }

  function responseOption(times) {
    const label = b => b.toMillis < 0 ? '≥' + b.fromMillis / 1000 + 's' : b.fromMillis / 1000 + '–' + b.toMillis / 1000 + 's';
    return {
      tooltip: {},
      xAxis: { type: 'category', data: times.histogram.map(label), axisLabel: { interval: 0, rotate: 40 } },
      grid: { bottom: 70 },
      yAxis: { type: 'value' },
      series: [{ name: 'replies', type: 'bar', data: times.histogram.map(b => b.count) }]
    };
  }

  function pathOption(paths) {
    const data = [];
    let max = 0;
    paths.matrix.forEach((row, i) => row.forEach((count, j) => {
      data.push([j, i, count]);
      max = Math.max(max, count);
    }));
    return {
      tooltip: { position: 'top' },
      grid: { left: 120, bottom: 130 },
      xAxis: { type: 'category', data: paths.scenarios, axisLabel: { interval: 0, rotate: 40 }, name: 'to' },
      yAxis: { type: 'category', data: paths.scenarios, name: 'from' },
      visualMap: { min: 0, max: Math.max(max, 1), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 80 },
      series: [{ name: 'transitions', type: 'heatmap', data: data, label: { show: true } }]
    };
  }

  async function load(account, fromDay, toDay) {
    status.textContent = 'loading…';
    status.className = '';
    document.body.dataset.rendered = 'loading';
    const base = '/analytics/accounts/' + encodeURIComponent(account);
    const hours = '?from=' + encodeURIComponent(instant(fromDay)) + '&to=' + encodeURIComponent(instant(nextDay(toDay)));
    try {
      const [funnel, keywords, times, paths] = await Promise.all([
        get(base + '/funnel' + hours),
        get(base + '/keywords?from=' + fromDay + '&to=' + toDay),
        get(base + '/response-times' + hours),
        get(base + '/paths' + hours)
      ]);
      draw('funnel', funnelOption(funnel));
      draw('keywords', keywordOption(keywords));
      draw('response-times', responseOption(times));
      draw('paths', pathOption(paths));
      document.getElementById('response-summary').textContent =
        'p50 ' + times.p50Millis + ' ms · p90 ' + times.p90Millis + ' ms · p99 ' + times.p99Millis + ' ms · within 90 s '
        + (times.within90s.share * 100).toFixed(1) + '% · within SLO ' + (times.withinSlo.share * 100).toFixed(1) + '%';
      status.textContent = '';
    } catch (e) {
      status.textContent = e.message;
      status.className = 'error';
      document.body.dataset.rendered = 'error';
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const f = new FormData(form);
    if (f.get('key')) sessionStorage.setItem(KEY, f.get('key'));
    form.key.value = '';
    const params = new URLSearchParams({ account: f.get('account'), from: f.get('from'), to: f.get('to') });
    history.replaceState(null, '', '?' + params);
    load(f.get('account'), f.get('from'), f.get('to'));
  });

  const params = new URLSearchParams(location.search);
  const today = new Date().toISOString().slice(0, 10);
  form.account.value = params.get('account') || '';
  form.from.value = params.get('from') || today;
  form.to.value = params.get('to') || today;
  if (form.account.value) load(form.account.value, form.from.value, form.to.value);
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
})();
