// The web app's CSV cells (web/app/csv.js), without a browser: formulas are neutralised the way
// the server does it (src/core/text.h), numbers stay numbers, and reading undoes writing.
'use strict';

const {test} = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

// csv.js imports nothing, so it loads as a data: module in plain Node.
const source = fs.readFileSync(path.join(__dirname, '..', '..', 'web', 'app', 'csv.js'), 'utf8');
const load = () => import(`data:text/javascript,${encodeURIComponent(source)}`);

test('a formula name is exported neutralised: apostrophe in front, quoted', async () => {
  const {csvCell, csvText} = await load();
  assert.equal(csvCell('=HYPERLINK("http://x","Click")'), '"\'=HYPERLINK(""http://x"",""Click"")"');
  assert.equal(csvCell('+1+2'), '"\'+1+2"');
  assert.equal(csvCell('@SUM(A1)'), '"\'@SUM(A1)"');
  assert.equal(csvCell('\t=1'), '"\'\t=1"');
  assert.equal(csvCell('-'), '-', 'a sign alone (DfE\'s nil) computes nothing');
  assert.equal(csvText(['provider', 'fees'], [['=1+1', 5]]), 'provider,fees\r\n"\'=1+1",5\r\n');
});

test('negative numbers, as numbers or as text, stay numbers', async () => {
  const {csvCell} = await load();
  for (const n of [-3.5, -3, 0, 12.25]) assert.equal(csvCell(n), String(n));
  for (const n of ['-3.5', '+2', '-0.1226', '-.5', '-1e-05']) assert.equal(csvCell(n), n);
  assert.equal(csvCell('Plain, with comma'), '"Plain, with comma"');
  assert.equal(csvCell(null), '');
});

test('reading undoes writing exactly', async () => {
  const {spreadsheetSafe, fromSpreadsheetSafe} = await load();
  for (const t of ['=1+1', "'=1+1", "''=1+1", "'", "'-3.5", '-3.5', "it's", '@', 'plain', '', '-']) {
    assert.equal(fromSpreadsheetSafe(spreadsheetSafe(t)), t, t);
  }
  assert.equal(fromSpreadsheetSafe("'plain"), "'plain");
});
