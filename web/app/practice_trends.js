// The indicators a practice entry aims to move, drawn from the SEND data dashboard's published
// statistics: for each, the lead borough's series against its statistical neighbours, London and
// England (the borough's profile figure, GET /api/stats/profile/B; for an indicator the profile
// does not draw, the same lines worked out from GET /api/stats/indicators/ID per period), with a
// dashed line where the practice started. A trend is not proof that the practice caused it.

import {api, explain, ApiError} from './api.js';
import {h, message, replaceChildren} from './dom.js';
import {chartPng, drawFigure, figureLabels, yearIndex} from './charts.js';
import {chartCard, csvText} from './data_common.js';
import {figureTable} from './data_profile.js';
import {dateInWords} from './practice_common.js';

const MAX_PERIODS = 12;
const COMPARED = new Set(['area', 'neighbours', 'london', 'england']);

// "2023-09-01" → 2023.67 (the year as a number, for the marker among periods' years).
export function fractionalYear(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return null;
  return Number(m[1]) + (Number(m[2]) - 1) / 12 + (Number(m[3]) - 1) / 365;
}

const round1 = (v) => Math.round(v * 10) / 10;

// The indicator's lines for the area of `profile`, from the indicator's values per period.
async function figureFromIndicator(id, profile, signal) {
  const path = `/api/stats/indicators/${encodeURIComponent(id)}`;
  const first = await api('GET', `${path}?scope=england`, {signal});
  const periods = (first.periods ?? []).slice(-MAX_PERIODS);
  if (!periods.length) return null;
  const answers = await Promise.all(periods.map((p) => (p.label === first.period ? first
    : api('GET', `${path}?scope=england&period=${encodeURIComponent(p.label)}`, {signal}))));
  const ind = first.indicator;
  const area = profile.area;
  const neighbours = profile.neighbours.map((n) => n.code);
  const totals = ind.unit === 'count';
  const series = [
    {name: area.name, role: 'area', points: []},
    ...(totals ? [] : [
      ...(neighbours.length ? [{name: `Statistical neighbours (mean of ${neighbours.length})`, role: 'neighbours', points: []}] : []),
      {name: 'London', role: 'london', points: []},
      {name: 'England', role: 'england', points: []}]),
  ];
  periods.forEach((p, i) => {
    const data = answers[i];
    const cell = (c) => ({label: p.label, year: p.year, value: typeof c?.value === 'number' ? c.value : null, symbol: c?.symbol || (c ? '' : 'x')});
    for (const s of series) {
      if (s.role === 'area') s.points.push(cell(data.values.find((v) => v.area_code === area.code)));
      if (s.role === 'london') s.points.push(cell(data.london));
      if (s.role === 'england') s.points.push(cell(data.england));
      if (s.role === 'neighbours') {
        const found = data.values.filter((v) => neighbours.includes(v.area_code) && typeof v.value === 'number');
        s.points.push({label: p.label, year: p.year, value: found.length ? round1(found.reduce((a, v) => a + v.value, 0) / found.length) : null,
          symbol: found.length ? '' : 'x'});
      }
    }
  });
  return {id, title: ind.title, subtitle: totals ? area.name : `${area.name} against its statistical neighbours, London and England`,
    unit: ind.unit, kind: 'line', source: ind.source, note: ind.note,
    period: periods.length > 1 ? `${periods[0].label} to ${periods.at(-1).label}` : periods[0].label, series};
}

// The profile's figure for the indicator (EHC plans: the plans over time, without the forecast).
function profileFigure(profile, id) {
  const found = profile.figures.find((f) => f.id === id) ??
    (id === 'ehc-plans' ? profile.figures.find((f) => f.id === 'plans-over-time') : null);
  if (!found) return null;
  const series = found.series.filter((s) => COMPARED.has(s.role));
  return series.length ? {...found, id, title: id === 'ehc-plans' ? 'EHC plans in place in January' : found.title, series, fromProfile: found.id} : null;
}

const hasValues = (figure) => figure?.series.some((s) => s.points.some((p) => typeof p.value === 'number'));

function figureCsv(figure) {
  const rows = figure.series.flatMap((s) => s.points.map((p) => [figure.id, s.name, p.label, p.year, p.value ?? '', p.symbol ?? '',
    figure.unit, figure.source]));
  return csvText(['figure', 'series', 'period', 'year', 'value', 'symbol', 'unit', 'source'], rows);
}

// One indicator's card: the chart with the start marked, its numbers, CSV and PNG.
function trendCard(figure, code, startedOn, signal) {
  const canvas = h('canvas', {});
  let chart = null;
  const year = fractionalYear(startedOn);
  const labels = figureLabels(figure);
  const index = year === null ? null : yearIndex(figure, labels, year);
  const started = startedOn ? dateInWords(startedOn) : '';
  const note = !startedOn ? 'The entry does not say when the practice started, so no start is marked.'
    : index === null ? `The practice started on ${started}, outside the years shown.`
      : `The dashed line marks when the practice started (${started}).`;
  const card = chartCard({
    testid: `indicator-chart-${figure.id}`, title: figure.title, subtitle: figure.subtitle, source: figure.source,
    period: figure.period, note: [note, figure.note].filter(Boolean).join(' '), canvas,
    csv: figure.fromProfile
      ? {href: `/api/stats/profile/${encodeURIComponent(code)}/figures/${encodeURIComponent(figure.fromProfile)}.csv`, fileName: `${code}-${figure.id}.csv`}
      : {fileName: `${code}-${figure.id}.csv`, text: () => figureCsv(figure)},
    png: {fileName: `${code}-${figure.id}.png`, url: () => (chart ? chartPng(chart) : null)},
    table: figureTable(figure),
  });
  card.dataset.indicator = figure.id;
  card.dataset.marker = index === null ? 'none' : 'drawn';
  const marker = index === null ? undefined : {year, label: `Started ${started}`};
  const drawn = drawFigure(canvas, figure, signal, {marker}).then((c) => {
    chart = c;
    card.dataset.drawn = 'true';
  });
  return {card, drawn};
}

// The section of the entry page: its charts are drawn once it is on the page; `done` settles then.
export function indicatorTrends(entry, signal) {
  const list = entry.indicator_titles ?? [];
  if (!list.length) return null;
  const area = h('div', {testid: 'indicator-charts'}, h('p', {class: 'loading'}, 'Loading the published statistics…'));
  const node = h('section', {class: 'section', testid: 'entry-indicators', 'aria-labelledby': 'entry-indicators-heading'},
    h('h2', {id: 'entry-indicators-heading'}, 'The indicators it aims to move'),
    h('p', {}, `${entry.lead_borough}’s published figures for the indicators this practice aims to move, against its statistical `,
      'neighbours, London and England, from the SEND data dashboard.'),
    h('p', {class: 'warning', testid: 'trend-caveat'}, h('strong', {}, 'A trend is not proof that the practice caused it.'),
      ' Other changes happen at the same time, and figures move for many reasons.'),
    area);

  const done = (async () => {
    let profile;
    try {
      profile = await api('GET', `/api/stats/profile/${encodeURIComponent(entry.lead_borough)}`, {signal});
    } catch (error) {
      if (signal.aborted) return;
      replaceChildren(area, error instanceof ApiError && error.status === 404
        ? message('info', h('span', {testid: 'no-statistics'}, `This server has no published statistics for ${entry.lead_borough} yet, `,
          'so the indicators cannot be drawn. An administrator imports them from DfE’s files (sendplan import dfe).'))
        : message('error', `The statistics could not be read: ${explain(error)}`));
      area.dataset.loaded = 'true';
      return;
    }
    if (signal.aborted) return;
    const figures = await Promise.all(list.map(async ({id, title}) => {
      try {
        const figure = profileFigure(profile, id) ?? await figureFromIndicator(id, profile, signal);
        return {id, title, figure: hasValues(figure) ? figure : null};
      } catch (error) {
        return {id, title, error};
      }
    }));
    if (signal.aborted) return;
    const cards = [];
    const nodes = figures.map(({id, title, figure, error}) => {
      if (figure) {
        const c = trendCard(figure, profile.area.code, entry.started_on, signal);
        cards.push(c);
        return c.card;
      }
      return h('div', {class: 'chart-card', testid: `indicator-chart-${id}`, dataset: {indicator: id, drawn: 'none'}},
        h('h3', {class: 'chart-card__title'}, title),
        error ? message('error', `The figures could not be read: ${explain(error)}`)
          : h('p', {testid: 'no-indicator-data'}, `There are no published figures for ${profile.area.name} on this indicator in this server’s statistics yet.`));
    });
    replaceChildren(area, h('div', {class: nodes.length === 1 ? 'chart-single' : 'chart-grid'}, nodes));
    await Promise.all(cards.map((c) => c.drawn)).catch((error) => {
      if (!signal.aborted) area.prepend(message('error', `The charts could not be drawn: ${error.message}.`));
    });
    if (!signal.aborted) area.dataset.loaded = 'true';
  })();
  return {node, done};
}
