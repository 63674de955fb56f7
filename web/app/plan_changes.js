// Changing a plan through the term, on its page: the routes (from its routes.csv) with a Lock
// button each; the locked routes and "Re-plan the rest around locked routes"; moving children
// between routes of the same run (and taking routes off) with a preview of every affected
// child's collection time and ride before "Save as new version"; and "Update with the latest
// inputs". Every change is saved as a new version: the plan shown is never altered. Re-plans and
// updates run in the background like a new plan, so the page goes to the new version and shows
// its progress.

import {api, explain, planPath} from './api.js';
import {fromSpreadsheetSafe} from './csv.js';
import {h, message, replaceChildren, table} from './dom.js';
import {count, countSigned, decimal, DASH, money, moneySigned, plural, runName} from './format.js';

// A CSV text (RFC 4180 quotes) as objects keyed by its header; blank lines dropped.
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell); cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else {
      cell += c;
    }
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  const [header = [], ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  // Cells the server guarded against spreadsheet formulas ("'=x") read as they were ("=x").
  return body.map((r) => Object.fromEntries(header.map((name, i) => [name, fromSpreadsheetSafe(r[i] ?? '')])));
}

// routes.csv as routes in file order: [{run, route_id, vehicle_type, stops: [{pupil_id, action, place, time}]}].
export function routesFromCsv(text) {
  const routes = [];
  const byKey = new Map();
  for (const row of parseCsv(text)) {
    const key = `${row.run}/${row.route_id}`;
    if (!byKey.has(key)) {
      const route = {run: row.run, route_id: row.route_id, vehicle_type: row.vehicle_type, stops: []};
      byKey.set(key, route);
      routes.push(route);
    }
    byKey.get(key).stops.push({pupil_id: row.pupil_id, action: row.action, place: row.place, time: row.time});
  }
  return routes;
}

const pickups = (route) => route.stops.filter((s) => s.action === 'pickup');
const routeLabel = (route) => `${route.route_id} (${route.vehicle_type}, ${plural(pickups(route).length, 'child', 'children')})`;

// "08:05 → 08:12 (+7 min)"
function timeChange(before, after, shift) {
  if (!before && !after) return DASH;
  if (!before) return `new: ${after}`;
  if (!after) return `was ${before}`;
  if (typeof shift !== 'number' || shift === 0) return before === after ? before : `${before} → ${after}`;
  return `${before} → ${after} (${shift > 0 ? '+' : ''}${decimal(shift, 0)} min)`;
}

function routeChange(before, after) {
  if (before === after) return before ?? DASH;
  return `${before ?? 'none'} → ${after ?? 'none'}`;
}

const CHANGE_NAMES = {
  're-timed': 'Same route, new time',
  'new route': 'Moved to another route',
  'not carried': 'Not carried',
  'newly carried': 'Now carried',
  joined: 'Joined',
  left: 'Left',
  moved: 'Moved house or school',
  refitted: 'Re-fitted (route could no longer carry them)',
};
export const changeName = (change) => CHANGE_NAMES[change] ?? change;

// The per-child changes of an edit, an update or a comparison as a table.
export function childChangesTable(children, {testid, withDropoff = false, caption} = {}) {
  const columns = [
    {label: 'Child', field: 'pupil_id'},
    {label: 'Run', field: 'run'},
    {label: 'What changed', field: 'change'},
    {label: 'Route', field: 'route'},
    {label: 'Collection time', field: 'pickup'},
  ];
  if (withDropoff) columns.push({label: 'Drop-off time', field: 'dropoff'});
  const hasRide = children.some((c) => 'after_ride_minutes' in c);
  if (hasRide) columns.push({label: 'Ride (min)', className: 'num', field: 'ride'});
  return h('div', {class: 'table-scroll'}, table({
    testid,
    caption,
    columns,
    rowProps: (i) => ({dataset: {pupil: children[i].pupil_id, run: children[i].run ?? ''}}),
    rows: children.map((c) => {
      const cells = [c.pupil_id, c.run ? runName(c.run) : 'both runs', changeName(c.change),
        routeChange(c.before_route, c.after_route),
        timeChange(c.before_pickup, c.after_pickup, c.pickup_shift_minutes)];
      if (withDropoff) cells.push(timeChange(c.before_dropoff, c.after_dropoff, c.dropoff_shift_minutes));
      if (hasRide) {
        const before = typeof c.before_ride_minutes === 'number' ? decimal(c.before_ride_minutes, 0) : null;
        const after = typeof c.after_ride_minutes === 'number' ? decimal(c.after_ride_minutes, 0) : null;
        cells.push(before && after && before !== after ? `${before} → ${after}` : (after ?? before ?? DASH));
      }
      return cells;
    }),
  }));
}

// The routes table and the three ways to change the plan. `onLockedChange(set)` is told when
// the locked routes change (the map marks them). Returns {routesSection, changeSection,
// toggleLock(routeId), isLocked(routeId)}.
export function planChanges({plan, routes, navigate, onLockedChange}) {
  const locked = new Set();
  const moves = [];        // [{pupil_id, run, to_route}]
  const removed = new Set();
  let previewed = null;    // the JSON body the last good preview was made for

  // --- the routes table
  const routesArea = h('div', {testid: 'routes-area'});
  const routesSection = h('section', {class: 'section', testid: 'routes-section', 'aria-labelledby': 'routes-heading'},
    h('h2', {id: 'routes-heading'}, `Routes (${count(routes.length)})`),
    h('p', {}, 'Each vehicle’s route with its stops. Lock the routes you want to keep exactly as they are, then re-plan the rest around them below. You can also lock a route from its line on the map.'),
    routesArea);

  function renderRoutes() {
    replaceChildren(routesArea, h('div', {class: 'table-scroll'}, table({
      testid: 'routes-table',
      columns: [
        {label: 'Run', field: 'run'},
        {label: 'Route', field: 'route_id'},
        {label: 'Vehicle', field: 'vehicle'},
        {label: 'Children', className: 'num', field: 'children'},
        {label: 'First stop', field: 'first'},
        {label: 'Last stop', field: 'last'},
        {label: 'Stops', field: 'stops'},
        {label: 'Keep as it is', field: 'lock'},
      ],
      rowProps: (i) => ({class: locked.has(routes[i].route_id) ? 'row--locked' : undefined,
        dataset: {route: routes[i].route_id, run: routes[i].run}}),
      rows: routes.map((r) => [
        runName(r.run),
        h('strong', {}, r.route_id),
        r.vehicle_type,
        count(pickups(r).length),
        r.stops[0]?.time ?? DASH,
        r.stops[r.stops.length - 1]?.time ?? DASH,
        h('details', {class: 'stops'},
          h('summary', {}, plural(r.stops.length, 'stop')),
          h('ol', {class: 'stops__list'}, r.stops.map((s) => h('li', {},
            `${s.time} ${s.action === 'pickup' ? 'pick-up' : 'drop-off'} ${s.pupil_id} at ${s.place === 'home' ? 'home' : `school ${s.place}`}`)))),
        [locked.has(r.route_id) ? h('span', {class: 'tag tag--locked'}, 'Locked') : null,
          h('button', {type: 'button', class: 'button button--secondary button--small', testid: `lock-${r.route_id}`,
            'aria-pressed': locked.has(r.route_id) ? 'true' : 'false', onclick: () => toggleLock(r.route_id)},
          locked.has(r.route_id) ? 'Unlock' : 'Lock', h('span', {class: 'visually-hidden'}, ` route ${r.route_id}`))],
      ]),
    })));
  }

  function toggleLock(routeId) {
    if (locked.has(routeId)) locked.delete(routeId); else locked.add(routeId);
    renderRoutes();
    renderLocked();
    onLockedChange?.(new Set(locked));
  }

  // --- re-plan around the locked routes
  const lockedList = h('div', {testid: 'locked-routes', 'aria-live': 'polite'});
  const replanButton = h('button', {type: 'button', class: 'button', testid: 'replan-button'}, 'Re-plan the rest around locked routes');
  const replanResult = h('div', {testid: 'replan-result'});
  function renderLocked() {
    const ids = [...locked];
    replanButton.disabled = ids.length === 0;
    replaceChildren(lockedList, ids.length === 0
      ? h('p', {class: 'hint', testid: 'no-locked'}, 'No routes locked yet: lock them in the routes table or on the map.')
      : h('ul', {class: 'chips'}, ids.map((id) => h('li', {class: 'chip', testid: `locked-${id}`}, id, ' ',
        h('button', {type: 'button', class: 'chip__remove', onclick: () => toggleLock(id), 'aria-label': `Unlock ${id}`}, '×')))));
  }
  replanButton.addEventListener('click', async () => {
    replanButton.disabled = true;
    replaceChildren(replanResult);
    try {
      const answer = await api('POST', `${planPath(plan.id)}/replan`, {json: {locked: [...locked]}});
      navigate(`#/plans/${encodeURIComponent(answer.plan.id)}`);
    } catch (error) {
      replaceChildren(replanResult, message('error', explain(error)));
      replanButton.disabled = locked.size === 0;
    }
  });

  // --- move children and take routes off
  const runSelect = h('select', {id: 'move-run', class: 'select', testid: 'move-run'},
    ['AM', 'PM'].map((run) => h('option', {value: run}, runName(run))));
  const childSelect = h('select', {id: 'move-child', class: 'select select--wide', testid: 'move-child'});
  const targetSelect = h('select', {id: 'move-target', class: 'select', testid: 'move-target'});
  const addMove = h('button', {type: 'button', class: 'button button--secondary', testid: 'add-move'}, 'Add this move');
  const removeSelect = h('select', {id: 'remove-route', class: 'select', testid: 'remove-route'});
  const addRemove = h('button', {type: 'button', class: 'button button--secondary', testid: 'add-remove'}, 'Take this route off');
  const pending = h('div', {testid: 'pending-changes', 'aria-live': 'polite'});
  const previewButton = h('button', {type: 'button', class: 'button button--secondary', testid: 'preview-button'}, 'Preview');
  const saveButton = h('button', {type: 'button', class: 'button', testid: 'save-edit-button'}, 'Save as new version');
  const editProblem = h('div', {testid: 'edit-error'});
  const previewArea = h('div', {testid: 'preview'});

  const runRoutes = (run) => routes.filter((r) => r.run === run);
  // Where a child is now, after the moves so far.
  function routeOfChild(pupilId, run) {
    const moved = moves.find((m) => m.pupil_id === pupilId && m.run === run);
    if (moved) return moved.to_route;
    return runRoutes(run).find((r) => pickups(r).some((s) => s.pupil_id === pupilId))?.route_id ?? null;
  }

  function fillChildOptions() {
    const run = runSelect.value;
    const kept = childSelect.value;
    replaceChildren(childSelect, runRoutes(run).map((r) => h('optgroup', {label: routeLabel(r)},
      pickups(r).map((s) => h('option', {value: s.pupil_id, selected: s.pupil_id === kept},
        `${s.pupil_id}, collected ${s.time}`)))));
    fillTargetOptions();
  }
  function fillTargetOptions() {
    const run = runSelect.value;
    const from = routeOfChild(childSelect.value, run);
    const choices = runRoutes(run).filter((r) => r.route_id !== from && !removed.has(r.route_id));
    replaceChildren(targetSelect, choices.map((r) => h('option', {value: r.route_id}, routeLabel(r))));
    addMove.disabled = !childSelect.value || choices.length === 0;
  }
  function fillRemoveOptions() {
    const targets = new Set(moves.map((m) => m.to_route));
    const choices = routes.filter((r) => !removed.has(r.route_id) && !targets.has(r.route_id));
    replaceChildren(removeSelect, choices.map((r) => h('option', {value: r.route_id}, `${runName(r.run)}: ${routeLabel(r)}`)));
    addRemove.disabled = choices.length === 0;
  }
  runSelect.addEventListener('change', fillChildOptions);
  childSelect.addEventListener('change', fillTargetOptions);

  function changed() {
    previewed = null;
    saveButton.disabled = true;
    replaceChildren(previewArea);
    replaceChildren(editProblem);
    renderPending();
    fillTargetOptions();
    fillRemoveOptions();
  }
  addMove.addEventListener('click', () => {
    const move = {pupil_id: childSelect.value, run: runSelect.value, to_route: targetSelect.value};
    if (!move.pupil_id || !move.to_route) return;
    const at = moves.findIndex((m) => m.pupil_id === move.pupil_id && m.run === move.run);
    if (at >= 0) moves.splice(at, 1);
    // Moved back where they were: no move at all.
    if (routeOfChild(move.pupil_id, move.run) !== move.to_route) moves.push(move);
    changed();
  });
  addRemove.addEventListener('click', () => {
    if (!removeSelect.value) return;
    removed.add(removeSelect.value);
    changed();
  });

  function renderPending() {
    const items = [
      ...moves.map((m, i) => h('li', {testid: `pending-move-${i}`},
        `Move ${m.pupil_id} (${runName(m.run)}) to ${m.to_route} `,
        h('button', {type: 'button', class: 'link-button', onclick: () => { moves.splice(i, 1); changed(); }}, 'Undo'))),
      ...[...removed].map((id) => h('li', {},
        `Take route ${id} off (its children are not carried until the plan is re-planned) `,
        h('button', {type: 'button', class: 'link-button', onclick: () => { removed.delete(id); changed(); }}, 'Undo'))),
    ];
    previewButton.disabled = items.length === 0;
    replaceChildren(pending, items.length === 0
      ? h('p', {class: 'hint'}, 'No changes yet.')
      : [h('h4', {}, `Changes to preview (${count(items.length)})`), h('ul', {class: 'pending'}, items)]);
  }

  const editBody = () => ({moves: moves.map((m) => ({...m})), removed_routes: [...removed]});

  previewButton.addEventListener('click', async () => {
    const body = editBody();
    previewButton.disabled = true;
    replaceChildren(editProblem);
    replaceChildren(previewArea, h('p', {class: 'loading'}, 'Working out the new times…'));
    try {
      const answer = await api('POST', `${planPath(plan.id)}/preview`, {json: body});
      previewed = JSON.stringify(body);
      renderPreview(answer);
      saveButton.disabled = false;
    } catch (error) {
      replaceChildren(previewArea);
      replaceChildren(editProblem, message('error', explain(error)));
    } finally {
      previewButton.disabled = moves.length === 0 && removed.size === 0;
    }
  });
  saveButton.addEventListener('click', async () => {
    const body = editBody();
    if (previewed !== JSON.stringify(body)) return;  // preview first (the button is off until then)
    saveButton.disabled = true;
    try {
      const answer = await api('POST', `${planPath(plan.id)}/save-edit`, {json: body});
      navigate(`#/plans/${encodeURIComponent(answer.plan.id)}`);
    } catch (error) {
      replaceChildren(editProblem, message('error', explain(error)));
      saveButton.disabled = false;
    }
  });

  function renderPreview(answer) {
    const before = answer.before ?? {};
    const after = answer.summary ?? {};
    const d = answer.difference ?? {};
    const change = d.cost_per_day_change_pence ?? 0;
    const children = answer.children ?? [];
    const issues = answer.issues ?? [];
    replaceChildren(previewArea,
      h('div', {class: 'preview', testid: 'preview-result'},
        h('h4', {}, 'Preview: nothing is saved yet'),
        h('p', {class: 'lead', testid: 'preview-sentence'}, change === 0
          ? `The edited plan would cost the same, ${money(after.cost_per_day, after.cost_per_day_pence)} a day.`
          : `The edited plan would cost ${money(after.cost_per_day, after.cost_per_day_pence)} a day: ${money(null, Math.abs(change))} ${change < 0 ? 'less' : 'more'} than now.`),
        table({
          testid: 'preview-figures',
          columns: [{label: 'Figure'}, {label: 'Now', className: 'num'}, {label: 'After the changes', className: 'num'}, {label: 'Change', className: 'num'}],
          rows: [
            ['Cost per day', money(before.cost_per_day, before.cost_per_day_pence), money(after.cost_per_day, after.cost_per_day_pence),
              moneySigned(d.cost_per_day_change, d.cost_per_day_change_pence)],
            ['Vehicles', count(before.vehicles), count(after.vehicles), countSigned(d.vehicles_change)],
            ['Journeys not carried', count(before.unserved), count(after.unserved), countSigned((after.unserved ?? 0) - (before.unserved ?? 0))],
            ['Children over their time limit', count(before.over_limit), count(after.over_limit), countSigned((after.over_limit ?? 0) - (before.over_limit ?? 0))],
          ],
        }),
        children.length === 0
          ? h('p', {}, 'No child’s route or times change.')
          : [h('p', {}, `${plural(children.length, 'journey')} would change. Tell the families whose collection time moves.`),
            childChangesTable(children, {testid: 'preview-children'})],
        issues.length === 0 ? null : message('info', h('strong', {}, `${plural(issues.length, 'journey')} would need attention: `),
          issues.map((i) => `${i.pupil_id} (${i.run}): ${i.reason}`).join('; '), '.')));
  }

  // --- update with the latest inputs
  const shiftInput = h('input', {id: 'max-shift', type: 'number', class: 'input input--short', min: 0, max: 120, step: 1, value: '10',
    inputmode: 'numeric', testid: 'max-shift', 'aria-describedby': 'max-shift-hint'});
  const updateButton = h('button', {type: 'button', class: 'button', testid: 'update-button'}, 'Update with the latest inputs');
  const updateResult = h('div', {testid: 'update-error'});
  updateButton.addEventListener('click', async () => {
    replaceChildren(updateResult);
    const minutes = Number(shiftInput.value);
    if (!Number.isFinite(minutes) || minutes < 0 || minutes > 120) {
      replaceChildren(updateResult, message('error', 'Enter the most a child’s times may move, from 0 to 120 minutes.'));
      shiftInput.focus();
      return;
    }
    updateButton.disabled = true;
    try {
      const answer = await api('POST', `${planPath(plan.id)}/update`, {json: {max_time_shift_minutes: minutes}});
      navigate(`#/plans/${encodeURIComponent(answer.plan.id)}`);
    } catch (error) {
      replaceChildren(updateResult, message('error', explain(error)),
        error?.problems?.length ? h('ul', {}, error.problems.slice(0, 10).map((p) => h('li', {}, `${p.file} row ${p.row}: ${p.reason}`))) : null);
      updateButton.disabled = false;
    }
  });

  const changeSection = h('section', {class: 'section', testid: 'change-plan', 'aria-labelledby': 'change-heading'},
    h('h2', {id: 'change-heading'}, 'Change this plan'),
    h('p', {}, 'Each change is saved as a new version of the plan, with who made it and when. This version stays as it is, and you can compare any two versions below.'),
    h('div', {class: 'panels'},
      h('div', {class: 'panel', testid: 'replan-panel'},
        h('h3', {}, 'Re-plan around locked routes'),
        h('p', {class: 'hint'}, 'Locked routes keep their vehicle, stops and times. Every other child is planned again, with the same time limit as this plan.'),
        lockedList, replanButton, replanResult),
      h('div', {class: 'panel', testid: 'update-panel'},
        h('h3', {}, 'Update with the latest inputs'),
        h('p', {class: 'hint'}, 'Uses the latest pupils, schools and fleet files uploaded for the borough. Children who left come off their routes, new children are fitted in where they cost least, and everyone else keeps their route.'),
        h('div', {class: 'form-group'},
          h('label', {for: 'max-shift', class: 'label'}, 'Most a child’s times may move (minutes)'),
          h('p', {id: 'max-shift-hint', class: 'hint'}, 'No child who stays on their route has their collection or drop-off time moved by more than this.'),
          shiftInput),
        updateButton, updateResult)),
    h('div', {class: 'panel panel--wide', testid: 'move-panel'},
      h('h3', {}, 'Move a child to another route'),
      h('p', {class: 'hint'}, 'The child is fitted into the new route where it costs least; only the routes you change are re-timed. Preview the changes to see every affected child’s collection time before you save.'),
      h('div', {class: 'controls'},
        h('div', {class: 'form-group'}, h('label', {for: 'move-run', class: 'label'}, 'Run'), runSelect),
        h('div', {class: 'form-group'}, h('label', {for: 'move-child', class: 'label'}, 'Child'), childSelect),
        h('div', {class: 'form-group'}, h('label', {for: 'move-target', class: 'label'}, 'Move to route'), targetSelect),
        h('div', {class: 'form-group'}, addMove)),
      h('details', {class: 'remove-route'},
        h('summary', {}, 'Take a route off'),
        h('div', {class: 'controls'},
          h('div', {class: 'form-group'}, h('label', {for: 'remove-route', class: 'label'}, 'Route'), removeSelect),
          h('div', {class: 'form-group'}, addRemove))),
      pending,
      h('div', {class: 'button-row'}, previewButton, saveButton),
      editProblem,
      previewArea));

  renderRoutes();
  renderLocked();
  fillChildOptions();
  fillRemoveOptions();
  changed();
  return {routesSection, changeSection, toggleLock, isLocked: (id) => locked.has(id)};
}
