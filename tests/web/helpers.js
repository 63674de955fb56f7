// Small helpers the browser test files share: waiting for a condition, reading CSV, element
// text, page problems, screenshots, downloads and PNG checks.
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

module.exports = {waitFor, csvRows, parseCsv, text, assertNoPageProblems, screenshot, download, assertPng};
