// The SEND data dashboard's shell: its own sub-navigation and routes, for every role (published
// statistics, no child-level data).
//   #/data/profile[/CODE]        a local authority's SEND profile (figures, forecast, downloads)
//   #/data/map[/ID[/PERIOD]]     a choropleth of London's boroughs for one indicator
//   #/data/rankings[/ID[/SCOPE[/PERIOD]]]  one indicator ranked (London or England)
//   #/data/inspections           area SEND inspection outcomes, London against England
//   #/data/funding[/CODE]        high-needs funding: a borough's figures and London's ranking
//   #/data/sources               the statistics releases imported into this server

import {h, replaceChildren} from './dom.js';
import {showProfile} from './data_profile.js';
import {showMap} from './data_map.js';
import {showRankings} from './data_rankings.js';
import {showInspections} from './data_inspections.js';
import {showFunding} from './data_funding.js';
import {showSources} from './data_sources.js';

const PAGES = [
  ['profile', 'Borough profile', showProfile],
  ['map', 'London map', showMap],
  ['rankings', 'Rankings', showRankings],
  ['inspections', 'Inspections', showInspections],
  ['funding', 'High-needs funding', showFunding],
  ['sources', 'Sources', showSources],
];

function subNav(current) {
  return h('nav', {class: 'sub-nav', 'aria-label': 'SEND data', testid: 'data-nav'},
    h('ul', {class: 'sub-nav__list'}, PAGES.map(([id, label]) => h('li', {},
      h('a', {href: `#/data/${id}`, class: 'sub-nav__link', 'aria-current': id === current ? 'page' : false}, label)))));
}

// Shows the page of `rest` ([page, ...arguments]) in `main`.
export async function showData(main, context, rest) {
  const [page, ...args] = rest;
  const entry = PAGES.find(([id]) => id === page);
  if (!entry) {
    history.replaceState(null, '', '#/data/profile');
    return showData(main, context, ['profile']);
  }
  const body = h('div', {class: 'data-page', testid: `data-${entry[0]}`});
  replaceChildren(main, subNav(entry[0]), body);
  await entry[2](body, context, args);
}
