// Area SEND inspections (GET /api/stats/inspections): the share of inspected areas at each
// outcome of the 2023 framework, London against England (a grouped bar chart and its table, CSV
// and PNG), every London borough's latest outcome with a link to the report, and the 2016-2022
// framework's count of London written statements of action.

import {api} from './api.js';
import {h, replaceChildren, table} from './dom.js';
import {chartPng, drawGroupedBars} from './charts.js';
import {chartCard, csvText, formatValue, statAreas} from './data_common.js';

export const OUTCOMES = {
  1: 'Outcome 1: positive experiences and outcomes',
  2: 'Outcome 2: inconsistent experiences and outcomes',
  3: 'Outcome 3: widespread or systemic failings',
};
const SHORT = {1: 'Outcome 1 (positive)', 2: 'Outcome 2 (inconsistent)', 3: 'Outcome 3 (systemic failings)'};

const share = (shares, outcome) => shares.outcomes.find((o) => o.outcome === outcome) ?? {areas: 0, percent: null};

function sharesCsv(data) {
  const rows = [];
  for (const shares of [data.london, data.england]) {
    for (const o of shares.outcomes) rows.push([shares.name, o.outcome, OUTCOMES[o.outcome], o.areas, shares.inspected, o.percent ?? '']);
  }
  return csvText(['area', 'outcome', 'outcome_text', 'areas', 'inspected', 'percent'], rows);
}

function sharesTable(data) {
  return table({
    caption: 'Areas at each outcome of their latest inspection under the 2023 framework',
    testid: 'inspection-shares',
    columns: [{label: 'Outcome'}, {label: 'London areas', className: 'num', field: 'london-areas'},
      {label: 'London (%)', className: 'num', field: 'london-percent'},
      {label: 'England areas', className: 'num', field: 'england-areas'}, {label: 'England (%)', className: 'num', field: 'england-percent'}],
    rows: [1, 2, 3].map((o) => [OUTCOMES[o], formatValue(share(data.london, o).areas, 'count'), formatValue(share(data.london, o).percent, 'percent'),
      formatValue(share(data.england, o).areas, 'count'), formatValue(share(data.england, o).percent, 'percent')]),
    rowProps: (i) => ({dataset: {outcome: String(i + 1)}}),
  });
}

// Every London borough with its latest 2023-framework inspection (or none yet).
function boroughList(data, areas) {
  const inspected = new Map(data.areas.map((a) => [a.area_code, a]));
  const london = areas.filter((a) => a.level === 'la' && a.london).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return table({
    caption: 'London boroughs: the latest area SEND inspection under the 2023 framework',
    testid: 'inspection-boroughs',
    columns: [{label: 'Borough', field: 'name'}, {label: 'Inspection started', field: 'started'}, {label: 'Published', field: 'published'},
      {label: 'Outcome', field: 'outcome'}, {label: 'Report', field: 'report'}],
    rows: london.map((area) => {
      const i = inspected.get(area.code);
      if (!i) return [area.name, '–', '–', h('span', {class: 'none'}, 'Not yet inspected under this framework'), ''];
      return [area.name, i.started || '–', i.published || '–',
        i.outcome ? h('span', {title: i.outcome_text}, OUTCOMES[i.outcome]) : (i.outcome_text || '–'),
        i.link ? h('a', {href: i.link, rel: 'external noopener noreferrer', target: '_blank'}, 'Read the report',
          h('span', {class: 'visually-hidden'}, ` for ${area.name} (opens in a new tab)`)) : ''];
    }),
    rowProps: (i) => ({dataset: {code: london[i].code}}),
  });
}

export async function showInspections(body, {signal}) {
  document.title = 'Inspections: sendplan';
  const [data, {areas}] = await Promise.all([api('GET', '/api/stats/inspections', {signal}), statAreas(signal)]);
  if (signal.aborted) return;
  const canvas = h('canvas', {});
  let chart = null;
  const card = chartCard({
    testid: 'inspection-chart', title: 'Area SEND inspection outcomes: London and England',
    subtitle: `Share of inspected areas at each outcome (London ${data.london.inspected}, England ${data.england.inspected} areas)`,
    source: data.source, period: 'Inspections under the 2023 framework to date (latest for each area)', canvas,
    csv: {fileName: 'area-send-inspection-outcomes.csv', text: () => sharesCsv(data)},
    png: {fileName: 'area-send-inspection-outcomes.png', url: () => (chart ? chartPng(chart) : null)},
    table: sharesTable(data),
  });
  const old = data.london_2016;
  replaceChildren(body,
    h('h1', {}, 'Area SEND inspections'),
    h('p', {class: 'lead'}, 'How Ofsted and the Care Quality Commission judged local areas’ SEND arrangements.'),
    h('dl', {class: 'figures', testid: 'inspection-figures'},
      h('div', {class: 'figure'}, h('dt', {class: 'figure__label'}, 'London areas at outcome 1'),
        h('dd', {class: 'figure__value', testid: 'london-outcome-1'}, formatValue(share(data.london, 1).percent, 'percent')),
        h('dd', {class: 'figure__note'}, `${share(data.london, 1).areas} of ${data.london.inspected} inspected`)),
      h('div', {class: 'figure'}, h('dt', {class: 'figure__label'}, 'England areas at outcome 1'),
        h('dd', {class: 'figure__value', testid: 'england-outcome-1'}, formatValue(share(data.england, 1).percent, 'percent')),
        h('dd', {class: 'figure__note'}, `${share(data.england, 1).areas} of ${data.england.inspected} inspected`)),
      h('div', {class: 'figure'}, h('dt', {class: 'figure__label'}, 'London written statements of action, 2016–2022 framework'),
        h('dd', {class: 'figure__value', testid: 'london-wsoa'}, formatValue(old.written_statements, 'count')),
        h('dd', {class: 'figure__note'}, `of ${old.inspected} London areas inspected`))),
    card,
    h('section', {class: 'section', 'aria-labelledby': 'boroughs-heading'},
      h('h2', {id: 'boroughs-heading'}, 'London boroughs'),
      h('div', {class: 'table-scroll'}, boroughList(data, areas)),
      h('p', {class: 'meta'}, 'Source: ', data.source, '.')));
  chart = await drawGroupedBars(canvas, {categories: [1, 2, 3].map((o) => SHORT[o]), unit: 'percent', groups: [
    {name: 'London', values: [1, 2, 3].map((o) => share(data.london, o).percent), colour: '#1d70b8'},
    {name: 'England', values: [1, 2, 3].map((o) => share(data.england, o).percent), colour: '#e69f00'},
  ]}, signal);
  if (!signal.aborted) card.dataset.drawn = 'true';
}
