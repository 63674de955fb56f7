// My reviews (GET /api/practice/reviews): the entries the user is assigned to review (never their
// own borough's), scored or waiting; each opens on the entry's page, where the scoring form, the
// evidence rating and (once they have scored) the other reviewers' scores are.

import {api, explain} from './api.js';
import {h, message, replaceChildren, table} from './dom.js';
import {dateTime} from './format.js';
import {badges, boroughsText, entryHref, stateName} from './practice_common.js';

export async function showReviews(body, {signal}) {
  document.title = 'My reviews: sendplan';
  const area = h('div', {testid: 'reviews'}, h('p', {class: 'loading'}, 'Loading your reviews…'));
  replaceChildren(body,
    h('h1', {}, 'My reviews'),
    h('p', {class: 'lead'}, 'Entries an administrator asked you to review. Score each against its call’s criteria from 1 to 5 and rate the strength of its evidence. ',
      'You never review your own borough’s entries, and their boroughs never see your scores.'),
    area);
  let answer;
  try {
    answer = await api('GET', '/api/practice/reviews', {signal});
  } catch (error) {
    if (!signal.aborted) replaceChildren(area, message('error', explain(error)));
    return;
  }
  if (signal.aborted) return;
  const list = answer.reviews;
  const waiting = list.filter((r) => !r.scored_at && (r.state === 'submitted' || r.state === 'under-review'));
  if (!list.length) {
    replaceChildren(area, h('p', {class: 'none', testid: 'reviews-empty'}, 'You have no entries to review. An administrator assigns reviewers once entries are submitted.'));
    return;
  }
  const rows = [...waiting, ...list.filter((r) => !waiting.includes(r))];
  replaceChildren(area,
    h('p', {testid: 'reviews-count'}, `${waiting.length} waiting for your scores, ${list.filter((r) => r.scored_at).length} scored.`),
    table({
      testid: 'reviews-table',
      caption: 'Waiting first',
      columns: [{label: 'Entry', field: 'title'}, {label: 'Boroughs', field: 'boroughs'}, {label: 'Categories', field: 'categories'},
        {label: 'State', field: 'state'}, {label: 'Your scores', field: 'scored'}],
      rows: rows.map((r) => [
        h('span', {}, h('a', {href: entryHref(r.id), testid: 'review-link'}, r.title), ' ', badges(r, {showState: false})),
        boroughsText(r),
        (r.categories ?? []).map((c) => c.title).join('; '),
        stateName(r.state),
        r.scored_at ? `Scored ${dateTime(r.scored_at)}`
          : r.state === 'submitted' || r.state === 'under-review' ? h('strong', {}, 'Waiting') : 'Not scored (the review has closed)']),
      rowProps: (i) => ({dataset: {id: rows[i].id}, testid: 'review-row'}),
    }));
}
