// Charts for the SEND data pages: the one module that knows Chart.js (its UMD build, loaded the
// first time a chart is drawn, as the global Chart). A profile figure from the API becomes a line,
// grouped bar or stacked bar chart; a forecast band (series "low" and "high") is shaded between
// the two; a missing value (null) is a gap, never a zero. Charts draw without animation on a white
// background, so a PNG of one is what the page shows.

import {axisValue, formatValue} from './data_common.js';

let chartJs = null;
export function loadChartJs() {
  chartJs ??= new Promise((resolve, reject) => {
    if (window.Chart) return resolve(window.Chart);
    const script = document.createElement('script');
    script.src = '/vendor/chart.js/chart.umd.min.js';
    script.onload = () => (window.Chart ? resolve(window.Chart) : reject(new Error('Chart.js did not load')));
    script.onerror = () => {
      chartJs = null;
      reject(new Error('the chart library could not be loaded'));
    };
    document.head.append(script);
  });
  return chartJs;
}

// Colours that stay apart for most kinds of colour blindness (Okabe-Ito, then Tol's muted).
export const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442',
  '#332288', '#88ccee', '#44aa99', '#117733', '#999933', '#882255', '#aa4499', '#6a6a6a'];
const BRAND = '#1d70b8';
const BAND = 'rgba(29, 112, 184, 0.18)';

// How each series role looks: colour, dash and point shape (shapes tell lines apart without colour).
const ROLE_STYLE = {
  area: {colour: BRAND, width: 3, point: 'circle'},
  neighbours: {colour: '#d55e00', width: 2, point: 'triangle'},
  london: {colour: '#009e73', width: 2, point: 'rect'},
  england: {colour: '#505a5f', width: 2, point: 'rectRot', dash: [2, 3]},
  forecast: {colour: BRAND, width: 3, point: 'circle', dash: [8, 5]},
};

// Paints the canvas white under the chart (a downloaded PNG is otherwise transparent).
const whiteBackground = {
  id: 'sendplanWhiteBackground',
  beforeDraw(chart) {
    const {ctx, width, height} = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

// The x labels of a figure: every label of every series, in year order (then first seen).
export function figureLabels(figure) {
  const seen = new Map();
  for (const series of figure.series ?? []) {
    for (const p of series.points ?? []) {
      if (!seen.has(p.label)) seen.set(p.label, {label: p.label, year: p.year ?? 0, order: seen.size});
    }
  }
  return [...seen.values()].sort((a, b) => (a.year - b.year) || (a.order - b.order)).map((x) => x.label);
}

// {label: point} of one series.
export function pointsByLabel(series) {
  return new Map((series.points ?? []).map((p) => [p.label, p]));
}

function commonOptions(unit, {legend = true, indexAxis = 'x', stacked = false} = {}) {
  const valueAxis = {
    stacked,
    ticks: {callback: (v) => axisValue(v, unit)},
    grid: {color: '#e5e6e7'},
  };
  const categoryAxis = {stacked, grid: {display: false}, ticks: {autoSkip: true, maxRotation: 0}};
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    indexAxis,
    interaction: {mode: 'index', intersect: false, axis: indexAxis},
    font: {family: 'Arial, sans-serif'},
    plugins: {
      legend: {display: legend, position: 'bottom', labels: {usePointStyle: true, boxWidth: 9, boxHeight: 9, filter: (item, data) =>
        data.datasets[item.datasetIndex]?.role !== 'low'}},
      tooltip: {callbacks: {label: (c) => `${c.dataset.seriesName ?? c.dataset.label}: ${tooltipValue(c, unit)}`}},
    },
    scales: indexAxis === 'y' ? {x: valueAxis, y: categoryAxis} : {x: categoryAxis, y: valueAxis},
  };
}

function tooltipValue(context, unit) {
  const point = context.dataset.points?.[context.dataIndex];
  return formatValue(context.raw, unit, point?.symbol);
}

// The Chart.js datasets of a profile figure.
function figureDatasets(figure, labels) {
  const series = figure.series ?? [];
  const lowIndex = series.findIndex((s) => s.role === 'low');
  let other = 0;
  return series.map((s, i) => {
    const byLabel = pointsByLabel(s);
    const points = labels.map((l) => byLabel.get(l) ?? null);
    const data = points.map((p) => (p && typeof p.value === 'number' ? p.value : null));
    const base = {label: s.name, seriesName: s.name, role: s.role, data, points};
    if (s.role === 'low' || s.role === 'high') {
      return {...base, label: s.role === 'high' ? (figure.unit === 'pounds' ? 'Cost band' : 'Forecast band') : s.name,
        borderColor: 'rgba(29, 112, 184, 0.45)', borderWidth: 1, backgroundColor: BAND, pointRadius: 0,
        pointStyle: 'rect', fill: s.role === 'high' && lowIndex >= 0 ? lowIndex : false, spanGaps: false};
    }
    const style = ROLE_STYLE[s.role] ?? {colour: PALETTE[(other++) % PALETTE.length], width: 2, point: 'circle'};
    const colour = figure.kind === 'line' || ROLE_STYLE[s.role] ? style.colour : PALETTE[i % PALETTE.length];
    return {...base, borderColor: colour, backgroundColor: colour, borderWidth: figure.kind === 'line' ? style.width : 0,
      borderDash: style.dash, pointStyle: style.point, pointRadius: figure.kind === 'line' ? 3 : undefined,
      fill: false, spanGaps: false};
  });
}

function track(chart, signal) {
  signal?.addEventListener('abort', () => chart.destroy(), {once: true});
  return chart;
}

// The x position of a fractional year (2023.67) among `labels` of `figure` (each label's year),
// as a fractional label index; null when it falls outside them.
export function yearIndex(figure, labels, year) {
  const years = new Map();
  for (const s of figure.series ?? []) for (const p of s.points ?? []) if (p.year) years.set(p.label, p.year);
  const known = labels.map((l, i) => [i, years.get(l)]).filter(([, y]) => y);
  for (let k = 0; k + 1 < known.length; k++) {
    const [i, a] = known[k];
    const [j, b] = known[k + 1];
    if (year >= a && year <= b) return b === a ? i : i + ((year - a) / (b - a)) * (j - i);
  }
  if (known.length && year === known.at(-1)[1]) return known.at(-1)[0];
  return null;
}

// A dashed vertical line with a label at a fractional label index: options.plugins.sendplanMarker
// {index, label}.
const verticalMarker = {
  id: 'sendplanMarker',
  afterDatasetsDraw(chart, args, options) {
    if (options?.index === null || options?.index === undefined) return;
    const scale = chart.scales.x;
    const low = Math.floor(options.index);
    const high = Math.ceil(options.index);
    const x = scale.getPixelForValue(low) + (options.index - low) * (scale.getPixelForValue(high) - scale.getPixelForValue(low));
    const {top, bottom} = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = '#0b0c0c';
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    if (options.label) {
      ctx.setLineDash([]);
      ctx.font = 'bold 12px Arial, sans-serif';
      ctx.fillStyle = '#0b0c0c';
      const width = ctx.measureText(options.label).width;
      const left = x + width + 8 > chart.chartArea.right ? x - width - 6 : x + 6;
      ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
      ctx.fillRect(left - 3, top + 1, width + 6, 16);
      ctx.fillStyle = '#0b0c0c';
      ctx.fillText(options.label, left, top + 13);
    }
    ctx.restore();
  },
};

// Draws a profile figure (kind line | bar | stacked-bar) on `canvas`; `marker` {year, label} draws
// a dashed vertical line at that (fractional) year when it falls among the figure's years.
export async function drawFigure(canvas, figure, signal, {marker} = {}) {
  const Chart = await loadChartJs();
  if (signal?.aborted) return null;
  const labels = figureLabels(figure);
  const kind = figure.kind === 'line' ? 'line' : 'bar';
  const options = commonOptions(figure.unit, {stacked: figure.kind === 'stacked-bar'});
  const plugins = [whiteBackground];
  if (marker) {
    options.plugins.sendplanMarker = {index: yearIndex(figure, labels, marker.year), label: marker.label};
    plugins.push(verticalMarker);
  }
  return track(new Chart(canvas, {type: kind, data: {labels, datasets: figureDatasets(figure, labels)},
    options, plugins}), signal);
}

// A bar chart of named values: rows [{label, value, symbol, colour?}] (horizontal by default).
export async function drawBars(canvas, {rows, unit, name, horizontal = true}, signal) {
  const Chart = await loadChartJs();
  if (signal?.aborted) return null;
  const dataset = {label: name, seriesName: name, data: rows.map((r) => r.value ?? null), points: rows,
    backgroundColor: rows.map((r) => r.colour ?? BRAND), borderColor: '#505a5f', borderWidth: 1, barPercentage: 0.85};
  const options = commonOptions(unit, {legend: false, indexAxis: horizontal ? 'y' : 'x'});
  if (horizontal) options.scales.y.ticks = {autoSkip: false, font: {size: 11}};
  return track(new Chart(canvas, {type: 'bar', data: {labels: rows.map((r) => r.label), datasets: [dataset]},
    options, plugins: [whiteBackground]}), signal);
}

// A grouped bar chart: categories along x, one dataset per group [{name, values, colour}].
export async function drawGroupedBars(canvas, {categories, groups, unit}, signal) {
  const Chart = await loadChartJs();
  if (signal?.aborted) return null;
  const datasets = groups.map((g, i) => ({label: g.name, seriesName: g.name, data: g.values,
    backgroundColor: g.colour ?? PALETTE[i % PALETTE.length], borderWidth: 0}));
  return track(new Chart(canvas, {type: 'bar', data: {labels: categories, datasets},
    options: commonOptions(unit), plugins: [whiteBackground]}), signal);
}

// The chart as a PNG data URL.
export function chartPng(chart) {
  return chart.toBase64Image('image/png', 1);
}
