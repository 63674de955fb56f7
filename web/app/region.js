// The London region: per-borough figures (GET /api/region/summary). Counts below 5 come back
// suppressed (null, and named in the object's `suppressed` list) and are shown as "<5".

import {api, explain} from './api.js';
import {h, message, replaceChildren} from './dom.js';
import {count, DASH, money} from './format.js';

export const SUPPRESSED_TEXT = '<5';

// Is `field` of `object` suppressed? `owner` is the object holding the `suppressed` list
// (the borough's row), which may name a nested field as "latest_plan.unserved".
function isSuppressed(owner, object, field, prefix) {
  const lists = [object?.suppressed, owner?.suppressed].filter(Array.isArray);
  return lists.some((list) => list.includes(field) || (prefix && list.includes(`${prefix}.${field}`)));
}

function countCell(owner, object, field, prefix) {
  const value = object?.[field];
  if (isSuppressed(owner, object, field, prefix) && (value === null || value === undefined)) {
    return h('span', {class: 'suppressed', title: 'Fewer than 5: hidden to protect children’s privacy'}, SUPPRESSED_TEXT);
  }
  return value === null || value === undefined ? DASH : count(value);
}

function moneyCell(owner, object, field, prefix) {
  const value = object?.[field];
  if (isSuppressed(owner, object, field, prefix) && (value === null || value === undefined)) {
    return h('span', {class: 'suppressed'}, 'hidden');
  }
  return value === null || value === undefined ? DASH : money(value, object?.[`${field}_pence`]);
}

// Each column: where its value is (the borough's row, or its latest plan) and how it is shown.
const COLUMNS = [
  {label: 'Children', field: 'pupils', kind: 'count'},
  {label: 'Wheelchair users', field: 'wheelchair_pupils', kind: 'count'},
  {label: 'Need a passenger assistant', field: 'assisted_pupils', kind: 'count'},
  {label: 'Plans', field: 'plans', kind: 'count'},
  {label: 'Latest plan: cost per day', field: 'cost_per_day', kind: 'money', plan: true},
  {label: 'Vehicles', field: 'vehicles', kind: 'count', plan: true},
  {label: 'Journeys not carried', field: 'unserved', kind: 'count', plan: true},
  {label: 'Children over their time limit', field: 'over_limit', kind: 'count', plan: true},
];

function cell(row, column, isTotals) {
  const object = column.plan && !isTotals ? row.latest_plan : row;
  if (column.plan && !isTotals && !object) {
    return column.kind === 'money' ? h('span', {class: 'none'}, 'No plan yet') : DASH;
  }
  if (isTotals && !(column.field in row)) return '';
  return column.kind === 'money'
    ? moneyCell(row, object, column.field, column.plan ? 'latest_plan' : null)
    : countCell(row, object, column.field, column.plan ? 'latest_plan' : null);
}

function cells(row, isTotals = false) {
  return COLUMNS.map((column) => h('td', {class: 'num', dataset: {field: column.field}}, cell(row, column, isTotals)));
}

export async function showRegion(main, {signal}) {
  document.title = 'London region: sendplan';
  let data;
  try {
    data = await api('GET', '/api/region/summary', {signal});
  } catch (error) {
    if (signal.aborted) return;
    replaceChildren(main, h('h1', {}, 'London region'), message('error', explain(error)));
    return;
  }
  if (signal.aborted) return;
  const rows = Array.isArray(data?.boroughs) ? data.boroughs : [];
  const totals = data?.totals;

  replaceChildren(main,
    h('h1', {}, 'London region'),
    h('p', {class: 'lead'}, 'SEN transport in each borough: the children in its latest upload, its plans and its latest plan’s figures.'),
    h('div', {class: 'message message--info', role: 'note', testid: 'suppression-note'},
      h('strong', {}, 'Small numbers are hidden. '),
      'A count of children from 1 to 4 is shown as “<5”. Counts that small could let someone identify a child, so figures that cover more than one borough never show them.'),
    h('div', {class: 'table-scroll'},
      h('table', {class: 'table table--region', testid: 'region-table'},
        h('caption', {class: 'table__caption'}, 'Boroughs of London. Children are those in the borough’s latest pupils upload.'),
        h('thead', {}, h('tr', {},
          h('th', {scope: 'col'}, 'Borough'),
          COLUMNS.map((c) => h('th', {scope: 'col', class: 'num'}, c.label)))),
        h('tbody', {}, rows.map((row) =>
          h('tr', {dataset: {borough: row.borough}},
            h('th', {scope: 'row', dataset: {field: 'borough'}}, row.borough),
            cells(row)))),
        totals && typeof totals === 'object' ? h('tfoot', {},
          h('tr', {testid: 'region-totals'},
            h('th', {scope: 'row'}, 'London'),
            cells(totals, true))) : null)));
}
