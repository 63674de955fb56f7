// Rankings: one indicator's values for London's boroughs (or every local authority in England)
// as a sortable table (rank, area, value, symbol) with London's and England's values below, and
// a horizontal bar chart of the same values, with CSV and PNG downloads. renderRanking is used by
// the high-needs funding page too.

import {h, replaceChildren} from './dom.js';
import {chartPng, drawBars} from './charts.js';
import {chartCard, fileSlug, indicatorCatalogue, symbolMeaning, valueCell, loadInto} from './data_common.js';
import {classify, DEFAULT_INDICATOR, fetchIndicator, indicatorControls, valuesCsv} from './data_indicator.js';

const COLUMNS = [
  {key: 'rank', label: 'Rank', className: 'num'},
  {key: 'name', label: 'Area'},
  {key: 'value', label: 'Value', className: 'num'},
  {key: 'symbol', label: 'Symbol'},
];

function compare(key) {
  const missingLast = (a, b) => (a === null) - (b === null);
  switch (key) {
    case 'name': return (a, b) => a.name.localeCompare(b.name, 'en-GB');
    case 'symbol': return (a, b) => (a.symbol || '').localeCompare(b.symbol || '') || a.name.localeCompare(b.name, 'en-GB');
    case 'value': return (a, b) => missingLast(a.value, b.value) || (a.value ?? 0) - (b.value ?? 0);
    default: return (a, b) => missingLast(a.rank, b.rank) || (a.rank ?? 0) - (b.rank ?? 0) || a.name.localeCompare(b.name, 'en-GB');
  }
}

// The sortable table of `data` (an indicator response).
function rankingTable(data) {
  const unit = data.indicator.unit;
  let sort = {key: 'rank', ascending: true};
  const tbody = h('tbody', {});
  const headers = COLUMNS.map((c) => h('th', {scope: 'col', class: c.className, dataset: {sort: c.key}},
    h('button', {type: 'button', class: 'sort-button', testid: `sort-${c.key}`, onclick: () => {
      sort = {key: c.key, ascending: sort.key === c.key ? !sort.ascending : true};
      fill();
    }}, c.label)));
  function fill() {
    const rows = [...data.values].sort(compare(sort.key));
    const order = sort.ascending ? rows : rows.reverse();
    // Missing values stay at the end whichever way the values are sorted.
    if (!sort.ascending && (sort.key === 'value' || sort.key === 'rank')) {
      const key = sort.key;
      order.sort((a, b) => (a[key] === null) - (b[key] === null));
    }
    headers.forEach((th, i) => th.setAttribute('aria-sort', COLUMNS[i].key === sort.key ? (sort.ascending ? 'ascending' : 'descending') : 'none'));
    replaceChildren(tbody, order.map((v) => h('tr', {dataset: {code: v.area_code}},
      h('td', {class: 'num', dataset: {field: 'rank'}}, v.rank ? String(v.rank) : '–'),
      h('th', {scope: 'row', dataset: {field: 'name'}}, v.name),
      h('td', {class: 'num', dataset: {field: 'value'}}, valueCell(v.value, unit, v.symbol)),
      h('td', {dataset: {field: 'symbol'}}, v.symbol ? `${v.symbol} (${symbolMeaning(v.symbol)})` : ''))));
  }
  fill();
  const compareRow = (name, cell, testid) => h('tr', {testid},
    h('td', {}), h('th', {scope: 'row'}, name),
    h('td', {class: 'num', dataset: {field: 'value'}}, cell ? valueCell(cell.value, unit, cell.symbol) : 'not published'),
    h('td', {}, cell?.symbol ? `${cell.symbol} (${symbolMeaning(cell.symbol)})` : ''));
  return h('table', {class: 'table', testid: 'ranking-table'},
    h('caption', {class: 'table__caption'}, `${data.indicator.title}, ${data.period}. Rank 1 is `,
      data.indicator.polarity === 'lower' ? 'the lowest (lower is better).' : data.indicator.polarity === 'higher'
        ? 'the highest (higher is better).' : 'the highest. Select a column heading to sort by it.'),
    h('thead', {}, h('tr', {}, headers)),
    tbody,
    h('tfoot', {}, compareRow('London', data.london, 'ranking-london'), compareRow('England', data.england, 'ranking-england')));
}

// The ranking of `data` into `target`: the bar chart (coloured as on the map) and the table.
export async function renderRanking(target, data, {signal, fileBase}) {
  const ind = data.indicator;
  const scale = classify(data.values.map((v) => v.value), ind.polarity);
  const rows = [...data.values].sort(compare('rank')).map((v) => ({label: v.name, value: v.value, symbol: v.symbol,
    colour: scale.colourOf(v.value) ?? '#b1b4b6'}));
  if (ind.unit !== 'count') {
    for (const [label, cell] of [['London', data.london], ['England', data.england]]) {
      if (cell && typeof cell.value === 'number') rows.push({label, value: cell.value, symbol: cell.symbol, colour: '#0b0c0c'});
    }
  }
  const canvas = h('canvas', {});
  let chart = null;
  const base = fileBase ?? `${data.scope}-${ind.id}-${fileSlug(data.period)}`;
  const card = chartCard({
    testid: 'ranking-chart', title: `${ind.title}: ${data.scope === 'england' ? 'local authorities in England' : 'London boroughs'}`,
    subtitle: `Ranked, ${data.period}${ind.unit !== 'count' ? '; London and England in black' : ''}`,
    source: ind.source, period: data.period, note: ind.note, canvas, height: Math.max(240, rows.length * 17 + 60),
    csv: {fileName: `${base}.csv`, text: () => valuesCsv(data)},
    png: {fileName: `${base}.png`, url: () => (chart ? chartPng(chart) : null)},
    table: h('p', {class: 'hint'}, 'The numbers are in the ranking table below.'),
  });
  replaceChildren(target, card, h('div', {class: 'table-scroll'}, rankingTable(data)));
  chart = await drawBars(canvas, {rows, unit: ind.unit, name: ind.title}, signal);
  if (!signal.aborted) card.dataset.drawn = 'true';
}

export async function showRankings(body, {signal}, [wantedId, wantedScope, wantedPeriod]) {
  document.title = 'Rankings: sendplan';
  const {indicators} = await indicatorCatalogue(signal);
  if (signal.aborted) return;
  let state = {id: indicators.some((i) => i.id === wantedId) ? wantedId : DEFAULT_INDICATOR,
    scope: wantedScope === 'england' ? 'england' : 'london', period: wantedPeriod || null};
  const controls = h('div', {});
  const result = h('div', {testid: 'ranking'});
  const status = h('div', {'aria-live': 'polite'});
  replaceChildren(body, h('h1', {}, 'Rankings'),
    h('p', {class: 'lead'}, 'One published indicator, every area ranked. Rank 1 is the best where higher or lower is better, else the highest.'),
    controls, status, result);

  async function load(next) {
    const data = await loadInto(status, signal, () => fetchIndicator(next.id, {scope: next.scope, period: next.period, signal}));
    if (data === null) return;
    state = {...next, period: data.period};
    history.replaceState(null, '', `#/data/rankings/${encodeURIComponent(state.id)}/${state.scope}/${encodeURIComponent(state.period)}`);
    const focused = document.activeElement?.id;
    const scopeChoice = h('fieldset', {class: 'form-group scope-choice', testid: 'scope-choice'},
      h('legend', {class: 'label'}, 'Areas'),
      [['london', 'London boroughs'], ['england', 'All of England']].map(([value, label]) => h('label', {class: 'radio'},
        h('input', {type: 'radio', name: 'ranking-scope', id: `scope-${value}`, value, checked: value === state.scope, testid: `scope-${value}`,
          onchange: () => load({...state, scope: value})}), ` ${label}`)));
    replaceChildren(controls, indicatorControls({indicators, id: state.id, periods: data.periods, period: state.period,
      onChange: ({id, period}) => load({...state, id, period}), extra: scopeChoice}));
    if (focused) document.getElementById(focused)?.focus();
    result.dataset.indicator = state.id;
    result.dataset.scope = state.scope;
    await renderRanking(result, data, {signal});
    result.dataset.loaded = `${state.id}/${state.scope}/${state.period}`;
  }
  await load(state);
}
