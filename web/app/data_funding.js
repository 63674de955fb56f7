// High-needs funding: for a chosen local authority, its finance facts and figures from the
// profile (high-needs block, DSG balance, spend per head, the forecast's implied cost), then the
// ranking of the DSG cumulative balance across London's boroughs.

import {api, explain} from './api.js';
import {h, message, replaceChildren} from './dom.js';
import {statAreas} from './data_common.js';
import {fetchIndicator} from './data_indicator.js';
import {areaPicker, factCard, figureCard, startingArea} from './data_profile.js';
import {renderRanking} from './data_rankings.js';

export const FINANCE_FIGURES = ['high-needs-block', 'dsg-balance', 'high-needs-spend-per-head',
  'high-needs-spend-per-head-independent', 'forecast-cost'];
const FINANCE_SOURCE = /ESFA|section 251|DSG|high-needs cost/i;

async function boroughFinance(target, code, signal) {
  let profile;
  try {
    profile = await api('GET', `/api/stats/profile/${encodeURIComponent(code)}`, {signal});
  } catch (error) {
    if (!signal.aborted) replaceChildren(target, message('error', explain(error)));
    return;
  }
  if (signal.aborted) return;
  const facts = profile.facts.filter((f) => FINANCE_SOURCE.test(`${f.source} ${f.label}`));
  const figures = FINANCE_FIGURES.map((id) => profile.figures.find((f) => f.id === id)).filter(Boolean);
  const cards = figures.map((f) => figureCard(f, profile.area.code, null, signal));
  replaceChildren(target,
    h('h2', {testid: 'funding-area'}, profile.area.name),
    facts.length ? h('dl', {class: 'figures facts', testid: 'funding-facts'}, facts.map(factCard)) : null,
    figures.length ? h('div', {class: 'chart-grid', testid: 'funding-figures'}, cards.map((c) => c.card))
      : message('info', 'No finance figures are published for this area.'),
    h('p', {}, h('a', {href: `#/data/profile/${encodeURIComponent(profile.area.code)}`}, `The whole SEND profile of ${profile.area.name}`)));
  await Promise.all(cards.map((c) => c.drawn));
}

export async function showFunding(body, {user, signal, navigate}, [code]) {
  document.title = 'High-needs funding: sendplan';
  const {areas} = await statAreas(signal);
  if (signal.aborted) return;
  const selected = startingArea(areas, code, user);
  const borough = h('section', {class: 'section', testid: 'funding-borough'});
  const ranking = h('section', {class: 'section', testid: 'funding-ranking', 'aria-labelledby': 'dsg-heading'});
  replaceChildren(body,
    h('h1', {}, 'High-needs funding'),
    h('p', {class: 'lead'}, 'The high-needs block of the dedicated schools grant, spending per head and the DSG balance (a deficit is negative).'),
    areaPicker(areas, selected, {label: 'Area', testid: 'funding-area-picker',
      onChoose: (c) => navigate(`#/data/funding/${encodeURIComponent(c)}`)}),
    borough, ranking);
  if (!selected) replaceChildren(borough, h('p', {class: 'hint'}, 'Choose an area to see its high-needs figures.'));
  const dsg = (async () => {
    const data = await fetchIndicator('dsg-balance', {scope: 'london', signal});
    if (signal.aborted) return;
    const target = h('div', {});
    replaceChildren(ranking, h('h2', {id: 'dsg-heading'}, 'DSG cumulative balance across London'), target);
    await renderRanking(target, data, {signal, fileBase: `london-dsg-balance-${data.period}`});
  })();
  await Promise.all([selected ? boroughFinance(borough, selected, signal) : null, dsg]);
}
