// The plan's map: the borough boundary, the routes of one run (morning or afternoon) as
// coloured lines, and their stops as small circles. No background tiles: the page makes no
// request outside the sendplan server.

import {h} from './dom.js';
import {count, decimal, runName} from './format.js';

// Distinct colours that stay apart for most kinds of colour blindness (Okabe-Ito and Tol), dark
// enough against the pale boundary fill.
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#332288', '#882255',
  '#117733', '#aa4499', '#44aa99', '#999933', '#56b4e9'];

function stopPopup(p) {
  const what = p.action === 'pickup' ? 'Pick-up' : 'Drop-off';
  const where = p.place === 'home' ? 'home' : `school ${p.place}`;
  return h('div', {class: 'popup'},
    h('strong', {}, `Route ${p.route_id}`), h('br'),
    `Stop ${p.seq}: ${what} at ${where}, ${p.time}`, h('br'),
    p.pupil_id ? `Child ${p.pupil_id}` : null,
    p.borough ? [h('br'), `${p.borough}’s child`] : null);
}

// `action` ({label(routeId), onClick(routeId)}) adds a button, e.g. to lock the route.
function routePopup(p, action, close) {
  return h('div', {class: 'popup'},
    h('strong', {}, `Route ${p.route_id}`), h('br'),
    `${p.vehicle_type}${p.with_assistant ? ' with passenger assistant' : ''}`, h('br'),
    `Leaves depot ${p.depart}, back ${p.return}`, h('br'),
    `${count(p.stops)} stops, ${decimal(p.miles, 1)} miles`,
    Array.isArray(p.boroughs) && p.boroughs.length ? [h('br'), `Carries children of ${p.boroughs.join(', ')}`] : null,
    action ? h('p', {class: 'popup__action'}, h('button', {type: 'button', class: 'button button--secondary button--small',
      testid: `map-action-${p.route_id}`, onclick: () => { action.onClick(p.route_id); close(); }}, action.label(p.route_id))) : null);
}

// "Kensington and Chelsea" -> "kensington-and-chelsea" (for class names).
export const slug = (name) => String(name).toLowerCase().replace(/[^a-z0-9]+/g, '-');

// Leaflet (its minified build, as the global L) is loaded the first time a map is shown, so the
// other pages never fetch it. (The SEND data map uses it too.)
let leaflet = null;
export function loadLeaflet() {
  leaflet ??= new Promise((resolve, reject) => {
    if (window.L) return resolve(window.L);
    const script = document.createElement('script');
    script.src = '/vendor/leaflet/leaflet.js';
    script.onload = () => (window.L ? resolve(window.L) : reject(new Error('Leaflet did not load')));
    script.onerror = () => {
      leaflet = null;
      reject(new Error('the map library could not be loaded'));
    };
    document.head.append(script);
  });
  return leaflet;
}

const PLAN_MAP_HINT = ['The shaded area is the borough. Each line is one vehicle’s route, from the depot to its stops and back. ',
  'Small circles are children’s pick-ups and drop-offs at home; larger white circles are schools; the yellow circle is the depot. Select a line or circle to see the route and time.'];

// Adds the map (and its run choice) to `section`; removes it when `signal` aborts. With
// `routeAction` ({label(routeId), onClick(routeId)}) each route's popup has a button for it.
// Returns {map, markLocked(ids)}: markLocked draws the routes in the Set `ids` dashed and thicker.
export function createPlanMap(section, boundary, routes, signal, {routeAction} = {}) {
  return routesMap(section, boundary, routes, signal, {routeAction, hint: PLAN_MAP_HINT});
}

// The routes of a pool (several boroughs' children, each stop with its child's `borough`, each
// line with its `vehicle_borough` and the `boroughs` whose children ride on it) on the pooled
// boroughs' outlines (`boundaries`, a FeatureCollection): every stop in its borough's colour
// (`colours`: Map borough -> colour), each line in its vehicle's borough's colour, dashed when it
// carries children of more than one borough. `hint`: the words under the map.
export function createPoolMap(section, boundaries, routes, signal, {colours, hint}) {
  const colour = (borough) => colours.get(borough) ?? '#0b0c0c';
  return routesMap(section, boundaries, routes, signal, {
    testid: 'pool-map',
    label: 'Map of the pooled boroughs with the pooled routes',
    hint,
    lineStyle: (p) => ({color: colour(p.vehicle_borough), dashArray: (p.boroughs?.length ?? 0) > 1 ? '10 6' : null}),
    stopColour: (p) => colour(p.borough),
  });
}

// The colours of a pool's boroughs, in the pool's order.
export function boroughColours(boroughs) {
  return new Map(boroughs.map((b, i) => [b, COLOURS[i % COLOURS.length]]));
}

// `lineStyle(properties, index)` ({color, dashArray}) and `stopColour(properties)` colour the
// routes (default: one colour per route, its stops alike).
async function routesMap(section, boundary, routes, signal,
  {routeAction, hint, testid = 'plan-map', label = 'Map of the borough with the planned routes', lineStyle, stopColour}) {
  const L = await loadLeaflet();
  if (signal.aborted) return null;
  const features = Array.isArray(routes?.features) ? routes.features : [];
  const lines = {AM: [], PM: []};
  const stops = {AM: [], PM: []};
  const styleOf = new Map();
  for (const f of features) {
    const p = f.properties ?? {};
    const run = p.run === 'PM' ? 'PM' : 'AM';
    if (f.geometry?.type === 'LineString') {
      styleOf.set(`${run}/${p.route_id}`, lineStyle ? lineStyle(p) : {color: COLOURS[lines[run].length % COLOURS.length]});
      lines[run].push(f);
    } else if (f.geometry?.type === 'Point') {
      stops[run].push(f);
    }
  }

  const routeCount = h('p', {class: 'map__count', testid: 'map-route-count', 'aria-live': 'polite'});
  const choice = h('fieldset', {class: 'map__choice'},
    h('legend', {class: 'label'}, 'Show'),
    ['AM', 'PM'].map((run) => h('label', {class: 'radio'},
      h('input', {type: 'radio', name: 'map-run', value: run, checked: run === 'AM', testid: `map-run-${run.toLowerCase()}`}),
      ` ${runName(run)} routes (${count(lines[run].length)})`)));
  const container = h('div', {class: 'map', id: testid, testid, role: 'region', 'aria-label': label});
  section.append(choice, routeCount, container, h('p', {class: 'hint'}, hint));

  const map = L.map(container, {zoomSnap: 0.25, attributionControl: true});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Borough boundary: Greater London Authority, ONS');
  signal.addEventListener('abort', () => map.remove(), {once: true});

  // (className goes in the layer's own options: Leaflet sets it only when it creates the path.)
  const outline = L.geoJSON(boundary, {
    interactive: false,
    className: 'map-boundary',
    style: {color: '#0b0c0c', weight: 2, fillColor: '#1d70b8', fillOpacity: 0.08},
  }).addTo(map);

  const groups = {};
  const routeLines = [];  // {routeId, line}
  for (const run of ['AM', 'PM']) {
    const group = L.layerGroup();
    for (const f of lines[run]) {
      const style = styleOf.get(`${run}/${f.properties.route_id}`);
      const latlngs = f.geometry.coordinates.map(([lon, lat]) => [lat, lon]);
      const line = L.polyline(latlngs, {...style, weight: 4, opacity: 0.85, className: `map-route map-route--${run.toLowerCase()}`});
      line.bindPopup(() => routePopup(f.properties, routeAction, () => line.closePopup())).addTo(group);
      routeLines.push({routeId: f.properties.route_id, line});
    }
    for (const f of stops[run]) {
      const p = f.properties ?? {};
      const [lon, lat] = f.geometry.coordinates;
      const colour = stopColour ? stopColour(p) : styleOf.get(`${run}/${p.route_id}`)?.color ?? '#0b0c0c';
      const school = p.place !== 'home';
      L.circleMarker([lat, lon], {
        radius: school ? 7 : 4,
        color: school ? '#0b0c0c' : colour,
        weight: 2,
        fillColor: school ? '#ffffff' : colour,
        fillOpacity: 1,
        className: `map-stop ${school ? 'map-school' : 'map-pickup'}${p.borough ? ` map-stop--${slug(p.borough)}` : ''}`,
      }).bindPopup(() => stopPopup(p)).addTo(group);
    }
    // The depots: where the routes start and end (the first point of each line).
    const depots = new Map();
    for (const f of lines[run]) {
      const [lon, lat] = f.geometry.coordinates[0] ?? [];
      if (lat === undefined) continue;
      const key = `${lat},${lon}`;
      if (!depots.has(key)) depots.set(key, {lat, lon, routes: []});
      depots.get(key).routes.push(f.properties.route_id);
    }
    for (const depot of depots.values()) {
      L.circleMarker([depot.lat, depot.lon], {radius: 9, color: '#0b0c0c', weight: 3, fillColor: '#ffdd00', fillOpacity: 1,
        className: 'map-depot'})
        .bindPopup(() => h('div', {class: 'popup'}, h('strong', {}, 'Depot'), h('br'),
          `${count(depot.routes.length)} ${run === 'AM' ? 'morning' : 'afternoon'} routes start and end here`))
        .addTo(group);
    }
    groups[run] = group;
  }

  function show(run) {
    for (const [name, group] of Object.entries(groups)) {
      if (name === run) group.addTo(map); else group.remove();
    }
    container.dataset.run = run;
    routeCount.textContent = `Showing ${count(lines[run].length)} ${run === 'AM' ? 'morning' : 'afternoon'} routes.`;
  }
  choice.addEventListener('change', (event) => show(event.target.value));

  const bounds = outline.getBounds();
  if (bounds.isValid()) {
    map.fitBounds(bounds, {padding: [12, 12]});
  } else {
    map.setView([51.507, -0.128], 10);  // London, when the boundary is missing
  }
  show('AM');
  return {
    map,
    markLocked(ids) {
      for (const {routeId, line} of routeLines) {
        line.setStyle(ids.has(routeId) ? {weight: 7, dashArray: '12 6', opacity: 1} : {weight: 4, dashArray: null, opacity: 0.85});
      }
    },
  };
}
