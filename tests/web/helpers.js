// Small helpers the browser test files share: waiting for a condition, reading CSV, element
// text, page problems, screenshots, downloads, PNG checks, signing in on the page and an API
// session of the test's own.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

// Polls `check` until it returns something truthy (returned) or the time runs out.
async function waitFor(what, check, timeoutMs = 20_000, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await check();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

// A CSV text's rows (RFC 4180 quotes) as arrays; blank lines dropped.
function csvRows(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

// A CSV text's data rows as objects keyed by the header.
function parseCsv(text) {
  const [header, ...body] = csvRows(text);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

// The trimmed text of the first match, or '' when there is none.
const text = async (locator) => ((await locator.count()) > 0 ? (await locator.first().innerText()).trim() : '');

function assertNoPageProblems(page) {
  assert.deepEqual(page.problems, [], 'no script errors and no request outside the server');
}

async function screenshot(harness, page, name) {
  fs.mkdirSync(harness.settings.screenshots, {recursive: true});
  await page.screenshot({path: path.join(harness.settings.screenshots, name), fullPage: true});
}

// Clicks `locator` and returns the downloaded file {name, bytes}.
async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const bytes = fs.readFileSync(await file.path());
  return {name: file.suggestedFilename(), bytes};
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function assertPng(file, what) {
  assert.ok(file.bytes.subarray(0, 8).equals(PNG_MAGIC), `${what} is a PNG (${file.name})`);
  assert.ok(file.bytes.length > 3000, `${what} has a picture in it (${file.bytes.length} bytes)`);
  assert.match(file.name, /\.png$/);
}

// The `skip` option of a browser test file's tests: false when they can run. When a tool is
// missing, a failing test named `name` says which (the tests fail, never skip, on it); when the
// shared data folder is absent, "sendplan-web: SKIP" tells CTest they did not run.
function skipUnlessRunnable(name) {
  const {settings, boundariesPath, missingTools} = require('./harness.js');
  const missing = missingTools();
  if (missing) {
    require('node:test').test(name, () => {
      throw new Error(missing);
    });
    return 'not runnable: see the first test';
  }
  if (!fs.existsSync(boundariesPath(settings()))) {
    console.log(`sendplan-web: SKIP: the shared data folder is absent (${boundariesPath(settings())}); set SENDPLAN_SHARED`);
    return 'the shared data folder is absent';
  }
  return false;
}

// Signs `username` in on the sign-in form and waits until the page says so.
async function signIn(page, username, password) {
  await page.goto('/');
  await page.getByTestId('signin-form').waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('signin-submit').click();
  await waitFor(`${username} to be signed in`, async () => (await text(page.getByTestId('current-username'))) === username);
}

// An API session of our own (outside the browser) on `baseUrl`: call(method, path, {text, json})
// resolves to {status, body} (parsed JSON when the answer is JSON).
async function apiSession(baseUrl, username, password) {
  const login = await fetch(`${baseUrl}/api/login`, {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username, password})});
  assert.equal(login.status, 200, `${username} signs in`);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const {csrf_token: csrf} = await login.json();
  return async (method, urlPath, {text: body, json} = {}) => {
    const headers = {Cookie: cookie, 'X-CSRF-Token': csrf};
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    if (body !== undefined) headers['Content-Type'] = 'text/csv';
    const response = await fetch(baseUrl + urlPath, {method, headers, body: body ?? (json === undefined ? undefined : JSON.stringify(json))});
    const type = response.headers.get('content-type') ?? '';
    return {status: response.status, body: type.includes('json') ? await response.json() : await response.text()};
  };
}

module.exports = {waitFor, csvRows, parseCsv, text, assertNoPageProblems, screenshot, download, assertPng, signIn, apiSession,
  skipUnlessRunnable};
