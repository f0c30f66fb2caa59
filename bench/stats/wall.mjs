// The wallboard's initial load, as a leader's browser sees it: from navigation to /command until today's
// numbers, the three charts and the map's open cases are drawn. It uses e2e/'s playwright-core and the
// Debian chromium, like the browser tests (`cd e2e && npm ci` once):
//   CITYOPS_URL=http://127.0.0.1:18092 RUNS=10 node bench/stats/wall.mjs
// Prints each run and the p50/p95 in ms, with the load average. The first run warms the browser's cache.
import { launch, newPage, login } from '../../e2e/lib.mjs';
import { readFileSync } from 'node:fs';

const RUNS = Number(process.env.RUNS || 10);
const browser = await launch();
const page = await newPage(browser, { viewport: { width: 1920, height: 1080 } });
await login(page, 'leader1');
const times = [];
console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
for (let i = 0; i <= RUNS; i++) {
  const t0 = Date.now();
  await page.goto('/command', { waitUntil: 'commit' });
  await page.waitForSelector('[data-testid=kpi-reported] .kpi-value', { timeout: 30000 });
  await page.waitForSelector('#wall-chart-channel canvas');
  await page.waitForSelector('#wall-chart-week canvas');
  await page.waitForSelector('#wall-chart-category canvas');
  await page.waitForSelector('[data-testid=wall-map][data-loaded]', { timeout: 30000 });
  const ms = Date.now() - t0;
  console.log(`run ${i}${i === 0 ? ' (cold, not counted)' : ''}: ${ms} ms`);
  if (i > 0) { times.push(ms); }
}
times.sort((a, b) => a - b);
const p = (q) => times[Math.min(times.length - 1, Math.ceil(times.length * q) - 1)];
console.log(`wall initial load over ${times.length} runs: p50=${p(0.5)} ms p95=${p(0.95)} ms max=${times[times.length - 1]} ms`);
await browser.close();
