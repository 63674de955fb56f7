// Browser tests of the web app against the real `sendplan serve` (no mock): a borough officer's
// whole journey, the walls between boroughs and roles, the regional view's suppression, the
// administrator's audit log and accounts, the comparison with current routes, children who cannot
// be carried, and a graceful shutdown. The tests share one server and run in order (b-f make
// their own Hackney plan through the API if a has not). Run: node --test tests/web/web.test.js
// (CTest: web_browser). Screenshots go to build-web/screenshots (SENDPLAN_WEB_SCREENSHOTS).
'use strict';

const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {Harness, settings, boundariesPath, missingTools} = require('./harness.js');

// Missing Chromium, node_modules or sendplan FAIL (the first test says what to install). A
// missing shared/ folder is the one thing that skips (CTest reads the SKIP line: see
// CMakeLists.txt), as for the other tests that need it.
const MISSING_TOOLS = missingTools();
const SHARED_MISSING = !fs.existsSync(boundariesPath(settings()));
if (MISSING_TOOLS) {
  test('the browser tests can run', () => {
    throw new Error(MISSING_TOOLS);
  });
} else if (SHARED_MISSING) {
  console.log(`sendplan-web: SKIP: the shared data folder is absent (${boundariesPath(settings())}); set SENDPLAN_SHARED`);
}

const USERS = {
  alice: {role: 'officer', borough: 'Hackney', password: 'alice-hackney-2026'},
  carol: {role: 'officer', borough: 'Camden', password: 'carol-camden-2026'},
  ann: {role: 'analyst', password: 'ann-analyst-2026'},
  adam: {role: 'admin', password: 'adam-admin-2026'},
};

let H;             // the Harness
let hackney;       // {dir, pupilIds, wheelchair, rows: {pupils, schools, fleet}}
let hackneyPlanId; // a done plan of Hackney's (made by test a, or by ensureHackneyPlan)

// --- small helpers -----------------------------------------------------------------------------

function readCsv(file) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(',');
  return {header, rows: lines.slice(1).map((l) => l.split(','))};
}

async function waitFor(what, check, timeoutMs = 15_000, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

async function textOf(locator) {
  return ((await locator.count()) > 0 ? await locator.first().innerText() : '') ?? '';
}

async function waitForText(locator, pattern, what, timeoutMs = 15_000) {
  let text = '';
  try {
    await waitFor(what, async () => pattern.test(text = await textOf(locator)), timeoutMs);
  } catch (error) {
    throw new Error(`${error.message}; the text was: ${JSON.stringify(text.slice(0, 500))}`);
  }
  return text;
}

// The session cookie of the page's browser profile, as a Cookie header.
async function cookieHeader(page) {
  const cookies = await page.context().cookies();
  return cookies.filter((c) => c.name === 'sendplan_session').map((c) => `${c.name}=${c.value}`).join('; ');
}

// A request to the API with the page's session (and CSRF token when given).
async function apiAs(page, method, urlPath, {json, csrf} = {}) {
  const headers = {Cookie: await cookieHeader(page), Accept: 'application/json'};
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const response = await fetch(H.baseUrl + urlPath, {method, headers, body: json === undefined ? undefined : JSON.stringify(json)});
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  return {status: response.status, type, disposition: response.headers.get('content-disposition') ?? '', body};
}

// Plain API calls with a session of our own (outside any browser).
async function apiSession(username) {
  const login = await fetch(`${H.baseUrl}/api/login`, {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username, password: USERS[username].password})});
  assert.equal(login.status, 200, `${username} signs in through the API`);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const {csrf_token: csrf} = await login.json();
  return async (method, urlPath, {text, json} = {}) => {
    const headers = {Cookie: cookie, 'X-CSRF-Token': csrf};
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    if (text !== undefined) headers['Content-Type'] = 'text/csv';
    const response = await fetch(H.baseUrl + urlPath, {method, headers,
      body: text ?? (json === undefined ? undefined : JSON.stringify(json))});
    const type = response.headers.get('content-type') ?? '';
    return {status: response.status, body: type.includes('json') ? await response.json() : await response.text()};
  };
}

async function signIn(page, username) {
  await page.goto('/');
  await page.getByTestId('signin-form').waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(USERS[username].password);
  await page.getByTestId('signin-submit').click();
  await waitForText(page.getByTestId('current-username'), new RegExp(`^${username}$`), `${username} to be signed in`);
}

function assertNoPageProblems(page) {
  assert.deepEqual(page.problems, [], 'no script errors and no request outside the server');
}

// The ids of Hackney's generated pupils that appear in `text` (as whole words).
function hackneyIdsIn(text) {
  return hackney.pupilIds.filter((id) => new RegExp(`\\b${id}\\b`).test(text));
}

// Makes a Hackney plan through the API when test (a) did not get that far, so that the tests
// of the other roles still test what they are about.
async function ensureHackneyPlan() {
  if (hackneyPlanId) return hackneyPlanId;
  const call = await apiSession('alice');
  for (const kind of ['pupils', 'schools', 'fleet']) {
    const r = await call('PUT', `/api/boroughs/Hackney/inputs/${kind}?file_name=${kind}.csv`,
      {text: fs.readFileSync(path.join(hackney.dir, `${kind}.csv`), 'utf8')});
    assert.equal(r.status, 201, `upload ${kind}: ${JSON.stringify(r.body)}`);
  }
  const created = await call('POST', '/api/boroughs/Hackney/plans', {json: {time_limit_seconds: 1}});
  assert.equal(created.status, 202);
  const id = created.body.plan.id;
  await waitFor('the fallback plan to finish', async () => {
    const r = await call('GET', `/api/plans/${id}`);
    assert.notEqual(r.body.status, 'failed', r.body.message);
    return r.body.status === 'done';
  }, 60_000, 250);
  hackneyPlanId = id;
  return id;
}

// --- set-up ------------------------------------------------------------------------------------

before(async () => {
  if (MISSING_TOOLS || SHARED_MISSING) return;
  H = new Harness();
  for (const [name, u] of Object.entries(USERS)) H.addUser(name, u.role, u.password, u.borough);
  const dir = H.generate('Hackney', 30, 1);
  const pupils = readCsv(path.join(dir, 'pupils.csv'));
  const wheelchairColumn = pupils.header.indexOf('wheelchair');
  hackney = {
    dir,
    pupilIds: pupils.rows.map((r) => r[pupils.header.indexOf('pupil_id')]),
    wheelchair: pupils.rows.filter((r) => r[wheelchairColumn] === 'yes').length,
    rows: Object.fromEntries(['pupils', 'schools', 'fleet'].map((k) => [k, readCsv(path.join(dir, `${k}.csv`)).rows.length])),
  };
  await H.startServer();
  await H.launchBrowser();
});

after(async () => {
  if (H) await H.close();
});

const skip = MISSING_TOOLS ? 'not runnable: see the first test' : SHARED_MISSING ? 'the shared data folder is absent' : false;

// --- (a) ---------------------------------------------------------------------------------------

test('(a) an officer uploads the files, sees problems, plans, reads the results and the map, downloads and signs out', {skip}, async () => {
  const page = await H.newPage();
  await page.goto('/');
  await page.getByTestId('signin-form').waitFor();

  // A wrong password: a clear message, still on the sign-in form.
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByTestId('signin-submit').click();
  await waitForText(page.getByTestId('signin-error'), /username or password is not right/i, 'the sign-in error');
  assert.equal(await page.getByTestId('signin-form').count(), 1);

  await signIn(page, 'alice');
  assert.match(await textOf(page.getByTestId('current-user')), /alice.*officer.*Hackney/is);
  await waitForText(page.getByTestId('transport-borough'), /^Hackney$/, 'the Hackney transport page');

  // The three files: each accepted with its row count.
  for (const kind of ['pupils', 'schools', 'fleet']) {
    await page.getByTestId(`upload-${kind}`).setInputFiles(path.join(hackney.dir, `${kind}.csv`));
    const rows = hackney.rows[kind];
    await waitForText(page.getByTestId(`upload-rows-${kind}`), new RegExp(`^${rows} rows?$`), `${kind}: ${rows} rows`);
  }
  const listed = await waitForText(page.getByTestId('datasets-table'), /fleet\.csv/, 'the list of uploaded files');
  assert.match(listed, /pupils\.csv/);
  assert.match(listed, /schools\.csv/);

  // Text from files and the server is shown as text, never run as markup: a file name that is
  // HTML stays visible as typed (the page escapes it) and its script never runs.
  const markupName = '<img src=x onerror=window.__sendplanXss=1>schools.csv';
  await page.getByTestId('upload-schools').setInputFiles({name: markupName, mimeType: 'text/csv',
    buffer: fs.readFileSync(path.join(hackney.dir, 'schools.csv'))});
  await waitForText(page.getByTestId('upload-status-schools'), /Accepted: <img src=x onerror=window.__sendplanXss=1>schools\.csv/, 'the HTML file name shown as text');
  await waitForText(page.getByTestId('datasets-table'), /<img src=x onerror=window.__sendplanXss=1>schools\.csv/, 'the HTML file name listed as text');
  assert.equal(await page.locator('main img').count(), 0, 'no image element was made from the name');
  assert.equal(await page.evaluate(() => window.__sendplanXss), undefined, 'no script ran');

  // A broken pupils file: the problem's row and column on the page; nothing stored.
  const original = readCsv(path.join(hackney.dir, 'pupils.csv'));
  const brokenRow = 3;  // the third child; line 4 of the file (the header is line 1)
  const lines = fs.readFileSync(path.join(hackney.dir, 'pupils.csv'), 'utf8').split('\n');
  const cells = lines[brokenRow].split(',');
  cells[original.header.indexOf('wheelchair')] = 'maybe';
  lines[brokenRow] = cells.join(',');
  const broken = path.join(H.tmp, 'pupils-broken.csv');
  fs.writeFileSync(broken, lines.join('\n'));
  await page.getByTestId('upload-pupils').setInputFiles(broken);
  const problemsArea = page.getByTestId('upload-problems-pupils');
  await problemsArea.getByTestId('problems-table').waitFor();
  const problems = await problemsArea.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    row: tr.querySelector('[data-field=row]').textContent,
    column: tr.querySelector('[data-field=column]').textContent,
    reason: tr.querySelector('[data-field=reason]').textContent,
  })));
  assert.deepEqual(problems.map((p) => [p.row, p.column]), [[String(brokenRow + 1), 'wheelchair']],
    `one problem, at the broken line and column: ${JSON.stringify(problems)}`);
  assert.match(problems[0].reason, /maybe/);
  assert.match(await textOf(page.getByTestId('upload-status-pupils')), /not accepted.*nothing was stored/is);
  fs.mkdirSync(H.settings.screenshots, {recursive: true});
  await page.screenshot({path: path.join(H.settings.screenshots, 'transport.png'), fullPage: true});
  const datasets = await apiAs(page, 'GET', '/api/boroughs/Hackney/datasets');
  assert.equal(datasets.status, 200);
  assert.deepEqual(datasets.body.filter((d) => d.kind === 'pupils').map((d) => d.rows), [hackney.rows.pupils],
    'the broken file was not stored');

  // Plan with a 2 s limit: the progress bar moves, then the results.
  await page.getByLabel('Time limit (seconds)').fill('2');
  await page.getByTestId('plan-button').click();
  await page.waitForURL(/#\/plans\/\d+$/);
  hackneyPlanId = Number(/#\/plans\/(\d+)$/.exec(page.url())[1]);
  const seen = [];
  const progressShot = path.join(H.settings.screenshots, 'progress.png');
  fs.rmSync(progressShot, {force: true});
  await waitFor('the plan results', async () => {
    const bar = page.getByTestId('plan-progress');
    if ((await bar.count()) > 0) {
      const value = Number(await bar.getAttribute('value'));
      if (seen[seen.length - 1] !== value) seen.push(value);
      if (value > 0 && value < 100 && !fs.existsSync(progressShot)) await page.screenshot({path: progressShot});
    }
    return (await page.getByTestId('plan-results').count()) > 0 || (await page.getByTestId('plan-failed').count()) > 0;
  }, 60_000, 50);
  assert.equal(await page.getByTestId('plan-failed').count(), 0, await textOf(page.getByTestId('plan-body')));
  const moving = seen.filter((v) => v > 0 && v < 100);
  assert.ok(new Set(moving).size >= 2, `the progress bar moved through at least two values: ${JSON.stringify(seen)}`);
  assert.deepEqual([...seen].sort((x, y) => x - y), seen, `progress never went back: ${JSON.stringify(seen)}`);

  // The figures agree with the plan's summary.json.
  const plan = await apiAs(page, 'GET', `/api/plans/${hackneyPlanId}`);
  assert.equal(plan.status, 200);
  const s = plan.body.summary.summary;
  const pounds = (p) => `£${(p / 100).toLocaleString('en-GB', {minimumFractionDigits: 2, maximumFractionDigits: 2})}`;
  assert.equal(await textOf(page.getByTestId('fig-cost-day-value')), pounds(s.cost_per_day_pence));
  assert.match(await textOf(page.getByTestId('fig-cost-day-value')), /^£\d{1,3}(,\d{3})*\.\d\d$/);
  assert.equal(await textOf(page.getByTestId('fig-cost-year-value')), pounds(s.cost_per_year_pence));
  assert.equal(await textOf(page.getByTestId('fig-pupils-value')), String(hackney.rows.pupils));
  assert.equal(await textOf(page.getByTestId('fig-vehicles-value')), String(s.vehicles));
  assert.equal(await textOf(page.getByTestId('fig-unserved-value')), String(s.unserved));
  assert.equal(await textOf(page.getByTestId('fig-over-limit-value')), String(s.over_limit));
  assert.match(await textOf(page.getByTestId('fig-routes-value')), new RegExp(`^${s.routes.AM} morning, ${s.routes.PM} afternoon$`));
  // Which travel model timed the plan (issue 12): the server's zone model.
  assert.equal(await textOf(page.getByTestId('plan-travel-model')), `Travel times: ${plan.body.summary.settings.travel}.`);
  assert.match(await textOf(page.getByTestId('plan-travel-model')), /TfL speeds by central\/inner\/outer London/);
  const issues = plan.body.summary.issues;
  if (issues.length) {
    assert.equal(await page.getByTestId('issues-table').locator('tbody tr').count(), issues.length);
  } else {
    await page.getByTestId('no-issues').waitFor();
  }

  // The map: the borough's outline and one line per morning route, then per afternoon route.
  const routes = await apiAs(page, 'GET', `/api/plans/${hackneyPlanId}/files/routes.geojson`);
  const lineCount = (run) => routes.body.features.filter((f) => f.geometry.type === 'LineString' && f.properties.run === run).length;
  assert.ok(lineCount('AM') > 0 && lineCount('PM') > 0);
  const map = page.getByTestId('plan-map');
  await waitFor('the map to draw its routes', async () => (await map.locator('path.map-route').count()) === lineCount('AM'));
  assert.equal(await map.locator('path.map-boundary').count(), 1, 'the borough boundary polygon');
  assert.match(await map.locator('path.map-boundary').getAttribute('d'), /^M[\d.\- ]+L.*z/, 'a drawn, closed outline');
  assert.ok((await map.locator('path.map-pickup').count()) > 0, 'pick-up points');
  assert.ok((await map.locator('path.map-school').count()) > 0, 'school points');
  const box = await map.locator('path.map-boundary').boundingBox();
  const mapBox = await map.boundingBox();
  assert.ok(box.width > mapBox.width * 0.4 || box.height > mapBox.height * 0.4, 'the map is fitted to the borough');
  await page.getByTestId('map-run-pm').check();
  await waitFor('the afternoon routes', async () => (await map.locator('path.map-route').count()) === lineCount('PM'));
  assert.equal(await map.locator('path.map-route--am').count(), 0);
  // A stop's popup names its route and time.
  await map.locator('path.map-pickup').first().click({force: true});
  await waitForText(page.locator('.leaflet-popup-content'), /Route \S+[\s\S]*\d\d:\d\d/, 'a stop popup');
  await page.getByTestId('map-run-am').check();

  await page.screenshot({path: path.join(H.settings.screenshots, 'results.png'), fullPage: true});

  // Every download link answers 200 with its content type.
  const expectedTypes = {
    'routes.csv': /^text\/csv/,
    'routes.geojson': /^application\/(geo\+)?json/,
    'route_sheets.html': /^text\/html/,
    'pupils.csv': /^text\/csv/,
    'summary.json': /^application\/json/,
  };
  const hrefs = await page.getByTestId('downloads').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs.map((h) => h.split('/').pop()).sort(), Object.keys(expectedTypes).sort());
  for (const href of hrefs) {
    const name = href.split('/').pop();
    const r = await apiAs(page, 'GET', href);
    assert.equal(r.status, 200, `${href}`);
    assert.match(r.type, expectedTypes[name], `${name}: ${r.type}`);
    assert.ok(String(r.body).length > 0 || typeof r.body === 'object', `${name} has content`);
  }
  // A read of the pupils, for the audit log test (d).
  assert.equal((await apiAs(page, 'GET', '/api/boroughs/Hackney/pupils')).status, 200);

  // Previous plans: the plan is listed and reopens.
  await page.getByTestId('back-to-transport').click();
  await page.getByTestId(`open-plan-${hackneyPlanId}`).click();
  await page.getByTestId('plan-results').waitFor();

  // Sign out: back at the sign-in form, and the old session is refused.
  await page.getByTestId('sign-out').click();
  await page.getByTestId('signin-form').waitFor();
  assert.equal(await page.getByTestId('current-user').count(), 0);
  assert.ok((await cookieHeader(page)) === '' || (await apiAs(page, 'GET', '/api/me')).status === 401);
  assert.equal((await apiAs(page, 'GET', '/api/boroughs/Hackney/datasets')).status, 401);
  assertNoPageProblems(page);
  await page.context().close();
});

// --- (b) ---------------------------------------------------------------------------------------

test('(b) a Camden officer cannot see Hackney\'s children', {skip}, async () => {
  const planId = await ensureHackneyPlan();
  const page = await H.newPage();
  await signIn(page, 'carol');
  await waitForText(page.getByTestId('transport-borough'), /^Camden$/, 'the Camden transport page');

  for (const urlPath of ['/api/boroughs/Hackney/pupils', `/api/plans/${planId}`, `/api/plans/${planId}/files/routes.csv`,
    '/api/boroughs/Hackney/datasets', '/api/boroughs/Hackney/plans']) {
    const r = await apiAs(page, 'GET', urlPath);
    assert.equal(r.status, 403, `${urlPath} answers 403 to a Camden officer`);
    assert.equal(r.body.error, 'forbidden');
  }
  // Her own borough answers.
  assert.equal((await apiAs(page, 'GET', '/api/boroughs/Camden/datasets')).status, 200);

  // No page shows a Hackney child, even where she tries to open Hackney's plan or page.
  const pages = [
    ['#/transport', page.getByTestId('datasets'), /No files uploaded yet|pupils\.csv/],
    [`#/plans/${planId}`, page.locator('main'), new RegExp(`Plan ${planId}[\\s\\S]*do not have access`, 'i')],
    ['#/transport/Hackney', page.locator('main'), /Transport planning: Hackney[\s\S]*do not have access/i],
    ['#/region', page.getByTestId('region-table'), /Hackney/],
  ];
  for (const [hash, where, shows] of pages) {
    await page.goto(`/${hash}`);
    await waitForText(where, shows, `${hash} to show ${shows}`);
    assert.deepEqual(hackneyIdsIn(await page.locator('body').innerText()), [], `no Hackney pupil id on ${hash}`);
  }
  assert.deepEqual(hackneyIdsIn(await page.content()), [], 'nor anywhere in the page source');
  assertNoPageProblems(page);
  await page.context().close();
});

// --- (c) ---------------------------------------------------------------------------------------

test('(c) an analyst sees the region\'s figures with small counts suppressed, and no child-level data', {skip}, async () => {
  const planId = await ensureHackneyPlan();
  assert.ok(hackney.wheelchair >= 1 && hackney.wheelchair < 5, `the generated Hackney has 1 to 4 wheelchair users (${hackney.wheelchair})`);
  const page = await H.newPage();
  await signIn(page, 'ann');
  // The region view is where an analyst lands; there is no transport page for her.
  await page.getByTestId('region-table').waitFor();
  assert.equal(await page.getByTestId('site-nav').getByText('Transport planning').count(), 0);

  const row = page.locator('[data-testid=region-table] tbody tr[data-borough="Hackney"]');
  const cell = (field) => textOf(row.locator(`[data-field=${field}]`));
  assert.equal(await cell('pupils'), String(hackney.rows.pupils));
  assert.equal(await cell('wheelchair_pupils'), '<5');
  assert.match(await cell('plans'), /^[1-9]\d*$/);
  const region = await apiAs(page, 'GET', '/api/region/summary');
  assert.equal(region.status, 200);
  const hackneyRow = region.body.boroughs.find((b) => b.borough === 'Hackney');
  assert.equal(hackneyRow.wheelchair_pupils, null);
  assert.ok(hackneyRow.suppressed.includes('wheelchair_pupils'));
  assert.equal(await cell('cost_per_day'),
    `£${hackneyRow.latest_plan.cost_per_day.toLocaleString('en-GB', {minimumFractionDigits: 2, maximumFractionDigits: 2})}`);
  assert.equal(await cell('vehicles'), String(hackneyRow.latest_plan.vehicles));
  assert.match(await textOf(page.getByTestId('suppression-note')), /below 5|1 to 4/);
  assert.equal(await page.locator('[data-testid=region-table] tbody tr').count(), 33, 'every London borough');
  await page.screenshot({path: path.join(H.settings.screenshots, 'region.png'), fullPage: true});

  for (const urlPath of ['/api/boroughs/Hackney/pupils', `/api/plans/${planId}`, `/api/plans/${planId}/files/routes.geojson`,
    '/api/boroughs/Hackney/datasets', '/api/boroughs/Hackney/plans', '/api/audit', '/api/users']) {
    const r = await apiAs(page, 'GET', urlPath);
    assert.equal(r.status, 403, `${urlPath} answers 403 to an analyst`);
  }
  await page.goto(`/#/plans/${planId}`);
  await waitForText(page.locator('main'), /not available/i, 'the plan page refused');
  assert.deepEqual(hackneyIdsIn(await page.locator('body').innerText()), []);
  assertNoPageProblems(page);
  await page.context().close();
});

// --- (d) ---------------------------------------------------------------------------------------

test('(d) an administrator sees the officer\'s reads in the audit log and adds a user', {skip}, async () => {
  await ensureHackneyPlan();
  const page = await H.newPage();
  await signIn(page, 'adam');
  await page.getByTestId('site-nav').getByText('Audit log').click();
  await page.getByTestId('audit-table').waitFor();
  const entries = await page.locator('[data-testid=audit-table] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    username: tr.querySelector('[data-field=username]').textContent,
    action: tr.querySelector('[data-field=action]').textContent,
    borough: tr.querySelector('[data-field=borough]').textContent,
  })));
  const alices = entries.filter((e) => e.username === 'alice' && e.borough === 'Hackney');
  assert.ok(alices.some((e) => /pupils/.test(e.action) && /read/.test(e.action)), `alice's read of the pupils: ${JSON.stringify(alices)}`);
  assert.ok(alices.some((e) => /routes\.csv/.test(e.action)), 'alice\'s download of routes.csv');
  assert.ok(alices.some((e) => /plan/.test(e.action)), 'alice\'s read of the plan');
  await page.screenshot({path: path.join(H.settings.screenshots, 'audit.png')});
  const api = await apiAs(page, 'GET', '/api/audit?limit=100&offset=0');
  assert.equal(entries.length, api.body.length, 'the page lists the first page of the log');

  // An administrator may open any borough's transport page.
  await page.getByTestId('site-nav').getByText('Transport planning').click();
  await page.getByTestId('borough-select').selectOption('Hackney');
  await page.getByTestId('plans-table').waitFor();

  // Users: the list, and a new account that can sign in.
  await page.getByTestId('site-nav').getByText('Users').click();
  const users = await waitForText(page.getByTestId('users-table'), /carol/, 'the users table');
  for (const name of Object.keys(USERS)) assert.match(users, new RegExp(`\\b${name}\\b`));
  await page.getByLabel('Username').fill('dora');
  await page.getByLabel('Password').fill('dora-camden-2026');
  await page.getByLabel('Role').selectOption('officer');
  await page.getByLabel('Borough').selectOption('Camden');
  await page.getByTestId('add-user-submit').click();
  await waitForText(page.getByTestId('add-user-result'), /User dora added/, 'the new user');
  await waitForText(page.getByTestId('users-table'), /dora/, 'dora in the list');
  await page.screenshot({path: path.join(H.settings.screenshots, 'users.png'), fullPage: true});
  const login = await fetch(`${H.baseUrl}/api/login`, {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username: 'dora', password: 'dora-camden-2026'})});
  assert.equal(login.status, 200);
  assert.equal((await login.json()).user.borough, 'Camden');

  // Managing dora (issue 18): disable, enable, reset the password; dora must choose her own.
  page.on('dialog', (dialog) => dialog.type() === 'prompt' ? dialog.accept('dora temporary words') : dialog.accept());
  await page.getByTestId('disable-dora').click();
  await waitForText(page.getByTestId('user-status-dora'), /Disabled/, 'dora disabled');
  await waitForText(page.getByTestId('users-status'), /dora is disabled: signed out everywhere/, 'what the action did');
  const refused = await fetch(`${H.baseUrl}/api/login`, {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username: 'dora', password: 'dora-camden-2026'})});
  assert.equal(refused.status, 401, 'a disabled account cannot sign in');
  await page.getByTestId('enable-dora').click();
  await waitForText(page.getByTestId('user-status-dora'), /Active/, 'dora enabled');
  await page.getByTestId('reset-dora').click();
  await waitForText(page.getByTestId('user-status-dora'), /Must choose a new password/, 'dora reset');
  await page.screenshot({path: path.join(H.settings.screenshots, 'users-managed.png'), fullPage: true});
  const doraPage = await H.newPage();
  await doraPage.goto('/');
  await doraPage.getByTestId('signin-form').waitFor();
  await doraPage.getByTestId('signin-username').fill('Dora');
  await doraPage.getByTestId('signin-password').fill('dora temporary words');
  await doraPage.getByTestId('signin-submit').click();
  await doraPage.getByTestId('change-password-form').waitFor();
  await doraPage.getByTestId('new-own-password').fill('1234567890');
  await doraPage.getByTestId('new-own-password-again').fill('1234567890');
  await doraPage.getByTestId('change-password-submit').click();
  await waitForText(doraPage.getByTestId('change-password-error'), /run of consecutive|common/, 'a weak password refused');
  await doraPage.getByTestId('new-own-password').fill('dora chooses her own');
  await doraPage.getByTestId('new-own-password-again').fill('dora chooses her own');
  await doraPage.getByTestId('change-password-submit').click();
  await waitForText(doraPage.getByTestId('current-username'), /dora/, 'dora signed in after choosing her password');
  assertNoPageProblems(doraPage);
  await doraPage.context().close();
  assertNoPageProblems(page);
  await page.context().close();
});

// --- (e) ---------------------------------------------------------------------------------------

test('(e) an officer uploads the current routes and sees the plan compared with them', {skip}, async () => {
  const planId = await ensureHackneyPlan();
  const page = await H.newPage();
  await signIn(page, 'alice');
  // Today's routes: the earlier plan's own routes.csv, as a council would export them.
  const routesCsv = await apiAs(page, 'GET', `/api/plans/${planId}/files/routes.csv`);
  assert.equal(routesCsv.status, 200);
  const current = path.join(H.tmp, 'routes-today.csv');
  fs.writeFileSync(current, routesCsv.body);
  await page.getByTestId('upload-current').setInputFiles(current);
  await waitForText(page.getByTestId('upload-status-current'), /Accepted: routes-today\.csv/, 'the current routes accepted');

  await page.getByLabel('Time limit (seconds)').fill('1');
  await page.getByTestId('plan-button').click();
  await page.waitForURL(/#\/plans\/\d+$/);
  const id = Number(/#\/plans\/(\d+)$/.exec(page.url())[1]);
  assert.notEqual(id, planId);
  await waitFor('the compared plan', async () => (await page.getByTestId('plan-results').count()) > 0 ||
    (await page.getByTestId('plan-failed').count()) > 0, 60_000);
  assert.equal(await page.getByTestId('plan-failed').count(), 0, await textOf(page.getByTestId('plan-body')));

  const plan = (await apiAs(page, 'GET', `/api/plans/${id}`)).body;
  assert.ok(plan.summary.current && plan.summary.comparison, 'the plan has a comparison');
  const rows = await page.getByTestId('comparison-table').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  const pounds = (p) => `£${(p / 100).toLocaleString('en-GB', {minimumFractionDigits: 2, maximumFractionDigits: 2})}`;
  const costRow = rows.find((r) => r[0] === 'Cost per day');
  assert.equal(costRow[1], pounds(plan.summary.current.summary.cost_per_day_pence), 'current cost per day');
  assert.equal(costRow[2], pounds(plan.summary.summary.cost_per_day_pence), 'planned cost per day');
  assert.match(await textOf(page.getByTestId('comparison-sentence')), /^The planned routes cost (the same|£[\d,]+\.\d\d a day (less|more))/);
  await page.getByTestId('comparison').scrollIntoViewIfNeeded();
  await page.screenshot({path: path.join(H.settings.screenshots, 'comparison.png')});
  assertNoPageProblems(page);
  await page.context().close();
});

// --- (f) ---------------------------------------------------------------------------------------

test('(f) children the fleet cannot carry are listed with the reason', {skip}, async () => {
  await ensureHackneyPlan();
  assert.ok(hackney.wheelchair > 0);
  const page = await H.newPage();
  await signIn(page, 'alice');
  // A fleet with no wheelchair space anywhere: every wheelchair user is left without a vehicle.
  const fleet = readCsv(path.join(hackney.dir, 'fleet.csv'));
  const spaces = fleet.header.indexOf('wheelchair_spaces');
  const noWheelchairs = path.join(H.tmp, 'fleet-no-wheelchair-spaces.csv');
  fs.writeFileSync(noWheelchairs, [fleet.header, ...fleet.rows.map((r) => r.map((c, i) => (i === spaces ? '0' : c)))]
    .map((r) => r.join(',')).join('\n') + '\n');
  await page.getByTestId('upload-fleet').setInputFiles(noWheelchairs);
  await waitForText(page.getByTestId('upload-status-fleet'), /Accepted: fleet-no-wheelchair-spaces\.csv/, 'the new fleet accepted');
  await page.getByLabel('Time limit (seconds)').fill('1');
  await page.getByTestId('plan-button').click();
  await page.waitForURL(/#\/plans\/\d+$/);
  const id = Number(/#\/plans\/(\d+)$/.exec(page.url())[1]);
  await waitFor('the plan', async () => (await page.getByTestId('plan-results').count()) > 0 ||
    (await page.getByTestId('plan-failed').count()) > 0, 60_000);
  assert.equal(await page.getByTestId('plan-failed').count(), 0, await textOf(page.getByTestId('plan-body')));

  const issues = (await apiAs(page, 'GET', `/api/plans/${id}`)).body.summary.issues;
  assert.ok(issues.filter((i) => i.status === 'unserved').length >= 2 * hackney.wheelchair,
    'each wheelchair user is unserved morning and afternoon');
  const rows = await page.getByTestId('issues-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    pupil: tr.querySelector('[data-field=pupil_id]').textContent,
    problem: tr.querySelector('[data-field=status]').textContent,
    reason: tr.querySelector('[data-field=reason]').textContent,
  })));
  assert.equal(rows.length, issues.length);
  for (const issue of issues.filter((i) => i.status === 'unserved')) {
    const row = rows.find((r) => r.pupil === issue.pupil_id && r.reason === issue.reason);
    assert.ok(row, `${issue.pupil_id} is listed with the reason '${issue.reason}'`);
    assert.equal(row.problem, 'Not carried');
  }
  assert.ok(rows.some((r) => /wheelchair/i.test(r.reason)), 'the reason names the wheelchair');
  assert.equal(await textOf(page.getByTestId('fig-unserved-value')), String(issues.filter((i) => i.status === 'unserved').length));
  await page.getByTestId('issues').scrollIntoViewIfNeeded();
  await page.screenshot({path: path.join(H.settings.screenshots, 'issues.png')});
  assertNoPageProblems(page);
  await page.context().close();
});

// --- shutting down -----------------------------------------------------------------------------

test('(g) an officer cancels a long plan from its progress page', {skip}, async () => {
  await ensureHackneyPlan();
  const call = await apiSession('alice');
  const created = await call('POST', '/api/boroughs/Hackney/plans', {json: {time_limit_seconds: 120}});
  assert.equal(created.status, 202, JSON.stringify(created.body));
  const id = created.body.plan.id;
  const page = await H.newPage();
  await signIn(page, 'alice');
  await page.goto(`/#/plans/${id}`);
  await page.getByTestId('plan-running').waitFor();
  let asked = '';
  page.on('dialog', (dialog) => { asked = dialog.message(); dialog.accept(); });
  await page.getByTestId('plan-cancel').click();
  await page.getByTestId('plan-failed').waitFor({timeout: 30_000});
  assert.match(asked, /Cancel this plan\?/);
  assert.equal(await textOf(page.getByTestId('plan-error')), 'cancelled by alice');
  const plan = await call('GET', `/api/plans/${id}`);
  assert.equal(plan.body.status, 'failed');
  assertNoPageProblems(page);
  await page.context().close();
});

test('the server stops cleanly on SIGTERM (exit code 0)', {skip}, async () => {
  await H.browser.close();
  H.browser = null;
  const exit = await H.stopServer();
  assert.deepEqual({code: exit.code, signal: exit.signal}, {code: 0, signal: null}, H.serverLog.slice(-2000));
});
