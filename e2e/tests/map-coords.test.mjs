// The browser's WGS-84 ↔ GCJ-02 transform (src/main/resources/static/js/cityops-map.js), run in node without a
// browser or a running app: the same known pairs as ChinaCoordinatesTests.java. Run alone with
//   node --test e2e/tests/map-coords.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const source = readFileSync(new URL('../../src/main/resources/static/js/cityops-map.js', import.meta.url), 'utf8');
const sandbox = {};
sandbox.globalThis = sandbox;
vm.runInNewContext(source, sandbox);
const { toGcj02, toWgs84, outsideChina } = sandbox.cityopsMap.coords;

function close(actual, expected, tolerance, what) {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
}

test('Beijing (116.404, 39.915) shifts to the published GCJ-02 pair to a millimetre', () => {
  const [lon, lat] = toGcj02(116.404, 39.915);
  close(lon, 116.41024449916938, 1e-8, 'lon');
  close(lat, 39.91640428150164, 1e-8, 'lat');
});

test('the other published pairs agree to a decimetre', () => {
  let [lon, lat] = toGcj02(121.0917077, 30.6107779);
  close(lon, 121.09626935575027, 1e-6, 'lon');
  close(lat, 30.608604331756705, 1e-6, 'lat');
  [lon, lat] = toGcj02(116.0, 40.0);
  close(lon, 116.006141221789, 1e-6, 'lon');
  close(lat, 40.001213650174, 1e-6, 'lat');
  [lon, lat] = toWgs84(123.0, 45.0);
  close(lon, 122.99395597, 1e-6, 'lon');
  close(lat, 44.99804071, 1e-6, 'lat');
});

test('in Changzhou the shift is several hundred metres and the inverse undoes it', () => {
  const wgs = [119.93837, 31.80715]; // DemoGrids.TIANNING, rounded
  const gcj = toGcj02(wgs[0], wgs[1]);
  const dx = (gcj[0] - wgs[0]) * 111320 * Math.cos(wgs[1] * Math.PI / 180);
  const dy = (gcj[1] - wgs[1]) * 110574;
  const metres = Math.hypot(dx, dy);
  assert.ok(metres > 300 && metres < 800, `shift ${metres} m`);
  const back = toWgs84(gcj[0], gcj[1]);
  close(back[0], wgs[0], 1e-9, 'lon');
  close(back[1], wgs[1], 1e-9, 'lat');
});

test('points outside China are not shifted', () => {
  assert.equal(outsideChina(2.3522, 48.8566), true);
  assert.deepEqual(Array.from(toGcj02(2.3522, 48.8566)), [2.3522, 48.8566]);
  assert.deepEqual(Array.from(toWgs84(139.7, 35.68)), [139.7, 35.68]);
});
