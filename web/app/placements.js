// The placements register's pages (issue 6): a shared register of SEND providers, each borough's
// placements and their fees, regional analyses, gaps in provision and the matching tool.
//   #/placements/providers            the provider register (every role; officers and admins edit)
//   #/placements/register[/B]         borough B's placements (officers: their own; admins: any)
//   #/placements/analysis             fee benchmarks, spend, where children are placed (every role)
//   #/placements/gaps                 demand against local capacity by sub-region and need
//   #/placements/match                the matching tool (nothing stored)

import {h, replaceChildren} from './dom.js';
import {showProviders} from './placements_providers.js';
import {showRegister} from './placements_register.js';
import {showAnalysis} from './placements_analysis.js';
import {showGaps} from './placements_gaps.js';
import {showMatch} from './placements_match.js';

const PAGES = [
  ['providers', 'Providers', showProviders, () => true],
  ['register', 'Placements', showRegister, (user) => user.role !== 'analyst'],
  ['analysis', 'Analysis', showAnalysis, () => true],
  ['gaps', 'Gaps in provision', showGaps, () => true],
  ['match', 'Matching', showMatch, () => true],
];

function subNav(pages, current) {
  return h('nav', {class: 'sub-nav', 'aria-label': 'Placements', testid: 'placements-nav'},
    h('ul', {class: 'sub-nav__list'}, pages.map(([id, label]) => h('li', {},
      h('a', {href: `#/placements/${id}`, class: 'sub-nav__link', 'aria-current': id === current ? 'page' : false}, label)))));
}

export async function showPlacements(main, context, rest) {
  const [page, ...args] = rest;
  const pages = PAGES.filter(([, , , allowed]) => allowed(context.user));
  const entry = pages.find(([id]) => id === page);
  if (!entry) {
    history.replaceState(null, '', '#/placements/providers');
    return showPlacements(main, context, ['providers']);
  }
  const body = h('div', {class: 'placements-page', testid: `placements-${entry[0]}`});
  replaceChildren(main, subNav(pages, entry[0]), body);
  await entry[2](body, context, args);
}
