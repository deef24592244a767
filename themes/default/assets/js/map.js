/* tsunagu map view: Leaflet (assets/vendor/leaflet/leaflet.js, loaded first) with 地理院タイル.
 *
 * A plain script (no modules, so it also works from file://). It attaches window.tsunaguMap:
 *
 *   tsunaguMap.render(container, points, options) → handle, or null when Leaflet is missing
 *     points: [{lat, lon, title, url, approximate, label}]
 *       lat, lon     numbers (WGS84 degrees); points without both are skipped
 *       title        the name shown in the popup, as a link to url (url as written: relative is fine)
 *       approximate  true for a private home: drawn as a circle of about 500 m, never as a pin
 *       label        optional short extra text (e.g. the kinds of activity): shown under the
 *                    title in the popup and added to the marker's accessible name
 *     options (all optional):
 *       tiles: false       no tile layer (markers on a plain background)
 *       fit: false         update() keeps the current view instead of fitting the points
 *       center: [lat, lon], zoom: n   the view when there are no points (default: all of Japan)
 *   handle.update(points)  redraws the markers (e.g. when search results change) and fits them
 *   handle.places()        the points by spot: [{lat, lon, approximate, points}]; points at the
 *                          same spot share one marker whose popup lists them all (the same url at
 *                          the same spot counts once)
 *   handle.markers()       what is drawn at the current zoom, same shape: places whose markers
 *                          would overlap share one (zooming in splits them); each approximate
 *                          place is one circle
 *   handle.show() / handle.hide() / handle.shown()   what the 地図を表示 toggle does
 *   handle.map             the Leaflet map
 *   handle.destroy()
 *   tsunaguMap.pointsFromList(element) → points read from [data-lat][data-lon] items below element
 *     (data-approx marks a private home; the item's first a[href] gives title and url;
 *     data-map-label, when present, the label)
 *   tsunaguMap.renderList(container, listElement, options) → handle (null when the list has no
 *     point) with refresh(): re-reads the list and redraws
 *   tsunaguMap.get(container) → the handle drawn in container, or null
 *
 * Data-driven mode: on load, every [data-tsunagu-map] element (value other than "manual") is drawn
 * from the list named by its data-tsunagu-map-list id, so a page needs no data of its own. The
 * enclosing [data-tsunagu-map-panel] (templates/map.mustache) is hidden in the HTML and shown only
 * once a map is drawn; its .map-toggle button (aria-pressed) hides and shows the map. The list on
 * the page stays complete either way: the map is an addition to it.
 *
 * Without network the tiles fail to load; Leaflet leaves those tiles blank and the markers,
 * popups and keyboard use all keep working.
 */
(function () {
  'use strict';

  var TILE_URL = 'https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png';
  var ATTRIBUTION = '<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>';
  var APPROX_RADIUS = 500; // metres; a private home's point is rounded to a grid of about this size
  var APPROX_TEXT = 'おおよその場所';
  var JAPAN = [36.5, 137.5];
  var MARKER_GAP = [33, 49];  // px: Leaflet's marker is 25 × 41, plus room between two of them

  function leaflet() { return window.L && typeof window.L.map === 'function' ? window.L : null; }

  function validPoint(p) {
    return !!p && typeof p.lat === 'number' && typeof p.lon === 'number' && isFinite(p.lat) && isFinite(p.lon) &&
      Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
  }

  // Activities listed under several kinds are one point; points at the same spot are one place
  // (markers on top of each other could be neither seen nor clicked).
  function placesOf(points) {
    var seen = {};
    var byKey = {};
    var places = [];
    (points || []).forEach(function (p) {
      if (!validPoint(p)) return;
      var id = (p.url || p.title || '') + '@' + p.lat + ',' + p.lon;
      if (seen[id]) return;
      seen[id] = true;
      var key = (p.approximate ? 'a' : 'p') + p.lat + ',' + p.lon;
      var place = byKey[key];
      if (!place) {
        place = byKey[key] = { lat: p.lat, lon: p.lon, approximate: !!p.approximate, points: [] };
        places.push(place);
      }
      place.points.push(p);
    });
    return places;
  }

  function linkOrText(p) {
    if (!p.url) return document.createTextNode(p.title || '');
    var a = document.createElement('a');
    a.href = p.url;
    a.textContent = p.title || p.url;
    return a;
  }

  // The popup of a place: the activity's link, or a list of links when several meet there.
  function popupContent(place) {
    var box = document.createElement('div');
    box.className = 'tsunagu-popup';
    var title = document.createElement('p');
    title.className = 'tsunagu-popup-title';
    box.appendChild(title);
    if (place.points.length === 1) {
      title.appendChild(linkOrText(place.points[0]));
      if (place.points[0].label) {
        var extra = document.createElement('p');
        extra.className = 'tsunagu-popup-label';
        extra.textContent = place.points[0].label;
        box.appendChild(extra);
      }
    } else {
      title.textContent = 'この場所の活動（' + place.points.length + '件）';
      var ul = document.createElement('ul');
      ul.className = 'tsunagu-popup-list';
      place.points.forEach(function (p) {
        var li = document.createElement('li');
        li.appendChild(linkOrText(p));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    if (place.approximate) {
      var note = document.createElement('p');
      note.className = 'tsunagu-popup-note';
      note.textContent = APPROX_TEXT + '（個人のお宅のため、正確な場所は示していません）';
      box.appendChild(note);
    }
    return box;
  }

  function accessibleName(place) {
    var pts = place.points;
    var name;
    if (pts.length === 1) {
      name = (pts[0].title || '') + (pts[0].label ? '、' + pts[0].label : '');
    } else {
      var names = pts.slice(0, 3).map(function (p) { return p.title || ''; });
      name = pts.length + '件：' + names.join('、') + (pts.length > 3 ? ' ほか' + (pts.length - 3) + '件' : '');
    }
    return name + (place.approximate ? '（' + APPROX_TEXT + '）' : '');
  }

  function panelOf(container) {
    return container.closest ? container.closest('[data-tsunagu-map-panel]') : null;
  }

  function render(container, points, options) {
    var L = leaflet();
    if (!container || !L) return null;
    options = options || {};
    if (container._tsunaguMap) container._tsunaguMap.destroy();

    // Leaflet needs a laid-out container: show the panel before the map is made.
    var panel = panelOf(container);
    if (panel) panel.hidden = false;
    container.hidden = false;

    var map = L.map(container, {
      zoomControl: false,
      scrollWheelZoom: false,          // the wheel scrolls the page; zoom with the buttons or +/-
      dragging: !L.Browser.mobile,     // one finger scrolls the page on phones
      keyboard: true,
    });
    L.control.zoom({ zoomInTitle: '拡大', zoomOutTitle: '縮小' }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
    if (options.tiles !== false) {
      L.tileLayer(TILE_URL, { attribution: ATTRIBUTION, minZoom: 5, maxZoom: 18 }).addTo(map);
    }
    var layers = L.layerGroup().addTo(map);
    var current = [];
    var source = null; // the focusable marker or circle whose popup is open

    map.on('popupopen', function (e) {
      var el = e.popup.getElement();
      if (!el) return;
      var close = el.querySelector('.leaflet-popup-close-button');
      if (close) close.setAttribute('aria-label', '閉じる');
      // Opened from the keyboard (or by a click, which also focuses the marker): move focus into
      // the popup so it is read and its first link is the next thing to press.
      if (source && document.activeElement === source) {
        var link = el.querySelector('.tsunagu-popup a') || close;
        if (link) link.focus({ preventScroll: true });
      }
    });
    map.on('popupclose', function (e) {
      var el = e.popup.getElement();
      var back = source;
      source = null;
      var active = document.activeElement;
      if (back && (!active || active === document.body || (el && el.contains(active)))) {
        back.focus({ preventScroll: true });
      }
    });
    // Leaflet closes popups on Escape only while the map itself has focus; in the popup too.
    container.addEventListener('keydown', function (e) {
      if ((e.key === 'Escape' || e.key === 'Esc') && map._popup && map.hasLayer(map._popup)) {
        map.closePopup();
        e.preventDefault();
      }
    });

    // Leaflet makes a layer's element when the layer reaches the map (which may be later than
    // addLayer, before the map has its first view), so the element is dressed on 'add'.
    function whenAdded(layer, dress) {
      layer.on('add', function () {
        var el = layer.getElement();
        if (el && !el._tsunaguDressed) {
          el._tsunaguDressed = true;
          dress(el);
        }
      });
    }

    function addPlace(place) {
      var name = accessibleName(place);
      var layer;
      if (place.approximate) {
        layer = L.circle([place.lat, place.lon], {
          radius: APPROX_RADIUS, className: 'tsunagu-approx', color: '#8a1c1c', weight: 3,
          fillColor: '#d9534f', fillOpacity: 0.18,
        });
        layer.bindPopup(popupContent(place));
        whenAdded(layer, function (path) {
          path.setAttribute('tabindex', '0');
          path.setAttribute('role', 'button');
          path.setAttribute('aria-label', name);
          path.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();   // also keeps Leaflet's keypress handler from opening it twice
              source = path;
              layer.openPopup();
            }
          });
          path.addEventListener('mousedown', function () { source = path; });
        });
      } else {
        layer = L.marker([place.lat, place.lon], { alt: name, title: name, keyboard: true, riseOnHover: true });
        layer.bindPopup(popupContent(place));
        whenAdded(layer, function (icon) {
          icon.classList.add('tsunagu-marker');
          var mark = function () { source = icon; };
          // Before Leaflet's own keypress / click handlers open the popup.
          icon.addEventListener('keydown', mark);
          icon.addEventListener('mousedown', mark);
        });
      }
      layers.addLayer(layer);
      return layer;
    }

    function fit() {
      if (!current.length) {
        map.setView(options.center || JAPAN, options.zoom || (options.center ? 14 : 5));
        return;
      }
      if (current.length === 1) {
        map.setView([current[0].lat, current[0].lon], current[0].approximate ? 14 : 15);
        return;
      }
      var bounds = L.latLngBounds(current.map(function (p) { return [p.lat, p.lon]; }));
      // Room for the zoom buttons (top left) and the attribution (bottom right), so no marker
      // starts out under a control.
      map.fitBounds(bounds, { paddingTopLeft: [72, 48], paddingBottomRight: [40, 40], maxZoom: 16 });
    }

    // Markers closer than a marker's size at this zoom become one marker listing them all, so
    // no marker covers another (each stays a full-size target); zooming in splits them again.
    function clustersAt(zoom) {
      var clusters = [];
      current.forEach(function (place) {
        if (place.approximate) { clusters.push(place); return; }
        var at = map.project([place.lat, place.lon], zoom);
        for (var i = 0; i < clusters.length; i++) {
          var c = clusters[i];
          if (c.approximate) continue;
          if (Math.abs(c.px.x - at.x) < MARKER_GAP[0] && Math.abs(c.px.y - at.y) < MARKER_GAP[1]) {
            c.points = c.points.concat(place.points);
            return;
          }
        }
        clusters.push({ lat: place.lat, lon: place.lon, approximate: false, points: place.points.slice(), px: at });
      });
      return clusters;
    }

    var drawn = [];
    var drawnKey = null;
    function draw() {
      var clusters = clustersAt(map.getZoom());
      var key = clusters.map(function (c) {
        return c.points.map(function (p) { return p.url + '@' + p.lat + ',' + p.lon; }).join('|');
      }).join('||');
      if (key === drawnKey) return;  // the same markers: Leaflet has moved them already
      source = null;
      map.closePopup();
      layers.clearLayers();
      drawn = clusters;
      drawnKey = key;
      drawn.forEach(addPlace);
    }
    map.on('zoomend', draw);

    function update(newPoints, fitView) {
      current = placesOf(newPoints);
      drawnKey = null;
      // The view first: Leaflet creates a layer's element only once the map has a view.
      if (fitView || !map._loaded) fit();
      draw();
    }

    var toggle = panel ? panel.querySelector('.map-toggle') : null;
    function setToggle(on) { if (toggle) toggle.setAttribute('aria-pressed', on ? 'true' : 'false'); }

    var handle = {
      map: map,
      update: function (newPoints) { update(newPoints, options.fit !== false); return handle; },
      places: function () { return current; },
      markers: function () { return drawn; },
      shown: function () { return !container.hidden; },
      show: function () {
        container.hidden = false;
        map.invalidateSize();
        fit();
        setToggle(true);
      },
      hide: function () {
        source = null;  // focus stays on the toggle, not on a marker about to be hidden
        map.closePopup();
        container.hidden = true;
        setToggle(false);
      },
      destroy: function () {
        map.remove();
        container._tsunaguMap = null;
      },
    };

    if (toggle && !toggle._tsunaguBound) {
      toggle._tsunaguBound = true;
      toggle.addEventListener('click', function () {
        var h = container._tsunaguMap;
        if (!h) return;
        if (h.shown()) h.hide(); else h.show();
      });
    }
    setToggle(true);

    container._tsunaguMap = handle;
    update(points, true);
    return handle;
  }

  function pointsFromList(list) {
    var points = [];
    if (!list) return points;
    var items = list.querySelectorAll('[data-lat][data-lon]');
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var link = item.querySelector('a[href]');
      points.push({
        lat: parseFloat(item.getAttribute('data-lat')),
        lon: parseFloat(item.getAttribute('data-lon')),
        title: link ? link.textContent.trim() : (item.getAttribute('data-title') || ''),
        url: link ? link.getAttribute('href') : '',
        approximate: item.hasAttribute('data-approx'),
        label: item.getAttribute('data-map-label') || '',
      });
    }
    return points.filter(validPoint);
  }

  function renderList(container, list, options) {
    var points = pointsFromList(list);
    if (!points.length) return null;  // nothing to show: the panel stays hidden
    var handle = render(container, points, options);
    if (handle) handle.refresh = function () { return handle.update(pointsFromList(list)); };
    return handle;
  }

  function init() {
    var maps = document.querySelectorAll('[data-tsunagu-map]');
    for (var i = 0; i < maps.length; i++) {
      var el = maps[i];
      if (el.getAttribute('data-tsunagu-map') === 'manual' || el._tsunaguMap) continue;
      var listId = el.getAttribute('data-tsunagu-map-list');
      var list = listId ? document.getElementById(listId) : document.body;
      try {
        renderList(el, list, {});
      } catch (err) {
        // A map that cannot be drawn must not take the page with it: hide it, keep the list.
        var panel = panelOf(el);
        if (panel) panel.hidden = true;
        if (window.console) window.console.warn('tsunagu map:', err);
      }
    }
  }

  window.tsunaguMap = {
    render: render,
    renderList: renderList,
    pointsFromList: pointsFromList,
    get: function (container) { return (container && container._tsunaguMap) || null; },
    init: init,
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
