// Shared helper of every Leaflet map: the configured basemap (or, with none, the district and street boundaries and
// the grid layer as a base that works offline), the coordinate system of the tiles, a legend and zoom-to-data.
// A page loads it after leaflet.js and before its own map script, deferred, with the settings the server renders:
//   <script th:src="@{/js/cityops-map.js}" th:attr="data-basemap=${basemap}" defer></script>
// and creates maps with cityopsMap.create(element, options). All data stays in WGS-84; over GCJ-02 tiles (高德, 腾讯)
// the map's projection converts every point, shape, fitBounds and click, so nothing is drawn ~500 m off its road.
(function (root) {
  'use strict';

  // ---- WGS-84 ↔ GCJ-02 (pure functions; e2e/tests/map-coords.test.mjs runs them in node with known pairs) ----
  const A = 6378245.0;              // Krasovsky 1940 semi-major axis
  const EE = 0.00669342162296594323; // its first eccentricity squared
  function outsideChina(lon, lat) { return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271; }
  function shiftLat(x, y) {
    let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return r;
  }
  function shiftLon(x, y) {
    let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return r;
  }
  /** [lon, lat] in WGS-84 → [lon, lat] in GCJ-02 (unchanged outside China). */
  function toGcj02(lon, lat) {
    if (outsideChina(lon, lat)) { return [lon, lat]; }
    const rad = lat / 180.0 * Math.PI;
    const magic = 1 - EE * Math.sin(rad) * Math.sin(rad);
    const sqrtMagic = Math.sqrt(magic);
    const dLat = shiftLat(lon - 105.0, lat - 35.0) * 180.0 / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    const dLon = shiftLon(lon - 105.0, lat - 35.0) * 180.0 / (A / sqrtMagic * Math.cos(rad) * Math.PI);
    return [lon + dLon, lat + dLat];
  }
  /** [lon, lat] in GCJ-02 → WGS-84, iterating the forward transform until the round trip is below 1e-10°. */
  function toWgs84(lon, lat) {
    if (outsideChina(lon, lat)) { return [lon, lat]; }
    let w = [lon, lat];
    for (let i = 0; i < 30; i++) {
      const g = toGcj02(w[0], w[1]);
      const e = [g[0] - lon, g[1] - lat];
      w = [w[0] - e[0], w[1] - e[1]];
      if (Math.abs(e[0]) < 1e-10 && Math.abs(e[1]) < 1e-10) { break; }
    }
    return w;
  }
  const coords = { outsideChina: outsideChina, toGcj02: toGcj02, toWgs84: toWgs84 };
  const api = root.cityopsMap = { coords: coords };
  if (!root.document || !root.L) { return; } // in node: the transform only

  const L = root.L;
  const doc = root.document;
  const script = doc.currentScript;
  let config = null;
  try { config = script && script.dataset.basemap ? JSON.parse(script.dataset.basemap) : null; } catch (e) { config = null; }
  config = Object.assign({ source: 'none', crs: 'WGS84', layers: [], boundaries: '/api/v1/public/geo/boundaries',
    center: [31.79, 119.95], zoom: 11, labels: {} }, config || {});
  api.config = config;
  function t(key, fallback) { return config.labels[key] || fallback || key; }
  api.t = t;

  (function stylesheet() {
    if (doc.querySelector('link[data-cityops-map]')) { return; }
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = (script && script.src ? script.src.replace(/\/js\/cityops-map\.js.*$/, '') : '') + '/css/cityops-map.css';
    link.setAttribute('data-cityops-map', '');
    doc.head.appendChild(link);
  })();

  /** Web Mercator over GCJ-02 tiles: project() shifts WGS-84 into GCJ-02, unproject() shifts back. */
  function mapCrs() {
    if (config.crs !== 'GCJ02') { return L.CRS.EPSG3857; }
    const merc = L.Projection.SphericalMercator;
    const projection = {
      R: merc.R, MAX_LATITUDE: merc.MAX_LATITUDE, bounds: merc.bounds,
      project: function (ll) { const g = toGcj02(ll.lng, ll.lat); return merc.project(L.latLng(g[1], g[0])); },
      unproject: function (p) { const ll = merc.unproject(p); const w = toWgs84(ll.lng, ll.lat); return L.latLng(w[1], w[0]); }
    };
    return L.extend({}, L.CRS.EPSG3857, { projection: projection });
  }

  let boundaryData = null;
  function boundaries() {
    if (!boundaryData) {
      boundaryData = fetch(config.boundaries, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
        .then(function (r) { if (!r.ok) { throw new Error(r.status + ''); } return r.json(); })
        .catch(function () { return { type: 'FeatureCollection', features: [] }; });
    }
    return boundaryData;
  }

  const STREET_FILLS = ['#f6f1e3', '#eef3e2', '#f4ece6', '#e9f0ef', '#f2eedb', '#ecebf3'];
  const DISTRICT_LINE = '#8c6d9e';
  const STREET_LINE = '#b8a9c2';
  const GRID_LINE = '#cfc6b4';

  function legendSymbol(item) {
    const s = doc.createElement('span');
    s.className = 'map-legend-symbol ' + (item.kind || 'dot');
    if (item.kind === 'line') {
      s.style.borderTopColor = item.color;
      if (item.dash) { s.style.borderTopStyle = 'dashed'; }
    } else if (item.kind === 'area') {
      s.style.background = item.fill || item.color;
      s.style.borderColor = item.color;
    } else {
      s.style.background = item.color;
    }
    return s;
  }

  /** The LatLngBounds around layers, bounds, [lat, lon] points or arrays of them; null when there is nothing. */
  function boundsOf(w) {
    if (!w) { return null; }
    if (w instanceof L.LatLngBounds) { return w.isValid() ? w : null; }
    if (Array.isArray(w)) {
      if (typeof w[0] === 'number') { return L.latLngBounds([w, w]); }
      let b = null;
      w.forEach(function (x) {
        const xb = boundsOf(x);
        if (xb) { b = b ? b.extend(xb) : L.latLngBounds(xb.getSouthWest(), xb.getNorthEast()); }
      });
      return b;
    }
    if (w.getLatLng) { const ll = w.getLatLng(); return L.latLngBounds([ll, ll]); }
    if (w.getBounds) {
      try { const b = w.getBounds(); return b && b.isValid() ? b : null; } catch (e) { return null; }
    }
    if (w.eachLayer) { const parts = []; w.eachLayer(function (l) { parts.push(l); }); return boundsOf(parts); }
    return null;
  }
  api.boundsOf = boundsOf;

  /**
   * A map in the element, with the base underneath. options: center [lat, lon], zoom, grids (false: no grid base;
   * the grid map draws its own), legend (items: {label, color, kind: dot|line|area, fill, dash}), preferCanvas.
   * Returns a handle: { map, ready (a promise of the handle once the boundaries are drawn), legend(items),
   * fit(layersOrBounds, options), fitCity(), cityBounds(), boundaryCount }.
   */
  function create(el, options) {
    const o = options || {};
    el.classList.add('cityops-map');
    const tiles = config.layers && config.layers.length > 0;
    el.classList.add(tiles ? 'with-tiles' : 'no-tiles');
    const map = L.map(el, { crs: mapCrs(), preferCanvas: o.preferCanvas !== false, zoomSnap: 0.5 });
    map.attributionControl.setPrefix(false);
    map.setView(o.center || config.center, o.zoom || config.zoom);
    ['base', 'baseLabels'].forEach(function (name, i) {
      const pane = map.createPane(name);
      pane.style.zIndex = String(i === 0 ? 250 : 390);
      pane.style.pointerEvents = 'none';
    });
    (config.layers || []).forEach(function (l) {
      const opts = { subdomains: l.subdomains || 'abc', minNativeZoom: l.minNativeZoom, maxNativeZoom: l.maxNativeZoom,
        maxZoom: 19, attribution: l.attribution || '' };
      if (l.bounds) { opts.bounds = [[l.bounds[0], l.bounds[1]], [l.bounds[2], l.bounds[3]]]; }
      L.tileLayer(l.url, opts).addTo(map);
    });
    const handle = { map: map, element: el, boundaryCount: 0 };
    el.cityopsMap = handle; // the map's handle on its element, for page scripts, tests and the console
    let city = null;
    let pageItems = o.legend || [];
    const legend = L.control({ position: 'bottomright' });
    let legendBox = null;
    legend.onAdd = function () {
      legendBox = L.DomUtil.create('details', 'map-legend');
      legendBox.setAttribute('data-testid', 'map-legend');
      if (root.innerWidth > 600) { legendBox.open = true; }
      L.DomEvent.disableClickPropagation(legendBox);
      L.DomEvent.disableScrollPropagation(legendBox);
      render();
      return legendBox;
    };
    function baseItems() {
      const items = [
        { label: t('district'), color: DISTRICT_LINE, kind: 'line', dash: true },
        { label: t('street'), color: STREET_LINE, kind: 'line', dash: true }];
      if (config.grids && o.grids !== false) { items.push({ label: t('grid'), color: GRID_LINE, kind: 'area', fill: 'transparent' }); }
      return items;
    }
    function render() {
      if (!legendBox) { return; }
      legendBox.innerHTML = '';
      const summary = doc.createElement('summary');
      summary.textContent = t('legend');
      legendBox.appendChild(summary);
      pageItems.concat(baseItems()).forEach(function (item) {
        const row = doc.createElement('div');
        row.className = 'map-legend-row';
        row.appendChild(legendSymbol(item));
        const label = doc.createElement('span');
        label.textContent = item.label;
        row.appendChild(label);
        legendBox.appendChild(row);
      });
    }
    legend.addTo(map);
    handle.legend = function (items) { pageItems = items || []; render(); };

    handle.cityBounds = function () { return city; };
    handle.fitCity = function () { if (city && city.isValid()) { map.fitBounds(city, { padding: [12, 12] }); } };
    /** Fits the map to layers (or LatLngBounds, or [lat, lon] points, or arrays of them); with nothing, to the city. */
    handle.fit = function (what, fitOptions) {
      const b = boundsOf(what);
      if (b) {
        map.fitBounds(b, Object.assign({ padding: [28, 28], maxZoom: 16 }, fitOptions || {}));
        return true;
      }
      handle.fitCity();
      return false;
    };

    // ---- the boundary base: streets filled like land, district and street lines, names
    const svg = L.svg({ pane: 'base' });
    handle.ready = boundaries().then(function (fc) {
      const features = fc.features || [];
      const streets = features.filter(function (f) { return f.properties.level === 'street'; });
      const districts = features.filter(function (f) { return f.properties.level === 'district'; });
      const streetLayer = L.geoJSON({ type: 'FeatureCollection', features: streets }, {
        pane: 'base', renderer: svg, interactive: false,
        style: function (f) {
          const i = parseInt(f.properties.code.slice(-3), 10) || 0;
          return { color: STREET_LINE, weight: 1, dashArray: '4 3', fill: !tiles, fillColor: STREET_FILLS[i % STREET_FILLS.length],
            fillOpacity: tiles ? 0 : 1, className: 'map-street' };
        }
      }).addTo(map);
      const districtLayer = L.geoJSON({ type: 'FeatureCollection', features: districts }, {
        pane: 'base', renderer: svg, interactive: false,
        style: function () { return { color: DISTRICT_LINE, weight: 2.2, opacity: 0.9, dashArray: '10 4 2 4', fill: false, className: 'map-district' }; }
      }).addTo(map);
      features.forEach(function (f) {
        const p = f.properties;
        if (!p.label) { return; }
        L.marker([p.label[1], p.label[0]], {
          pane: 'baseLabels', interactive: false, keyboard: false,
          icon: L.divIcon({ className: 'map-label ' + p.level, html: '<span></span>', iconSize: null })
        }).addTo(map).getElement().firstChild.textContent = p.name;
      });
      handle.boundaryCount = features.length;
      el.dataset.boundaries = String(features.length);
      if (fc.bbox) { city = L.latLngBounds([fc.bbox[1], fc.bbox[0]], [fc.bbox[3], fc.bbox[2]]); }
      else if (districts.length) { city = districtLayer.getBounds(); }
      handle.streets = streetLayer;
      handle.districts = districtLayer;
      return handle;
    });

    function zoomClasses() {
      const z = map.getZoom();
      el.classList.toggle('zoom-streets', z >= 12.5);
      el.classList.toggle('zoom-far', z < 10.5);
    }
    map.on('zoomend', zoomClasses);
    zoomClasses();

    // ---- the grid layer as part of the base (staff only; close up)
    if (config.grids && o.grids !== false) {
      const gridRenderer = L.canvas({ pane: 'base' });
      const gridLayer = L.geoJSON(null, { pane: 'base', renderer: gridRenderer, interactive: false,
        style: function () { return { color: GRID_LINE, weight: 0.6, fill: false }; } }).addTo(map);
      let seq = 0;
      const loadGrids = function () {
        if (map.getZoom() < 15) { gridLayer.clearLayers(); return; }
        const b = map.getBounds();
        const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(6); }).join(',');
        const mine = ++seq;
        fetch(config.grids + '?bbox=' + bbox, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (fc) { if (fc && mine === seq) { gridLayer.clearLayers(); gridLayer.addData(fc); } })
          .catch(function () { });
      };
      map.on('moveend', loadGrids);
      handle.ready.then(loadGrids);
    }
    return handle;
  }
  api.create = create;
})(typeof window !== 'undefined' ? window : globalThis);
