// Browser tests of the SEND data dashboard against the real `sendplan serve` with published
// statistics imported by `sendplan import dfe` from the shared folder (no mock): a borough's
// profile (facts, one chart per figure, sources, downloads, cost per plan), the London map, the
// rankings, the inspections and the high-needs funding page. The page is compared with the API's
// JSON fetched with the page's own session, and one published figure is read from the DfE file
// itself. Run: node --test tests/web/data.test.js (CTest: web_browser). Screenshots go to
// build-web/screenshots (SENDPLAN_WEB_SCREENSHOTS).
'use strict';

const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {Harness, settings, missingTools} = require('./harness.js');
const {waitFor, parseCsv, text, assertNoPageProblems, download, assertPng} = require('./helpers.js');
const screenshot = (page, name) => require('./helpers.js').screenshot(H, page, name);

// The published files the tests import (paths under the shared folder's data/).
const STATS_FILES = [
  'sen2_ehcp/ehcp2025_caseload_totals_all_la.csv',
  'sen2_ehcp/ehcp2022_caseload_by_establishment_type_special_2010_2022.csv',
  'sen2_ehcp/ehcp2025_sen_needs_all_plans_totals_all_la.csv',
  'lait/statistical_neighbours_may_2025.csv',
  'high_needs_finance/dsg_allocations_by_la_2020_21_to_2023_24.csv',
  'high_needs_finance/dsg_cumulative_balance_pct_income_2019_20_to_2021_22.csv',
  'ofsted_area_send/ofsted_area_send_inspections_2023_framework.csv',
  'ofsted_area_send/ofsted_area_send_2016_framework_to_aug2022.csv',
];
const HACKNEY = 'E09000012';

const MISSING_TOOLS = missingTools();
const dataDir = path.join(settings().shared, 'data');
const SHARED_MISSING = !fs.existsSync(path.join(dataDir, 'boundaries', 'london_boroughs_gla.geojson')) ||
  STATS_FILES.some((f) => !fs.existsSync(path.join(dataDir, f)));
if (MISSING_TOOLS) {
  test('the SEND data browser tests can run', () => {
    throw new Error(MISSING_TOOLS);
  });
} else if (SHARED_MISSING) {
  console.log(`sendplan-web: SKIP: the shared data folder or its statistics files are absent (${dataDir}); set SENDPLAN_SHARED`);
}
const skip = MISSING_TOOLS ? 'not runnable: see the first test' : SHARED_MISSING ? 'the shared data folder is absent' : false;

const USERS = {
  ann: {role: 'analyst', password: 'ann-analyst-2026'},
  olive: {role: 'officer', borough: 'Camden', password: 'olive-camden-2026'},
};

let H;

// --- small helpers -----------------------------------------------------------------------------

// The text of an element that may be folded away (in a closed <details>).
const content = async (locator) => ((await locator.count()) > 0 ? (await locator.first().textContent()).trim() : '');

// A GET of the API with the page's session.
async function apiAs(page, urlPath) {
  const cookies = await page.context().cookies();
  const cookie = cookies.filter((c) => c.name === 'sendplan_session').map((c) => `${c.name}=${c.value}`).join('; ');
  const response = await fetch(H.baseUrl + urlPath, {headers: {Cookie: cookie}});
  const type = response.headers.get('content-type') ?? '';
  return {status: response.status, type, disposition: response.headers.get('content-disposition') ?? '',
    body: type.includes('json') ? await response.json() : await response.text()};
}

async function signIn(page, username) {
  await page.goto('/');
  await page.getByTestId('signin-form').waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(USERS[username].password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('current-username').getByText(username, {exact: true}).waitFor();
}

// The page's number formats (as data_common.js): en-GB separators, percent with 1 decimal.
const whole = (v) => Math.round(v).toLocaleString('en-GB');
const percent = (v) => `${v.toLocaleString('en-GB', {minimumFractionDigits: 1, maximumFractionDigits: 1})}%`;

// --- set-up ------------------------------------------------------------------------------------

before(async () => {
  if (MISSING_TOOLS || SHARED_MISSING) return;
  H = new Harness();
  for (const [name, u] of Object.entries(USERS)) H.addUser(name, u.role, u.password, u.borough);
  H.importStats(STATS_FILES);
  await H.startServer();
  await H.launchBrowser();
});

after(async () => {
  if (H) await H.close();
});

// --- the profile -------------------------------------------------------------------------------

test('(g) an analyst reads Hackney\'s SEND profile: facts, a chart per figure with source and period, CSV and PNG, cost per plan, report', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'ann');
  await page.getByTestId('site-nav').getByRole('link', {name: 'SEND data'}).click();
  await page.getByTestId('data-nav').waitFor();
  await page.goto(`/#/data/profile/${HACKNEY}`);
  const content = page.locator('[data-testid=profile-content][data-loaded=true]');
  await content.waitFor({timeout: 20_000});
  const api = await apiAs(page, `/api/stats/profile/${HACKNEY}`);
  assert.equal(api.status, 200);
  const profile = api.body;
  assert.equal(await text(page.getByTestId('profile-title')), profile.title);

  // Key facts: one card each, with the API's value.
  const facts = page.getByTestId('profile-facts').locator('.fact');
  assert.equal(await facts.count(), profile.facts.length);
  assert.ok(profile.facts.length >= 3);
  for (let i = 0; i < profile.facts.length; i++) {
    assert.equal(await text(facts.nth(i).getByTestId('fact-value')), profile.facts[i].value, profile.facts[i].label);
  }

  // One chart per figure, each with its source, period, accessible name and numbers table.
  const figures = page.getByTestId('profile-figures');
  assert.equal(await figures.locator('canvas').count(), profile.figures.length);
  assert.ok(profile.figures.length >= 4, `figures: ${profile.figures.map((f) => f.id)}`);
  for (const f of profile.figures) {
    const card = figures.getByTestId(`figure-${f.id}`);
    assert.equal(await card.getAttribute('data-drawn'), 'true', `${f.id} drawn`);
    assert.equal(await text(card.getByTestId('chart-source')), `Source: ${f.source}`);
    assert.equal(await text(card.getByTestId('chart-period')), `Period: ${f.period}`);
    assert.match(await card.locator('canvas').getAttribute('aria-label'), new RegExp(f.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const labels = new Set(f.series.flatMap((s) => s.points.map((p) => p.label)));
    assert.equal(await card.locator('[data-testid=figure-table] tbody tr').count(), labels.size, `${f.id}: a row per label`);
  }

  // Missing values are gaps (null) in the chart, never zero; kinds map to Chart.js types.
  const charts = await page.evaluate(() => [...document.querySelectorAll('[data-testid=profile-figures] figure')].map((card) => {
    const chart = window.Chart.getChart(card.querySelector('canvas'));
    return {id: card.dataset.figure, type: chart.config.type, stacked: Boolean(chart.options.scales.y.stacked),
      datasets: chart.data.datasets.map((d) => ({data: d.data, spanGaps: d.spanGaps, fill: d.fill, dash: d.borderDash ?? null}))};
  }));
  for (const f of profile.figures) {
    const chart = charts.find((c) => c.id === f.id);
    assert.equal(chart.type, f.kind === 'line' ? 'line' : 'bar', f.id);
    assert.equal(chart.stacked, f.kind === 'stacked-bar', `${f.id} stacked`);
    f.series.forEach((s, i) => {
      const values = s.points.filter((p) => p.value === null);
      const drawn = chart.datasets[i].data.filter((v) => v === null).length;
      assert.ok(drawn >= values.length, `${f.id}/${s.name}: ${values.length} missing values are gaps (${drawn} nulls)`);
      assert.equal(chart.datasets[i].spanGaps, false);
      if (s.role === 'high') assert.equal(chart.datasets[i].fill, f.series.findIndex((x) => x.role === 'low'), 'the band fills to its low line');
      if (s.role === 'forecast' && f.kind === 'line') assert.ok(Array.isArray(chart.datasets[i].dash), 'the forecast is dashed');
    });
  }

  // CSV: the server's figure file; PNG: the chart as drawn.
  const first = figures.getByTestId(`figure-${profile.figures[0].id}`);
  const csvHref = await first.getByTestId('download-csv').getAttribute('href');
  const csv = await apiAs(page, csvHref);
  assert.equal(csv.status, 200);
  assert.match(csv.type, /text\/csv/);
  assert.ok(csv.body.startsWith('figure,series,period,year,value,symbol,unit,source'), csv.body.slice(0, 80));
  const csvFile = await download(page, first.getByTestId('download-csv'));
  assert.equal(csvFile.bytes.toString('utf8'), csv.body, 'the browser downloads the same CSV');
  assertPng(await download(page, first.getByTestId('download-png')), 'the figure PNG');

  // The report.
  const report = await apiAs(page, await page.getByTestId('download-report').getAttribute('href'));
  assert.equal(report.status, 200);
  assert.match(report.type, /text\/html/);
  assert.match(report.body, new RegExp(profile.area.name));

  // Notes and the OGL attribution.
  assert.match(await text(page.getByTestId('attribution')), /Open Government Licence/);
  assert.equal(await page.getByTestId('profile-notes').locator('li').count(), profile.notes.length);

  // Cost per plan: the implied cost fact follows the API's answer for the new cost.
  assert.ok(profile.forecast, 'Hackney has a forecast');
  assert.equal(Number(await page.getByTestId('cost-per-plan').inputValue()), Math.round(profile.forecast.cost_per_plan));
  const costIndex = profile.facts.findIndex((f) => /cost/i.test(f.label));
  assert.ok(costIndex >= 0, 'an implied cost fact');
  await page.getByTestId('cost-per-plan').fill('25000');
  await page.getByTestId('cost-update').click();
  const withCost = (await apiAs(page, `/api/stats/profile/${HACKNEY}?cost_per_plan=25000`)).body;
  assert.notEqual(withCost.facts[costIndex].value, profile.facts[costIndex].value);
  await waitFor('the implied cost to follow the cost per plan', async () =>
    (await text(facts.nth(costIndex).getByTestId('fact-value'))) === withCost.facts[costIndex].value);
  assert.match(await text(page.getByTestId('cost-basis')), new RegExp(withCost.forecast.cost_basis));
  assert.match(await first.getByTestId('download-csv').getAttribute('href'), /cost_per_plan=25000/);
  await screenshot(page, 'data-profile.png');
  assertNoPageProblems(page);
  await page.context().close();
});

// --- the map -----------------------------------------------------------------------------------

test('(h) the London map colours the 33 boroughs by an indicator, with London and England (England EHC plans, January 2025, from DfE\'s file)', {skip}, async () => {
  // The published figure, read from the DfE file the test imported.
  const rows = parseCsv(fs.readFileSync(path.join(dataDir, STATS_FILES[0]), 'utf8'));
  const england = rows.find((r) => r.time_period === '202425' && r.geographic_level === 'National' &&
    r.breakdown_topic === 'All EHC plans');
  assert.equal(Number(england.ehcplans), 638745, 'DfE: 638,745 EHC plans in England in January 2025');

  const page = await H.newPage();
  await signIn(page, 'ann');
  await page.goto('/#/data/map/ehc-plans');
  const map = page.getByTestId('choropleth');
  await page.getByTestId('map-legend').waitFor();
  const api = (await apiAs(page, '/api/stats/indicators/ehc-plans')).body;
  assert.equal(await map.getAttribute('data-period'), api.period);
  assert.equal(await text(page.getByTestId('map-england')), whole(Number(england.ehcplans)));
  assert.equal(await text(page.getByTestId('map-england')), '638,745');
  assert.equal(await text(page.getByTestId('map-london')), whole(api.london.value));
  assert.match(await text(page.locator('[data-testid=map-meta]')), new RegExp(`Source: ${api.indicator.source.replace(/[()]/g, '\\$&')}`));

  const fills = () => map.locator('path.choropleth-area').evaluateAll((paths) => paths.map((p) => `${p.dataset.code}=${p.getAttribute('fill')}`).sort());
  const before = await fills();
  assert.equal(before.length, 33, 'a shape per borough');
  const colours = new Set(before.map((f) => f.split('=')[1]));
  assert.ok(colours.size >= 3, `at least 3 colours: ${[...colours]}`);
  assert.equal(await page.getByTestId('map-legend').locator('li').count(), 5, 'five classes, nothing missing');

  // Regression (security review): the tooltip was an HTML string, so markup in a name would run.
  // It is now a DOM node holding one text node, with the same text as the info line.
  await map.locator('path.choropleth-area[data-code="E09000007"]').hover({force: true});
  const tooltip = page.locator('.leaflet-tooltip');
  await tooltip.waitFor();
  const shown = await tooltip.evaluate((t) => ({text: t.textContent, elements: t.querySelectorAll('*').length,
    textOnly: [...t.querySelectorAll('span')].every((s) => [...s.childNodes].every((n) => n.nodeType === Node.TEXT_NODE))}));
  assert.equal(shown.elements, 1, 'one span, no markup inside');
  assert.ok(shown.textOnly, 'the tooltip is text');
  assert.match(shown.text, /^Camden: /);
  assert.equal(shown.text, await text(page.getByTestId('map-info')), 'the same text as the info line');

  // The darkest class holds the largest value.
  const top = api.values.reduce((a, b) => (b.value > a.value ? b : a));
  assert.equal(await map.locator(`path[data-code="${top.area_code}"]`).getAttribute('fill'), '#253494');

  // Selecting a borough names it with its value.
  const hackney = api.values.find((v) => v.area_code === HACKNEY);
  await map.locator(`path[data-code="${HACKNEY}"]`).dispatchEvent('click');
  await waitFor('the borough to be named', async () => (await text(page.getByTestId('map-info'))).startsWith(`Hackney: ${whole(hackney.value)}`));

  // The CSV is the API's values; the PNG is a picture.
  const csv = parseCsv((await download(page, page.getByTestId('download-csv'))).bytes.toString('utf8'));
  assert.equal(csv.length, api.values.length + 2, 'the boroughs, London and England');
  assert.equal(Number(csv.find((r) => r.area_code === HACKNEY).value), hackney.value);
  assert.equal(Number(csv.find((r) => r.area === 'England').value), 638745);
  assertPng(await download(page, page.getByTestId('download-png')), 'the map PNG');
  await screenshot(page, 'data-map.png');

  // Another indicator: other colours; where a borough has no value, it is hatched and explained.
  await page.getByTestId('indicator-select').selectOption('dsg-balance');
  await waitFor('the DSG balance map', async () => (await map.getAttribute('data-indicator')) === 'dsg-balance');
  assert.notDeepEqual(await fills(), before, 'the colours change with the indicator');
  await page.getByTestId('indicator-select').selectOption('area-send-outcome');
  await waitFor('the inspection map', async () => (await map.getAttribute('data-indicator')) === 'area-send-outcome');
  const outcome = (await apiAs(page, `/api/stats/indicators/area-send-outcome?period=${encodeURIComponent(await map.getAttribute('data-period'))}`)).body;
  const hatched = (await fills()).filter((f) => f.endsWith('url(#choropleth-missing)')).length;
  assert.equal(hatched, 33 - outcome.values.filter((v) => v.value !== null).length, 'boroughs without a value are hatched, not zero');
  assert.match(await text(page.getByTestId('map-legend')), /No value/);
  assert.match(page.url(), /#\/data\/map\/area-send-outcome\//);
  assertNoPageProblems(page);
  await page.context().close();
});

// --- rankings ----------------------------------------------------------------------------------

test('(i) rankings: the 33 boroughs in rank order, sortable by name, London and England, the England scope, downloads', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'ann');
  await page.goto('/#/data/rankings/ehc-plans');
  await page.locator('[data-testid=ranking][data-loaded^="ehc-plans/london"]').waitFor();
  const api = (await apiAs(page, '/api/stats/indicators/ehc-plans?scope=london')).body;
  const table = page.getByTestId('ranking-table');
  const column = (field) => table.locator(`tbody [data-field=${field}]`).allInnerTexts();
  const ranks = (await column('rank')).map(Number);
  assert.equal(ranks.length, 33);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'in rank order');
  const byRank = [...api.values].sort((a, b) => a.rank - b.rank);
  assert.deepEqual(await column('name'), byRank.map((v) => v.name));
  assert.deepEqual(await column('value'), byRank.map((v) => whole(v.value)));
  assert.match(await text(page.getByTestId('ranking-england')), /638,745/);
  assert.match(await text(page.getByTestId('ranking-london')), new RegExp(whole(api.london.value)));

  await page.getByTestId('sort-name').click();
  const names = await column('name');
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en-GB')), 'sorted by name');
  assert.equal(await table.locator('th[data-sort=name]').getAttribute('aria-sort'), 'ascending');
  await page.getByTestId('sort-name').click();
  assert.deepEqual(await column('name'), [...names].reverse(), 'and back');

  const bars = await page.evaluate(() => window.Chart.getChart(document.querySelector('[data-testid=ranking-chart] canvas')).data);
  assert.deepEqual(bars.labels, byRank.map((v) => v.name), 'the bar chart in rank order');
  assert.deepEqual(bars.datasets[0].data, byRank.map((v) => v.value));
  const csv = parseCsv((await download(page, page.getByTestId('download-csv'))).bytes.toString('utf8'));
  assert.equal(csv.length, 35);
  assertPng(await download(page, page.getByTestId('download-png')), 'the ranking PNG');
  await screenshot(page, 'data-rankings.png');

  await page.getByTestId('scope-england').check();
  await page.locator('[data-testid=ranking][data-loaded^="ehc-plans/england"]').waitFor();
  const all = (await apiAs(page, '/api/stats/indicators/ehc-plans?scope=england')).body;
  assert.ok(all.values.length > 140, `England has ${all.values.length} local authorities`);
  assert.equal(await table.locator('tbody tr').count(), all.values.length);
  assertNoPageProblems(page);
  await page.context().close();
});

// --- inspections -------------------------------------------------------------------------------

test('(j) inspections: London and England at each outcome as the API says, every London borough\'s latest outcome, written statements', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'ann');
  await page.goto('/#/data/inspections');
  await page.locator('[data-testid=inspection-chart][data-drawn=true]').waitFor();
  const api = (await apiAs(page, '/api/stats/inspections')).body;
  const share = (s, o) => s.outcomes.find((x) => x.outcome === o);
  assert.ok(api.london.inspected > 0);
  assert.equal(await text(page.getByTestId('london-outcome-1')), percent(share(api.london, 1).percent));
  assert.equal(await text(page.getByTestId('england-outcome-1')), percent(share(api.england, 1).percent));
  for (const o of [1, 2, 3]) {
    const row = page.locator(`[data-testid=inspection-shares] tr[data-outcome="${o}"]`);
    assert.equal(await content(row.locator('[data-field=london-percent]')), percent(share(api.london, o).percent));
    assert.equal(await content(row.locator('[data-field=england-areas]')), String(share(api.england, o).areas));
  }
  assert.equal(await text(page.getByTestId('london-wsoa')), String(api.london_2016.written_statements));
  const boroughs = page.locator('[data-testid=inspection-boroughs] tbody tr');
  assert.equal(await boroughs.count(), 33);
  const hackney = api.areas.find((a) => a.area_code === HACKNEY);
  const row = page.locator(`[data-testid=inspection-boroughs] tr[data-code="${HACKNEY}"]`);
  assert.equal(await text(row.locator('[data-field=started]')), hackney.started);
  assert.match(await text(row.locator('[data-field=outcome]')), new RegExp(`^Outcome ${hackney.outcome}`));
  assert.equal(await row.locator('a').getAttribute('href'), hackney.link);
  assert.equal(await page.locator('[data-testid=inspection-boroughs] a').count(), api.areas.filter((a) => a.london && a.link).length);

  const csv = parseCsv((await download(page, page.getByTestId('download-csv'))).bytes.toString('utf8'));
  assert.equal(Number(csv.find((r) => r.area === 'London' && r.outcome === '1').percent), share(api.london, 1).percent);
  assertPng(await download(page, page.getByTestId('download-png')), 'the inspections PNG');
  await screenshot(page, 'data-inspections.png');
  assertNoPageProblems(page);
  await page.context().close();
});

// --- funding, and an officer ------------------------------------------------------------------

test('(k) an officer finds SEND data in the navigation, lands on their borough, and reads its high-needs funding and London\'s DSG ranking', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'olive');
  await page.getByTestId('site-nav').getByRole('link', {name: 'SEND data'}).click();
  await page.locator('[data-testid=profile-content][data-loaded=true]').waitFor({timeout: 20_000});
  assert.equal(await text(page.getByTestId('profile-title')), 'SEND profile: Camden');

  await page.getByTestId('data-nav').getByRole('link', {name: 'High-needs funding'}).click();
  await page.getByTestId('funding-area').waitFor();
  assert.equal(await text(page.getByTestId('funding-area')), 'Camden');
  await page.locator('[data-testid=funding-ranking] [data-testid=ranking-chart][data-drawn=true]').waitFor();
  const profile = (await apiAs(page, '/api/stats/profile/Camden')).body;
  const finance = profile.figures.filter((f) => ['high-needs-block', 'dsg-balance', 'high-needs-spend-per-head',
    'high-needs-spend-per-head-independent', 'forecast-cost'].includes(f.id));
  assert.ok(finance.some((f) => f.id === 'dsg-balance'));
  assert.equal(await page.getByTestId('funding-figures').locator('canvas').count(), finance.length);
  const dsg = (await apiAs(page, '/api/stats/indicators/dsg-balance')).body;
  const ranked = page.locator('[data-testid=funding-ranking] [data-testid=ranking-table] tbody tr');
  assert.equal(await ranked.count(), dsg.values.length);
  const first = dsg.values.find((v) => v.rank === 1);
  assert.equal(await text(ranked.first().locator('[data-field=name]')), first.name);
  assert.equal(await text(ranked.first().locator('[data-field=value]')), percent(first.value));
  await screenshot(page, 'data-funding.png');
  assertNoPageProblems(page);
  await page.context().close();
});

test('(l) the statistics need a session', {skip}, async () => {
  for (const urlPath of ['/api/stats/indicators', '/api/stats/areas', '/api/stats/indicators/ehc-plans',
    `/api/stats/profile/${HACKNEY}`, '/api/stats/inspections', '/api/stats/releases']) {
    const response = await fetch(H.baseUrl + urlPath);
    assert.equal(response.status, 401, urlPath);
  }
});
