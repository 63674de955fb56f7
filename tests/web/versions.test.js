// Browser tests of a plan through the term, against the real `sendplan serve` (no mock): an
// officer locks a route (on the map and in the routes table), re-plans the rest around it, moves
// a child with a preview of the new times and saves the edit as a new version, compares two
// versions, and updates the plan with a new child; another borough's officer sees none of it.
// The plans are small (16 generated children, 1 s of search per run). Run:
// node --test tests/web/versions.test.js (CTest: web_versions). Screenshots go to
// build-web/screenshots (SENDPLAN_WEB_SCREENSHOTS).
'use strict';

const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {Harness} = require('./harness.js');
const helpers = require('./helpers.js');
const {waitFor, parseCsv, text, assertNoPageProblems} = helpers;
const screenshot = (page, name) => helpers.screenshot(H, page, name);

const skip = helpers.skipUnlessRunnable('the versions browser tests can run');

const USERS = {
  alice: {role: 'officer', borough: 'Hackney', password: 'alice-hackney-2026'},
  carol: {role: 'officer', borough: 'Camden', password: 'carol-camden-2026'},
};

let H;
let inputs;       // the generated Hackney folder
let pupilIds;     // its children's ids
let firstPlan;    // the plan everything starts from
const made = {};  // plan ids: replanned, edited, updated

const signIn = (page, username) => helpers.signIn(page, username, USERS[username].password);
const apiSession = (username) => helpers.apiSession(H.baseUrl, username, USERS[username].password);

// Waits on a plan's page until its results (or its failure) are shown; fails on a failure.
async function waitForResults(page, what) {
  await waitFor(what, async () => (await page.getByTestId('plan-results').count()) > 0 ||
    (await page.getByTestId('plan-failed').count()) > 0, 60_000, 200);
  assert.equal(await page.getByTestId('plan-failed').count(), 0, await text(page.getByTestId('plan-body')));
  await page.getByTestId('routes-table').waitFor();
}

const planIdOf = (page) => Number(/#\/plans\/(\d+)/.exec(page.url())?.[1]);

// routes.csv's rows of one route, as text lines.
function routeLines(csv, routeId) {
  return csv.split('\n').filter((line) => line.split(',')[1] === routeId);
}

before(async () => {
  if (skip) return;
  H = new Harness();
  for (const [name, u] of Object.entries(USERS)) H.addUser(name, u.role, u.password, u.borough);
  inputs = H.generate('Hackney', 16, 7);
  pupilIds = parseCsv(fs.readFileSync(path.join(inputs, 'pupils.csv'), 'utf8')).map((r) => r.pupil_id);
  await H.startServer();
  await H.launchBrowser();

  const call = await apiSession('alice');
  for (const kind of ['pupils', 'schools', 'fleet']) {
    const r = await call('PUT', `/api/boroughs/Hackney/inputs/${kind}?file_name=${kind}.csv`,
      {text: fs.readFileSync(path.join(inputs, `${kind}.csv`), 'utf8')});
    assert.equal(r.status, 201, `upload ${kind}: ${JSON.stringify(r.body)}`);
  }
  const created = await call('POST', '/api/boroughs/Hackney/plans', {json: {time_limit_seconds: 1}});
  assert.equal(created.status, 202);
  firstPlan = created.body.plan.id;
  await waitFor('the first plan', async () => {
    const r = await call('GET', `/api/plans/${firstPlan}`);
    assert.notEqual(r.body.status, 'failed', r.body.message);
    return r.body.status === 'done';
  }, 60_000, 250);
});

after(async () => {
  if (H) await H.close();
});

test('(a) an officer locks a route on the map and in the table, and re-plans the rest around it', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'alice');
  await page.goto(`/#/plans/${firstPlan}`);
  await waitForResults(page, 'the first plan');
  assert.match(await text(page.getByTestId('plan-version')), /^New plan by alice\.$/);

  // The routes table has every route of routes.csv, each with a Lock button.
  const call = await apiSession('alice');
  const routesCsv = (await call('GET', `/api/plans/${firstPlan}/files/routes.csv`)).body;
  const routeIds = [...new Set(parseCsv(routesCsv).map((r) => r.route_id))];
  assert.equal(await page.locator('[data-testid=routes-table] tbody tr').count(), routeIds.length);
  assert.equal(await page.getByTestId('replan-button').isDisabled(), true, 'nothing to re-plan around yet');

  // Lock a route from its line on the map: its popup has the button.
  const map = page.getByTestId('plan-map');
  await waitFor('the routes on the map', async () => (await map.locator('path.map-route').count()) > 0);
  // Clicked where a user would, on the line itself (the middle of its bounding box may be off it).
  await map.scrollIntoViewIfNeeded();
  // A point of the line that no stop circle or other line covers (what a user would click).
  const onLine = await map.locator('path.map-route').first().evaluate((path) => {
    const length = path.getTotalLength();
    let fallback = null;
    for (let step = 1; step < 40; ++step) {
      const point = path.getPointAtLength((length * step) / 40);
      const screen = point.matrixTransform(path.getScreenCTM());
      fallback ??= {x: screen.x, y: screen.y};
      if (document.elementFromPoint(screen.x, screen.y) === path) return {x: screen.x, y: screen.y};
    }
    return fallback;
  });
  await page.mouse.click(onLine.x, onLine.y);
  const action = page.locator('[data-testid^=map-action-]');
  await action.waitFor();
  const fromMap = /^Lock route (\S+)$/.exec(await text(action))?.[1];
  assert.ok(fromMap, `the popup offers to lock its route: ${await text(action)}`);
  await action.click();
  await page.getByTestId(`locked-${fromMap}`).waitFor();
  assert.equal((await page.getByTestId(`lock-${fromMap}`).textContent()).trim(), `Unlock route ${fromMap}`, "its accessible name");
  assert.equal(await page.locator(`[data-testid=routes-table] tr[data-route="${fromMap}"]`).getAttribute('class'), 'row--locked');

  // And another from the table.
  const fromTable = routeIds.find((id) => id !== fromMap);
  await page.getByTestId(`lock-${fromTable}`).click();
  await page.getByTestId(`locked-${fromTable}`).waitFor();
  // Unlocking and locking again from the list of locked routes.
  await page.getByTestId(`locked-${fromTable}`).getByRole('button').click();
  await waitFor('the route unlocked', async () => (await page.getByTestId(`locked-${fromTable}`).count()) === 0);
  await page.getByTestId(`lock-${fromTable}`).click();
  await page.getByTestId('change-plan').scrollIntoViewIfNeeded();
  await screenshot(page, 'versions-locked.png');

  // Re-plan: a new version with its progress, then its results.
  await page.getByTestId('replan-button').click();
  await waitFor('the new version\'s page', async () => planIdOf(page) > firstPlan);
  made.replanned = planIdOf(page);
  await waitForResults(page, 'the re-planned version');
  assert.match(await text(page.getByTestId('plan-version')),
    new RegExp(`^Re-planned around locked routes from plan ${firstPlan} by alice: locked ${fromMap}, ${fromTable}\\.$`));

  // The locked routes are exactly as they were, row for row.
  const replannedCsv = (await call('GET', `/api/plans/${made.replanned}/files/routes.csv`)).body;
  for (const id of [fromMap, fromTable]) {
    assert.ok(routeLines(routesCsv, id).length > 0);
    assert.deepEqual(routeLines(replannedCsv, id), routeLines(routesCsv, id), `route ${id} kept`);
  }
  assertNoPageProblems(page);
  await page.context().close();
});

test('(b) an officer moves a child, previews the new times and saves the edit as a new version', {skip}, async () => {
  const base = made.replanned ?? firstPlan;
  const page = await H.newPage();
  await signIn(page, 'alice');
  await page.goto(`/#/plans/${base}`);
  await waitForResults(page, 'the plan to edit');

  // The child: the first morning child offered; the route: the first other morning route.
  await page.getByTestId('move-run').selectOption('AM');
  const child = await page.getByTestId('move-child').inputValue();
  assert.ok(pupilIds.includes(child), `a Hackney child is offered (${child})`);
  const target = await page.getByTestId('move-target').inputValue();
  assert.match(target, /^AM-/);
  assert.equal(await page.getByTestId('save-edit-button').isDisabled(), true, 'nothing to save before a preview');
  await page.getByTestId('add-move').click();
  assert.match(await text(page.getByTestId('pending-changes')), new RegExp(`Move ${child} \\(Morning \\(AM\\)\\) to ${target}`));

  // Preview: the new cost, and the moved child's route and collection time, before and after.
  await page.getByTestId('preview-button').click();
  await page.getByTestId('preview-result').waitFor();
  assert.match(await text(page.getByTestId('preview-sentence')), /^The edited plan would cost (the same, )?£[\d,]+\.\d\d a day/);
  const row = page.locator(`[data-testid=preview-children] tr[data-pupil="${child}"][data-run="AM"]`);
  assert.equal(await row.count(), 1, 'the moved child is in the preview');
  assert.match(await text(row.locator('[data-field=route]')), new RegExp(`→ ${target}$`));
  assert.match(await text(row.locator('[data-field=pickup]')), /^\d\d:\d\d( → \d\d:\d\d( \([+-]\d+ min\))?)?$/);
  assert.equal(await text(row.locator('[data-field=change]')), 'Moved to another route');
  // Nothing is saved by a preview.
  const call = await apiSession('alice');
  const before = (await call('GET', '/api/boroughs/Hackney/plans')).body.length;
  await page.getByTestId('preview-result').scrollIntoViewIfNeeded();
  await screenshot(page, 'versions-preview.png');

  await page.getByTestId('save-edit-button').click();
  await waitFor('the edited version\'s page', async () => planIdOf(page) > base);
  made.edited = planIdOf(page);
  await waitForResults(page, 'the edited version');
  assert.equal((await call('GET', '/api/boroughs/Hackney/plans')).body.length, before + 1);
  assert.match(await text(page.getByTestId('plan-version')),
    new RegExp(`^Edited from plan ${base} by alice: moved 1 child \\(to ${target}\\)\\.$`));
  // What the edit changed, on the new version's page.
  const changed = page.locator(`[data-testid=changes-table] tr[data-pupil="${child}"][data-run="AM"]`);
  assert.equal(await changed.count(), 1, 'the edit lists the moved child');
  const pupils = parseCsv((await call('GET', `/api/plans/${made.edited}/files/pupils.csv`)).body);
  assert.equal(pupils.find((p) => p.pupil_id === child && p.run === 'AM').route_id, target);
  assertNoPageProblems(page);
  await page.context().close();
});

test('(c) an officer compares two versions', {skip}, async () => {
  assert.ok(made.edited, 'test (b) made an edited version');
  const page = await H.newPage();
  await signIn(page, 'alice');
  await page.goto(`/#/plans/${made.edited}`);
  await waitForResults(page, 'the edited version');

  // The versions: newest first, with who, how and what changed.
  const versions = page.getByTestId('versions-table');
  await versions.waitFor();
  const ids = await versions.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.plan)));
  assert.deepEqual(ids, [made.edited, made.replanned, firstPlan].filter(Boolean));
  const kinds = await versions.locator('tbody [data-field=kind]').allInnerTexts();
  assert.match(kinds[0], /^Edited \(from plan \d+\)$/);
  assert.match(kinds.at(-1), /^New plan$/);
  assert.deepEqual(await versions.locator('tbody [data-field=created_by]').allInnerTexts(), ids.map(() => 'alice'));
  assert.match(await text(versions.locator('tbody tr').first().locator('[data-field=cost_per_day]')), /^£[\d,]+\.\d\d$/);

  // Compared with its parent: the moved child and the routes that changed.
  const parent = made.replanned ?? firstPlan;
  await page.getByTestId(`compare-${parent}`).click();
  const result = page.getByTestId('comparison-result');
  await result.waitFor();
  const call = await apiSession('alice');
  const api = (await call('GET', `/api/plans/${parent}/compare/${made.edited}`)).body;
  assert.match(await text(result.locator('h3')), new RegExp(`^Plan ${parent} compared with plan ${made.edited}$`));
  assert.equal(await text(page.getByTestId('compare-routes-changed')), api.routes_changed.join(', ') || 'none');
  assert.ok(api.routes_changed.length >= 1);
  assert.equal(await page.locator('[data-testid=compare-children] tbody tr').count(), api.children.length);
  const moved = api.children.find((c) => c.change === 'new route');
  assert.ok(moved, 'the comparison lists the moved child');
  const row = page.locator(`[data-testid=compare-children] tr[data-pupil="${moved.pupil_id}"][data-run="${moved.run}"]`);
  assert.equal(await text(row.locator('[data-field=route]')), `${moved.before_route} → ${moved.after_route}`);
  await result.scrollIntoViewIfNeeded();
  await screenshot(page, 'versions-compare.png');

  // The transport page lists the versions too.
  await page.getByTestId('back-to-transport').click();
  const plans = page.getByTestId('plans-table');
  await plans.waitFor();
  assert.match(await text(plans.locator(`tbody tr:has([data-testid=open-plan-${made.edited}]) [data-field=kind]`)), /^Edited/);
  assertNoPageProblems(page);
  await page.context().close();
});

test('(d) an officer updates a plan with the latest inputs and sees what changed', {skip}, async () => {
  const base = made.edited ?? firstPlan;
  // A new child: a copy of the last one under a new id.
  const call = await apiSession('alice');
  const pupilsCsv = fs.readFileSync(path.join(inputs, 'pupils.csv'), 'utf8').replace(/\n*$/, '\n');
  const last = pupilsCsv.trimEnd().split('\n').pop();
  const upload = await call('PUT', '/api/boroughs/Hackney/inputs/pupils?file_name=pupils-new-child.csv',
    {text: `${pupilsCsv}P9999${last.slice(last.indexOf(','))}\n`});
  assert.equal(upload.status, 201, JSON.stringify(upload.body));

  const page = await H.newPage();
  await signIn(page, 'alice');
  await page.goto(`/#/plans/${base}`);
  await waitForResults(page, 'the plan to update');
  await page.getByTestId('max-shift').fill('10');
  await page.getByTestId('update-button').click();
  await waitFor('the updated version\'s page', async () => planIdOf(page) > base);
  made.updated = planIdOf(page);
  await waitForResults(page, 'the updated version');
  assert.match(await text(page.getByTestId('plan-version')),
    new RegExp(`^Updated with new inputs from plan ${base} by alice: 1 joined, 0 left, 0 moved; \\d+ routes? changed\\.$`));
  await page.getByTestId('plan-changes').waitFor();
  const joined = page.locator('[data-testid=changes-table] tr[data-pupil="P9999"]');
  assert.ok((await joined.count()) >= 1, 'the new child is in the changes');
  assert.equal(await text(joined.first().locator('[data-field=change]')), 'Joined');
  assert.match(await text(page.getByTestId('fig-joined')), /1$/);
  await page.getByTestId('plan-changes').scrollIntoViewIfNeeded();
  await screenshot(page, 'versions-update.png');
  assertNoPageProblems(page);
  await page.context().close();
});

test('(e) another borough\'s officer reaches none of it', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'carol');
  const call = await apiSession('carol');
  const id = made.edited ?? firstPlan;
  assert.equal((await call('GET', `/api/plans/${firstPlan}/compare/${id}`)).status, 403);
  for (const route of ['preview', 'save-edit', 'replan', 'update']) {
    const r = await call('POST', `/api/plans/${id}/${route}`, {json: {locked: ['AM-001'], moves: [{pupil_id: pupilIds[0], run: 'AM', to_route: 'AM-001'}]}});
    assert.equal(r.status, 403, `${route} answers 403 to a Camden officer`);
  }
  await page.goto(`/#/plans/${id}`);
  await waitFor('the refusal', async () => /do not have access/i.test(await text(page.locator('main'))));
  const body = await page.locator('body').innerText();
  assert.deepEqual(pupilIds.filter((p) => new RegExp(`\\b${p}\\b`).test(body)), [], 'no Hackney child on the page');
  assert.equal(await page.getByTestId('versions-table').count(), 0);
  assertNoPageProblems(page);
  await page.context().close();
});
