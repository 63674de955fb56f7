// Gaps in provision (every role): for each sub-regional partnership and primary need, the
// children who need an independent or non-maintained special school place (SEN2) against the
// places of such providers in the sub-region; the gap (demand − capacity, a shortfall when
// positive) as a sub-region × need table, the chosen need's figures by sub-region and borough, a
// chart, the method, and a London map of the boroughs shaded by their sub-region's gap.

import {api} from './api.js';
import {h, message, replaceChildren} from './dom.js';
import {count} from './format.js';
import {chartPng, drawGroupedBars} from './charts.js';
import {csvText, saveUrl, loadInto} from './data_common.js';
import {loadLeaflet} from './map.js';
import {field, isIsoDate, needName, needOptions, oneDp, placementsChartCard, placementsMeta,
  SUPPRESSED_NOTE, suppressedCell, tableCard} from './placements_common.js';

const isNull = (v) => v === null || v === undefined;
const signed = (v) => (isNull(v) ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${oneDp(Math.abs(v))}`);
const gapClass = (v) => (v > 0 ? 'gap gap--shortfall' : 'gap gap--surplus');
const countOrSuppressed = (v) => (isNull(v) ? suppressedCell() : count(v));

// The sub-region × need matrix of gaps.
function matrix(meta, data) {
  const areas = [...data.sub_regions, 'London'];
  const cellOf = (area, need) => (area === 'London' ? data.london : data.cells).find((c) => c.area === area && c.need === need);
  const tableElement = h('table', {class: 'table table--compact', testid: 'gaps-matrix'},
    h('caption', {class: 'table__caption'}, `Gap (demand − capacity) by sub-region and primary need, on ${data.date}. `,
      'Positive (shaded) is a shortfall of local places; negative a surplus.'),
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Sub-region'),
      data.needs.map((n) => h('th', {scope: 'col', class: 'num', title: needName(meta, n)}, n.toUpperCase())))),
    h('tbody', {}, areas.map((area) => h('tr', {dataset: {area}, class: area === 'London' ? 'row--total' : undefined},
      h('th', {scope: 'row'}, area),
      data.needs.map((n) => {
        const c = cellOf(area, n);
        return h('td', {class: `num ${c ? gapClass(c.gap) : ''}`, dataset: {need: n, field: 'gap'},
          title: c ? `${area}, ${needName(meta, n)}: demand ${c.demand}, capacity ${oneDp(c.capacity)}` : undefined}, c ? signed(c.gap) : '–');
      })))));
  const rows = [];
  for (const area of areas) {
    for (const n of data.needs) {
      const c = cellOf(area, n);
      if (c) rows.push([area, n, c.demand, isNull(c.commissioned) ? 'suppressed' : c.commissioned,
        isNull(c.placed_out_of_area) ? 'suppressed' : c.placed_out_of_area, c.capacity, c.vacancies, c.gap]);
    }
  }
  return tableCard({
    testid: 'gaps-matrix-card', title: 'Gaps by sub-region and need', date: data.date, tableElement,
    csv: {header: ['area', 'need', 'demand', 'commissioned', 'placed_out_of_area', 'capacity', 'vacancies', 'gap'], rows},
    png: {header: ['Sub-region', ...data.needs.map((n) => n.toUpperCase())],
      rows: areas.map((area) => [area, ...data.needs.map((n) => { const c = cellOf(area, n); return c ? signed(c.gap) : '–'; })])},
    fileBase: `gaps-by-sub-region-${data.date}`,
  });
}

function detailTable(cells, caption, testid, areaLabel) {
  return h('table', {class: 'table', testid},
    h('caption', {class: 'table__caption'}, caption),
    h('thead', {}, h('tr', {}, [areaLabel, 'Demand (SEN2)', 'Commissioned (register)', 'Placed out of area', 'Capacity (places)', 'Vacancies', 'Gap']
      .map((c, i) => h('th', {scope: 'col', class: i ? 'num' : undefined}, c)))),
    h('tbody', {}, cells.map((c) => h('tr', {dataset: {area: c.area}, class: c.area === 'London' ? 'row--total' : undefined},
      h('th', {scope: 'row', dataset: {field: 'area'}}, c.area),
      h('td', {class: 'num', dataset: {field: 'demand'}}, count(c.demand)),
      h('td', {class: 'num', dataset: {field: 'commissioned'}}, countOrSuppressed(c.commissioned)),
      h('td', {class: 'num', dataset: {field: 'placed_out_of_area'}}, countOrSuppressed(c.placed_out_of_area)),
      h('td', {class: 'num', dataset: {field: 'capacity'}}, oneDp(c.capacity)),
      h('td', {class: 'num', dataset: {field: 'vacancies'}}, oneDp(c.vacancies)),
      h('td', {class: `num ${gapClass(c.gap)}`, dataset: {field: 'gap'}}, signed(c.gap))))));
}

const detailCsv = (cells, need) => ({header: ['area', 'need', 'demand', 'commissioned', 'placed_out_of_area', 'capacity', 'vacancies', 'gap'],
  rows: cells.map((c) => [c.area, need, c.demand, isNull(c.commissioned) ? 'suppressed' : c.commissioned,
    isNull(c.placed_out_of_area) ? 'suppressed' : c.placed_out_of_area, c.capacity, c.vacancies, c.gap])});
const detailPng = (cells, label) => ({header: [label, 'Demand', 'Commissioned', 'Out of area', 'Capacity', 'Vacancies', 'Gap'],
  rows: cells.map((c) => [c.area, count(c.demand), isNull(c.commissioned) ? '<5 suppressed' : count(c.commissioned),
    isNull(c.placed_out_of_area) ? '<5 suppressed' : count(c.placed_out_of_area), oneDp(c.capacity), oneDp(c.vacancies), signed(c.gap)])});

// Colours of the map: a surplus blue; shortfalls in four shades of red by size.
function gapColour(gap, max) {
  if (gap <= 0) return '#92c5de';
  const f = max > 0 ? gap / max : 1;
  return f <= 0.25 ? '#fddbc7' : f <= 0.5 ? '#f4a582' : f <= 0.75 ? '#d6604d' : '#b2182b';
}

let boundaries = null;
function loadBoundaries(boroughs) {
  boundaries ??= boroughs().then((list) => Promise.all(list.map(async (b) => {
    const response = await fetch(`/api/boroughs/${encodeURIComponent(b.name)}/boundary`, {credentials: 'same-origin'});
    if (!response.ok) throw new Error(`the boundary of ${b.name} did not load (HTTP ${response.status})`);
    return {name: b.name, feature: await response.json()};
  })));
  boundaries.catch(() => { boundaries = null; });
  return boundaries;
}

async function gapMap(container, legend, meta, data, need, boroughs, signal) {
  const [L, shapes] = await Promise.all([loadLeaflet(), loadBoundaries(boroughs)]);
  if (signal.aborted) return;
  const bySub = new Map(data.cells.filter((c) => c.need === need).map((c) => [c.area, c]));
  const max = Math.max(0, ...[...bySub.values()].map((c) => c.gap));
  const map = L.map(container, {zoomSnap: 0.25, renderer: L.svg({padding: 0}), attributionControl: true});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Boundaries: Greater London Authority, ONS');
  signal.addEventListener('abort', () => map.remove(), {once: true});
  const layers = shapes.map((s) => {
    const subRegion = meta.boroughs.find((b) => b.name === s.name)?.sub_region;
    const cell = bySub.get(subRegion);
    const layer = L.geoJSON(s.feature, {className: 'gap-area', style: {color: '#ffffff', weight: 1, fillOpacity: 1,
      fillColor: cell ? gapColour(cell.gap, max) : '#e8e8e8'}});
    // A DOM node, not a string: Leaflet parses a string tooltip as HTML, and names come from data.
    layer.bindTooltip(() => h('span', {},
      `${s.name} (${subRegion ?? 'no sub-region'}): ${cell ? `gap ${signed(cell.gap)} places` : 'no figure'}`), {sticky: true});
    return {layer, name: s.name, subRegion};
  });
  map.fitBounds(L.featureGroup(layers.map((l) => l.layer)).getBounds(), {padding: [8, 8]});
  for (const l of layers) {
    l.layer.addTo(map);
    l.layer.eachLayer((path) => { path.getElement()?.setAttribute('data-borough', l.name); });
  }
  const steps = [['#92c5de', 'Surplus or no gap (0 or less)'], ['#fddbc7', `Shortfall up to ${oneDp(max / 4)}`],
    ['#f4a582', `${oneDp(max / 4)} to ${oneDp(max / 2)}`], ['#d6604d', `${oneDp(max / 2)} to ${oneDp(max * 0.75)}`],
    ['#b2182b', `${oneDp(max * 0.75)} to ${oneDp(max)}`]];
  replaceChildren(legend, h('ul', {class: 'legend', testid: 'gap-legend'}, steps.map(([colour, text]) => h('li', {class: 'legend__item'},
    h('span', {class: 'legend__swatch', style: `background: ${colour}`, 'aria-hidden': 'true'}), text))));
  container.dataset.need = need;
  container.dataset.drawn = 'true';
}

export async function showGaps(body, {signal, boroughs}) {
  document.title = 'Gaps in provision: sendplan';
  const meta = await placementsMeta();
  if (signal.aborted) return;
  let date = meta.today;
  const dateInput = h('input', {type: 'date', class: 'input input--date', value: date, testid: 'gaps-date'});
  const status = h('div', {'aria-live': 'polite'});
  const content = h('div', {testid: 'gaps-content'});
  replaceChildren(body,
    h('h1', {}, 'Gaps in provision'),
    h('p', {class: 'lead'}, 'Children who need a place in an independent or non-maintained special school, against the places of such ',
      'providers in each sub-regional partnership.'),
    h('div', {class: 'controls'}, field({id: 'gaps-date-input', label: 'On date', control: dateInput})),
    status, content);

  async function load() {
    const data = await loadInto(status, signal, () => api('GET', `/api/placements/gaps?date=${encodeURIComponent(date)}`, {signal}));
    if (data === null) return;
    const needSelect = h('select', {class: 'select', testid: 'gaps-need'}, needOptions(meta, data.needs[0]).slice(1)
      .flat().filter((o) => data.needs.includes(o.value)));
    const detail = h('div', {});
    const mapSlot = h('div', {});
    let mapController = null;
    async function fillNeed() {
      const need = needSelect.value;
      const label = needName(meta, need);
      const subs = data.sub_regions.map((s) => data.cells.find((c) => c.area === s && c.need === need)).filter(Boolean);
      const london = data.london.find((c) => c.need === need);
      const subCells = london ? [...subs, london] : subs;
      const boroughCells = data.boroughs.filter((c) => c.need === need);
      const canvas = h('canvas', {});
      let chart = null;
      const card = placementsChartCard({
        testid: 'gaps-chart', title: `Demand and local capacity: ${label}`, subtitle: 'Children (SEN2) against places in the sub-region',
        source: 'DfE SEN2 (demand); the sendplan placements register (capacity)', period: data.date, canvas, height: 300,
        csv: {fileName: `gaps-${need}-${data.date}.csv`, text: () => { const c = detailCsv(subCells, need); return csvText(c.header, c.rows); }},
        png: {fileName: `gaps-${need}-${data.date}.png`, url: () => (chart ? chartPng(chart) : null)},
        table: detailTable(subCells, `${label}: the numbers of the chart.`, 'gaps-chart-table', 'Sub-region'),
      });
      mapController?.abort();
      mapController = new AbortController();
      const mapSignal = mapController.signal;
      signal.addEventListener('abort', () => mapController.abort(), {once: true});
      const mapContainer = h('div', {class: 'map map--choropleth map--gaps', testid: 'gaps-map', role: 'region',
        'aria-label': `Map of London’s boroughs shaded by their sub-region’s gap for ${label}; the figures are in the tables`});
      const legend = h('div', {class: 'map-side'});
      replaceChildren(detail,
        tableCard({
          testid: 'gaps-need-card', title: `${label} by sub-region`, date: data.date,
          tableElement: detailTable(subCells, `${label} on ${data.date}: demand, what the register shows commissioned, capacity and the gap.`,
            'gaps-need-table', 'Sub-region'),
          csv: detailCsv(subCells, need), png: detailPng(subCells, 'Sub-region'), fileBase: `gaps-${need}-sub-regions-${data.date}`,
          note: subCells.some((c) => isNull(c.commissioned) || isNull(c.placed_out_of_area)) ? SUPPRESSED_NOTE : null,
        }),
        card,
        h('details', {class: 'chart-card__numbers', testid: 'gaps-boroughs'}, h('summary', {}, `${label} by borough`),
          tableCard({
            testid: 'gaps-borough-card', title: `${label} by borough`, date: data.date,
            subtitle: 'Capacity here is of the providers in the borough itself; out of area means out of the borough.',
            tableElement: detailTable(boroughCells, `${label} by borough on ${data.date}.`, 'gaps-borough-table', 'Borough'),
            csv: detailCsv(boroughCells, need), png: detailPng(boroughCells, 'Borough'), fileBase: `gaps-${need}-boroughs-${data.date}`,
            note: boroughCells.some((c) => isNull(c.commissioned) || isNull(c.placed_out_of_area)) ? SUPPRESSED_NOTE : null,
          })));
      replaceChildren(mapSlot, h('h3', {}, `Map: each borough shaded by its sub-region’s gap for ${label}`),
        h('div', {class: 'map-layout'}, mapContainer, legend),
        h('div', {class: 'button-row'}, h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'gaps-map-png',
          onclick: async () => { const url = await mapPicture(mapContainer, `Gap in places, ${label}, ${data.date}`); if (url) saveUrl(`gaps-map-${need}-${data.date}.png`, url); }},
        'Download PNG')));
      chart = await drawGroupedBars(canvas, {categories: subs.map((c) => c.area), unit: 'count', groups: [
        {name: 'Demand (children)', values: subs.map((c) => c.demand), colour: '#d55e00'},
        {name: 'Capacity (places)', values: subs.map((c) => Math.round(c.capacity * 10) / 10), colour: '#0072b2'},
      ]}, signal);
      if (chart) card.dataset.drawn = 'true';
      try {
        await gapMap(mapContainer, legend, meta, data, need, boroughs, mapSignal);
      } catch (error) {
        if (!mapSignal.aborted) replaceChildren(legend, message('error', `The map could not be drawn: ${error.message}`));
      }
    }
    needSelect.addEventListener('change', fillNeed);
    delete content.dataset.loaded;
    replaceChildren(content,
      h('section', {class: 'section', testid: 'gaps-method'}, h('h2', {}, 'Method'), h('p', {testid: 'gaps-method-text'}, data.method)),
      h('section', {class: 'section'}, h('h2', {}, 'All needs'), matrix(meta, data)),
      h('section', {class: 'section'}, h('h2', {}, 'One need'),
        h('div', {class: 'controls'}, field({id: 'gaps-need-select', label: 'Primary need', control: needSelect})),
        detail, mapSlot));
    await fillNeed();
    if (!signal.aborted) content.dataset.loaded = data.date;
  }
  dateInput.addEventListener('change', () => {
    if (!isIsoDate(dateInput.value)) return;
    date = dateInput.value;
    load();
  });
  await load();
}

// The map's SVG as a PNG with a title.
async function mapPicture(container, title) {
  const svg = container.querySelector('.leaflet-overlay-pane svg');
  if (!svg) return null;
  const clone = svg.cloneNode(true);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.removeAttribute('style');
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height + 50;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#0b0c0c';
  ctx.font = 'bold 17px Arial, sans-serif';
  ctx.fillText(title, 12, 28, width - 24);
  ctx.drawImage(image, 0, 45, width, height);
  return canvas.toDataURL('image/png');
}
