// What the SEND data pages share: numbers by unit (count, percent, pounds, rate), DfE's symbols
// for a missing value, the indicator catalogue and the areas (fetched once), CSV and file
// downloads built in the page, and the chart card (title, chart, source, period, downloads and
// a "Show the numbers" table under it).

import {api, explain} from './api.js';
import {csvText} from './csv.js';
import {h, message, replaceChildren} from './dom.js';
import {DASH} from './format.js';

// The symbols DfE, Ofsted, MoJ and LAIT publish in place of a number (src/stats/figure.cpp).
export const SYMBOLS = {
  x: 'not available', z: 'not applicable', c: 'confidential (suppressed)', low: 'rounds to zero',
  '-': 'missing', '..': 'not applicable', '~': 'suppressed (fewer than 5)', NA: 'not published', 'n/a': 'not applicable',
};
export const symbolMeaning = (symbol) => SYMBOLS[symbol] ?? (symbol ? `“${symbol}”` : 'not published');

const missing = (v) => v === null || v === undefined || Number.isNaN(v);
const nf = (options) => new Intl.NumberFormat('en-GB', options);
const whole = nf({maximumFractionDigits: 0});
const oneDecimal = nf({minimumFractionDigits: 1, maximumFractionDigits: 1});
const pounds = nf({style: 'currency', currency: 'GBP', maximumFractionDigits: 0});
const poundsPence = nf({style: 'currency', currency: 'GBP', minimumFractionDigits: 2});
const compact = nf({notation: 'compact', maximumFractionDigits: 1});
const poundsCompact = nf({style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1});

// 3,681 / 45.9% / £65,085,589 / £420.09 / 1.0; a missing value as its symbol ("z") or a dash.
export function formatValue(value, unit, symbol) {
  if (missing(value)) return symbol ? symbol : DASH;
  switch (unit) {
    case 'count': return whole.format(value);
    case 'percent': return `${oneDecimal.format(value)}%`;
    case 'pounds': return Math.abs(value) >= 1000 ? pounds.format(value) : poundsPence.format(value);
    default: return oneDecimal.format(value);
  }
}

// Shorter numbers for a chart's axis: 12K, £65M, 45%.
export function axisValue(value, unit) {
  if (unit === 'pounds') return Math.abs(value) >= 10000 ? poundsCompact.format(value) : pounds.format(value);
  if (unit === 'percent') return `${compact.format(value)}%`;
  return compact.format(value);
}

export const UNIT_NAMES = {count: 'number', percent: 'per cent', pounds: 'pounds (£)', rate: 'rate'};

// A value with its missing symbol explained (a span with a title) for tables.
export function valueCell(value, unit, symbol) {
  if (!missing(value)) return formatValue(value, unit);
  return h('span', {class: 'symbol', title: symbolMeaning(symbol)}, symbol || DASH,
    h('span', {class: 'visually-hidden'}, ` (${symbolMeaning(symbol)})`));
}

// --- the catalogue and the areas, fetched once a session ----------------------------------------

const cache = new Map();
function cached(path, signal) {
  if (!cache.has(path)) {
    const promise = api('GET', path);
    cache.set(path, promise);
    promise.catch(() => cache.delete(path));
  }
  const promise = cache.get(path);
  return signal ? Promise.race([promise, new Promise((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error('aborted')), {once: true}))]) : promise;
}
export const indicatorCatalogue = (signal) => cached('/api/stats/indicators', signal);
export const statAreas = (signal) => cached('/api/stats/areas', signal);

// Areas for a choice: London boroughs first (by name), then the other local authorities.
export function areaOptions(areas, selected) {
  const las = areas.filter((a) => a.level === 'la').sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const option = (a) => h('option', {value: a.code, selected: a.code === selected}, a.name);
  return [
    h('optgroup', {label: 'London boroughs'}, las.filter((a) => a.london).map(option)),
    h('optgroup', {label: 'Other local authorities in England'}, las.filter((a) => !a.london).map(option)),
  ];
}

// The indicator choice, grouped by the catalogue's `group`.
export function indicatorOptions(indicators, selected) {
  const groups = new Map();
  for (const i of indicators) {
    if (!groups.has(i.group)) groups.set(i.group, []);
    groups.get(i.group).push(i);
  }
  return [...groups].map(([group, list]) => h('optgroup', {label: group},
    list.map((i) => h('option', {value: i.id, selected: i.id === selected}, i.title))));
}

// --- downloads ----------------------------------------------------------------------------------

// CSV text (spreadsheet-safe cells) comes from csv.js; re-exported for the pages that import it
// from here.
export {csvText};

// Saves `url` (a data: or blob: URL) as a file named `fileName`.
export function saveUrl(fileName, url) {
  const link = h('a', {href: url, download: fileName, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
}

export function saveText(fileName, text, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], {type}));
  saveUrl(fileName, url);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const fileSlug = (text) => String(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// --- the chart card -------------------------------------------------------------------------------

// A figure: its title, subtitle, the chart (a canvas, named for screen readers), source, period,
// note, the download buttons and the numbers as a table. `csv` is {href} (a server file) or
// {fileName, text: () => string}; `png` is {fileName, url: () => data URL}.
export function chartCard({testid, title, subtitle, source, period, note, canvas, height = 320, csv, png, table}) {
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${title}${subtitle ? `: ${subtitle}` : ''}. The numbers are in the table under the chart.`);
  canvas.textContent = `Chart: ${title}. The numbers are in the table under the chart.`;
  const buttons = [];
  if (csv?.href) {
    buttons.push(h('a', {href: csv.href, download: csv.fileName ?? '', class: 'button button--secondary button--small',
      testid: 'download-csv'}, 'Download CSV'));
  } else if (csv) {
    buttons.push(h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'download-csv',
      onclick: () => saveText(csv.fileName, csv.text())}, 'Download CSV'));
  }
  if (png) {
    buttons.push(h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'download-png',
      onclick: () => { const url = png.url(); if (url) saveUrl(png.fileName, url); }}, 'Download PNG'));
  }
  return h('figure', {class: 'chart-card', testid},
    h('figcaption', {},
      h('h3', {class: 'chart-card__title'}, title),
      subtitle ? h('p', {class: 'chart-card__subtitle'}, subtitle) : null),
    h('div', {class: 'chart-card__canvas', style: `height: ${height}px`}, canvas),
    h('p', {class: 'chart-card__meta', testid: 'chart-source'}, 'Source: ', source || DASH),
    period ? h('p', {class: 'chart-card__meta', testid: 'chart-period'}, 'Period: ', period) : null,
    note ? h('p', {class: 'chart-card__note'}, note) : null,
    buttons.length ? h('div', {class: 'button-row chart-card__downloads'}, buttons) : null,
    table ? h('details', {class: 'chart-card__numbers'}, h('summary', {}, 'Show the numbers'),
      h('div', {class: 'table-scroll'}, table)) : null);
}

// Fetches a page's data with `fetcher()`: on success clears `status` and returns the data; on a
// failure shows the error in `status` and returns null; once the page is left (`signal`
// aborted) returns null and shows nothing.
export async function loadInto(status, signal, fetcher) {
  let data;
  try {
    data = await fetcher();
  } catch (error) {
    if (!signal.aborted) replaceChildren(status, message('error', explain(error)));
    return null;
  }
  if (signal.aborted) return null;
  replaceChildren(status);
  return data;
}
