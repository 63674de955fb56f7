// A local authority's SEND profile (GET /api/stats/profile/CODE): key facts as cards, every
// figure drawn as a chart with its source, period, CSV and PNG downloads and its numbers as a
// table, the plan forecast's cost per plan (which reloads the profile with ?cost_per_plan=), the
// HTML report, the notes and the attribution.

import {api, explain} from './api.js';
import {h, message, replaceChildren, table} from './dom.js';
import {drawFigure, chartPng, figureLabels, pointsByLabel} from './charts.js';
import {areaOptions, chartCard, formatValue, statAreas, valueCell} from './data_common.js';

const profilePath = (code) => `/api/stats/profile/${encodeURIComponent(code)}`;
const withCost = (path, cost) => (cost === null ? path : `${path}?cost_per_plan=${encodeURIComponent(cost)}`);

// The area choice (a form, so moving through the list with the keyboard does not leave the page).
export function areaPicker(areas, selected, {label, onChoose, testid}) {
  const select = h('select', {id: `${testid}-select`, class: 'select', testid: `${testid}-select`},
    selected ? null : h('option', {value: ''}, 'Choose an area'), areaOptions(areas, selected));
  return h('form', {class: 'form-group form-group--inline area-picker', testid,
    onsubmit: (event) => {
      event.preventDefault();
      if (select.value) onChoose(select.value);
    }},
  h('label', {class: 'label', for: `${testid}-select`}, label), select,
  h('button', {type: 'submit', class: 'button button--secondary button--small'}, 'Show'));
}

// The area a page starts on: the one in the address, else the last one shown, else an officer's
// own borough.
let lastArea = null;
export function startingArea(areas, code, user) {
  if (code) {
    const wanted = code.toLowerCase();
    const found = areas.find((a) => a.code.toLowerCase() === wanted || a.name.toLowerCase() === wanted || a.la_number === code)?.code ?? code;
    lastArea = {user: user?.username, code: found};
    return found;
  }
  if (lastArea && lastArea.user === user?.username) return lastArea.code;
  return areas.find((a) => user?.borough && a.name === user.borough)?.code ?? null;
}

// A key fact as a card (a long value, such as an inspection outcome, in smaller type).
export function factCard(fact, i) {
  return h('div', {class: 'figure fact', testid: `fact-${i}`},
    h('dt', {class: 'figure__label'}, fact.label),
    h('dd', {class: `figure__value${fact.value.length > 20 ? ' figure__value--long' : ''}`, testid: 'fact-value'}, fact.value),
    fact.comparison ? h('dd', {class: 'figure__note', testid: 'fact-comparison'}, fact.comparison) : null,
    h('dd', {class: 'fact__source'}, fact.source));
}

// The figure's numbers: one row per label, one column per series.
export function figureTable(figure) {
  const labels = figureLabels(figure);
  const series = figure.series ?? [];
  const maps = series.map(pointsByLabel);
  return table({
    caption: `${figure.title}${figure.subtitle ? ` (${figure.subtitle})` : ''}`,
    testid: 'figure-table',
    columns: [{label: figure.kind === 'line' ? 'Period' : 'Category'}, ...series.map((s) => ({label: s.name, className: 'num'}))],
    rows: labels.map((l) => [l, ...maps.map((m) => {
      const p = m.get(l);
      return p ? valueCell(p.value, figure.unit, p.symbol) : '';
    })]),
  });
}

// One profile figure as a chart card; the chart is drawn once the card is on the page.
export function figureCard(figure, code, cost, signal) {
  const canvas = h('canvas', {});
  let chart = null;
  const card = chartCard({
    testid: `figure-${figure.id}`, title: figure.title, subtitle: figure.subtitle, source: figure.source,
    period: figure.period, note: figure.note, canvas, height: figure.kind === 'stacked-bar' ? 380 : 320,
    csv: {href: withCost(`${profilePath(code)}/figures/${encodeURIComponent(figure.id)}.csv`, cost), fileName: `${code}-${figure.id}.csv`},
    png: {fileName: `${code}-${figure.id}.png`, url: () => (chart ? chartPng(chart) : null)},
    table: figureTable(figure),
  });
  card.dataset.figure = figure.id;
  const drawn = drawFigure(canvas, figure, signal).then((c) => { chart = c; card.dataset.drawn = 'true'; });
  return {card, drawn};
}

function forecastTable(forecast) {
  return table({
    caption: 'Forecast EHC plans in January, with the band of past errors and the implied cost',
    testid: 'forecast-table',
    columns: [{label: 'January'}, {label: 'Plans', className: 'num'}, {label: 'Low', className: 'num'},
      {label: 'High', className: 'num'}, {label: 'Implied cost (£ a year)', className: 'num'}],
    rows: forecast.years.map((y) => [String(y.year), formatValue(y.plans, 'count'), formatValue(y.low, 'count'),
      formatValue(y.high, 'count'), formatValue(y.cost, 'pounds')]),
  });
}

export async function showProfile(body, {user, signal, navigate}, [code]) {
  document.title = 'SEND profile: sendplan';
  const {areas} = await statAreas(signal);
  if (signal.aborted) return;
  const selected = startingArea(areas, code, user);
  const picker = areaPicker(areas, selected, {label: 'Area', testid: 'profile-area',
    onChoose: (c) => navigate(`#/data/profile/${encodeURIComponent(c)}`)});
  const heading = h('h1', {testid: 'profile-title'}, 'SEND profile');
  if (!selected) {
    replaceChildren(body, heading, h('p', {class: 'lead'}, 'Published statistics on special educational needs and ',
      'disabilities for one local authority, against its statistical neighbours, London and England.'), picker);
    return;
  }

  const lead = h('p', {class: 'lead', testid: 'profile-lead'});
  const costSection = h('section', {class: 'section', testid: 'profile-cost', hidden: true});
  const content = h('div', {testid: 'profile-content'}, h('p', {class: 'loading'}, 'Loading the profile…'));
  replaceChildren(body, heading, picker, lead, costSection, content);
  let cost = null;

  async function load() {
    let profile;
    try {
      profile = await api('GET', withCost(profilePath(selected), cost), {signal});
    } catch (error) {
      if (!signal.aborted) replaceChildren(content, message('error', explain(error)));
      return null;
    }
    if (signal.aborted) return null;
    const area = profile.area;
    document.title = `${profile.title}: sendplan`;
    heading.textContent = profile.title;
    replaceChildren(lead, `${area.name}, ${area.region_name || 'England'} (LA ${area.la_number}). `,
      profile.neighbours.length ? `Statistical neighbours: ${profile.neighbours.map((n) => n.name).join(', ')}.` : '');
    const cards = profile.figures.map((f) => figureCard(f, area.code, cost, signal));
    replaceChildren(content,
      h('section', {class: 'section', 'aria-labelledby': 'facts-heading'},
        h('h2', {id: 'facts-heading'}, 'Key facts'),
        h('dl', {class: 'figures facts', testid: 'profile-facts'}, profile.facts.map(factCard))),
      profile.forecast ? h('section', {class: 'section', 'aria-labelledby': 'forecast-heading'},
        h('h2', {id: 'forecast-heading'}, 'Forecast'), h('div', {class: 'table-scroll'}, forecastTable(profile.forecast))) : null,
      h('section', {class: 'section', 'aria-labelledby': 'figures-heading'},
        h('h2', {id: 'figures-heading'}, 'Figures'),
        h('div', {class: 'chart-grid', testid: 'profile-figures'}, cards.map((c) => c.card))),
      h('section', {class: 'section', 'aria-labelledby': 'report-heading'},
        h('h2', {id: 'report-heading'}, 'Report'),
        h('p', {}, h('a', {href: withCost(`${profilePath(area.code)}/report.html`, cost), download: `send-profile-${area.code}.html`,
          class: 'button button--secondary', testid: 'download-report'}, 'Download report (HTML)')),
        h('p', {class: 'hint'}, 'One self-contained web page with these facts, figures and notes, to keep or send on.')),
      h('section', {class: 'section', 'aria-labelledby': 'notes-heading', testid: 'profile-notes'},
        h('h2', {id: 'notes-heading'}, 'Notes'),
        h('ul', {}, profile.notes.map((n) => h('li', {}, n))),
        h('p', {class: 'attribution', testid: 'attribution'}, profile.attribution)));
    await Promise.all(cards.map((c) => c.drawn)).catch((error) => {
      if (!signal.aborted) content.prepend(message('error', `The charts could not be drawn: ${error.message}.`));
    });
    if (!signal.aborted) content.dataset.loaded = 'true';
    return profile;
  }

  const first = await load();
  if (!first?.forecast) return;
  const input = h('input', {id: 'cost-per-plan', type: 'number', min: '0', max: '10000000', step: '1', class: 'input input--short',
    value: String(Math.round(first.forecast.cost_per_plan)), testid: 'cost-per-plan'});
  const basis = h('p', {class: 'hint', testid: 'cost-basis', 'aria-live': 'polite'}, `Now: ${first.forecast.cost_basis}.`);
  const error = h('div', {class: 'form-error', 'aria-live': 'assertive'});
  replaceChildren(costSection,
    h('h2', {}, 'Cost of the forecast'),
    h('form', {class: 'form-group form-group--inline', novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      replaceChildren(error);
      const value = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(value) || value < 0 || value > 10_000_000) {
        replaceChildren(error, message('error', 'Enter a cost per plan in pounds, from 0 to 10,000,000 (0 works it out from the high-needs block).'));
        return;
      }
      cost = value;
      content.dataset.loaded = 'false';
      const profile = await load();
      if (profile?.forecast) basis.textContent = `Now: ${profile.forecast.cost_basis}${value > 0 ? `, £${value.toLocaleString('en-GB')} a plan` : ''}.`;
    }},
    h('label', {class: 'label', for: 'cost-per-plan'}, 'Cost per plan (£ a year)'), input,
    h('button', {type: 'submit', class: 'button button--secondary button--small', testid: 'cost-update'}, 'Update')),
    basis, error);
  costSection.hidden = false;
}
