// One plan: its progress while it runs (GET /api/plans/{id} every 500 ms), then its results:
// the day's figures, the children not carried or over their limit, the comparison with the
// current routes, what its change did (an edit or update), its routes with the map, the ways to
// change it (plan_changes.js), the borough's versions (plan_versions.js) and the downloads.

import {api, boroughPath, explain, planFilePath, planPath} from './api.js';
import {h, message, replaceChildren, table} from './dom.js';
import {count, countSigned, dateTime, decimal, money, moneySigned, percentSigned, plural, runName, statusName} from './format.js';
import {createPlanMap} from './map.js';
import {planChanges, routesFromCsv} from './plan_changes.js';
import {followProgress, progressPanel} from './progress.js';
import {changesSection, versionsSection, versionText} from './plan_versions.js';

const DOWNLOADS = [
  {name: 'routes.csv', label: 'Routes', what: 'every stop of every route, in order (CSV, for spreadsheets)'},
  {name: 'route_sheets.html', label: 'Route sheets', what: 'one printable page per route for operators (web page)'},
  {name: 'pupils.csv', label: 'Children’s journeys', what: 'each child’s pick-up and drop-off times and ride length, morning and afternoon (CSV)'},
  {name: 'routes.geojson', label: 'Map file', what: 'routes and stops for mapping software such as QGIS (GeoJSON)'},
  {name: 'summary.json', label: 'Summary', what: 'the figures and issues on this page (JSON)'},
];

export async function showPlan(main, {signal, navigate}, id) {
  document.title = `Plan ${id}: sendplan`;
  let plan;
  try {
    plan = await api('GET', planPath(id), {signal});
  } catch (error) {
    if (signal.aborted) return;
    replaceChildren(main, h('h1', {}, `Plan ${id}`), message('error', explain(error)),
      h('p', {}, h('a', {href: '#/transport'}, 'Back to transport planning')));
    return;
  }
  if (signal.aborted) return;

  const body = h('div', {testid: 'plan-body'});
  replaceChildren(main,
    h('p', {class: 'back'}, h('a', {href: `#/transport/${encodeURIComponent(plan.borough)}`, testid: 'back-to-transport'},
      `Back to ${plan.borough} transport planning`)),
    h('h1', {}, `Plan ${plan.id}: `, h('span', {testid: 'plan-borough'}, plan.borough)),
    h('p', {class: 'meta', testid: 'plan-meta'}, metaText(plan)),
    h('p', {class: 'version-line', testid: 'plan-version'}, versionText(plan)),
    body);
  document.title = `Plan ${plan.id}, ${plan.borough}: sendplan`;

  // Follow the plan until it is done or failed.
  const progress = progressPanel({
    name: 'plan',
    heading: 'Planning routes',
    cancel: {path: `${planPath(id)}/cancel`, label: 'Cancel this plan',
      question: 'Cancel this plan? It stops and is marked cancelled; you can plan again.'},
    hint: 'You can leave this page: the plan carries on, and you can open it from “Previous plans and versions”. A plan waits while the workers are busy; each borough’s plans take their turn.',
  });
  plan = await followProgress(body, progress, plan, () => api('GET', planPath(id), {signal}), signal);
  if (!plan) return;
  main.querySelector('[data-testid=plan-meta]').textContent = metaText(plan);
  // An update's note is known only when it has run.
  main.querySelector('[data-testid=plan-version]').textContent = versionText(plan);

  if (plan.status === 'failed') {
    replaceChildren(body, h('div', {testid: 'plan-failed'},
      message('error', h('strong', {}, 'The plan failed. '), h('span', {testid: 'plan-error'}, plan.message || 'No reason was given.')),
      h('p', {}, 'Check the uploaded files, then try again. If it keeps failing, tell your administrator the plan number.')));
    return;
  }
  await renderResults(body, plan, signal, navigate);
}

function metaText(plan) {
  const parts = [`Started ${dateTime(plan.created_at)}`];
  if (plan.finished_at) parts.push(`finished ${dateTime(plan.finished_at)}`);
  parts.push(statusName(plan.status).toLowerCase());
  return `${parts.join(', ')}.`;
}

function parseSummary(summary) {
  if (typeof summary === 'string') {
    try { return JSON.parse(summary); } catch { return null; }
  }
  return summary;
}

async function renderResults(body, plan, signal, navigate) {
  const summaryJson = parseSummary(plan.summary);
  if (!summaryJson || !summaryJson.summary) {
    replaceChildren(body, message('error', 'This plan has no results.'));
    return;
  }
  const mapLoading = h('p', {class: 'loading'}, 'Loading the map…');
  const mapSection = h('section', {class: 'section', testid: 'plan-map-section', 'aria-labelledby': 'map-heading'},
    h('h2', {id: 'map-heading'}, 'Map'), mapLoading);
  const changesSlot = h('div', {});
  const routesSlot = h('div', {});
  const changeSlot = h('div', {});
  let drawn = null;  // the map, once drawn (it marks the locked routes)

  replaceChildren(body,
    h('div', {testid: 'plan-results'},
      figuresSection(summaryJson.summary, summaryJson.settings?.travel),
      changesSlot,
      summaryJson.current ? comparisonSection(summaryJson.current.summary, summaryJson.summary, summaryJson.comparison) : null,
      journeyTimesSection(summaryJson.summary.journey_time, summaryJson.over_guidance_unavoidable ?? []),
      summaryJson.fleet_advice ? fleetAdviceSection(summaryJson.fleet_advice) : null,
      issuesSection(summaryJson.issues ?? []),
      routesSlot,
      mapSection,
      changeSlot,
      versionsSection(plan, signal),
      downloadsSection(plan.id)));

  const [boundary, routes, routesCsv, changes] = await Promise.allSettled([
    api('GET', `${boroughPath(plan.borough)}/boundary`, {signal}),
    api('GET', planFilePath(plan.id, 'routes.geojson'), {signal}),
    api('GET', planFilePath(plan.id, 'routes.csv'), {signal}),
    changesSection(plan, signal),
  ]);
  if (signal.aborted) return;
  if (changes.status === 'fulfilled' && changes.value) changesSlot.replaceWith(changes.value);

  // The routes and the ways to change the plan (none when no route could be read).
  let editing = null;
  if (routesCsv.status === 'fulfilled' && typeof routesCsv.value === 'string') {
    const planRoutes = routesFromCsv(routesCsv.value);
    if (planRoutes.length > 0) {
      editing = planChanges({plan, routes: planRoutes, navigate, onLockedChange: (ids) => drawn?.markLocked(ids)});
      routesSlot.replaceWith(editing.routesSection);
      changeSlot.replaceWith(editing.changeSection);
    }
  } else if (routesCsv.status === 'rejected') {
    routesSlot.replaceWith(message('error', 'The routes could not be shown: ', explain(routesCsv.reason)));
  }

  mapLoading.remove();
  if (boundary.status === 'rejected' || routes.status === 'rejected') {
    mapSection.append(message('error', 'The map could not be shown: ',
      explain(boundary.status === 'rejected' ? boundary.reason : routes.reason)));
    return;
  }
  const routesGeojson = typeof routes.value === 'string' ? JSON.parse(routes.value) : routes.value;
  try {
    drawn = await createPlanMap(mapSection, boundary.value, routesGeojson, signal, editing ? {
      routeAction: {
        label: (routeId) => (editing.isLocked(routeId) ? `Unlock route ${routeId}` : `Lock route ${routeId}`),
        onClick: (routeId) => editing.toggleLock(routeId),
      },
    } : {});
  } catch (error) {
    if (!signal.aborted) mapSection.append(message('error', `The map could not be shown: ${error.message}.`));
  }
}

export function figure(testid, label, value, note) {
  return h('div', {class: 'figure', testid},
    h('dt', {class: 'figure__label'}, label),
    h('dd', {class: 'figure__value', testid: `${testid}-value`}, value),
    note ? h('dd', {class: 'figure__note'}, note) : null);
}

function vehiclesByType(byType) {
  const entries = Object.entries(byType ?? {}).filter(([, n]) => n > 0);
  return entries.length ? entries.map(([type, n]) => `${count(n)} ${type}`).join(', ') : null;
}

// `travel`: which travel model timed the plan (summary.json's settings.travel).
function figuresSection(s, travel) {
  const routes = s.routes ?? {};
  return h('section', {class: 'section', 'aria-labelledby': 'figures-heading'},
    h('h2', {id: 'figures-heading'}, 'The plan in figures'),
    typeof travel === 'string' && travel ? h('p', {class: 'hint', testid: 'plan-travel-model'}, `Travel times: ${travel}.`) : null,
    h('dl', {class: 'figures', testid: 'summary-figures'},
      figure('fig-cost-day', 'Cost per day', money(s.cost_per_day, s.cost_per_day_pence)),
      figure('fig-cost-year', 'Cost per year', money(s.cost_per_year, s.cost_per_year_pence),
        s.school_days_per_year ? `over ${count(s.school_days_per_year)} school days` : null),
      figure('fig-vehicles', 'Vehicles', count(s.vehicles), vehiclesByType(s.vehicles_by_type)),
      figure('fig-routes', 'Routes', `${count(routes.AM ?? 0)} morning, ${count(routes.PM ?? 0)} afternoon`),
      figure('fig-assistants', 'Passenger assistants', count(s.assistants)),
      figure('fig-miles', 'Miles a day', decimal(s.miles, 1)),
      figure('fig-mean-ride', 'Average ride', `${decimal(s.mean_ride_minutes, 1)} min`),
      figure('fig-max-ride', 'Longest ride', `${decimal(s.max_ride_minutes, 0)} min`),
      figure('fig-pupils', 'Children', count(s.pupils)),
      figure('fig-over-limit', 'Children over their time limit', count(s.over_limit),
        s.over_limit ? null : 'none'),
      figure('fig-unserved', 'Journeys not carried', count(s.unserved),
        s.unserved ? 'morning or afternoon runs with no vehicle' : 'every child has a seat, both runs')));
}

// £ without the sign: the sentence says "more" or "less".
function moneyAbs(pounds, pence) {
  return money(typeof pounds === 'number' ? Math.abs(pounds) : pounds, typeof pence === 'number' ? Math.abs(pence) : pence);
}

function comparisonSection(current, planned, comparison) {
  const c = comparison ?? {};
  const perDay = c.cost_per_day_difference_pence ?? (typeof c.cost_per_day_difference === 'number' ? c.cost_per_day_difference * 100 : null);
  let sentence = null;
  if (typeof perDay === 'number') {
    const perYear = typeof c.cost_per_year_difference === 'number' || typeof c.cost_per_year_difference_pence === 'number'
      ? ` (${moneyAbs(c.cost_per_year_difference, c.cost_per_year_difference_pence)} a year)` : '';
    sentence = h('p', {class: 'lead', testid: 'comparison-sentence'}, perDay === 0
      ? 'The planned routes cost the same as the current routes.'
      : `The planned routes cost ${moneyAbs(c.cost_per_day_difference, c.cost_per_day_difference_pence)} a day ${perDay < 0 ? 'less' : 'more'} than the current routes${perYear}.`);
  }
  return h('section', {class: 'section', testid: 'comparison', 'aria-labelledby': 'comparison-heading'},
    h('h2', {id: 'comparison-heading'}, 'Compared with the current routes'),
    sentence,
    table({
      testid: 'comparison-table',
      columns: [
        {label: 'Figure'},
        {label: 'Current routes', className: 'num'},
        {label: 'Planned routes', className: 'num'},
        {label: 'Difference', className: 'num'},
      ],
      rows: [
        ['Cost per day', money(current?.cost_per_day, current?.cost_per_day_pence), money(planned.cost_per_day, planned.cost_per_day_pence),
          `${moneySigned(c.cost_per_day_difference, c.cost_per_day_difference_pence)} (${percentSigned(c.cost_per_day_difference_percent)})`],
        ['Cost per year', money(current?.cost_per_year, current?.cost_per_year_pence), money(planned.cost_per_year, planned.cost_per_year_pence),
          `${moneySigned(c.cost_per_year_difference, c.cost_per_year_difference_pence)} (${percentSigned(c.cost_per_year_difference_percent)})`],
        ['Vehicles', count(current?.vehicles), count(planned.vehicles), countSigned(c.vehicles_difference)],
        ['Children over their time limit', count(current?.over_limit), count(planned.over_limit), countSigned(c.over_limit_difference)],
        ['Journeys not carried', count(current?.unserved), count(planned.unserved),
          current?.unserved === undefined ? '' : countSigned((planned.unserved ?? 0) - current.unserved)],
      ],
    }),
    h('p', {class: 'hint'}, 'A negative difference is a saving. The current routes are re-timed with the same travel times and rules as the plan.'));
}

// The three groups every carried journey falls in, and the children over guidance unavoidably:
// the officer sees each such case rather than a hole in the plan.
function journeyTimesSection(groups, unavoidable) {
  if (!groups) return null;
  return h('section', {class: 'section', testid: 'journey-times', 'aria-labelledby': 'journey-heading'},
    h('h2', {id: 'journey-heading'}, 'Journey times against the guidance'),
    h('dl', {class: 'figures', testid: 'journey-figures'},
      figure('fig-within', 'Within the time limit', count(groups.within_guidance), 'journeys'),
      figure('fig-unavoidable', 'Over guidance, unavoidable', count(groups.over_guidance_unavoidable),
        groups.over_guidance_unavoidable
          ? `the direct journey is longer than the limit; excess mean ${decimal(groups.mean_unavoidable_excess_minutes, 1)} min, longest ${decimal(groups.max_unavoidable_excess_minutes, 0)} min`
          : 'none'),
      figure('fig-avoidable', 'Over guidance, avoidable', count(groups.over_guidance_avoidable),
        groups.over_guidance_avoidable ? 'a shorter journey was possible' : 'none')),
    unavoidable.length === 0 ? null : [
      h('p', {}, `${plural(unavoidable.length, 'journey')} cannot be within the guidance because the direct journey itself is longer. These children travel as directly as possible, within the allowance shown.`),
      table({
        testid: 'unavoidable-table',
        columns: [
          {label: 'Child'}, {label: 'Run'}, {label: 'Route'},
          {label: 'Ride (min)', className: 'num'}, {label: 'Limit (min)', className: 'num'},
          {label: 'Direct journey (min)', className: 'num'}, {label: 'Allowed (min)', className: 'num'},
          {label: 'Over by (min)', className: 'num'},
        ],
        rows: unavoidable.map((u) => [u.pupil_id, runName(u.run), u.route_id,
          decimal(u.ride_minutes, 0), count(u.limit_minutes), decimal(u.direct_minutes, 0),
          decimal(u.allowed_minutes, 0), decimal(u.excess_minutes, 0)]),
      })]);
}

function fleetAdviceSection(advice) {
  return h('section', {class: 'section', testid: 'fleet-advice', 'aria-labelledby': 'fleet-heading'},
    h('h2', {id: 'fleet-heading'}, 'What would serve the children not carried'),
    h('p', {class: 'lead', testid: 'fleet-advice-text'}, `${advice.text.charAt(0).toUpperCase()}${advice.text.slice(1)}.`),
    h('p', {class: 'hint'}, 'Found by planning again with more vehicles of every type available. The cost is the extra vehicles’ daily hire (and any extra passenger assistants).'));
}

function issueKind(issue) {
  if (issue.status === 'unserved') return 'Not carried';
  if (issue.ride_minutes !== null && issue.limit_minutes !== null && issue.ride_minutes > issue.limit_minutes) return 'Over time limit';
  return 'Breaks a rule';
}

function issuesSection(issues) {
  return h('section', {class: 'section', testid: 'issues', 'aria-labelledby': 'issues-heading'},
    h('h2', {id: 'issues-heading'}, `Children not carried or over their time limit (${count(issues.length)})`),
    issues.length === 0
      ? h('p', {testid: 'no-issues'}, 'Every child is carried within their time limit, morning and afternoon.')
      : [h('p', {}, `${plural(issues.length, 'journey')} need attention. The reason says what stopped the planner.`),
        table({
          testid: 'issues-table',
          columns: [
            {label: 'Child', field: 'pupil_id'},
            {label: 'Run', field: 'run'},
            {label: 'Problem', field: 'status'},
            {label: 'Route', field: 'route_id'},
            {label: 'Ride (min)', className: 'num', field: 'ride_minutes'},
            {label: 'Limit (min)', className: 'num', field: 'limit_minutes'},
            {label: 'Reason', field: 'reason'},
          ],
          rows: issues.map((i) => [i.pupil_id, runName(i.run), issueKind(i), i.route_id ?? 'none',
            i.ride_minutes === null || i.ride_minutes === undefined ? '' : decimal(i.ride_minutes, 0),
            i.limit_minutes === null || i.limit_minutes === undefined ? '' : count(i.limit_minutes),
            i.reason ?? '']),
        })]);
}

function downloadsSection(id) {
  return h('section', {class: 'section', testid: 'downloads', 'aria-labelledby': 'downloads-heading'},
    h('h2', {id: 'downloads-heading'}, 'Download'),
    h('ul', {class: 'downloads'},
      DOWNLOADS.map((d) => h('li', {},
        h('a', {href: planFilePath(id, d.name), testid: `download-${d.name}`,
          // The route sheets are a page to read and print; the rest are files to save.
          ...(d.name.endsWith('.html') ? {target: '_blank', rel: 'noopener'} : {download: d.name})},
        d.label, ' (', d.name, ')', d.name.endsWith('.html') ? h('span', {class: 'visually-hidden'}, ', opens in a new tab') : null),
        `: ${d.what}`))),
    h('p', {class: 'warning', role: 'note'}, h('strong', {}, 'Personal data. '),
      'The routes, route sheets, children’s journeys and map file show where children live. Store and share them as your council’s data protection rules require.'));
}
