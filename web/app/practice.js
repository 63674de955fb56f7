// The practice repository's pages (issue 14): London boroughs' SEND practice, its search, the
// regional "Practice Spotlight" call for submissions and its review.
//   #/practice/find[/QUERY]        find practice: words, facets, sort, pages (every role)
//   #/practice/entries/ID          one entry: every field, evidence, history, similar practice
//                                  and the linked indicators' charts
//   #/practice/entries/ID/edit     a draft's form, its documents, Submit (its borough's officers)
//   #/practice/new                 a new entry (officers)
//   #/practice/mine                the officer's borough's entries in every state
//   #/practice/reviews             the entries the user is assigned to review
//   #/practice/calls[/ID]          calls for submissions; one call's submissions, reviewers and
//                                  panel (administrators)
//   #/practice/boroughs[/B]        what borough B shared, its weakest indicators, suggestions

import {h, replaceChildren} from './dom.js';
import {showFind} from './practice_find.js';
import {showEntry} from './practice_entry.js';
import {showEntryForm, showMine} from './practice_form.js';
import {showReviews} from './practice_reviews.js';
import {showCalls} from './practice_calls.js';
import {showBoroughPractice} from './practice_borough.js';

function pages(user) {
  return [
    ['find', 'Find practice', () => true],
    ['mine', user.borough ? `${user.borough}’s entries` : 'My borough’s entries', (u) => u.role === 'officer'],
    ['reviews', 'My reviews', (u) => u.role !== 'admin'],
    ['calls', 'Calls for submissions', (u) => u.role === 'admin'],
    ['boroughs', 'Borough practice', () => true],
  ].filter(([, , allowed]) => allowed(user));
}

function subNav(list, current) {
  return h('nav', {class: 'sub-nav', 'aria-label': 'Practice', testid: 'practice-nav'},
    h('ul', {class: 'sub-nav__list'}, list.map(([id, label]) => h('li', {},
      h('a', {href: `#/practice/${id}`, class: 'sub-nav__link', testid: `practice-tab-${id}`,
        'aria-current': id === current ? 'page' : false}, label)))));
}

// Shows the page of `rest` ([page, ...arguments]) in `main`.
export async function showPractice(main, context, rest) {
  const [page, ...args] = rest;
  const {user} = context;
  const list = pages(user);
  const body = h('div', {class: 'practice-page', testid: `practice-${page || 'find'}`});
  const show = (current) => replaceChildren(main, subNav(list, current), body);
  if (page === 'entries' && args[0] && args[1] === 'edit') {
    show(user.role === 'officer' ? 'mine' : null);
    return showEntryForm(body, context, args[0]);
  }
  if (page === 'entries' && args[0]) {
    show(null);
    return showEntry(body, context, args[0]);
  }
  if (page === 'new' && user.role === 'officer') {
    show('mine');
    return showEntryForm(body, context, null);
  }
  const entry = list.find(([id]) => id === page);
  if (!entry) {
    history.replaceState(null, '', '#/practice/find');
    show('find');
    return showFind(body, context, []);
  }
  show(page);
  const handlers = {find: showFind, mine: showMine, reviews: showReviews, calls: showCalls, boroughs: showBoroughPractice};
  return handlers[page](body, context, args);
}
