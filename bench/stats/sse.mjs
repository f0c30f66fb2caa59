// 100 wallboards on /api/v1/command/stream: how long after a case is taken in does each one hear `changed`?
//   BASE=http://127.0.0.1:18092 CLIENTS=100 ROUNDS=5 node bench/stats/sse.mjs
// Each client is a plain streaming GET (what EventSource does) with leader1's bearer token. A round posts one
// case as operator1 and times, per client, the first `changed` event after the post was sent. Prints the worst
// and the p95 latency per round. Node 18+ (fetch with streams), no packages.
const BASE = process.env.BASE || 'http://127.0.0.1:8080';
const CLIENTS = Number(process.env.CLIENTS || 100);
const ROUNDS = Number(process.env.ROUNDS || 5);
const PASSWORD = 'cityops-demo';

async function token(username) {
  const r = await fetch(`${BASE}/api/v1/auth/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  return (await r.json()).access_token;
}

function client(tok, onEvent) {
  const ctrl = new AbortController();
  const ready = (async () => {
    const r = await fetch(`${BASE}/api/v1/command/stream`, {
      headers: { Authorization: `Bearer ${tok}`, Accept: 'text/event-stream' }, signal: ctrl.signal });
    if (!r.ok) { throw new Error('stream ' + r.status); }
    const reader = r.body.getReader();
    const dec = new TextDecoder();
    let buf = '';
    let helloed;
    const hello = new Promise((res) => { helloed = res; });
    (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) { return; }
          buf += dec.decode(value, { stream: true });
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i); buf = buf.slice(i + 2);
            const m = /^event:\s*(.*)$/m.exec(block);
            const name = m ? m[1].trim() : 'message';
            if (name === 'hello') { helloed(); } else { onEvent(name); }
          }
        }
      } catch { /* aborted */ }
    })();
    await hello;
  })();
  return { ready, close: () => ctrl.abort() };
}

const leader = await token('leader1');
const operator = await token('operator1');
let sentAt = 0;
let got = new Map();
const clients = [];
for (let c = 0; c < CLIENTS; c++) {
  const id = c;
  clients.push(client(leader, (name) => {
    if (name === 'changed' && sentAt && !got.has(id)) { got.set(id, performance.now() - sentAt); }
  }));
}
await Promise.all(clients.map((c) => c.ready));
console.log(`load average: ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
console.log(`${CLIENTS} walls connected`);
for (let round = 1; round <= ROUNDS; round++) {
  got = new Map();
  sentAt = performance.now();
  const r = await fetch(`${BASE}/api/v1/cases`, {
    method: 'POST', headers: { Authorization: `Bearer ${operator}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel: 'HOTLINE', categoryCode: 'E09006', description: 'SSE bench ' + Date.now(),
      lat: 31.78, lon: 119.95, address: '测试路1号', urgency: 'NORMAL', reporter: { name: '测试', phone: '13800000001' } }) });
  if (r.status !== 201) { throw new Error('intake ' + r.status + ' ' + await r.text()); }
  const deadline = performance.now() + 10000;
  while (got.size < CLIENTS && performance.now() < deadline) { await new Promise((res) => setTimeout(res, 20)); }
  const ms = [...got.values()].sort((a, b) => a - b);
  const p95 = ms.length ? ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)] : NaN;
  console.log(`round ${round}: ${got.size}/${CLIENTS} walls told; p50=${ms[Math.floor(ms.length / 2)]?.toFixed(0)} ms `
    + `p95=${p95.toFixed(0)} ms max=${ms[ms.length - 1]?.toFixed(0)} ms`);
  await new Promise((res) => setTimeout(res, 1000));
}
clients.forEach((c) => c.close());
process.exit(0);
