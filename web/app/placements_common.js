// What the placements pages share: the register's metadata (needs, provider types, boroughs,
// today; fetched once a session), formats (whole pounds, shares, Ofsted grades), a suppressed
// cell, the problems table of a refused file or form, a table card with CSV and PNG downloads,
// and a canvas picture of a table (for the PNG of a table without a chart).

import {api} from './api.js';
import {h, table} from './dom.js';
import {count, DASH} from './format.js';
import {chartCard, csvText, saveText, saveUrl} from './data_common.js';

let metaPromise = null;
// GET /api/placements/meta: {needs, provider_types, boroughs, today}.
export function placementsMeta() {
  metaPromise ??= api('GET', '/api/placements/meta');
  metaPromise.catch(() => { metaPromise = null; });
  return metaPromise;
}

const missing = (v) => v === null || v === undefined || Number.isNaN(v);
const pounds = new Intl.NumberFormat('en-GB', {style: 'currency', currency: 'GBP', maximumFractionDigits: 0, minimumFractionDigits: 0});
const oneDecimal = new Intl.NumberFormat('en-GB', {minimumFractionDigits: 1, maximumFractionDigits: 1});

// £12,345 (whole pounds: fees are set per year per place).
export const gbp = (v) => (missing(v) ? DASH : pounds.format(Math.round(v)));
// 12.3% from a fraction (0.123) as the analyses give shares.
export const share = (v) => (missing(v) ? DASH : `${oneDecimal.format(v * 100)}%`);
export const oneDp = (v) => (missing(v) ? DASH : oneDecimal.format(v));

export const OFSTED = {1: 'Outstanding', 2: 'Good', 3: 'Requires improvement', 4: 'Inadequate'};
export const ofstedName = (grade) => (missing(grade) ? 'Not known' : OFSTED[grade] ?? `Grade ${grade}`);

export const BOARDING = {day: 'Day', residential: 'Residential', both: 'Day and residential'};

export const SUPPRESSED_NOTE = 'Cells marked “<5 suppressed” stand for 1 to 4 children, or for a figure that would ' +
  'reveal such a count (a median of fewer than 5 fees, or a total from which a hidden count could be worked out). ' +
  'They are hidden to protect the children: the regional tables are shared between boroughs.';

// The mark for a suppressed (null) cell: "<5 suppressed", explained for screen readers.
export function suppressedCell() {
  return h('span', {class: 'suppressed', title: 'Suppressed: 1 to 4 children, or a figure that would reveal such a count',
    dataset: {suppressed: 'true'}}, '<5 suppressed');
}

export function needName(meta, code) {
  return meta.needs.find((n) => n.code === code)?.name ?? code;
}
export function typeName(meta, code) {
  return meta.provider_types.find((t) => t.code === code)?.name ?? code;
}

// Needs as <option>s (optionally with an "any" first).
export function needOptions(meta, selected, any) {
  return [any ? h('option', {value: ''}, any) : null,
    meta.needs.map((n) => h('option', {value: n.code, selected: n.code === selected}, `${n.name} (${n.code.toUpperCase()})`))];
}

// A labelled field: {id, label, control, hint?, error?}; the error slot has id `${id}-error`.
export function field({id, label, control, hint, wide}) {
  control.id = id;
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  return h('div', {class: `form-group${wide ? ' form-group--wide' : ''}`, dataset: {field: id}},
    h('label', {for: id, class: 'label'}, label),
    hint ? h('p', {class: 'hint', id: `${id}-hint`}, hint) : null,
    h('p', {class: 'field-error', id: `${id}-error`, testid: `${id}-error`}),
    control);
}

// The problems of a refused file (422): row, column, reason.
export function problemsTable(fileName, problems) {
  return table({
    testid: 'problems-table',
    caption: `Problems in ${fileName}. Rows are numbered as in a spreadsheet: the header is row 1.`,
    columns: [{label: 'Row', className: 'num', field: 'row'}, {label: 'Column', field: 'column'}, {label: 'Problem', field: 'reason'}],
    rows: problems.map((p) => [p.row ? count(p.row) : 'whole file', p.column ?? '', p.reason ?? '']),
  });
}

// A table drawn on a canvas as a PNG data URL (title, header, rows, footnote).
export function tablePng(title, header, rows, note) {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  ctx.font = '14px Arial, sans-serif';
  const widths = header.map((cell, i) => Math.max(...[cell, ...rows.map((r) => r[i])].map((c) => ctx.measureText(String(c ?? '')).width)) + 24);
  const width = Math.max(widths.reduce((a, b) => a + b, 0) + 24, 500);
  const lineHeight = 24;
  canvas.width = Math.ceil(width);
  canvas.height = 70 + lineHeight * (rows.length + 1) + (note ? 40 : 10);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#0b0c0c';
  ctx.font = 'bold 17px Arial, sans-serif';
  ctx.fillText(title, 12, 28, canvas.width - 24);
  let y = 64;
  const drawRow = (cells, bold) => {
    ctx.font = `${bold ? 'bold ' : ''}14px Arial, sans-serif`;
    let x = 12;
    cells.forEach((c, i) => { ctx.fillText(String(c ?? ''), x, y); x += widths[i]; });
    ctx.strokeStyle = bold ? '#0b0c0c' : '#b1b4b6';
    ctx.beginPath(); ctx.moveTo(12, y + 7); ctx.lineTo(canvas.width - 12, y + 7); ctx.stroke();
    y += lineHeight;
  };
  drawRow(header, true);
  for (const r of rows) drawRow(r, false);
  if (note) {
    ctx.font = '12px Arial, sans-serif';
    ctx.fillStyle = '#505a5f';
    ctx.fillText(note, 12, y + 12, canvas.width - 24);
  }
  return canvas.toDataURL('image/png');
}

// A card for a table (no chart): title, date, the table, CSV and PNG of the same rows.
// `csv` {header, rows}: plain values; `png` {header, rows}: display texts.
export function tableCard({testid, title, subtitle, date, tableElement, csv, png, fileBase, note}) {
  const buttons = h('div', {class: 'button-row chart-card__downloads'},
    h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'download-csv',
      onclick: () => saveText(`${fileBase}.csv`, csvText(csv.header, csv.rows))}, 'Download CSV'),
    h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'download-png',
      onclick: () => saveUrl(`${fileBase}.png`, tablePng(`${title}, ${date}`, png.header, png.rows, note))}, 'Download PNG'));
  return h('section', {class: 'chart-card', testid},
    h('h3', {class: 'chart-card__title'}, title),
    subtitle ? h('p', {class: 'chart-card__subtitle'}, subtitle) : null,
    h('p', {class: 'chart-card__meta', testid: 'card-date'}, `On ${date}`),
    h('div', {class: 'table-scroll'}, tableElement),
    note ? h('p', {class: 'chart-card__note'}, note) : null,
    buttons);
}

// chartCard with the date as the period (re-exported for the placements pages).
export function placementsChartCard(options) {
  return chartCard({source: 'the sendplan placements register', ...options});
}

// "2026-12-03" checked as an ISO date.
export const isIsoDate = (text) => /^\d{4}-\d{2}-\d{2}$/.test(text ?? '');
