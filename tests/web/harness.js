// The browser tests' harness: a real `sendplan serve` on a fresh SQLite database in a temporary
// folder, its accounts made with `sendplan user add`, a synthetic borough's input files made with
// `sendplan generate`, published statistics imported with `sendplan import dfe`, and a headless
// Chromium driven by playwright-core.
//
// Environment:
//   SENDPLAN         the sendplan program (CTest passes $<TARGET_FILE:sendplan>)
//   SENDPLAN_SHARED  the shared/ folder (boundaries, statistics); default ../shared beside the repository
//   CHROMIUM         the browser (default /usr/bin/chromium)
//   SENDPLAN_WEB_SCREENSHOTS  where screenshots go (default build-web/screenshots in the repo)
//   SENDPLAN_WEB_KEEP  set to keep the temporary folder (database, inputs) for a look afterwards
'use strict';

const {spawn, spawnSync} = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const INSTALL_HINT = 'run scripts/install-deps.sh (it installs chromium with apt and the npm packages with npm ci)';

function settings() {
  return {
    sendplan: process.env.SENDPLAN || path.join(REPO, 'build', 'sendplan'),
    shared: path.resolve(process.env.SENDPLAN_SHARED || path.join(REPO, '..', 'shared')),
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    screenshots: process.env.SENDPLAN_WEB_SCREENSHOTS || path.join(REPO, 'build-web', 'screenshots'),
  };
}

// What the tests need and is not installed, in words; null when all is there. The tests FAIL
// (never skip) on it.
function missingTools(s = settings()) {
  const missing = [];
  if (!fs.existsSync(s.chromium)) missing.push(`the Chromium browser (${s.chromium})`);
  for (const p of ['playwright-core/package.json', 'leaflet/dist/leaflet.js', 'leaflet/dist/leaflet.css',
    'chart.js/dist/chart.umd.min.js']) {
    if (!fs.existsSync(path.join(REPO, 'node_modules', p))) missing.push(`node_modules/${p}`);
  }
  if (missing.length) return `The browser tests need ${missing.join(' and ')}: ${INSTALL_HINT}.`;
  if (!fs.existsSync(s.sendplan)) return `sendplan not found at ${s.sendplan}: build it, or set SENDPLAN to the program.`;
  return null;
}

function checkPrerequisites() {
  const s = settings();
  const missing = missingTools(s);
  if (missing) throw new Error(missing);
  return s;
}

// The shared data the tests need (borough boundaries); false when it is absent.
function boundariesPath(s) {
  return path.join(s.shared, 'data', 'boundaries', 'london_boroughs_gla.geojson');
}

// Runs sendplan to completion; throws with its output when it fails.
function runSendplan(s, args, input, timeoutMs = 60_000) {
  const result = spawnSync(s.sendplan, args, {input, encoding: 'utf8', timeout: timeoutMs});
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`sendplan ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

class Harness {
  constructor() {
    this.settings = checkPrerequisites();
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sendplan-web-'));
    this.database = `sqlite:${path.join(this.tmp, 'db.sqlite')}`;
    this.server = null;
    this.serverLog = '';
    this.baseUrl = null;
    this.browser = null;
    this.exit = null;  // {code, signal} once the server has exited
  }

  addUser(username, role, password, borough) {
    const args = ['user', 'add', '--database', this.database, '--username', username, '--role', role,
      '--shared', this.settings.shared, '--password-stdin'];
    if (borough) args.push('--borough', borough);
    runSendplan(this.settings, args, `${password}\n`);
  }

  // Writes pupils.csv, schools.csv and fleet.csv for the borough; returns the folder.
  generate(borough, pupils, seed) {
    const out = path.join(this.tmp, `inputs-${borough.replace(/\W+/g, '_')}-${seed}`);
    runSendplan(this.settings, ['generate', '--borough', borough, '--pupils', String(pupils), '--seed', String(seed),
      '--out', out, '--boundaries', boundariesPath(this.settings)]);
    return out;
  }

  // Neighbouring boroughs generated together, sharing schools (`sendplan generate --region`);
  // returns {borough: folder with pupils.csv, schools.csv and fleet.csv}.
  generateRegion(boroughs, pupils, seed) {
    const out = path.join(this.tmp, `region-${seed}`);
    runSendplan(this.settings, ['generate', '--region', boroughs.join(','), '--pupils', String(pupils), '--seed', String(seed),
      '--out', out, '--boundaries', boundariesPath(this.settings)]);
    return Object.fromEntries(boroughs.map((b) => [b, path.join(out, b.toLowerCase().replace(/[^a-z0-9]+/g, '-'))]));
  }

  // Imports published statistics with `sendplan import dfe` (all files in one transaction);
  // `files` are paths under the shared folder's data/ (e.g. 'sen2_ehcp/ehcp2025_caseload_totals_all_la.csv').
  importStats(files) {
    const paths = files.map((f) => path.join(this.settings.shared, 'data', f));
    return runSendplan(this.settings, ['import', 'dfe', '--database', this.database, ...paths]);
  }

  // Runs `sendplan placements --database DB ARGS...` (import-providers, generate, import, ...)
  // before or while the server runs; returns its output. Paths under the shared folder may be
  // given relative to it with a leading 'shared:' (e.g. 'shared:data/inmss/x.csv').
  placements(args, timeoutMs = 180_000) {
    const resolved = args.map((a) => (a.startsWith('shared:') ? path.join(this.settings.shared, a.slice(7)) : a));
    return runSendplan(this.settings, ['placements', '--database', this.database, ...resolved], undefined, timeoutMs);
  }

  // Starts `sendplan serve --port 0` and waits for "sendplan: listening on http://HOST:PORT".
  async startServer() {
    const args = ['serve', '--database', this.database, '--port', '0', '--shared', this.settings.shared];
    const child = spawn(this.settings.sendplan, args, {stdio: ['ignore', 'pipe', 'pipe']});
    this.server = child;
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => {
      this.exit = {code, signal};
      resolve(this.exit);
    }));
    child.stderr.on('data', (chunk) => { this.serverLog += chunk; });
    this.baseUrl = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`sendplan serve did not say it was listening within 20 s:\n${this.serverLog}`)), 20_000);
      child.stdout.on('data', (chunk) => {
        out += chunk;
        this.serverLog += chunk;
        const match = /sendplan: listening on (http:\/\/[^\s]+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1].replace(/\/$/, ''));
        }
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`sendplan serve exited (code ${code}, signal ${signal}) before listening:\n${this.serverLog}`));
      });
    });
    return this.baseUrl;
  }

  // SIGTERM, then waits for the exit; returns {code, signal}.
  async stopServer(timeoutMs = 15_000) {
    if (!this.server) return null;
    if (!this.exit) this.server.kill('SIGTERM');
    let timer;
    const result = await Promise.race([
      this.exited,
      new Promise((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs); }),
    ]);
    clearTimeout(timer);  // (a pending timer would keep node running for the rest of the 15 s)
    if (!result) {
      this.server.kill('SIGKILL');
      await this.exited;
      return {code: null, signal: 'SIGKILL', timedOut: true};
    }
    return result;
  }

  async launchBrowser() {
    const {chromium} = require(path.join(REPO, 'node_modules', 'playwright-core'));
    this.browser = await chromium.launch({
      executablePath: this.settings.chromium,
      headless: true,
      // Without the background-networking flags Chromium fails on a closed network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    return this.browser;
  }

  // A fresh browser profile (own cookies) at 1280 x 800, which fails on any page error or any
  // request that leaves the sendplan server.
  async newPage() {
    const context = await this.browser.newContext({viewport: {width: 1280, height: 800}, baseURL: this.baseUrl});
    const page = await context.newPage();
    page.problems = [];
    page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/status of 40[01349]|status of 42[29]/.test(msg.text())) {
        page.problems.push(`console error: ${msg.text()}`);
      }
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(this.baseUrl) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      page.problems.push(`request outside the server: ${url}`);
      return route.abort();
    });
    return page;
  }

  async close() {
    if (this.browser) await this.browser.close().catch(() => {});
    await this.stopServer();
    if (!process.env.SENDPLAN_WEB_KEEP) fs.rmSync(this.tmp, {recursive: true, force: true});
  }
}

module.exports = {Harness, REPO, INSTALL_HINT, settings, boundariesPath, missingTools};
