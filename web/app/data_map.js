// The London map: a choropleth of the 33 boroughs (their GLA boundaries, drawn with Leaflet and no
// background tiles) coloured by one indicator in one period, with its legend, London's and
// England's values beside it, the borough under the pointer (or selected) named with its value,
// and CSV (values) and PNG (map with title and legend) downloads.

import {explain} from './api.js';
import {h, message, replaceChildren, table} from './dom.js';
import {loadLeaflet} from './map.js';
import {fileSlug, formatValue, indicatorCatalogue, saveText, saveUrl, valueCell} from './data_common.js';
import {classify, comparisonText, DEFAULT_INDICATOR, fetchIndicator, indicatorControls, MISSING_FILL,
  symbolsExplained, valuesCsv} from './data_indicator.js';

// The boundaries of every borough: [{name, code, feature}] (fetched once; the server caches them).
let boundaries = null;
function loadBoundaries(boroughs) {
  boundaries ??= boroughs().then((list) => Promise.all(list.map(async (b) => {
    const response = await fetch(`/api/boroughs/${encodeURIComponent(b.name)}/boundary`, {credentials: 'same-origin'});
    if (!response.ok) throw new Error(`the boundary of ${b.name} did not load (HTTP ${response.status})`);
    return {name: b.name, code: b.gss_code, feature: await response.json()};
  })));
  boundaries.catch(() => { boundaries = null; });
  return boundaries;
}

const SVG = 'http://www.w3.org/2000/svg';
// Grey diagonal hatching for a borough without a value (inside Leaflet's own SVG).
function addHatching(svg) {
  if (svg.querySelector('#choropleth-missing')) return;
  const defs = document.createElementNS(SVG, 'defs');
  const pattern = document.createElementNS(SVG, 'pattern');
  for (const [k, v] of Object.entries({id: 'choropleth-missing', width: '8', height: '8', patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)'})) pattern.setAttribute(k, v);
  const back = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({width: '8', height: '8', fill: '#e8e8e8'})) back.setAttribute(k, v);
  const line = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({width: '3', height: '8', fill: '#9a9a9a'})) line.setAttribute(k, v);
  pattern.append(back, line);
  defs.append(pattern);
  svg.prepend(defs);
}

function legendList(scale, unit, missingText) {
  return h('ul', {class: 'legend', testid: 'map-legend'},
    scale.classes.map((c) => h('li', {class: 'legend__item'},
      h('span', {class: 'legend__swatch', style: `background: ${c.colour}`, 'aria-hidden': 'true'}),
      c.areas ? `${formatValue(c.min, unit)} to ${formatValue(c.max, unit)} (${c.areas})` : 'no borough in this class')),
    missingText ? h('li', {class: 'legend__item'},
      h('span', {class: 'legend__swatch legend__swatch--missing', 'aria-hidden': 'true'}), `No value: ${missingText}`) : null);
}

// The map as a PNG: Leaflet's SVG drawn on a canvas, with the title, legend and source.
async function mapPng(container, data, scale, missingText) {
  const svg = container.querySelector('.leaflet-overlay-pane svg');
  if (!svg) return null;
  const clone = svg.cloneNode(true);
  clone.setAttribute('xmlns', SVG);
  clone.removeAttribute('style');
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width + 300;
  canvas.height = Math.max(height, 260) + 90;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#0b0c0c';
  ctx.font = 'bold 18px Arial, sans-serif';
  ctx.fillText(`${data.indicator.title}, ${data.period}`, 12, 28);
  ctx.drawImage(image, 0, 45, width, height);
  ctx.font = '14px Arial, sans-serif';
  scale.classes.forEach((c, i) => {
    ctx.fillStyle = c.colour;
    ctx.fillRect(width + 12, 60 + i * 28, 22, 18);
    ctx.strokeStyle = '#505a5f';
    ctx.strokeRect(width + 12, 60 + i * 28, 22, 18);
    ctx.fillStyle = '#0b0c0c';
    ctx.fillText(c.areas ? `${formatValue(c.min, data.indicator.unit)} to ${formatValue(c.max, data.indicator.unit)}` : '–',
      width + 42, 74 + i * 28);
  });
  ctx.fillStyle = '#505a5f';
  ctx.fillText(scale.words, width + 12, 60 + 5 * 28 + 14, 280);
  if (missingText) ctx.fillText(`Hatched: no value (${missingText})`, width + 12, 60 + 6 * 28 + 14, 280);
  ctx.font = '12px Arial, sans-serif';
  ctx.fillText(`Source: ${data.indicator.source}. Boundaries: GLA, ONS. Contains public sector information (OGL v3.0).`,
    12, canvas.height - 16, canvas.width - 24);
  return canvas.toDataURL('image/png');
}

export async function showMap(body, {signal, boroughs}, [wantedId, wantedPeriod]) {
  document.title = 'London map: sendplan';
  const [{indicators}, L, shapes] = await Promise.all([indicatorCatalogue(signal), loadLeaflet(), loadBoundaries(boroughs)]);
  if (signal.aborted) return;
  let id = indicators.some((i) => i.id === wantedId) ? wantedId : DEFAULT_INDICATOR;
  let data = await fetchIndicator(id, {period: wantedPeriod || null, signal});
  if (signal.aborted) return;

  const controlsSlot = h('div', {});
  const container = h('div', {class: 'map map--choropleth', testid: 'choropleth', role: 'region',
    'aria-label': 'Map of London’s boroughs coloured by the indicator; the values are in the table under the map'});
  const side = h('div', {class: 'map-side'});
  const info = h('p', {class: 'map-info', testid: 'map-info', 'aria-live': 'polite'}, 'Point at or select a borough to see its value.');
  const meta = h('div', {class: 'chart-card__meta', testid: 'map-meta'});
  const numbers = h('div', {class: 'table-scroll'});
  const status = h('div', {'aria-live': 'polite'});
  let scale = null;
  let missingText = '';
  const pngButton = h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'download-png',
    onclick: async () => {
      try {
        const url = await mapPng(container, data, scale, missingText);
        if (url) saveUrl(`london-${data.indicator.id}-${fileSlug(data.period)}.png`, url);
      } catch (error) {
        replaceChildren(status, message('error', `The map could not be saved as a picture: ${error.message}`));
      }
    }}, 'Download PNG');
  const csvButton = h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'download-csv',
    onclick: () => saveText(`london-${data.indicator.id}-${fileSlug(data.period)}.csv`, valuesCsv(data))}, 'Download CSV');

  replaceChildren(body,
    h('h1', {}, 'London map'),
    h('p', {class: 'lead'}, 'One published indicator for each of London’s 33 boroughs. Choose the indicator and the period.'),
    controlsSlot,
    h('div', {class: 'map-layout'}, container, side),
    info, meta, h('div', {class: 'button-row'}, csvButton, pngButton), status,
    h('details', {class: 'chart-card__numbers'}, h('summary', {}, 'Show the numbers'), numbers));

  const map = L.map(container, {zoomSnap: 0.25, renderer: L.svg({padding: 0}), attributionControl: true});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Boundaries: Greater London Authority, ONS');
  signal.addEventListener('abort', () => map.remove(), {once: true});
  const byCode = new Map();
  const describe = (code) => {
    const shape = byCode.get(code);
    const v = data.values.find((x) => x.area_code === code);
    const value = v ? formatValue(v.value, data.indicator.unit, v.symbol) : 'no value published for this period';
    return `${shape.name}: ${value}${v?.rank ? ` (rank ${v.rank} of ${data.values.filter((x) => x.rank).length})` : ''}`;
  };
  for (const shape of shapes) {
    const layer = L.geoJSON(shape.feature, {className: 'choropleth-area', style: {color: '#ffffff', weight: 1, fillOpacity: 1}});
    // A DOM node, not a string: Leaflet parses a string tooltip as HTML, and names come from data.
    layer.bindTooltip(() => h('span', {}, describe(shape.code)), {sticky: true});
    layer.on('mouseover click', () => { info.textContent = describe(shape.code); });
    byCode.set(shape.code, {...shape, layer});
  }
  // (The view first: Leaflet draws the shapes, and makes its SVG, once the map has one.)
  const layers = [...byCode.values()].map((s) => s.layer);
  map.fitBounds(L.featureGroup(layers).getBounds(), {padding: [8, 8]});
  for (const [code, shape] of byCode) {
    shape.layer.addTo(map);
    shape.layer.eachLayer((path) => { path.getElement()?.setAttribute('data-code', code); });
  }
  addHatching(container.querySelector('.leaflet-overlay-pane svg'));

  function paint() {
    const ind = data.indicator;
    scale = classify(data.values.map((v) => v.value), ind.polarity);
    const cells = [...byCode.keys()].map((code) => data.values.find((v) => v.area_code === code) ?? {symbol: ''});
    for (const [code, shape] of byCode) {
      const v = data.values.find((x) => x.area_code === code);
      shape.layer.setStyle({fillColor: scale.colourOf(v?.value) ?? MISSING_FILL});
    }
    missingText = symbolsExplained(cells);
    replaceChildren(controlsSlot, indicatorControls({indicators, id: ind.id, periods: data.periods, period: data.period, onChange: change}));
    replaceChildren(side,
      h('h2', {class: 'map-side__title', testid: 'map-title'}, ind.title),
      h('p', {class: 'map-side__period'}, `Period: ${data.period}`),
      legendList(scale, ind.unit, missingText),
      h('p', {class: 'hint'}, scale.words, ' Classes hold about a fifth of the boroughs each.'),
      h('dl', {class: 'comparisons', testid: 'map-comparisons'},
        h('dt', {}, 'London'), h('dd', {testid: 'map-london'}, comparisonText(data.london, ind.unit)),
        h('dt', {}, 'England'), h('dd', {testid: 'map-england'}, comparisonText(data.england, ind.unit))));
    replaceChildren(meta, h('p', {}, `Source: ${ind.source}. Period: ${data.period}.`), ind.note ? h('p', {}, ind.note) : null);
    const rows = [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')).map((s) => {
      const v = data.values.find((x) => x.area_code === s.code);
      return [s.name, v ? valueCell(v.value, ind.unit, v.symbol) : valueCell(null, ind.unit, ''), v?.rank ? String(v.rank) : '–'];
    });
    replaceChildren(numbers, table({caption: `${ind.title}, ${data.period}`, testid: 'map-table',
      columns: [{label: 'Borough'}, {label: 'Value', className: 'num'}, {label: 'Rank', className: 'num'}], rows}));
    container.dataset.indicator = ind.id;
    container.dataset.period = data.period;
  }

  async function change({id: newId, period}) {
    try {
      const next = await fetchIndicator(newId, {period, signal});
      if (signal.aborted) return;
      data = next;
      id = newId;
      history.replaceState(null, '', `#/data/map/${encodeURIComponent(id)}/${encodeURIComponent(data.period)}`);
      replaceChildren(status);
      const focused = document.activeElement?.id;
      paint();
      if (focused === 'indicator-select' || focused === 'period-select') document.getElementById(focused)?.focus();
    } catch (error) {
      if (!signal.aborted) replaceChildren(status, message('error', explain(error)));
    }
  }
  paint();
}
