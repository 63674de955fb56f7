// One practice entry (GET /api/practice/entries/ID): every field, the evidence strength with the
// scale's words, its state and history, its documents, the linked indicators' charts and similar
// practice; and what the user may do with it now (the answer's `may`): edit a draft, move it on
// (Submit, Withdraw; an administrator's shortlist, winner, publish), assign reviewers, score it,
// rate its evidence. An entry the user may not read is "not found", as the server answers.

import {api, explain, ApiError} from './api.js';
import {h, message, replaceChildren, table} from './dom.js';
import {dateTime, plural, roleName} from './format.js';
import {
  badges, capital, cardList, dateInWords, deadlineLine, entryHref, entryPath, evidenceLevel, fileSize, MOVE_NAMES,
  placeProblems, practiceMeta, safeLink, section, stateName,
} from './practice_common.js';
import {indicatorTrends} from './practice_trends.js';

// --- moving an entry on -----------------------------------------------------------------------

// Buttons for the moves `states` of `entry` (a winner needs its category); onMoved(entry JSON).
export function moveControls(entry, states, onMoved, {testid = 'entry-moves'} = {}) {
  if (!states.length) return null;
  const status = h('div', {'aria-live': 'polite', testid: `${testid}-status`});
  const categories = entry.category_titles ?? (entry.categories ?? []).map((c) => (typeof c === 'string' ? {key: c, title: c} : c));
  const winnerId = `winner-category-${entry.id}-${testid}`;
  const winnerSelect = h('select', {id: winnerId, class: 'select', testid: 'winner-category'},
    categories.map((c) => h('option', {value: c.key}, c.title)));
  const move = async (to, button) => {
    replaceChildren(status);
    button.disabled = true;
    try {
      const body = {to};
      if (to === 'winner') body.winner_category = winnerSelect.value;
      const moved = await api('POST', `${entryPath(entry.id)}/state`, {json: body});
      await onMoved(moved);
    } catch (error) {
      replaceChildren(status, message('error', h('strong', {}, `Not ${to === 'draft' ? 'withdrawn' : 'moved'}: `),
        error?.problems?.length ? [explain(error), h('ul', {}, error.problems.map((p) => h('li', {}, `${p.column}: ${p.reason}`)))]
          : explain(error)));
      button.disabled = false;
    }
  };
  const buttons = states.map((to) => {
    const button = h('button', {type: 'button', class: `button${to === 'draft' || to === 'not-shortlisted' ? ' button--secondary' : ''} button--small`,
      testid: `move-${to}`, onclick: () => move(to, button)}, MOVE_NAMES[to] ?? stateName(to));
    if (to !== 'winner') return button;
    return h('span', {class: 'winner-choice'},
      h('label', {for: winnerId, class: 'visually-hidden'}, 'Category it won'), winnerSelect, button);
  });
  return h('div', {class: 'moves', testid}, h('div', {class: 'button-row button-row--wrap'}, buttons), status);
}

// --- reviewers --------------------------------------------------------------------------------

let usersPromise = null;
// The accounts a reviewer may be chosen from (GET /api/users, administrators): officers and
// analysts, active.
export function reviewerAccounts() {
  usersPromise ??= api('GET', '/api/users').then((users) => users.filter((u) => !u.disabled && (u.role === 'officer' || u.role === 'analyst')));
  usersPromise.catch(() => { usersPromise = null; });
  return usersPromise;
}

// The reviewers of an entry (names from its `reviews.visible`), with Remove buttons, and the form
// to assign one; the server's refusal (an officer of the entry's own borough) is shown in words.
export function reviewerControls(entry, accounts, onChanged, {reviews} = {}) {
  const list = reviews ?? entry.reviews?.visible ?? [];
  const names = new Set([entry.lead_borough, ...(entry.partner_boroughs ?? [])]);
  const id = `assign-reviewer-${entry.id}`;
  const select = h('select', {id, class: 'select', testid: 'reviewer-select'},
    h('option', {value: ''}, 'Choose a reviewer'),
    accounts.filter((a) => !list.some((r) => r.reviewer_id === a.id)).map((a) => h('option', {value: String(a.id)},
      `${a.username} — ${roleName(a.role)}${a.borough ? `, ${a.borough}` : ''}${a.borough && names.has(a.borough) ? ' (this entry’s borough)' : ''}`)));
  const status = h('div', {'aria-live': 'polite', testid: 'assign-status'});
  const assign = h('button', {type: 'submit', class: 'button button--secondary button--small', testid: 'assign-reviewer'}, 'Assign');
  const form = h('form', {class: 'inline-form assign-form', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    replaceChildren(status);
    if (!select.value) {
      replaceChildren(status, message('error', 'Choose a reviewer first.'));
      return;
    }
    assign.disabled = true;
    try {
      await api('POST', `${entryPath(entry.id)}/reviewers`, {json: {user_id: Number(select.value)}});
      await onChanged(`${select.selectedOptions[0].textContent.split(' — ')[0]} is assigned.`);
    } catch (error) {
      replaceChildren(status, message('error', h('strong', {}, 'Not assigned: '), h('span', {testid: 'assign-reason'}, explain(error))));
      assign.disabled = false;
    }
  }}, h('label', {for: id, class: 'label'}, 'Assign a reviewer'), select, assign);
  const remove = async (r, button) => {
    button.disabled = true;
    try {
      await api('DELETE', `${entryPath(entry.id)}/reviewers/${encodeURIComponent(r.reviewer_id)}`);
      await onChanged(`${r.reviewer} is no longer a reviewer.`);
    } catch (error) {
      replaceChildren(status, message('error', h('strong', {}, 'Not removed: '), explain(error)));
      button.disabled = false;
    }
  };
  return h('div', {class: 'reviewers', testid: 'reviewers'},
    list.length ? h('ul', {class: 'reviewer-list', testid: 'reviewer-list'}, list.map((r) => {
      const button = h('button', {type: 'button', class: 'link-button', testid: 'remove-reviewer'}, 'Remove', h('span', {class: 'visually-hidden'}, ` ${r.reviewer}`));
      button.addEventListener('click', () => remove(r, button));
      return h('li', {dataset: {reviewer: r.reviewer}}, h('strong', {}, r.reviewer), ' — ',
        r.scored_at ? `scored ${dateTime(r.scored_at)}` : 'not scored yet', ' ', button);
    })) : h('p', {class: 'none', testid: 'no-reviewers'}, 'No reviewers assigned yet.'),
    form, status);
}

// --- the reviewer's form, the evidence rating and the scores ------------------------------------

// Reviewers score an entry while it is submitted or under review (the server refuses after).
const SCORED_STATES = new Set(['submitted', 'under-review']);

function scoringForm(entry, meta, onSaved) {
  const criteria = entry.reviews.criteria;
  const mine = entry.reviews.visible.find((r) => r.mine);
  const status = h('div', {'aria-live': 'polite', testid: 'review-status'});
  const groups = criteria.map((c) => {
    const description = meta.criteria.find((t) => t.key === c.key)?.description;
    const radios = [1, 2, 3, 4, 5].map((n) => h('label', {class: 'radio radio--score'},
      h('input', {type: 'radio', name: `review-${c.key}`, value: String(n), checked: mine?.scores?.[c.key] === n,
        testid: `score-${c.key}-${n}`}), String(n)));
    return h('fieldset', {class: 'form-group score', id: `review-${c.key}`, testid: `score-${c.key}`, 'aria-describedby': `review-${c.key}-hint review-${c.key}-error`},
      h('legend', {class: 'label'}, c.title),
      h('p', {class: 'hint', id: `review-${c.key}-hint`}, description ?? '', ' 1 = weak, 5 = excellent.'),
      h('p', {class: 'field-error', id: `review-${c.key}-error`, testid: `review-${c.key}-error`}),
      h('div', {class: 'score__choices'}, radios));
  });
  const comment = h('textarea', {id: 'review-comment', class: 'textarea', rows: '4', maxlength: '4000', testid: 'review-comment',
    'aria-describedby': 'review-comment-error'}, mine?.comment ?? '');
  const save = h('button', {type: 'submit', class: 'button', testid: 'review-save'}, mine?.scored_at ? 'Save my new scores' : 'Save my scores');
  const form = h('form', {class: 'form form--wide review-form', testid: 'review-form', novalidate: true},
    h('p', {class: 'hint'}, `Score each of the call’s criteria from 1 to 5. ${entry.reviews.others_hidden ? 'The other reviewers’ scores show once you have given yours.' : ''}`),
    status, groups,
    h('div', {class: 'form-group'}, h('label', {for: 'review-comment', class: 'label'}, 'Comment for the panel (optional)'),
      h('p', {class: 'field-error', id: 'review-comment-error', testid: 'review-comment-error'}), comment),
    save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replaceChildren(status);
    const scores = {};
    const missing = [];
    for (const c of criteria) {
      const chosen = form.querySelector(`input[name="review-${CSS.escape(c.key)}"]:checked`);
      if (chosen) scores[c.key] = Number(chosen.value); else missing.push({column: c.key, reason: `choose a score for ${c.title} from 1 to 5`});
    }
    if (missing.length) {
      placeProblems(form, 'review-', missing);
      replaceChildren(status, message('error', h('strong', {}, 'Not saved: '), `${plural(missing.length, 'criterion', 'criteria')} without a score.`));
      return;
    }
    save.disabled = true;
    try {
      await api('PUT', `${entryPath(entry.id)}/review`, {json: {scores, comment: comment.value}});
      await onSaved('Your scores were saved.');
    } catch (error) {
      const unplaced = placeProblems(form, 'review-', error?.problems ?? []);
      replaceChildren(status, message('error', h('strong', {}, 'Not saved: '), explain(error),
        unplaced.length ? h('ul', {}, unplaced.map((p) => h('li', {}, `${p.column}: ${p.reason}`))) : null));
      save.disabled = false;
    }
  });
  return form;
}

function evidenceForm(entry, meta, onSaved) {
  const status = h('div', {'aria-live': 'polite', testid: 'evidence-status'});
  const levels = [{level: 0, name: 'Not rated yet', description: 'Leave the entry unrated.'}, ...meta.evidence_scale];
  const save = h('button', {type: 'submit', class: 'button button--secondary', testid: 'evidence-save'}, 'Save the rating');
  const form = h('form', {class: 'form form--wide', testid: 'evidence-form', novalidate: true},
    h('fieldset', {class: 'form-group'},
      h('legend', {class: 'label'}, 'How strong is the evidence of its impact?'),
      h('ul', {class: 'evidence-choices'}, levels.map((l) => h('li', {},
        h('label', {class: 'radio radio--block'},
          h('input', {type: 'radio', name: 'evidence-level', value: String(l.level), checked: l.level === entry.evidence_strength,
            testid: `evidence-${l.level}`}),
          h('span', {}, h('strong', {}, l.level ? `${l.level}. ${l.name}` : l.name), h('span', {class: 'hint-inline'}, ` — ${l.description}`))))))),
    status, save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="evidence-level"]:checked');
    if (!chosen) {
      replaceChildren(status, message('error', 'Choose a level of the scale.'));
      return;
    }
    save.disabled = true;
    try {
      await api('POST', `${entryPath(entry.id)}/evidence`, {json: {level: Number(chosen.value)}});
      await onSaved('The evidence rating was saved.');
    } catch (error) {
      replaceChildren(status, message('error', h('strong', {}, 'Not saved: '), explain(error)));
      save.disabled = false;
    }
  });
  return form;
}

// The reviewers' scores the server returned (administrators: all; a reviewer: theirs, and the
// others' once they have scored; nobody else any).
export function scoresTable(reviews) {
  const scored = reviews.visible;
  const criteria = reviews.criteria;
  const mean = (r) => {
    const values = Object.values(r.scores ?? {});
    return values.length ? (values.reduce((a, b) => a + b, 0) / values.length).toFixed(1) : '–';
  };
  return table({
    testid: 'scores-table',
    caption: `${plural(reviews.scored, 'reviewer')} of ${reviews.assigned} assigned ${reviews.scored === 1 ? 'has' : 'have'} scored it. Scores from 1 (weak) to 5 (excellent).`,
    columns: [{label: 'Reviewer', field: 'reviewer'}, ...criteria.map((c) => ({label: c.title, className: 'num', field: c.key})),
      {label: 'Mean', className: 'num', field: 'mean'}, {label: 'Comment', field: 'comment'}, {label: 'Scored', field: 'scored_at'}],
    rows: scored.map((r) => [r.mine ? `${r.reviewer} (you)` : r.reviewer, ...criteria.map((c) => String(r.scores?.[c.key] ?? '–')),
      r.scored_at ? mean(r) : '–', r.comment || '', r.scored_at ? dateTime(r.scored_at) : 'Not yet']),
  });
}

// --- the page -----------------------------------------------------------------------------------

function textSection(testid, heading, text) {
  if (!text) return null;
  return section(testid, heading, h('div', {class: 'prose', testid: `${testid}-text`}, text.split(/\n{2,}/).map((p) => h('p', {}, p))));
}

function summaryRow(label, value, testid) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return null;
  return h('div', {class: 'summary-list__row', testid}, h('dt', {class: 'summary-list__key'}, label), h('dd', {class: 'summary-list__value'}, value));
}

function impactTable(entry) {
  if (!entry.impact?.length) return null;
  return table({
    testid: 'impact-table',
    caption: 'What was measured, before and after',
    columns: [{label: 'Measure', field: 'measure'}, {label: 'Before', field: 'before'}, {label: 'After', field: 'after'},
      {label: 'Period', field: 'period'}, {label: 'Source', field: 'source'}],
    rows: entry.impact.map((m) => [m.measure, m.before, m.after, m.period, m.source]),
  });
}

function historyTable(events) {
  return table({
    testid: 'history-table',
    caption: 'What happened to the entry, oldest first (London time)',
    columns: [{label: 'When', field: 'at'}, {label: 'Who', field: 'username'}, {label: 'What', field: 'action'}],
    rows: events.map((e) => [e.at_london || dateTime(e.at), e.username,
      e.from_state || e.to_state ? `${capital(e.action)}: ${stateName(e.from_state)} → ${stateName(e.to_state)}${e.note ? ` (${e.note})` : ''}`
        : `${capital(e.action)}${e.note ? `: ${e.note}` : ''}`]),
  });
}

// Each showing of the entry in `body` has its own signal (aborted when the page is left or the
// entry is shown again after a change), so the charts of the last showing are let go.
const showings = new WeakMap();

export async function showEntry(body, context, id) {
  showings.get(body)?.abort();
  const local = new AbortController();
  showings.set(body, local);
  context.signal.addEventListener('abort', () => local.abort(), {once: true});
  const signal = local.signal;
  document.title = 'Practice entry: sendplan';
  replaceChildren(body, h('p', {class: 'loading'}, 'Loading the entry…'));
  let meta;
  let entry;
  try {
    [meta, entry] = await Promise.all([practiceMeta(), api('GET', entryPath(id), {signal})]);
  } catch (error) {
    if (signal.aborted) return;
    replaceChildren(body, h('h1', {}, 'Practice entry'),
      error instanceof ApiError && error.status === 404
        ? message('error', h('span', {testid: 'entry-not-found'}, 'There is no practice entry with that number that you can see. ',
          'A draft is seen by its own borough only; other entries before they are published by their boroughs, reviewers and administrators.'))
        : message('error', explain(error)),
      h('p', {}, h('a', {href: '#/practice/find'}, 'Find practice')));
    return;
  }
  if (signal.aborted) return;
  document.title = `${entry.title}: sendplan`;
  const reload = (notice) => showEntry(body, context, id).then(() => {
    if (notice) body.querySelector('[data-testid=entry-notice]')?.replaceChildren(message('success', notice));
  });
  const may = entry.may ?? {};
  const level = evidenceLevel(meta, entry.evidence_strength);
  const reviews = entry.reviews ?? {visible: [], criteria: []};

  // What the user may do now.
  const actions = [];
  if (may.edit) {
    actions.push(h('p', {}, h('a', {href: `${entryHref(entry.id)}/edit`, class: 'button', testid: 'edit-entry'}, 'Edit this draft')));
  }
  if (may.next_states?.length) {
    actions.push(moveControls(entry, may.next_states, (moved) => reload(`The entry is now ${stateName(moved.state).toLowerCase()}.`)));
  }
  const reviewerArea = may.assign_reviewers ? h('div', {testid: 'entry-reviewers'}, h('p', {class: 'loading'}, 'Loading the accounts…')) : null;

  const started = entry.started_on ? dateInWords(entry.started_on) : '';
  const trends = indicatorTrends(entry, signal);
  replaceChildren(body,
    h('p', {class: 'back'}, h('a', {href: '#/practice/find'}, 'Find practice')),
    h('div', {testid: 'entry-notice', 'aria-live': 'polite'}),
    h('p', {class: 'entry-badges', testid: 'entry-badges'}, badges({...entry, categories: entry.category_titles})),
    h('h1', {testid: 'entry-title'}, entry.title),
    entry.example ? h('p', {class: 'warning', testid: 'example-note'}, h('strong', {}, 'Example — synthetic. '),
      'This is a made-up demonstration entry, not a borough’s real work.') : null,
    h('p', {class: 'lead', testid: 'entry-summary'}, entry.summary || h('span', {class: 'none'}, 'No summary yet.')),
    actions.length ? h('div', {class: 'entry-actions', testid: 'entry-actions'}, actions) : null,
    h('dl', {class: 'summary-list', testid: 'entry-facts'},
      summaryRow('Lead borough', entry.lead_borough, 'fact-lead'),
      summaryRow('Partner boroughs', (entry.partner_boroughs ?? []).join(', '), 'fact-partners'),
      summaryRow('Categories', (entry.category_titles ?? []).map((c) => c.title).join('; '), 'fact-categories'),
      summaryRow('Ages', `${entry.age_from} to ${entry.age_to}`, 'fact-ages'),
      summaryRow('Primary needs', (entry.need_titles ?? []).map((n) => `${n.title} (${n.key})`).join('; '), 'fact-needs'),
      summaryRow('Settings', (entry.setting_titles ?? []).map((s) => s.title).join('; '), 'fact-settings'),
      summaryRow('Started', started, 'fact-started'),
      summaryRow('State', stateName(entry.state), 'fact-state'),
      summaryRow('Call for submissions', entry.call ? entry.call.name : '', 'fact-call'),
      summaryRow('Evidence strength', h('span', {}, h('strong', {testid: 'evidence-name'}, entry.evidence_name),
        level ? [' — ', h('span', {testid: 'evidence-description'}, level.description)] : ' — no reviewer has rated it yet.'), 'fact-evidence'),
      summaryRow('Submitted', entry.submitted_at ? dateTime(entry.submitted_at) : '', 'fact-submitted'),
      summaryRow('Published', entry.published_at ? dateTime(entry.published_at) : '', 'fact-published'),
      summaryRow('Last changed', entry.updated_at ? dateTime(entry.updated_at) : '', 'fact-updated')),
    entry.call && entry.state === 'draft' ? deadlineLine(entry.call, entry.call.server_now, signal) : null,
    may.review && SCORED_STATES.has(entry.state) ? section('entry-review', 'Your review', scoringForm(entry, meta, reload)) : null,
    may.rate ? section('entry-rate', 'Evidence strength', evidenceForm(entry, meta, reload)) : null,
    reviewerArea ? section('entry-assign', 'Reviewers', reviewerArea) : null,
    reviews.visible.some((r) => r.scored_at)
      ? section('entry-reviews', 'Reviewers’ scores', h('div', {class: 'table-scroll'},
        scoresTable({...reviews, visible: reviews.visible.filter((r) => r.scored_at)}))) : null,
    may.review && reviews.others_hidden ? h('p', {class: 'hint', testid: 'others-hidden'},
      'The other reviewers’ scores show here once you have given yours.') : null,
    textSection('entry-problem', 'The problem', entry.problem),
    textSection('entry-actions-taken', 'What was done', entry.actions),
    entry.impact?.length || entry.impact_summary ? section('entry-impact', 'Impact',
      impactTable(entry) ? h('div', {class: 'table-scroll'}, impactTable(entry)) : null,
      entry.impact_summary ? h('div', {class: 'prose', testid: 'entry-impact-summary'}, entry.impact_summary.split(/\n{2,}/).map((p) => h('p', {}, p))) : null) : null,
    textSection('entry-cost', 'Cost and resources', entry.cost_and_resources),
    textSection('entry-adopt', 'How others can adopt it', entry.how_to_adopt),
    entry.contact_name || entry.contact_role ? section('entry-contact', 'Contact',
      h('p', {testid: 'entry-contact-text'}, [entry.contact_name, entry.contact_role].filter(Boolean).join(', '), ', ', entry.lead_borough)) : null,
    entry.links?.length ? section('entry-links', 'Links', h('ul', {testid: 'entry-link-list'}, entry.links.map((l) => h('li', {}, safeLink(l))))) : null,
    entry.attachments?.length ? section('entry-documents', 'Documents', h('ul', {class: 'documents', testid: 'entry-attachments'},
      entry.attachments.map((a) => h('li', {}, h('a', {href: a.href, download: a.file_name, testid: 'attachment-link'}, a.file_name),
        h('span', {class: 'hint-inline'}, ` (${fileSize(a.size)}, added ${dateTime(a.uploaded_at)})`))))) : null,
    trends?.node ?? null,
    entry.events?.length ? section('entry-history', 'History', h('div', {class: 'table-scroll'}, historyTable(entry.events))) : null,
    section('entry-similar', 'Similar practice', entry.similar?.length ? cardList(entry.similar, {headingLevel: 'h3'}, 'similar-list')
      : h('p', {class: 'none', testid: 'no-similar'}, 'No similar published practice was found.')));

  if (reviewerArea) {
    reviewerAccounts().then((accounts) => {
      if (!signal.aborted) replaceChildren(reviewerArea, reviewerControls(entry, accounts, reload));
    }, (error) => {
      if (!signal.aborted) replaceChildren(reviewerArea, message('error', explain(error)));
    });
  }
  body.dataset.loaded = 'true';
  if (trends) await trends.done;
}
