// Issue 11, point 10: the body limit counts the bytes actually read, so a chunked body (no Content-Length) over
// 1 MiB is refused with 413 by the packaged app, for a JSON call and for a form post (Tomcat's form limit).
// Plain HTTP on the loopback, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
// (no browser: lib.mjs is not needed, and neither is playwright)
const BASE_URL = process.env.CITYOPS_URL || 'http://127.0.0.1:8080';

/** Sends `total` bytes in 64 KiB chunks (Transfer-Encoding: chunked) and resolves with the status and body. */
function chunkedPost(path, contentType, head, total) {
  const url = new URL(path, BASE_URL);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers: { 'Content-Type': contentType, 'Transfer-Encoding': 'chunked' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', (e) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    req.write(head);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = head.length;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end('"}');
    };
    pump();
  });
}

test('a chunked JSON body over 1 MiB is refused with 413', async () => {
  const r = await chunkedPost('/api/v1/auth/token', 'application/json', '{"username":"operator1","password":"',
    2 * 1024 * 1024);
  assert.equal(r.status, 413);
  assert.match(r.body, /请求体过大/);
});

test('a chunked form post over 1 MiB is refused with 413', async () => {
  const r = await chunkedPost('/login', 'application/x-www-form-urlencoded', 'username=operator1&password=',
    2 * 1024 * 1024);
  assert.equal(r.status, 413);
});

test('a small chunked JSON body is read as usual', async () => {
  const r = await chunkedPost('/api/v1/auth/token', 'application/json',
    '{"username":"operator1","password":"cityops-demo', 0);
  assert.equal(r.status, 200);
  assert.match(r.body, /access_token/);
});
