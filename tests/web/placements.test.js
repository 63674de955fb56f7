// Browser tests of the placements register's pages against the real `sendplan serve` on a fresh
// SQLite store: the DfE provider lists imported with `sendplan placements import-providers`,
// SEN2's files with `sendplan import dfe`, and synthetic London placements from `sendplan
// placements generate` (no mock). The page is compared with the API's JSON fetched with the
// page's own session. Run: node --test tests/web/placements.test.js (CTest: web_browser).
// Screenshots go to build-web/screenshots (SENDPLAN_WEB_SCREENSHOTS).
'use strict';

const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {Harness, settings, missingTools} = require('./harness.js');
const {waitFor, csvRows, text, assertNoPageProblems} = require('./helpers.js');
const screenshot = (page, name) => require('./helpers.js').screenshot(H, page, name);

const STATS_FILES = [
  'sen2_ehcp/ehcp2025_caseload_totals_all_la.csv',
  'sen2_ehcp/ehcp2025_sen_needs_all_plans_by_placement_type_all_la.csv',
];
const dataDir = path.join(settings().shared, 'data');
const INMSS = fs.existsSync(path.join(dataDir, 'inmss'))
  ? fs.readdirSync(path.join(dataDir, 'inmss')).filter((f) => f.endsWith('.csv')).map((f) => path.join(dataDir, 'inmss', f)) : [];

const MISSING_TOOLS = missingTools();
const SHARED_MISSING = !fs.existsSync(path.join(dataDir, 'boundaries', 'london_boroughs_gla.geojson')) ||
  STATS_FILES.some((f) => !fs.existsSync(path.join(dataDir, f))) || INMSS.length === 0;
if (MISSING_TOOLS) {
  test('the placements browser tests can run', () => {
    throw new Error(MISSING_TOOLS);
  });
} else if (SHARED_MISSING) {
  console.log(`sendplan-web: SKIP: the shared data folder, its SEN2 files or its provider lists are absent (${dataDir}); set SENDPLAN_SHARED`);
}
const skip = MISSING_TOOLS ? 'not runnable: see the first test' : SHARED_MISSING ? 'the shared data folder is absent' : false;

const USERS = {
  hal: {role: 'officer', borough: 'Hackney', password: 'hal-hackney-2026'},
  cam: {role: 'officer', borough: 'Camden', password: 'cam-camden-2026'},
  ann: {role: 'analyst', password: 'ann-analyst-2026'},
  ada: {role: 'admin', password: 'ada-admin-2026'},
};

let H;

// --- small helpers -----------------------------------------------------------------------------


async function sessionHeaders(page) {
  const cookies = await page.context().cookies();
  return {Cookie: cookies.filter((c) => c.name === 'sendplan_session').map((c) => `${c.name}=${c.value}`).join('; ')};
}

// A request to the API with the page's session (and its CSRF token for a POST or PUT).
async function apiAs(page, urlPath, {method = 'GET', json, body} = {}) {
  const headers = await sessionHeaders(page);
  if (method !== 'GET') {
    const me = await (await fetch(`${H.baseUrl}/api/me`, {headers})).json();
    headers['X-CSRF-Token'] = me.csrf_token;
  }
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(H.baseUrl + urlPath, {method, headers, body: json !== undefined ? JSON.stringify(json) : body});
  const type = response.headers.get('content-type') ?? '';
  return {status: response.status, type, body: type.includes('json') ? await response.json() : await response.text()};
}

async function signIn(page, username) {
  await page.goto('/');
  await page.getByTestId('signin-form').waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(USERS[username].password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('current-username').getByText(username, {exact: true}).waitFor();
}

// The page's formats (placements_common.js): whole pounds with separators, 1-decimal figures.
const gbp = (v) => `£${Math.round(v).toLocaleString('en-GB')}`;
const oneDp = (v) => v.toLocaleString('en-GB', {minimumFractionDigits: 1, maximumFractionDigits: 1});
const signed = (v) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${oneDp(Math.abs(v))}`;

const csvLine = (cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

// --- set-up ------------------------------------------------------------------------------------

let TODAY = null;

before(async () => {
  if (MISSING_TOOLS || SHARED_MISSING) return;
  H = new Harness();
  for (const [name, u] of Object.entries(USERS)) H.addUser(name, u.role, u.password, u.borough);
  H.importStats(STATS_FILES);
  H.placements(['import-providers', ...INMSS]);
  H.placements(['generate', '--seed', '1', '--shared', H.settings.shared]);
  await H.startServer();
  await H.launchBrowser();
});

after(async () => {
  if (H) await H.close();
});

// --- a borough's placements --------------------------------------------------------------------

test('(a) a Hackney officer sees Hackney\'s placements as the API lists them, and records a fee change that shows in the history', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'hal');
  await page.getByTestId('site-nav').getByRole('link', {name: 'Placements'}).click();
  await page.getByTestId('placements-nav').getByRole('link', {name: 'Placements'}).click();
  await page.getByTestId('placements-table').waitFor();
  assert.equal(await text(page.getByTestId('placements-title')), 'Placements of Hackney');
  const meta = (await apiAs(page, '/api/placements/meta')).body;
  TODAY = meta.today;
  const api = (await apiAs(page, `/api/boroughs/Hackney/placements?date=${TODAY}`)).body;
  assert.ok(api.placements.length > 0, 'Hackney has synthetic placements');
  const rows = page.locator('[data-testid=placement-row]');
  assert.equal(await rows.count(), api.placements.length, 'a row per placement');
  assert.equal(await text(page.getByTestId('placements-count')), api.placements.length.toLocaleString('en-GB'));
  assert.deepEqual(await rows.locator('[data-field=child_ref]').allInnerTexts(), api.placements.map((p) => p.child_ref));
  assert.equal(await text(page.getByTestId('placements-active')), String(api.placements.filter((p) => p.active).length));
  const cost = api.placements.filter((p) => p.active).reduce((s, p) => s + (p.annual_cost ?? 0), 0);
  assert.equal(await text(page.getByTestId('placements-cost')), gbp(cost));
  const first = api.placements.find((p) => p.active && p.fee_total !== null);
  const row = page.locator(`[data-testid=placement-row][data-id="${first.id}"]`);
  assert.equal(await text(row.locator('[data-field=fee_total]')), gbp(first.fee_total));
  assert.equal(await text(row.locator('[data-field=annual_cost]')), gbp(first.annual_cost));
  await screenshot(page, 'placements-register.png');

  // The fee history, then a fee change from today.
  await row.getByTestId('fee-toggle').click();
  const detail = page.locator(`[data-testid=fee-detail][data-id="${first.id}"]`);
  await detail.getByTestId('fee-history').waitFor();
  assert.equal(await detail.locator('[data-testid=fee-history] tbody tr').count(), first.fees.length);
  const newEducation = first.fees.at(-1).education + 1234;
  await detail.getByTestId('fee-from').fill(TODAY);
  await detail.getByTestId('fee-education').fill(String(newEducation));
  await detail.getByTestId('fee-submit').click();
  await waitFor('the new fee period in the history', async () =>
    (await page.locator(`[data-testid=fee-detail][data-id="${first.id}"] [data-testid=fee-history] tbody tr`).count()) === first.fees.length + 1);
  const after = (await apiAs(page, `/api/boroughs/Hackney/placements?date=${TODAY}`)).body.placements.find((p) => p.id === first.id);
  assert.equal(after.fees.length, first.fees.length + 1, 'the server kept the old periods and added one');
  assert.equal(after.fees.at(-1).from, TODAY);
  assert.equal(after.fees.at(-1).education, newEducation);
  const lastRow = page.locator(`[data-testid=fee-detail][data-id="${first.id}"] [data-testid=fee-history] tbody tr`).last();
  assert.equal(await text(lastRow.locator('[data-field=from]')), TODAY);
  assert.equal(await text(lastRow.locator('[data-field=education]')), gbp(newEducation));
  assert.equal(await text(page.locator(`[data-testid=placement-row][data-id="${first.id}"] [data-field=fee_total]`)), gbp(after.fee_total));
  await screenshot(page, 'placements-fee-history.png');

  // A fee the server refuses (over its limit) is shown with the server's reason; nothing changes.
  const detailNow = page.locator(`[data-testid=fee-detail][data-id="${first.id}"]`);
  await detailNow.getByTestId('fee-care').fill('20000000');
  await detailNow.getByTestId('fee-submit').click();
  await detailNow.locator('[data-testid=fee-status] .message--error').waitFor();
  assert.match(await text(detailNow.getByTestId('fee-status')), /care/);
  // (Chromium logs the expected 400 as a console error; the harness lets only 40[1349] and 422 pass.)
  page.problems = page.problems.filter((p) => !/status of 400/.test(p));
  const still = (await apiAs(page, `/api/boroughs/Hackney/placements?date=${TODAY}`)).body.placements.find((p) => p.id === first.id);
  assert.equal(still.fees.length, after.fees.length);
  assertNoPageProblems(page);
  await page.context().close();
});

test('(b) a broken placements CSV is refused with its problem rows and nothing is stored; a good one is added', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'hal');
  await page.goto('/#/placements/register');
  await page.getByTestId('placements-table').waitFor();
  const before = (await apiAs(page, `/api/boroughs/Hackney/placements?date=${TODAY}`)).body.placements;
  const exported = await apiAs(page, '/api/boroughs/Hackney/placements.csv');
  assert.equal(exported.status, 200);
  assert.match(exported.type, /text\/csv/);
  const [header, sample] = csvRows(exported.body);
  const col = (name) => header.indexOf(name);
  assert.ok(col('child_ref') >= 0 && col('age') >= 0 && col('placement_id') >= 0, `the columns: ${header}`);
  const good = [...sample];
  good[col('placement_id')] = '';
  good[col('child_ref')] = 'HK-WEB-0001';
  if (col('end_date') >= 0) good[col('end_date')] = '';
  const bad = [...good];
  bad[col('child_ref')] = 'HK-WEB-0002';
  bad[col('age')] = 'twelve';
  const brokenFile = path.join(H.tmp, 'hackney-broken.csv');
  fs.writeFileSync(brokenFile, `${csvLine(header)}\n${csvLine(good)}\n${csvLine(bad)}\n`);
  await page.getByTestId('placements-upload').setInputFiles(brokenFile);
  const problems = page.getByTestId('problems-table');
  await problems.waitFor();
  const problemRows = await problems.locator('tbody [data-field=row]').allInnerTexts();
  assert.ok(problemRows.includes('3'), `the bad row (3) is named: ${problemRows}`);
  assert.ok(!problemRows.includes('2'), 'the good row has no problem');
  assert.match(await text(problems.locator('tbody tr').first().locator('[data-field=reason]')), /age/);
  assert.match(await text(problems.locator('tbody tr').first().locator('[data-field=reason]')), /twelve/);
  assert.match(await text(page.getByTestId('placements-upload-status')), /Nothing was stored/);
  const afterBroken = (await apiAs(page, `/api/boroughs/Hackney/placements?date=${TODAY}`)).body.placements;
  assert.equal(afterBroken.length, before.length, 'nothing stored: not even the good row');
  assert.ok(!afterBroken.some((p) => p.child_ref === 'HK-WEB-0001'));
  await screenshot(page, 'placements-upload-problems.png');

  const goodFile = path.join(H.tmp, 'hackney-good.csv');
  fs.writeFileSync(goodFile, `${csvLine(header)}\n${csvLine(good)}\n`);
  await page.getByTestId('placements-upload').setInputFiles(goodFile);
  await page.getByTestId('placements-added').waitFor();
  assert.equal(await text(page.getByTestId('placements-added')), '1 placement');
  await waitFor('the new placement in the table', async () =>
    (await page.locator('[data-testid=placement-row]').count()) === before.length + 1);
  assert.equal(await page.locator('[data-testid=placement-row][data-child-ref="HK-WEB-0001"]').count(), 1);
  assertNoPageProblems(page);
  await page.context().close();
});

test('(c) a Camden officer gets 403 for Hackney\'s placements, and no Hackney child reference appears on any of her pages', {skip}, async () => {
  const hal = await H.newPage();
  await signIn(hal, 'hal');
  const hackneyRefs = (await apiAs(hal, '/api/boroughs/Hackney/placements')).body.placements.map((p) => p.child_ref);
  await hal.context().close();
  assert.ok(hackneyRefs.length > 0);

  const page = await H.newPage();
  await signIn(page, 'cam');
  const forbidden = await apiAs(page, '/api/boroughs/Hackney/placements');
  assert.equal(forbidden.status, 403);
  assert.equal((await apiAs(page, '/api/boroughs/Hackney/placements.csv')).status, 403);
  const camdenRefs = (await apiAs(page, '/api/boroughs/Camden/placements')).body.placements.map((p) => p.child_ref);
  const shared = camdenRefs.filter((r) => hackneyRefs.includes(r));
  assert.deepEqual(shared, [], 'the two boroughs\' references differ, so the check below means something');

  // Asking for Hackney's page shows her own borough.
  await page.goto('/#/placements/register/Hackney');
  await page.getByTestId('placements-title').waitFor();
  assert.equal(await text(page.getByTestId('placements-title')), 'Placements of Camden');
  // The title shows before the placements arrive: wait for the rows, then compare.
  await waitFor('Camden\'s placements in the table', async () =>
    (await page.locator('[data-testid=placement-row]').count()) === camdenRefs.length);
  const seen = [];
  seen.push(await text(page.locator('main')));

  await page.goto('/#/placements/analysis');
  await page.locator('[data-testid=analysis-content][data-loaded]').waitFor({timeout: 30_000});
  seen.push(await page.locator('main').textContent());
  const analysis = (await apiAs(page, '/api/placements/analysis')).body;
  assert.equal(analysis.most_expensive_scope, 'own borough');
  assert.ok(analysis.most_expensive.every((r) => r.borough === 'Camden'), 'the API gives her Camden\'s only');
  assert.equal(await page.locator('[data-testid=expensive-table] tbody tr').count(), analysis.most_expensive.length);
  await screenshot(page, 'placements-analysis-officer.png');
  for (const route of ['providers', 'gaps', 'match']) {
    await page.goto(`/#/placements/${route}`);
    await page.getByTestId(`placements-${route}`).locator('h1').waitFor();
    seen.push(await page.locator('main').textContent());
  }
  const all = seen.join('\n');
  const leaked = hackneyRefs.filter((r) => new RegExp(`\\b${r.replace(/[-]/g, '\\-')}\\b`).test(all));
  assert.deepEqual(leaked, [], 'no Hackney child reference on Camden\'s pages');
  assertNoPageProblems(page);
  await page.context().close();
});

// --- the analysis ------------------------------------------------------------------------------

test('(d) an analyst sees the analysis with suppressed cells where the API has nulls, and no most-expensive rows', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'ann');
  await page.getByTestId('site-nav').getByRole('link', {name: 'Placements'}).click();
  await page.getByTestId('placements-nav').waitFor();
  assert.deepEqual(await page.getByTestId('placements-nav').locator('a').allInnerTexts(),
    ['Providers', 'Analysis', 'Gaps in provision', 'Matching'], 'no borough placements page for an analyst');
  assert.equal((await apiAs(page, '/api/boroughs/Hackney/placements')).status, 403);
  await page.goto('/#/placements/register/Hackney');
  await page.getByTestId('placements-providers').waitFor();

  await page.goto('/#/placements/analysis');
  const content = page.locator('[data-testid=analysis-content][data-loaded]');
  await content.waitFor({timeout: 30_000});
  const api = (await apiAs(page, `/api/placements/analysis?date=${await content.getAttribute('data-loaded')}`)).body;
  assert.equal(api.most_expensive.length, 0, 'the API gives an analyst no child-level rows');
  assert.equal(await page.locator('[data-testid=expensive-table]').count(), 0);
  assert.match(await text(page.getByTestId('expensive-scope')), new RegExp(api.most_expensive_scope.replace(/[()]/g, '\\$&')));

  // Fee benchmarks: every need, the suppressed rows exactly where the API has nulls.
  const T = api.fee_by_need;
  let nulls = 0;
  const options = ['total', ...T.columns.map((_, i) => String(i))];
  for (const option of options) {
    await page.getByTestId('fee-need').selectOption(option);
    const pick = (r) => (option === 'total' ? r.total : r.cells[Number(option)]);
    const expected = [...T.rows.map((r) => [r.borough, pick(r)]), ['London', pick(T.london)]];
    const rows = page.locator('[data-testid=fee-by-need-table] tbody tr');
    assert.equal(await rows.count(), expected.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [tr.dataset.area, tr.dataset.suppressed,
      tr.querySelector('[data-field=median]')?.textContent ?? tr.querySelector('[data-field=suppressed]')?.textContent]));
    expected.forEach(([area, cell], i) => {
      assert.equal(shown[i][0], area);
      assert.equal(shown[i][1], cell === null ? 'true' : 'false', `${option}/${area}: suppressed as the API says`);
      if (cell === null) {
        nulls++;
        assert.equal(shown[i][2], '<5 suppressed');
      } else if (cell.count) assert.equal(shown[i][2], gbp(cell.median), `${option}/${area}: the median`);
    });
  }
  assert.ok(nulls > 0, 'the synthetic data has some suppressed fee cells (else this test checks nothing)');
  assert.match(await text(page.getByTestId('section-fees')), /stand for 1 to 4 children|<5 suppressed/);

  // Spend and shares: suppressed cells where the API has nulls.
  const spendNulls = [...api.spend_by_type.rows, api.spend_by_type.london].flatMap((r) => [...r.cells, r.total]).filter((c) => c === null).length;
  assert.equal(await page.locator('[data-testid=spend-table] td[data-suppressed=true]').count(), spendNulls);
  const shareNulls = [...api.shares, api.london_shares].flatMap((s) => [s.known, s.out_of_borough, s.out_of_london]).filter((v) => v === null).length;
  assert.equal(await page.locator('[data-testid=shares-table] td[data-suppressed=true]').count(), shareNulls);
  const ls = api.london_shares;
  if (ls.out_of_borough !== null) assert.equal(await text(page.getByTestId('london-out-of-borough')), `${oneDp(ls.out_of_borough * 100)}%`);
  await page.locator('[data-testid=spend-chart][data-drawn=true]').waitFor();
  await page.locator('[data-testid=shares-chart][data-drawn=true]').waitFor();
  const bars = await page.evaluate(() => window.Chart.getChart(document.querySelector('[data-testid=spend-chart] canvas')).data.datasets[0].data);
  assert.deepEqual(bars, api.spend_by_type.london.cells.map((c) => (c === null ? null : c.total)));

  // Downloads: a CSV with the suppressed marker, and PNGs.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('fee-by-need').getByTestId('download-csv').click()]);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  assert.match(csvText, /^need,area,placements,lower_quartile,median,upper_quartile/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('spend-chart').getByTestId('download-png').click()]);
  assert.ok(fs.readFileSync(await png.path()).subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])), 'a PNG');
  const [tpng] = await Promise.all([page.waitForEvent('download'), page.getByTestId('fee-by-need').getByTestId('download-png').click()]);
  assert.ok(fs.readFileSync(await tpng.path()).subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])), 'a PNG of the table');
  await screenshot(page, 'placements-analysis-analyst.png');
  assertNoPageProblems(page);
  await page.context().close();
});

// --- providers ---------------------------------------------------------------------------------

test('(e) the providers page counts what the API lists, filters, and an officer adds and edits a provider', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'hal');
  await page.goto('/#/placements/providers');
  await page.getByTestId('providers-table').waitFor();
  const meta = (await apiAs(page, '/api/placements/meta')).body;
  const {providers} = (await apiAs(page, '/api/providers')).body;
  const n = (v) => v.toLocaleString('en-GB');
  assert.equal(await text(page.getByTestId('providers-total')), n(providers.length));
  assert.equal(await text(page.getByTestId('providers-shown')), n(providers.length));
  assert.equal(await page.locator('[data-testid=providers-table] tbody tr').count(), providers.length);

  const london = new Set(meta.boroughs.map((b) => b.la_number));
  await page.getByTestId('filter-london').check();
  await page.getByTestId('filter-need').selectOption('asd');
  await page.getByTestId('filter-vacancies').check();
  const expected = providers.filter((p) => london.has(p.la_number) && p.needs.includes('asd') && p.vacancies > 0);
  assert.equal(await text(page.getByTestId('providers-shown')), n(expected.length));
  assert.equal(await page.locator('[data-testid=providers-table] tbody tr').count(), expected.length);
  await page.getByTestId('filter-london').uncheck();
  await page.getByTestId('filter-vacancies').uncheck();
  await page.getByTestId('filter-need').selectOption('');
  const type = meta.provider_types[0].code;
  await page.getByTestId('filter-type').selectOption(type);
  assert.equal(await text(page.getByTestId('providers-shown')), n(providers.filter((p) => p.type === type).length));
  await page.getByTestId('filter-type').selectOption('');
  await screenshot(page, 'placements-providers.png');

  // The register CSV.
  const csv = await apiAs(page, await page.getByTestId('providers-csv').getAttribute('href'));
  assert.equal(csv.status, 200);
  assert.equal(csvRows(csv.body).length - 1, providers.length, 'a CSV row per provider');

  // Add: first without a name (the server's problem next to the field), then properly.
  await page.getByTestId('provider-add').click();
  const form = page.getByTestId('provider-form');
  await form.waitFor();
  await form.getByLabel('Postcode').fill('E8 1DY');
  await form.getByTestId('provider-save').click();
  await waitFor('the name\'s problem', async () => (await text(form.getByTestId('new-provider-name-error'))) !== '');
  assert.equal((await apiAs(page, '/api/providers')).body.providers.length, providers.length, 'nothing added');
  await screenshot(page, 'placements-provider-problems.png');
  await form.getByLabel('Name', {exact: true}).fill('Web Test Academy');
  await form.getByLabel('Local authority').fill('Hackney');
  await form.getByLabel('LA number').fill('204');
  await form.getByLabel('Latitude').fill('51.545');
  await form.getByLabel('Longitude').fill('-0.055');
  await form.getByLabel('Youngest age').fill('5');
  await form.getByLabel('Oldest age').fill('16');
  await form.getByTestId('new-provider-need-asd').check();
  await form.getByTestId('new-provider-need-slcn').check();
  await form.getByLabel('Capacity (places)').fill('40');
  await form.getByLabel('Vacancies').fill('3');
  await form.getByLabel('Ofsted grade').selectOption('2');
  await form.getByTestId('provider-save').click();
  await waitFor('the new provider in the table', async () => (await text(page.getByTestId('providers-total'))) === n(providers.length + 1));
  const added = (await apiAs(page, '/api/providers')).body.providers.find((p) => p.name === 'Web Test Academy');
  assert.ok(added, 'the API has it');
  assert.deepEqual([...added.needs].sort(), ['asd', 'slcn']);
  assert.equal(added.capacity, 40);
  assert.equal(added.vacancies, 3);
  assert.equal(added.ofsted_grade, 2);
  assert.equal(added.la_number, '204');
  await page.getByTestId('filter-name').fill('Web Test Academy');
  assert.equal(await page.locator('[data-testid=providers-table] tbody tr').count(), 1);

  // Edit it: more vacancies.
  await page.locator(`[data-testid=providers-table] tr[data-id="${added.id}"]`).getByTestId('provider-edit').click();
  await page.getByTestId('provider-form').getByLabel('Vacancies').fill('7');
  await page.getByTestId('provider-form').getByTestId('provider-save').click();
  await waitFor('the edit in the table', async () =>
    (await text(page.locator(`[data-testid=providers-table] tr[data-id="${added.id}"] [data-field=vacancies]`))) === '7');
  assert.equal((await apiAs(page, '/api/providers')).body.providers.find((p) => p.id === added.id).vacancies, 7);

  // Importing the register's own CSV adds nothing.
  const registerFile = path.join(H.tmp, 'providers.csv');
  fs.writeFileSync(registerFile, (await apiAs(page, '/api/providers.csv')).body);
  await page.getByTestId('provider-import').setInputFiles(registerFile);
  await page.getByTestId('import-added').waitFor();
  assert.equal(await text(page.getByTestId('import-added')), '0 providers');
  assert.equal((await apiAs(page, '/api/providers')).body.providers.length, providers.length + 1);
  await screenshot(page, 'placements-provider-added.png');
  assertNoPageProblems(page);
  await page.context().close();
});

test('(f) an analyst may not add a provider: no form, and the API says 403', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'ann');
  await page.goto('/#/placements/providers');
  await page.getByTestId('providers-table').waitFor();
  assert.equal(await page.getByTestId('provider-add').count(), 0);
  assert.equal(await page.getByTestId('provider-edit').count(), 0);
  assert.equal(await page.getByTestId('provider-import').count(), 0);
  const answer = await apiAs(page, '/api/providers', {method: 'POST', json: {name: 'Nope', type: 'independent-special'}});
  assert.equal(answer.status, 403);
  assertNoPageProblems(page);
  await page.context().close();
});

// --- matching ----------------------------------------------------------------------------------

test('(g) the matching tool ranks providers in the API\'s order with the explanations between them', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'ann');
  await page.goto('/#/placements/match');
  await page.getByTestId('match-form').waitFor();
  await page.getByTestId('match-need').selectOption('asd');
  await page.getByTestId('match-age').fill('11');
  await page.getByTestId('match-borough').selectOption('Hackney');
  await waitFor('the borough\'s centre', async () => (await page.getByTestId('match-latitude').inputValue()) !== '');
  await page.getByTestId('match-boarding').selectOption('either');
  await page.getByTestId('match-max-minutes').fill('90');
  await page.getByTestId('match-submit').click();
  await page.locator('[data-testid=match-results][data-loaded]').waitFor({timeout: 30_000});
  const request = {need: 'asd', age: 11, latitude: Number(await page.getByTestId('match-latitude').inputValue()),
    longitude: Number(await page.getByTestId('match-longitude').inputValue()), boarding: 'either', wheelchair: false,
    assistant: false, travel_alone: false, max_minutes: 90};
  assert.ok(Math.abs(request.latitude - 51.55) < 0.05 && Math.abs(request.longitude + 0.06) < 0.06, `Hackney's centre: ${request.latitude}, ${request.longitude}`);
  const api = (await apiAs(page, '/api/placements/match', {method: 'POST', json: request})).body;
  assert.ok(api.eligible.length >= 2, `at least two eligible providers (${api.eligible.length})`);
  const rows = page.locator('[data-testid=match-row]');
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.providerId))), api.eligible.map((m) => m.provider_id),
    'the same providers in the same order');
  assert.equal(await text(rows.first().locator('[data-field=total]')), gbp(api.eligible[0].total_annual_cost));
  assert.equal(await text(rows.first().locator('[data-field=rank]')), '1');
  const explanations = await page.locator('[data-testid=match-explanation]').allInnerTexts();
  assert.equal(explanations.length, api.eligible.length - 1);
  explanations.forEach((e, i) => assert.ok(e.includes(api.explanations[i]), `explanation ${i + 1}: ${e}`));
  assert.match(await text(page.getByTestId('match-not-recorded').locator('h2')), new RegExp(`^Not recorded: ${api.not_recorded.length}`));
  assert.equal(await page.locator('[data-testid=match-not-eligible-table] tbody tr').count(), api.not_eligible.length);
  if (api.not_eligible.length) {
    const reasons = await page.locator('[data-testid=match-not-eligible-table] tbody tr').first().locator('li').allTextContents();
    assert.deepEqual(reasons, api.not_eligible[0].reasons);
  }
  await screenshot(page, 'placements-match.png');
  assertNoPageProblems(page);
  await page.context().close();
});

// --- gaps --------------------------------------------------------------------------------------

test('(h) gaps: the sub-region × need table and the need\'s figures equal the API; the map shades the boroughs', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'ann');
  await page.goto('/#/placements/gaps');
  const content = page.locator('[data-testid=gaps-content][data-loaded]');
  await content.waitFor({timeout: 30_000});
  const api = (await apiAs(page, `/api/placements/gaps?date=${await content.getAttribute('data-loaded')}`)).body;
  assert.equal(await text(page.getByTestId('gaps-method-text')), api.method);
  const matrix = page.getByTestId('gaps-matrix');
  assert.equal(await matrix.locator('tbody tr').count(), api.sub_regions.length + 1);
  for (const area of api.sub_regions) {
    const shown = await matrix.locator(`tbody tr[data-area="${area}"] td`).allInnerTexts();
    const expected = api.needs.map((need) => signed(api.cells.find((c) => c.area === area && c.need === need).gap));
    assert.deepEqual(shown, expected, area);
  }
  const londonShown = await matrix.locator('tbody tr[data-area="London"] td').allInnerTexts();
  assert.deepEqual(londonShown, api.needs.map((need) => signed(api.london.find((c) => c.need === need).gap)));
  const shortfalls = api.cells.filter((c) => c.gap > 0).length + api.london.filter((c) => c.gap > 0).length;
  assert.equal(await matrix.locator('td.gap--shortfall').count(), shortfalls, 'shortfalls highlighted');

  const need = api.needs[0];
  const table = page.getByTestId('gaps-need-table');
  for (const area of api.sub_regions) {
    const c = api.cells.find((x) => x.area === area && x.need === need);
    const row = table.locator(`tbody tr[data-area="${area}"]`);
    assert.equal(await text(row.locator('[data-field=demand]')), c.demand.toLocaleString('en-GB'));
    assert.equal(await text(row.locator('[data-field=capacity]')), oneDp(c.capacity));
    assert.equal(await text(row.locator('[data-field=commissioned]')), c.commissioned === null ? '<5 suppressed' : c.commissioned.toLocaleString('en-GB'));
  }
  assert.equal(await page.locator('[data-testid=gaps-borough-table] tbody tr').count(), api.boroughs.filter((c) => c.need === need).length);
  await page.locator('[data-testid=gaps-chart][data-drawn=true]').waitFor();
  await page.locator('[data-testid=gaps-map][data-drawn=true]').waitFor({timeout: 30_000});
  assert.equal(await page.locator('[data-testid=gaps-map] path.gap-area').count(), 33, 'a shape per borough');
  const fills = new Set(await page.locator('[data-testid=gaps-map] path.gap-area').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill'))));
  assert.ok(fills.size >= 2, `boroughs shaded by their sub-region's gap: ${[...fills]}`);
  // Regression (security review): the tooltip was an HTML string; it is now a node of text only.
  await page.locator('[data-testid=gaps-map] path.gap-area[data-borough="Camden"]').hover({force: true});
  const tooltip = page.locator('[data-testid=gaps-map] .leaflet-tooltip');
  await tooltip.waitFor();
  const shown = await tooltip.evaluate((t) => ({text: t.textContent, elements: t.querySelectorAll('*').length}));
  assert.equal(shown.elements, 1, 'one span, no markup inside');
  assert.match(shown.text, /^Camden \(.+\): (gap \S+ places|no figure)$/);
  await screenshot(page, 'placements-gaps.png');

  await page.getByTestId('gaps-need').selectOption(api.needs[2]);
  await page.locator(`[data-testid=gaps-map][data-need="${api.needs[2]}"][data-drawn=true]`).waitFor({timeout: 30_000});
  assert.match(await text(page.getByTestId('gaps-need-card').locator('h3')), /by sub-region/);
  assertNoPageProblems(page);
  await page.context().close();
});

test('(i) an administrator chooses a borough and sees its placements', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'ada');
  await page.goto('/#/placements/register');
  await page.getByTestId('placements-borough').selectOption('Hackney');
  await page.getByTestId('placements-table').waitFor();
  const api = (await apiAs(page, '/api/boroughs/Hackney/placements')).body;
  assert.equal(await page.locator('[data-testid=placement-row]').count(), api.placements.length);
  const analysis = (await apiAs(page, '/api/placements/analysis')).body;
  assert.equal(analysis.most_expensive_scope, 'London');
  assertNoPageProblems(page);
  await page.context().close();
});
