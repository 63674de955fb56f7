// One indicator across areas (GET /api/stats/indicators/ID?scope=&period=), shared by the map
// and the rankings: the indicator and period choices, the colour classes (5 quantile classes of a
// colour-blind-safe sequential palette, darker = better when the indicator has a polarity), the
// values' CSV and the values as a table.

import {api} from './api.js';
import {h} from './dom.js';
import {csvText, formatValue, indicatorOptions, symbolMeaning, valueCell} from './data_common.js';

export const DEFAULT_INDICATOR = 'ehc-plans';

export function fetchIndicator(id, {scope = 'london', period = null, signal} = {}) {
  const query = new URLSearchParams({scope});
  if (period) query.set('period', period);
  return api('GET', `/api/stats/indicators/${encodeURIComponent(id)}?${query}`, {signal});
}

// ColorBrewer YlGnBu, 5 classes (colour-blind safe), lightest first.
export const CLASS_COLOURS = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
export const MISSING_FILL = 'url(#choropleth-missing)';

// Quantile classes of the values: {classOf(value) → 0..4 | null, colourOf(value), classes:
// [{colour, min, max, areas}] in value order, darkerIsBetter, words}.
export function classify(values, polarity) {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  const n = sorted.length;
  const thresholds = [1, 2, 3, 4].map((k) => sorted[Math.min(n - 1, Math.floor((n * k) / 5))]);
  const colours = polarity === 'lower' ? [...CLASS_COLOURS].reverse() : CLASS_COLOURS;
  const classOf = (v) => (typeof v === 'number' && n > 0 ? thresholds.filter((t) => v >= t).length : null);
  const classes = colours.map((colour) => ({colour, min: null, max: null, areas: 0}));
  for (const v of sorted) {
    const c = classes[classOf(v)];
    c.min ??= v;
    c.max = v;
    c.areas++;
  }
  const words = polarity === 'higher' ? 'Higher is better: darker is better.'
    : polarity === 'lower' ? 'Lower is better: darker is better (the scale is reversed).'
      : 'Neither higher nor lower is better in itself: darker is higher.';
  return {classOf, colourOf: (v) => (classOf(v) === null ? null : classes[classOf(v)].colour), classes, words};
}

// The indicator and period choices: a form calling onChange({id, period}).
export function indicatorControls({indicators, id, periods, period, onChange, extra}) {
  const indicatorSelect = h('select', {id: 'indicator-select', class: 'select select--wide', testid: 'indicator-select'},
    indicatorOptions(indicators, id));
  const periodSelect = h('select', {id: 'period-select', class: 'select', testid: 'period-select'},
    [...periods].reverse().map((p) => h('option', {value: p.label, selected: p.label === period},
      `${p.label} (${p.areas} ${p.areas === 1 ? 'area' : 'areas'})`)));
  indicatorSelect.addEventListener('change', () => onChange({id: indicatorSelect.value, period: null}));
  periodSelect.addEventListener('change', () => onChange({id: indicatorSelect.value, period: periodSelect.value}));
  return h('div', {class: 'controls', testid: 'indicator-controls'},
    h('div', {class: 'form-group'}, h('label', {class: 'label', for: 'indicator-select'}, 'Indicator'), indicatorSelect),
    h('div', {class: 'form-group'}, h('label', {class: 'label', for: 'period-select'}, 'Period'), periodSelect),
    extra ?? null);
}

// The values as CSV: one row per area, then London and England.
export function valuesCsv(data) {
  const ind = data.indicator;
  const row = (code, name, cell, rank) => [code, name, cell?.value ?? '', cell?.symbol ?? '', rank ?? '',
    ind.id, data.period, ind.unit, ind.source];
  const rows = data.values.map((v) => row(v.area_code, v.name, v, v.rank));
  if (data.london) rows.push(row('E12000007', 'London', data.london, null));
  if (data.england) rows.push(row('E92000001', 'England', data.england, null));
  return csvText(['area_code', 'area', 'value', 'symbol', 'rank', 'indicator', 'period', 'unit', 'source'], rows);
}

// Missing symbols in use, explained: "z: not applicable; x: not available".
export function symbolsExplained(cells) {
  const symbols = [...new Set(cells.filter((c) => c && typeof c.value !== 'number').map((c) => c.symbol || ''))];
  return symbols.map((s) => `${s || 'blank'}: ${symbolMeaning(s)}`).join('; ');
}

export const comparisonText = (cell, unit) => (cell ? formatValue(cell.value, unit, cell.symbol) : 'not published');

export {valueCell};
