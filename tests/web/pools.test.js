// Browser tests of pooling boroughs, against the real `sendplan serve` (no mock): an
// administrator starts a pool of two boroughs from their uploaded files, follows its progress,
// then reads the saving, each borough's share and the pooled routes on the map in two borough
// colours; Hackney's officer sees Hackney's share and explanation and Hackney's children only —
// no Islington child's id reaches the page, not even from the vehicles both boroughs' children
// ride. Hackney and Islington are generated together (16 children each, some at the other's
// schools); the first plans search for the smallest time an administrator may choose (10 s a
// run). Run:
// node --test tests/web/pools.test.js (CTest: web_pools). Screenshots go to
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

const skip = helpers.skipUnlessRunnable('the pools browser tests can run');

const USERS = {
  root: {role: 'admin', password: 'root-admin-2026'},
  alice: {role: 'officer', borough: 'Hackney', password: 'alice-hackney-2026'},
  ian: {role: 'officer', borough: 'Islington', password: 'ian-islington-2026'},
};
const OFFICERS = {Hackney: 'alice', Islington: 'ian'};

let H;
let poolId;                  // the pool the administrator starts in (a)
const pupilIds = {};         // borough -> its children's ids

const signIn = (page, username) => helpers.signIn(page, username, USERS[username].password);
const apiSession = (username) => helpers.apiSession(H.baseUrl, username, USERS[username].password);

// The fill colours of the children's stops drawn on the map.
async function stopColours(page) {
  return page.locator('[data-testid=pool-map] path.map-pickup').evaluateAll(
    (paths) => [...new Set(paths.map((p) => p.getAttribute('fill')))]);
}

before(async () => {
  if (skip) return;
  H = new Harness();
  for (const [name, u] of Object.entries(USERS)) H.addUser(name, u.role, u.password, u.borough);
  await H.startServer();
  await H.launchBrowser();
  const folders = H.generateRegion(Object.keys(OFFICERS), 16, 1);
  for (const [borough, officer] of Object.entries(OFFICERS)) {
    const inputs = folders[borough];
    pupilIds[borough] = parseCsv(fs.readFileSync(path.join(inputs, 'pupils.csv'), 'utf8')).map((r) => r.pupil_id);
    const call = await apiSession(officer);
    for (const kind of ['pupils', 'schools', 'fleet']) {
      const r = await call('PUT', `/api/boroughs/${borough}/inputs/${kind}?file_name=${kind}.csv`,
        {text: fs.readFileSync(path.join(inputs, `${kind}.csv`), 'utf8')});
      assert.equal(r.status, 201, `upload ${borough} ${kind}: ${JSON.stringify(r.body)}`);
    }
  }
});

after(async () => {
  if (H) await H.close();
});

test('(a) an administrator pools two boroughs, follows the progress, and reads the shares and the map', {skip}, async () => {
  const page = await H.newPage();
  await signIn(page, 'root');
  await page.getByTestId('site-nav').getByRole('link', {name: 'Transport planning'}).click();
  await page.getByTestId('tab-pools').click();
  await page.getByTestId('pool-start-button').waitFor();
  // Only the boroughs with their three files are offered.
  assert.equal(await page.locator('[data-testid=pool-boroughs] input[type=checkbox]').count(), 2);

  // Too few boroughs: said on the page, nothing started.
  await page.getByTestId('pool-borough-hackney').check();
  await page.getByTestId('pool-start-button').click();
  assert.match(await text(page.getByTestId('pool-error')), /Choose 2 to 8 boroughs/);

  await page.getByTestId('pool-borough-islington').check();
  await page.getByTestId('pool-time-limit').fill('10');
  await page.getByTestId('pool-start-button').click();
  await waitFor('the pool page', async () => /#\/pools\/\d+$/.test(page.url()));
  poolId = Number(/#\/pools\/(\d+)/.exec(page.url())[1]);
  // The boroughs in the order the page lists them (alphabetical).
  assert.equal(await text(page.getByTestId('pool-boroughs-heading')), 'Hackney, Islington');

  // The progress while it runs: a bar and a message that moves on.
  await page.getByTestId('pool-running').waitFor();
  const messages = new Set();
  await waitFor('the pool to finish', async () => {
    const message = await text(page.getByTestId('pool-message'));
    if (message) messages.add(message);
    return (await page.getByTestId('pool-results').count()) > 0 || (await page.getByTestId('pool-failed').count()) > 0;
  }, 240_000, 250);
  assert.equal(await page.getByTestId('pool-failed').count(), 0, await text(page.getByTestId('pool-body')));
  assert.ok([...messages].some((m) => /Planning (Hackney|Islington) on its own/.test(m)), [...messages].join(' | '));

  // The headline and the shares: one row per borough and a total.
  assert.match(await text(page.getByTestId('pool-saving-sentence')), /^Pooling saves|saves nothing/);
  const rows = page.locator('[data-testid=shares-table] tbody tr');
  assert.equal(await rows.count(), 3);
  assert.match(await text(rows.nth(0)), /^Hackney/);
  assert.match(await text(rows.nth(1)), /^Islington/);
  assert.match(await text(rows.nth(2)), /^All boroughs/);
  assert.match(await text(rows.nth(0).locator('[data-field=explanation]')), /Hackney brings 16 children/);
  assert.match(await text(page.getByTestId('core-check-text')), /The shares are (stable|not stable)/);

  // The map: both boroughs' children, in two colours, with a legend of both.
  const map = page.getByTestId('pool-map');
  await waitFor('the pooled routes on the map', async () => (await map.locator('path.map-route').count()) > 0);
  assert.equal((await stopColours(page)).length, 2, 'each borough’s children in its own colour');
  assert.ok(await map.locator('path.map-stop--hackney').count() > 0);
  assert.ok(await map.locator('path.map-stop--islington').count() > 0);
  assert.equal(await page.locator('[data-testid=pool-legend] [data-testid^=legend-]').count(), 2);
  // The two boroughs' children share vehicles: those routes are dashed.
  assert.ok(await map.locator('path.map-route[stroke-dasharray]').count() > 0, 'a route carrying both boroughs’ children');

  // The downloads are the pool's own.
  const call = await apiSession('root');
  const shares = await call('GET', `/api/pools/${poolId}/shares.csv`);
  assert.equal(shares.status, 200);
  assert.deepEqual(parseCsv(shares.body).map((r) => r.borough), ['Hackney', 'Islington']);
  assert.equal(await page.getByTestId('pool-download-shares.csv').getAttribute('href'), `/api/pools/${poolId}/shares.csv`);

  await screenshot(page, 'pools-admin.png');
  assertNoPageProblems(page);

  // The pool is in the list.
  await page.getByTestId('back-to-pools').click();
  await page.getByTestId('pools-table').waitFor();
  assert.match(await text(page.locator('[data-testid=pools-table] tbody tr').first()), /Hackney, Islington\s+Done/);
});

test('(b) an officer sees their share and explanation and only their own children', {skip}, async () => {
  assert.ok(poolId, 'test (a) started the pool');
  const page = await H.newPage();
  // Everything the page is sent, to look for another borough's children.
  const bodies = [];
  page.on('response', async (response) => {
    if (!response.url().includes('/api/')) return;
    bodies.push(await response.text().catch(() => ''));
  });
  await signIn(page, 'alice');
  await page.getByTestId('tab-pools').click();
  await page.getByTestId('pools-table').waitFor();
  assert.equal(await page.getByTestId('pool-start-button').count(), 0, 'officers do not start pools');
  await page.getByTestId(`open-pool-${poolId}`).click();
  await page.getByTestId('pool-results').waitFor({timeout: 30_000});

  assert.match(await text(page.getByTestId('own-share-sentence')), /^Hackney pays £[\d,.]+ a day instead of £[\d,.]+ planning alone/);
  assert.match(await text(page.getByTestId('own-share-explanation')), /^Hackney brings 16 children/);
  // Every borough's share line (shares are not personal data), Hackney's marked as theirs.
  assert.equal(await page.locator('[data-testid=shares-table] tbody tr').count(), 3);
  assert.match(await text(page.getByTestId('own-share-row')), /^Hackney/);

  // The map: Hackney's children only, in Hackney's colour.
  const map = page.getByTestId('pool-map');
  await waitFor('the routes on the map', async () => (await map.locator('path.map-route').count()) > 0);
  assert.equal(await map.locator('path.map-stop--islington').count(), 0);
  assert.ok(await map.locator('path.map-stop--hackney').count() > 0);
  assert.equal((await stopColours(page)).length, 1);
  // Select a stop: its popup names a Hackney child.
  await map.locator('path.map-stop--hackney').first().click({force: true});
  await waitFor('a stop popup', async () => (await page.locator('.leaflet-popup-content').count()) > 0);
  assert.match(await text(page.locator('.leaflet-popup-content')), /Hackney’s child/);

  // No Islington child's id anywhere: not on the page, not in anything the server sent.
  const html = await page.content();
  await waitFor('the responses to be read', async () => bodies.some((b) => b.includes('FeatureCollection')));
  for (const id of pupilIds.Islington) {
    assert.ok(!html.includes(`Islington/${id}`), `Islington/${id} is on the page`);
    assert.ok(!bodies.some((b) => b.includes(`Islington/${id}`)), `Islington/${id} was sent to Hackney's officer`);
  }
  assert.ok(bodies.some((b) => b.includes(`Hackney/${pupilIds.Hackney[0]}`) || b.includes('Hackney/P')),
    'Hackney’s own children are there');
  await page.waitForTimeout(400);  // the popup's fade-in
  await screenshot(page, 'pools-officer.png');
  assertNoPageProblems(page);
});
