// A borough's practice page (GET /api/practice/boroughs/B): what the borough has shared (its own
// officers see every state), its weakest indicators on the SEND data dashboard in words, and
// published practice from other boroughs that aims to move those indicators.

import {api, explain} from './api.js';
import {h, message, replaceChildren} from './dom.js';
import {formatValue, indicatorCatalogue} from './data_common.js';
import {cardList, practiceMeta, section} from './practice_common.js';

const ordinal = (n) => {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
};

const DIRECTION = {higher: 'higher is better', lower: 'lower is better'};

export async function showBoroughPractice(body, {user, signal, navigate}, [chosen]) {
  document.title = 'Borough practice: sendplan';
  let meta;
  try {
    meta = await practiceMeta();
  } catch (error) {
    if (!signal.aborted) replaceChildren(body, h('h1', {}, 'Borough practice'), message('error', explain(error)));
    return;
  }
  if (signal.aborted) return;
  const borough = meta.boroughs.find((b) => b.name.toLowerCase() === (chosen ?? '').toLowerCase())?.name ?? (chosen ? chosen : user.borough) ?? null;
  const select = h('select', {id: 'practice-borough', class: 'select', testid: 'practice-borough-select'},
    borough ? null : h('option', {value: ''}, 'Choose a borough'),
    meta.boroughs.map((b) => h('option', {value: b.name, selected: b.name === borough}, b.name)));
  const picker = h('form', {class: 'form-group form-group--inline', onsubmit: (event) => {
    event.preventDefault();
    if (select.value) navigate(`#/practice/boroughs/${encodeURIComponent(select.value)}`);
  }}, h('label', {for: 'practice-borough', class: 'label'}, 'Borough'), select,
  h('button', {type: 'submit', class: 'button button--secondary button--small', testid: 'practice-borough-show'}, 'Show'));
  const heading = h('h1', {testid: 'borough-practice-title'}, borough ? `Practice: ${borough}` : 'Borough practice');
  const content = h('div', {testid: 'borough-practice'});
  replaceChildren(body, heading, h('p', {class: 'lead'}, 'What a borough has shared, where its published figures are weakest, ',
    'and what other boroughs did on those indicators.'), picker, content);
  if (!borough) return;
  replaceChildren(content, h('p', {class: 'loading'}, 'Loading…'));
  let page;
  let catalogue = null;
  try {
    [page, catalogue] = await Promise.all([
      api('GET', `/api/practice/boroughs/${encodeURIComponent(borough)}`, {signal}),
      indicatorCatalogue(signal).catch(() => null),
    ]);
  } catch (error) {
    if (!signal.aborted) replaceChildren(content, message('error', explain(error)));
    return;
  }
  if (signal.aborted) return;
  document.title = `Practice: ${page.borough}: sendplan`;
  heading.textContent = `Practice: ${page.borough}`;
  const unitOf = (id) => catalogue?.indicators?.find((i) => i.id === id)?.unit ?? 'rate';
  const own = user.borough === page.borough;
  replaceChildren(content,
    section('borough-shared', `What ${page.borough} has shared`,
      own ? h('p', {class: 'hint'}, `As ${page.borough}’s officer you see its entries in every state; others see the published ones.`) : null,
      page.shared.length ? cardList(page.shared, {headingLevel: 'h3'}, 'borough-shared-list')
        : h('p', {class: 'none', testid: 'borough-shared-empty'}, `${page.borough} has not shared any practice yet.`)),
    section('borough-weakest', 'Where its figures are weakest',
      page.weakest_indicators.length ? [
        h('ul', {class: 'weakest', testid: 'weakest-list'}, page.weakest_indicators.map((w) => h('li', {testid: 'weakest-indicator', dataset: {indicator: w.id}},
          h('strong', {}, w.title), ': ', `${page.borough} ranks ${ordinal(w.rank)} of ${w.areas} London boroughs in ${w.period} `,
          `(${formatValue(w.value, unitOf(w.id))}; ${DIRECTION[w.polarity] ?? w.polarity}). `,
          h('a', {href: `#/data/rankings/${encodeURIComponent(w.id)}`}, 'See the ranking', h('span', {class: 'visually-hidden'}, ` of ${w.title}`))))),
        h('p', {class: 'hint'}, page.note),
      ] : h('p', {class: 'none', testid: 'weakest-empty'}, `None of ${page.borough}’s indicators ranks in London’s weaker half, `,
        'or this server has no published statistics yet.')),
    section('borough-suggested', 'Practice from other boroughs on these indicators',
      page.suggested.length ? cardList(page.suggested, {headingLevel: 'h3'}, 'borough-suggested-list')
        : h('p', {class: 'none', testid: 'borough-suggested-empty'}, page.weakest_indicators.length
          ? 'No other borough has published practice linked to these indicators yet.'
          : 'Suggestions appear here for the borough’s weakest indicators.')));
  content.dataset.loaded = 'true';
}
