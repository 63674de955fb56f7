// Pooling: several boroughs' SEN transport planned together and the cost shared between them
// (docs/reference/api.md, "Pools").
//   #/pools       the pools (administrators: every pool, and the form to start one; officers:
//                 the pools their borough is in)
//   #/pools/ID    one pool: its progress (progress.js), then the saving,
//                 each borough's share and explanation, the core check, the downloads and the
//                 pooled routes on the map (officers: their own children only)

import {api, boroughPath, explain} from './api.js';
import {h, message, replaceChildren, subNav, table} from './dom.js';
import {count, dateTime, decimal, money, plural, statusName} from './format.js';
import {boroughColours, createPoolMap, slug} from './map.js';
import {figure} from './plan.js';
import {followProgress, progressPanel} from './progress.js';

const MIN_SECONDS = 10;
const MAX_SECONDS = 300;

const poolPath = (id) => `/api/pools/${encodeURIComponent(id)}`;

// The transport area's tabs: a borough's own plans, and pooling boroughs.
export function transportNav(current) {
  return subNav('Transport planning', 'transport-nav', [
    ['#/transport', 'Borough plans', 'tab-plans'],
    ['#/pools', 'Pooling boroughs', 'tab-pools'],
  ], current);
}

function section(testid, heading, ...children) {
  const id = `${testid}-heading`;
  return h('section', {class: 'section', testid, 'aria-labelledby': id}, h('h2', {id}, heading), ...children);
}

export async function showPools(main, context, id) {
  if (id) return showPool(main, context, id);
  const {user, signal} = context;
  document.title = 'Pooling boroughs: sendplan';
  const admin = user.role === 'admin';
  const listArea = h('div', {}, h('p', {class: 'loading'}, 'Loading the pools…'));
  const startArea = admin ? h('div', {}, h('p', {class: 'loading'}, 'Finding the boroughs with their files…')) : null;
  replaceChildren(main,
    transportNav('#/pools'),
    h('h1', {}, 'Pooling boroughs'),
    h('p', {class: 'lead'}, 'Neighbouring boroughs can share vehicles where their children live or go to school close together. ',
      'A pool plans each borough on its own first, then all of them together, so pooling never costs more; the saving is shared out fairly between the boroughs.'),
    admin ? section('pool-start', 'Start a pool', startArea) : null,
    section('pools-list', admin ? 'Pools' : `Pools ${user.borough} is in`, listArea));

  const [pools, form] = await Promise.allSettled([
    api('GET', '/api/pools', {signal}),
    admin ? startForm(context) : null,
  ]);
  if (signal.aborted) return;
  if (pools.status === 'fulfilled') replaceChildren(listArea, poolsTable(pools.value, user));
  else replaceChildren(listArea, message('error', explain(pools.reason)));
  if (!admin) return;
  if (form.status === 'fulfilled') replaceChildren(startArea, form.value);
  else replaceChildren(startArea, message('error', explain(form.reason)));
}

// Each borough with its latest pupils, schools and fleet files: {name, pupils} (pupils: rows).
async function boroughsWithInputs(list, signal) {
  const found = await Promise.all(list.map(async (b) => {
    const datasets = await api('GET', `${boroughPath(b.name)}/datasets`, {signal});
    const latest = (kind) => datasets.find((d) => d.kind === kind);
    if (!latest('pupils') || !latest('schools') || !latest('fleet')) return null;
    return {name: b.name, pupils: latest('pupils').rows};
  }));
  return found.filter(Boolean);
}

async function startForm({signal, navigate, boroughs}) {
  const all = await boroughs();
  const ready = await boroughsWithInputs(all, signal);
  if (ready.length < 2) {
    return message('info', `A pool needs at least two boroughs with their pupils, schools and fleet files uploaded; `,
      ready.length ? `only ${ready[0].name} has them so far.` : 'none has them yet.');
  }
  const boxes = ready.map((b) => h('input', {type: 'checkbox', name: 'borough', value: b.name, testid: `pool-borough-${slug(b.name)}`}));
  const timeLimit = h('input', {id: 'pool-time-limit', type: 'number', class: 'input input--short', min: MIN_SECONDS, max: MAX_SECONDS,
    step: 1, value: '30', inputmode: 'numeric', testid: 'pool-time-limit', 'aria-describedby': 'pool-time-limit-hint'});
  const sharing = ['shapley', 'proportional'].map((method) => h('input', {type: 'radio', name: 'sharing', value: method,
    checked: method === 'shapley', testid: `pool-sharing-${method}`}));
  const problem = h('div', {testid: 'pool-error', 'aria-live': 'assertive'});
  const start = h('button', {type: 'submit', class: 'button', testid: 'pool-start-button'}, 'Start the pool');
  const form = h('form', {class: 'form form--wide', novalidate: true},
    h('fieldset', {class: 'form-group'},
      h('legend', {class: 'label'}, 'Boroughs to pool'),
      h('p', {class: 'hint'}, `Choose 2 to 8. Only boroughs with their pupils, schools and fleet files are listed (${ready.length} of ${all.length}); each is planned from its latest files.`),
      h('div', {class: 'checkbox-grid', testid: 'pool-boroughs'}, ready.map((b, i) => h('label', {class: 'checkbox'},
        boxes[i], `${b.name} `, h('span', {class: 'hint-inline'}, `(${plural(b.pupils, 'child', 'children')})`))))),
    h('div', {class: 'form-group'},
      h('label', {for: 'pool-time-limit', class: 'label'}, 'Time limit for each borough’s own plan (seconds)'),
      h('p', {id: 'pool-time-limit-hint', class: 'hint'}, `From ${MIN_SECONDS} to ${MAX_SECONDS} seconds for each of the morning and afternoon runs. The boroughs are planned one after another, then together where they meet.`),
      timeLimit),
    h('fieldset', {class: 'form-group'},
      h('legend', {class: 'label'}, 'How the cost is shared'),
      h('label', {class: 'radio'}, sharing[0], ' By what each borough adds (Shapley)'),
      h('label', {class: 'radio'}, sharing[1], ' In proportion to each borough’s own cost')),
    problem, start);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replaceChildren(problem);
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    const seconds = Number(timeLimit.value);
    if (chosen.length < 2 || chosen.length > 8) {
      replaceChildren(problem, message('error', `Choose 2 to 8 boroughs (you chose ${chosen.length}).`));
      return;
    }
    if (!Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      replaceChildren(problem, message('error', `Enter a time limit in whole seconds, from ${MIN_SECONDS} to ${MAX_SECONDS}.`));
      timeLimit.focus();
      return;
    }
    start.disabled = true;
    try {
      const answer = await api('POST', '/api/pools', {json: {boroughs: chosen, time_limit_seconds: seconds,
        sharing: sharing.find((r) => r.checked)?.value ?? 'shapley'}});
      navigate(`#/pools/${encodeURIComponent(answer.pool.id)}`);
    } catch (error) {
      replaceChildren(problem, message('error', explain(error)));
    } finally {
      start.disabled = false;
    }
  });
  return form;
}

function savingText(totals) {
  if (!totals) return '';
  return `${money(null, totals.saving_per_day_pence)} a day (${decimal(totals.saving_percent, 1)}%)`;
}

function poolsTable(pools, user) {
  if (!pools.length) {
    return h('p', {testid: 'no-pools'}, user.role === 'admin' ? 'No pools yet.' : `${user.borough} is not in any pool yet.`);
  }
  return table({
    testid: 'pools-table',
    caption: 'Newest first',
    columns: [
      {label: 'Pool', className: 'num'},
      {label: 'Started'},
      {label: 'By'},
      {label: 'Boroughs'},
      {label: 'Status', field: 'status'},
      {label: 'Saving', className: 'num'},
      {label: 'Open'},
    ],
    rows: pools.map((p) => [
      count(p.id),
      dateTime(p.created_at),
      p.created_by || '',
      p.boroughs.join(', '),
      h('span', {class: `status status--${p.status}`}, statusName(p.status), p.status === 'failed' && p.message ? `: ${p.message}` : ''),
      savingText(p.totals),
      h('a', {href: `#/pools/${encodeURIComponent(p.id)}`, testid: `open-pool-${p.id}`}, 'Open', h('span', {class: 'visually-hidden'}, ` pool ${p.id}`)),
    ]),
  });
}

function metaText(pool) {
  const parts = [`Started ${dateTime(pool.created_at)}${pool.created_by ? ` by ${pool.created_by}` : ''}`];
  if (pool.finished_at) parts.push(`finished ${dateTime(pool.finished_at)}`);
  parts.push(statusName(pool.status).toLowerCase());
  parts.push(`${pool.sharing === 'proportional' ? 'proportional' : 'Shapley'} sharing, ${count(pool.time_limit_seconds)} s for each borough’s own plan`);
  return `${parts.join(', ')}.`;
}

async function showPool(main, {user, signal}, id) {
  document.title = `Pool ${id}: sendplan`;
  let pool;
  try {
    pool = await api('GET', poolPath(id), {signal});
  } catch (error) {
    if (signal.aborted) return;
    replaceChildren(main, transportNav('#/pools'), h('h1', {}, `Pool ${id}`), message('error', explain(error)),
      h('p', {}, h('a', {href: '#/pools'}, 'Back to pooling boroughs')));
    return;
  }
  if (signal.aborted) return;
  const body = h('div', {testid: 'pool-body'});
  const meta = h('p', {class: 'meta', testid: 'pool-meta'}, metaText(pool));
  replaceChildren(main,
    transportNav('#/pools'),
    h('p', {class: 'back'}, h('a', {href: '#/pools', testid: 'back-to-pools'}, 'Back to pooling boroughs')),
    h('h1', {}, `Pool ${pool.id}: `, h('span', {testid: 'pool-boroughs-heading'}, pool.boroughs.join(', '))),
    meta, body);
  document.title = `Pool ${pool.id}, ${pool.boroughs.join(', ')}: sendplan`;

  const progress = progressPanel({
    name: 'pool',
    heading: 'Planning the pool',
    cancel: user.role === 'admin' ? {path: `${poolPath(pool.id)}/cancel`, label: 'Cancel this pool',
      question: 'Cancel this pool? It stops and is marked cancelled; you can start it again.'} : null,
    hint: 'You can leave this page: the pool carries on, and you can open it from “Pooling boroughs”. Pools run one at a time.',
  });
  pool = await followProgress(body, progress, pool, () => api('GET', poolPath(id), {signal}), signal);
  if (!pool) return;
  meta.textContent = metaText(pool);
  if (pool.status === 'failed') {
    replaceChildren(body, h('div', {testid: 'pool-failed'},
      message('error', h('strong', {}, 'The pool failed. '), h('span', {testid: 'pool-error'}, pool.message || 'No reason was given.'))));
    return;
  }
  await renderResults(body, pool, user, signal);
}

async function renderResults(body, pool, user, signal) {
  const colours = boroughColours(pool.boroughs);
  const officer = user.role === 'officer';
  const mapSection = section('pool-map-section', officer ? `${user.borough}’s children on the pooled routes` : 'The pooled routes',
    legend(pool.boroughs, colours, officer ? user.borough : null));
  replaceChildren(body, h('div', {testid: 'pool-results'},
    headline(pool.totals),
    officer ? ownShare(pool, user.borough) : null,
    sharesSection(pool, colours, officer ? user.borough : null),
    section('core-check', 'Are the shares stable?',
      h('p', {testid: 'core-check-text'}, pool.core_check?.text ?? ''),
      h('p', {class: 'hint'}, pool.sharing === 'proportional'
        ? 'Proportional sharing: each borough pays the pooled cost in proportion to its own plan’s cost, so every borough saves the same percentage.'
        : 'Shapley sharing: each borough pays its average extra cost over every order in which the boroughs could join the pool, and never more than planning alone. The check asks whether any group of boroughs would pay less in a pool of its own.')),
    downloads(pool, officer),
    mapSection));

  const loading = h('p', {class: 'loading'}, 'Loading the map…');
  mapSection.append(loading);
  const [outlines, routes] = await Promise.allSettled([
    Promise.all(pool.boroughs.map((b) => api('GET', `${boroughPath(b)}/boundary`, {signal}))),
    api('GET', `${poolPath(pool.id)}/routes.geojson`, {signal}),
  ]);
  if (signal.aborted) return;
  loading.remove();
  if (outlines.status === 'rejected' || routes.status === 'rejected') {
    mapSection.append(message('error', 'The map could not be shown: ',
      explain(outlines.status === 'rejected' ? outlines.reason : routes.reason)));
    return;
  }
  const geojson = typeof routes.value === 'string' ? JSON.parse(routes.value) : routes.value;
  try {
    await createPoolMap(mapSection, {type: 'FeatureCollection', features: outlines.value}, geojson, signal, {
      colours,
      hint: [officer
        ? `Only ${user.borough}’s children are shown: other boroughs’ children on the same vehicles are left out. `
        : 'Each stop is in the colour of its child’s borough. ',
      'Each line is one vehicle’s route in the colour of the borough it belongs to, dashed when it carries children of more than one borough. ',
      'Larger white circles are schools; the yellow circle is the depot. Select a line or circle to see the route and time.'],
    });
  } catch (error) {
    if (!signal.aborted) mapSection.append(message('error', `The map could not be shown: ${error.message}.`));
  }
}

function headline(totals) {
  if (!totals) return message('error', 'This pool has no results.');
  const saves = totals.saving_per_day_pence > 0;
  return section('pool-headline', 'What pooling saves',
    h('p', {class: 'lead', testid: 'pool-saving-sentence'}, saves
      ? `Pooling saves ${money(null, totals.saving_per_day_pence)} a day, ${money(null, totals.saving_per_year_pence)} a year over ${count(totals.school_days_per_year)} school days: ${decimal(totals.saving_percent, 1)}% of what the boroughs pay planning alone.`
      : 'Pooling these boroughs saves nothing: the pooled plan costs what the boroughs pay planning alone.'),
    h('dl', {class: 'figures', testid: 'pool-figures'},
      figure('pool-fig-saving-day', 'Saving per day', money(null, totals.saving_per_day_pence), `${decimal(totals.saving_percent, 1)}%`),
      figure('pool-fig-saving-year', 'Saving per year', money(null, totals.saving_per_year_pence)),
      figure('pool-fig-alone', 'Planning alone, per day', money(null, totals.standalone_per_day_pence), 'the boroughs’ own plans added up'),
      figure('pool-fig-pooled', 'Pooled, per day', money(null, totals.pooled_per_day_pence)),
      figure('pool-fig-children', 'Children', count(totals.pupils)),
      figure('pool-fig-vehicles', 'Vehicles', `${count(totals.vehicles_alone)} → ${count(totals.pooled_vehicles)}`, 'alone, then pooled'),
      figure('pool-fig-schools', 'Schools shared', count(totals.shared_schools), 'used by more than one borough')));
}

function ownShare(pool, borough) {
  const part = (pool.shares ?? []).find((s) => s.borough === borough);
  if (!part) return null;
  return section('own-share', `${borough}’s share`,
    h('p', {class: 'lead', testid: 'own-share-sentence'},
      `${borough} pays ${money(null, part.share_per_day_pence)} a day instead of ${money(null, part.standalone_per_day_pence)} planning alone: `,
      `it saves ${money(null, part.saving_per_day_pence)} a day (${decimal(part.saving_percent, 1)}%), ${money(null, part.saving_per_year_pence)} a year.`),
    h('p', {testid: 'own-share-explanation'}, part.explanation));
}

function swatch(colour) {
  return h('span', {class: 'legend__swatch', style: `background: ${colour}`, 'aria-hidden': 'true'});
}

function sharesSection(pool, colours, own) {
  const shares = pool.shares ?? [];
  const t = pool.totals ?? {};
  const rows = shares.map((s) => [
    h('span', {class: 'borough-name'}, swatch(colours.get(s.borough)), s.borough),
    count(s.pupils),
    money(null, s.standalone_per_day_pence),
    money(null, s.share_per_day_pence),
    money(null, s.saving_per_day_pence),
    `${decimal(s.saving_percent, 1)}%`,
    s.explanation,
  ]);
  rows.push(['All boroughs', count(t.pupils), money(null, t.standalone_per_day_pence), money(null, t.pooled_per_day_pence),
    money(null, t.saving_per_day_pence), `${decimal(t.saving_percent, 1)}%`, '']);
  return section('pool-shares', 'Each borough’s share',
    h('p', {}, 'Money per school day. Shares are the pooled cost divided between the boroughs; no borough pays more than planning alone.'),
    h('div', {class: 'table-scroll'}, table({
      testid: 'shares-table',
      columns: [
        {label: 'Borough', field: 'borough'},
        {label: 'Children', className: 'num'},
        {label: 'Alone', className: 'num', field: 'alone'},
        {label: 'Share', className: 'num', field: 'share'},
        {label: 'Saving', className: 'num', field: 'saving'},
        {label: 'Saving %', className: 'num'},
        {label: 'Why', field: 'explanation'},
      ],
      rows,
      rowProps: (i) => (i === shares.length ? {class: 'row--total'}
        : shares[i].borough === own ? {class: 'row--current', testid: 'own-share-row'} : {testid: `share-row-${slug(shares[i].borough)}`}),
    })));
}

function downloads(pool, officer) {
  const files = [
    ['shares.csv', 'Shares', 'each borough’s share, saving and explanation (CSV)'],
    ['pool.json', 'Pool details', 'the sharing, the core check, every group of boroughs’ cost and the search’s settings (JSON)'],
    ['routes.csv', 'Pooled routes', officer ? 'every stop of your borough’s children on the pooled routes (CSV)' : 'every stop of every pooled route (CSV)'],
    ['routes.geojson', 'Map file', 'the pooled routes and stops for mapping software such as QGIS (GeoJSON)'],
  ];
  return section('pool-downloads', 'Download',
    h('ul', {class: 'downloads'}, files.map(([name, label, what]) => h('li', {},
      h('a', {href: `${poolPath(pool.id)}/${name}`, download: name, testid: `pool-download-${name}`}, label, ' (', name, ')'), `: ${what}`))),
    h('p', {class: 'warning', role: 'note'}, h('strong', {}, 'Personal data. '),
      'The routes and map file show where children live. Store and share them as your council’s data protection rules require.'));
}

function legend(boroughs, colours, own) {
  return h('ul', {class: 'legend legend--inline', testid: 'pool-legend'},
    boroughs.map((b) => h('li', {class: 'legend__item', testid: `legend-${slug(b)}`},
      swatch(colours.get(b)), b, b === own ? h('span', {class: 'hint-inline'}, ' (yours)') : null)),
    h('li', {class: 'legend__item'}, h('span', {class: 'legend__line legend__line--dashed', 'aria-hidden': 'true'}), 'a vehicle carrying children of more than one borough'));
}
