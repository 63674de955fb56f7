// Analyses of the placements register on a date (every role; regional figures with small numbers
// suppressed): fee benchmarks by need (quartiles per borough against London), fees by provider,
// spend by provider type, where children are placed (out of borough, out of London), and the
// most expensive placements (only what the server returns for the role, with its scope). Every
// table and chart has CSV and PNG downloads and the date.

import {api} from './api.js';
import {h, replaceChildren} from './dom.js';
import {count} from './format.js';
import {chartPng, drawBars, drawGroupedBars} from './charts.js';
import {csvText, loadInto} from './data_common.js';
import {field, gbp, isIsoDate, needName, placementsChartCard, placementsMeta, share,
  SUPPRESSED_NOTE, suppressedCell, tableCard} from './placements_common.js';

const S = '<5 suppressed';
const isNull = (v) => v === null || v === undefined;

// --- fee benchmarks by need ----------------------------------------------------------------------

function feeRows(T, column) {
  // column: an index into cells, or 'total' for the rows' totals (all needs).
  const pick = (row) => (column === 'total' ? row.total : row.cells[column]);
  return [...T.rows.map((r) => ({area: r.borough, cell: pick(r)})), {area: 'London', cell: pick(T.london), london: true}];
}

function feeTable(rows, caption, testid) {
  return h('table', {class: 'table', testid},
    h('caption', {class: 'table__caption'}, caption),
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Area'), h('th', {scope: 'col', class: 'num'}, 'Placements'),
      h('th', {scope: 'col', class: 'num'}, 'Lower quartile'), h('th', {scope: 'col', class: 'num'}, 'Median'),
      h('th', {scope: 'col', class: 'num'}, 'Upper quartile'))),
    h('tbody', {}, rows.map((r) => h('tr', {dataset: {area: r.area, suppressed: isNull(r.cell) ? 'true' : 'false'}, class: r.london ? 'row--total' : undefined},
      h('th', {scope: 'row', dataset: {field: 'area'}}, r.area),
      isNull(r.cell)
        ? h('td', {colspan: '4', class: 'num', dataset: {field: 'suppressed'}}, suppressedCell())
        : [h('td', {class: 'num', dataset: {field: 'count'}}, count(r.cell.count)),
          h('td', {class: 'num', dataset: {field: 'lower_quartile'}}, r.cell.count ? gbp(r.cell.lower_quartile) : '–'),
          h('td', {class: 'num', dataset: {field: 'median'}}, r.cell.count ? gbp(r.cell.median) : '–'),
          h('td', {class: 'num', dataset: {field: 'upper_quartile'}}, r.cell.count ? gbp(r.cell.upper_quartile) : '–')]))));
}

const feeCsvRows = (rows, label) => rows.map((r) => [label, r.area, ...(isNull(r.cell) ? ['suppressed', '', '', '']
  : [r.cell.count, r.cell.lower_quartile, r.cell.median, r.cell.upper_quartile])]);
const feePngRows = (rows) => rows.map((r) => [r.area, ...(isNull(r.cell) ? [S, '', '', '']
  : [count(r.cell.count), gbp(r.cell.lower_quartile), gbp(r.cell.median), gbp(r.cell.upper_quartile)])]);

function feeByNeedSection(meta, data) {
  const T = data.fee_by_need;
  const slot = h('div', {});
  const select = h('select', {class: 'select', testid: 'fee-need'},
    h('option', {value: 'total'}, 'All needs'),
    T.columns.map((code, i) => h('option', {value: String(i)}, `${needName(meta, code)} (${code.toUpperCase()})`)));
  function fill() {
    const column = select.value === 'total' ? 'total' : Number(select.value);
    const label = column === 'total' ? 'All needs' : needName(meta, T.columns[column]);
    const rows = feeRows(T, column);
    const header = ['Area', 'Placements', 'Lower quartile', 'Median', 'Upper quartile'];
    replaceChildren(slot, tableCard({
      testid: 'fee-by-need', title: `Annual fees: ${label}`, date: data.date,
      subtitle: 'Fees in force (education, care, therapy and other; transport not included) of the active placements, whole pounds a year.',
      tableElement: feeTable(rows, `Annual fees, ${label}, on ${data.date}: each borough against London. Quartiles by linear interpolation (type 7).`, 'fee-by-need-table'),
      csv: {header: ['need', 'area', 'placements', 'lower_quartile', 'median', 'upper_quartile'], rows: feeCsvRows(rows, column === 'total' ? 'all' : T.columns[column])},
      png: {header, rows: feePngRows(rows)},
      fileBase: `placement-fees-${column === 'total' ? 'all' : T.columns[column]}-${data.date}`,
      note: rows.some((r) => isNull(r.cell)) ? SUPPRESSED_NOTE : null,
    }));
  }
  select.addEventListener('change', fill);
  fill();
  return h('section', {class: 'section', testid: 'section-fees'},
    h('h2', {}, 'Fee benchmarks by need'),
    h('div', {class: 'controls'}, field({id: 'fee-need-select', label: 'Primary need', control: select})),
    slot);
}

function feeByProviderSection(data) {
  const T = data.fee_by_provider;
  const rows = T.columns.map((label, i) => ({area: T.column_names?.[i] ?? label, cell: T.london.cells[i]}));
  return h('section', {class: 'section', testid: 'section-fee-provider'},
    h('h2', {}, 'Fees by provider across London'),
    tableCard({
      testid: 'fee-by-provider', title: 'Annual fees by provider, London', date: data.date,
      tableElement: feeTable(rows, `Annual fees at each provider of London’s placements on ${data.date}.`, 'fee-by-provider-table'),
      csv: {header: ['provider', 'placements', 'lower_quartile', 'median', 'upper_quartile'],
        rows: feeCsvRows(rows, '').map((r) => r.slice(1))},
      png: {header: ['Provider', 'Placements', 'Lower quartile', 'Median', 'Upper quartile'], rows: feePngRows(rows)},
      fileBase: `placement-fees-by-provider-${data.date}`,
      note: rows.some((r) => isNull(r.cell)) ? SUPPRESSED_NOTE : null,
    }));
}

// --- spend by provider type --------------------------------------------------------------------

function spendSection(data, signal, drawn) {
  const T = data.spend_by_type;
  const names = T.columns.map((c, i) => T.column_names?.[i] ?? c);
  const canvas = h('canvas', {});
  let chart = null;
  const chartRows = names.map((name, i) => ({label: name, value: T.london.cells[i]?.total ?? null}));
  const areaRows = [...T.rows.map((r) => ({area: r.borough, cells: r.cells, total: r.total})),
    {area: 'London', cells: T.london.cells, total: T.london.total, london: true}];
  const cellText = (c) => (isNull(c) ? suppressedCell() : c.count ? [gbp(c.total), h('br'), h('span', {class: 'hint-inline'}, `${count(c.count)} placements`)] : '–');
  const numbers = h('table', {class: 'table', testid: 'spend-table'},
    h('caption', {class: 'table__caption'}, `Annual spend (fees and transport) by provider type, on ${data.date}.`),
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Area'), names.map((n) => h('th', {scope: 'col', class: 'num'}, n)),
      h('th', {scope: 'col', class: 'num'}, 'All types'))),
    h('tbody', {}, areaRows.map((r) => h('tr', {dataset: {area: r.area}, class: r.london ? 'row--total' : undefined},
      h('th', {scope: 'row'}, r.area),
      r.cells.map((c) => h('td', {class: 'num', dataset: {suppressed: isNull(c) ? 'true' : 'false'}}, cellText(c))),
      h('td', {class: 'num', dataset: {suppressed: isNull(r.total) ? 'true' : 'false'}}, cellText(r.total))))));
  const csvRows = [];
  for (const r of areaRows) {
    [...r.cells, r.total].forEach((c, i) => csvRows.push([r.area, i < names.length ? T.columns[i] : 'all',
      ...(isNull(c) ? ['suppressed', '', '', '', ''] : [c.count, c.fees, c.transport, c.total, c.mean])]));
  }
  const card = placementsChartCard({
    testid: 'spend-chart', title: 'Spend by provider type, London', subtitle: 'Annual cost of active placements: fees in force plus transport',
    period: data.date, canvas, height: 280,
    csv: {fileName: `placement-spend-by-type-${data.date}.csv`,
      text: () => csvText(['area', 'provider_type', 'placements', 'fees', 'transport', 'total', 'mean'], csvRows)},
    png: {fileName: `placement-spend-by-type-${data.date}.png`, url: () => (chart ? chartPng(chart) : null)},
    note: areaRows.some((r) => r.cells.some(isNull)) ? SUPPRESSED_NOTE : null,
    table: numbers,
  });
  drawn.push(drawBars(canvas, {rows: chartRows, unit: 'pounds', name: 'Annual spend'}, signal).then((c) => {
    chart = c;
    if (c) card.dataset.drawn = 'true';
  }));
  return h('section', {class: 'section', testid: 'section-spend'}, h('h2', {}, 'Spend by provider type'), card);
}

// --- where children are placed -----------------------------------------------------------------

function locationsSection(data, signal, drawn) {
  const rows = [...data.shares.map((s) => ({...s, area: s.borough})), {...data.london_shares, area: 'London', london: true}];
  const L = data.locations;
  const canvas = h('canvas', {});
  let chart = null;
  const cell = (v, f) => (isNull(v) ? suppressedCell() : f(v));
  const numbers = h('table', {class: 'table', testid: 'shares-table'},
    h('caption', {class: 'table__caption'}, `Where the children placed on ${data.date} go to school: shares of those whose provider’s location is known.`),
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Area'), h('th', {scope: 'col', class: 'num'}, 'Placements with a known location'),
      h('th', {scope: 'col', class: 'num'}, 'Out of borough'), h('th', {scope: 'col', class: 'num'}, 'Out of London'))),
    h('tbody', {}, rows.map((r) => h('tr', {dataset: {area: r.area}, class: r.london ? 'row--total' : undefined},
      h('th', {scope: 'row'}, r.area),
      h('td', {class: 'num', dataset: {field: 'known', suppressed: isNull(r.known) ? 'true' : 'false'}}, cell(r.known, count)),
      h('td', {class: 'num', dataset: {field: 'out_of_borough', suppressed: isNull(r.out_of_borough) ? 'true' : 'false'}}, cell(r.out_of_borough, share)),
      h('td', {class: 'num', dataset: {field: 'out_of_london', suppressed: isNull(r.out_of_london) ? 'true' : 'false'}}, cell(r.out_of_london, share))))));
  const countsTable = h('table', {class: 'table', testid: 'locations-table'},
    h('caption', {class: 'table__caption'}, 'The counts: active placements by where the provider is.'),
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Area'), L.columns.map((c, i) => h('th', {scope: 'col', class: 'num'}, L.column_names?.[i] ?? c)),
      h('th', {scope: 'col', class: 'num'}, 'All'))),
    h('tbody', {}, [...L.rows.map((r) => ({area: r.borough, cells: r.cells, total: r.total})), {area: 'London', cells: L.london.cells, total: L.london.total}]
      .map((r) => h('tr', {dataset: {area: r.area}}, h('th', {scope: 'row'}, r.area),
        [...r.cells, r.total].map((c) => h('td', {class: 'num', dataset: {suppressed: isNull(c) ? 'true' : 'false'}}, cell(c, count)))))));
  const chartRows = rows.filter((r) => !r.london);
  const card = placementsChartCard({
    testid: 'shares-chart', title: 'Children placed out of borough and out of London',
    subtitle: 'Per cent of active placements whose provider’s location is known; suppressed areas are left blank',
    period: data.date, canvas, height: 360,
    csv: {fileName: `placement-locations-${data.date}.csv`, text: () => csvText(['area', 'known', 'out_of_borough_percent', 'out_of_london_percent'],
      rows.map((r) => [r.area, isNull(r.known) ? 'suppressed' : r.known,
        isNull(r.out_of_borough) ? 'suppressed' : (r.out_of_borough * 100).toFixed(1),
        isNull(r.out_of_london) ? 'suppressed' : (r.out_of_london * 100).toFixed(1)]))},
    png: {fileName: `placement-locations-${data.date}.png`, url: () => (chart ? chartPng(chart) : null)},
    note: rows.some((r) => isNull(r.out_of_borough)) ? SUPPRESSED_NOTE : null,
    table: h('div', {}, numbers, countsTable),
  });
  drawn.push(drawGroupedBars(canvas, {categories: chartRows.map((r) => r.area), unit: 'percent', groups: [
    {name: 'Out of borough', values: chartRows.map((r) => (isNull(r.out_of_borough) ? null : Math.round(r.out_of_borough * 1000) / 10))},
    {name: 'Out of London', values: chartRows.map((r) => (isNull(r.out_of_london) ? null : Math.round(r.out_of_london * 1000) / 10))},
  ]}, signal).then((c) => { chart = c; if (c) card.dataset.drawn = 'true'; }));
  return h('section', {class: 'section', testid: 'section-locations'},
    h('h2', {}, 'Where children are placed'),
    h('p', {}, 'London: ', h('strong', {testid: 'london-out-of-borough'}, isNull(data.london_shares.out_of_borough) ? S : share(data.london_shares.out_of_borough)),
      ' placed out of their borough and ', h('strong', {testid: 'london-out-of-london'}, isNull(data.london_shares.out_of_london) ? S : share(data.london_shares.out_of_london)),
      ' outside London.'),
    card);
}

// --- the most expensive placements -------------------------------------------------------------

function expensiveSection(data) {
  const rows = data.most_expensive ?? [];
  const header = ['Borough', 'Child', 'Need', 'Provider', 'Education', 'Care', 'Therapy', 'Other', 'Fees', 'Transport', 'Total'];
  const body = rows.length
    ? tableCard({
      testid: 'expensive', title: 'The most expensive placements', date: data.date, subtitle: `Scope: ${data.most_expensive_scope}`,
      tableElement: h('table', {class: 'table table--compact', testid: 'expensive-table'},
        h('caption', {class: 'table__caption'}, `The placements with the highest annual cost (fees and transport) on ${data.date}. Whole pounds a year.`),
        h('thead', {}, h('tr', {}, header.map((c, i) => h('th', {scope: 'col', class: i >= 4 ? 'num' : undefined}, c)))),
        h('tbody', {}, rows.map((r) => h('tr', {dataset: {id: r.placement_id}},
          h('td', {}, r.borough), h('th', {scope: 'row', dataset: {field: 'child_ref'}}, r.child_ref), h('td', {}, r.need.toUpperCase()),
          h('td', {}, r.provider_name),
          ['education', 'care', 'therapy', 'other', 'fees', 'transport', 'total'].map((k) => h('td', {class: 'num', dataset: {field: k}}, gbp(r[k]))))))),
      csv: {header: ['placement_id', 'borough', 'child_ref', 'need', 'provider_id', 'provider_name', 'education', 'care', 'therapy', 'other', 'fees', 'transport', 'total'],
        rows: rows.map((r) => [r.placement_id, r.borough, r.child_ref, r.need, r.provider_id, r.provider_name, r.education, r.care, r.therapy, r.other, r.fees, r.transport, r.total])},
      png: {header, rows: rows.map((r) => [r.borough, r.child_ref, r.need.toUpperCase(), r.provider_name,
        ...['education', 'care', 'therapy', 'other', 'fees', 'transport', 'total'].map((k) => gbp(r[k]))])},
      fileBase: `most-expensive-placements-${data.date}`,
    })
    : h('p', {testid: 'expensive-none'}, 'No placements are shown here: ', data.most_expensive_scope, '.');
  return h('section', {class: 'section', testid: 'section-expensive'},
    h('h2', {}, 'The most expensive placements'),
    h('p', {class: 'hint', testid: 'expensive-scope'}, `Scope: ${data.most_expensive_scope}. These rows are about single children, `,
      'so officers see their own borough’s only and regional analysts none.'),
    body);
}

export async function showAnalysis(body, {signal}) {
  document.title = 'Placements analysis: sendplan';
  const meta = await placementsMeta();
  if (signal.aborted) return;
  let date = meta.today;
  const dateInput = h('input', {type: 'date', class: 'input input--date', value: date, testid: 'analysis-date'});
  const content = h('div', {testid: 'analysis-content'});
  const status = h('div', {'aria-live': 'polite'});
  replaceChildren(body,
    h('h1', {}, 'Placements analysis'),
    h('p', {class: 'lead'}, 'Fees, spend and where children are placed, from the placements London’s boroughs keep in the register. ',
      'Regional tables hide small numbers (1 to 4 children) and any figure that would reveal them.'),
    h('div', {class: 'controls'}, field({id: 'analysis-date-input', label: 'On date', control: dateInput})),
    status, content);

  async function load() {
    const data = await loadInto(status, signal, () => api('GET', `/api/placements/analysis?date=${encodeURIComponent(date)}`, {signal}));
    if (data === null) return;
    const drawn = [];
    delete content.dataset.loaded;
    replaceChildren(content,
      h('p', {class: 'hint', testid: 'analysis-date-text'}, `Figures on ${data.date}.`),
      feeByNeedSection(meta, data),
      spendSection(data, signal, drawn),
      locationsSection(data, signal, drawn),
      feeByProviderSection(data),
      expensiveSection(data));
    await Promise.all(drawn);
    if (!signal.aborted) content.dataset.loaded = data.date;
  }
  dateInput.addEventListener('change', () => {
    if (!isIsoDate(dateInput.value)) return;
    date = dateInput.value;
    load();
  });
  await load();
}
