// Calls for submissions (administrators): the calls, and the form to open one (its categories,
// review criteria, guidance, and when it opens and closes in London time); one call's page: its
// deadline counting down and the form to move it, the submissions with their reviewers and the
// moves an administrator makes (shortlist, not shortlisted, winner with its category, publish),
// the panel's ranking per category with the reviewers' disagreements, and the downloads
// (submissions CSV, the shortlist's and the winners' booklets).

import {api, explain} from './api.js';
import {h, message, replaceChildren, table} from './dom.js';
import {decimal, plural} from './format.js';
import {
  ADMIN_MOVES, badges, boroughsText, callPath, checkboxGroup, deadlineLine, entryHref, entryPath, field, londonLocal,
  placeProblems, practiceMeta, problemSummary, section, stateName, timeWords,
} from './practice_common.js';
import {moveControls, reviewerAccounts, reviewerControls} from './practice_entry.js';

const PREFIX = 'call-';
const CALL_FIELDS = {name: 'Name', categories: 'Categories', criteria: 'Review criteria', opens_local: 'Opens',
  deadline_local: 'Deadline', guidance: 'Guidance'};

export async function showCalls(body, context, [id]) {
  if (id) return showCall(body, context, id);
  const {signal, navigate} = context;
  document.title = 'Calls for submissions: sendplan';
  const listArea = h('div', {testid: 'calls-list'}, h('p', {class: 'loading'}, 'Loading the calls…'));
  const formArea = h('div', {});
  replaceChildren(body,
    h('h1', {}, 'Calls for submissions'),
    h('p', {class: 'lead'}, 'A call invites boroughs to submit practice in its categories before its deadline (London time). ',
      'After the deadline, assign reviewers to each submission, read the panel’s ranking, then shortlist, choose winners and publish.'),
    section('calls', 'Calls', listArea),
    section('call-open', 'Open a call', formArea));
  let meta;
  let calls;
  try {
    [meta, calls] = await Promise.all([practiceMeta(), api('GET', '/api/practice/calls', {signal})]);
  } catch (error) {
    if (!signal.aborted) replaceChildren(listArea, message('error', explain(error)));
    return;
  }
  if (signal.aborted) return;
  replaceChildren(listArea, calls.calls.length === 0 ? h('p', {class: 'none', testid: 'calls-empty'}, 'No call has been opened yet.')
    : table({
      testid: 'calls-table',
      columns: [{label: 'Call', field: 'name'}, {label: 'Opens', field: 'opens'}, {label: 'Deadline', field: 'deadline'}, {label: 'Now', field: 'open'}],
      rows: calls.calls.map((c) => [h('a', {href: `#/practice/calls/${c.id}`, testid: 'call-link'}, c.name), c.opens_london, c.deadline_london,
        c.open ? 'Open' : c.closed_reason]),
      rowProps: (i) => ({dataset: {id: calls.calls[i].id}}),
    }));
  replaceChildren(formArea, openCallForm(meta, (call) => navigate(`#/practice/calls/${call.id}`)));
}

// A datetime field with its value in words under it.
const withWords = (group, input) => {
  group.append(timeWords(input));
  return group;
};

function openCallForm(meta, onOpened) {
  const now = new Date();
  const inFourWeeks = londonLocal(new Date(now.getTime() + 28 * 86400_000)).slice(0, 10);
  const inputs = {
    name: h('input', {type: 'text', class: 'input input--wide', maxlength: '200', testid: 'call-name'}),
    opens_local: h('input', {type: 'datetime-local', class: 'input input--date-time', value: londonLocal(now), testid: 'call-opens'}),
    deadline_local: h('input', {type: 'datetime-local', class: 'input input--date-time', value: `${inFourWeeks}T23:59`, testid: 'call-deadline-input'}),
    guidance: h('textarea', {class: 'textarea', rows: '6', testid: 'call-guidance-input'}),
  };
  const categories = checkboxGroup({id: `${PREFIX}categories`, legend: 'Categories', columns: 2, hint: 'The categories it takes entries in.',
    options: meta.categories.map((c) => ({value: c.key, label: c.title})), selected: meta.categories.map((c) => c.key)});
  const criteria = checkboxGroup({id: `${PREFIX}criteria`, legend: 'Review criteria', columns: 2, hint: 'Reviewers score each from 1 to 5.',
    options: meta.criteria.map((c) => ({value: c.key, label: c.title, hint: c.description})), selected: meta.criteria.map((c) => c.key)});
  const status = h('div', {'aria-live': 'polite', testid: 'call-form-status'});
  const submit = h('button', {type: 'submit', class: 'button', testid: 'call-open-button'}, 'Open the call');
  const form = h('form', {class: 'form form--wide', testid: 'call-form', novalidate: true},
    status,
    field({id: `${PREFIX}name`, label: 'Name', control: inputs.name, hint: 'For example “Practice Spotlight 2027”.'}),
    h('div', {class: 'controls controls--top'},
      withWords(field({id: `${PREFIX}opens_local`, label: 'Opens (London time)', control: inputs.opens_local,
        hint: 'Boroughs can submit from this minute.'}), inputs.opens_local),
      withWords(field({id: `${PREFIX}deadline_local`, label: 'Deadline (London time)', control: inputs.deadline_local,
        hint: 'Submissions close at this minute, GMT or BST as the date falls.'}), inputs.deadline_local)),
    categories.node, criteria.node,
    field({id: `${PREFIX}guidance`, label: 'Guidance for submissions', control: inputs.guidance, hint: 'Shown to boroughs when they choose the call.'}),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const json = {name: inputs.name.value.trim(), categories: categories.values(), criteria: criteria.values(),
      opens_local: inputs.opens_local.value, deadline_local: inputs.deadline_local.value, guidance: inputs.guidance.value};
    const local = [];
    if (!json.name) local.push({column: 'name', reason: 'enter the call’s name'});
    if (!json.opens_local) local.push({column: 'opens_local', reason: 'enter when it opens'});
    if (!json.deadline_local) local.push({column: 'deadline_local', reason: 'enter the deadline'});
    if (!json.categories.length) local.push({column: 'categories', reason: 'choose at least one category'});
    if (!json.criteria.length) local.push({column: 'criteria', reason: 'choose at least one criterion'});
    const show = (problems) => {
      placeProblems(form, PREFIX, problems);
      replaceChildren(status, problemSummary(form, PREFIX, problems, CALL_FIELDS, 'The call was not opened'));
    };
    if (local.length) return show(local);
    submit.disabled = true;
    try {
      onOpened(await api('POST', '/api/practice/calls', {json}));
    } catch (error) {
      if (error?.problems?.length) show(error.problems);
      else replaceChildren(status, message('error', h('strong', {}, 'Not opened: '), explain(error)));
      submit.disabled = false;
    }
  });
  return form;
}

function deadlineForm(call, onMoved) {
  const input = h('input', {type: 'datetime-local', class: 'input input--date-time', value: call.deadline_local, step: '60', testid: 'extend-deadline-input'});
  const status = h('div', {'aria-live': 'polite', testid: 'extend-status'});
  const submit = h('button', {type: 'submit', class: 'button button--secondary button--small', testid: 'extend-deadline'}, 'Change the deadline');
  const form = h('form', {class: 'form', novalidate: true, testid: 'extend-form'},
    h('div', {class: 'inline-field'}, withWords(field({id: `${PREFIX}deadline_local`, label: 'New deadline (London time)', control: input}), input),
      submit),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const saved = await api('PATCH', callPath(call.id), {json: {deadline_local: input.value}});
      await onMoved(`The deadline is now ${saved.deadline_london}.`);
    } catch (error) {
      const unplaced = placeProblems(form, PREFIX, error?.problems ?? []);
      replaceChildren(status, message('error', h('strong', {}, 'Not changed: '),
        unplaced.length ? unplaced.map((p) => p.reason).join('; ') : explain(error)));
      submit.disabled = false;
    }
  });
  return form;
}

function panelTables(panel) {
  const criteria = panel.call.criteria ?? [];
  const withEntries = panel.categories.filter((c) => c.entries.length);
  if (!withEntries.length) return h('p', {class: 'none', testid: 'panel-empty'}, 'No submissions to rank yet.');
  return [
    h('p', {class: 'hint'}, `Ranked by the mean of the reviewers’ mean scores (1 to 5). Reviewers disagree when their means differ by `,
      `${decimal(panel.disagreement_spread, 1)} or more, or two of them are that far apart on one criterion: read those entries again.`),
    withEntries.map((c) => h('div', {class: 'table-scroll panel-category', testid: `panel-${c.category}`},
      h('h3', {}, c.title),
      table({
        testid: 'panel-table',
        caption: `${plural(c.entries.length, 'entry', 'entries')} naming this category`,
        columns: [{label: 'Rank', className: 'num', field: 'rank'}, {label: 'Entry', field: 'title'}, {label: 'State', field: 'state'},
          {label: 'Scored', className: 'num', field: 'scored'}, {label: 'Mean', className: 'num', field: 'mean'},
          {label: 'Spread', className: 'num', field: 'spread'},
          {label: 'Mean by criterion', field: 'criteria'},
          {label: 'Reviewers agree?', field: 'disagreement'}],
        rows: c.entries.map((e, i) => [
          e.scored ? String(i + 1) : '–',
          h('span', {}, h('a', {href: entryHref(e.entry_id)}, e.title), h('br'), h('span', {class: 'hint-inline'}, e.lead_borough)),
          stateName(e.state),
          `${e.scored} of ${e.reviewers}`,
          e.scored ? decimal(e.mean, 2) : '–',
          e.scored > 1 ? decimal(e.spread, 2) : '–',
          e.scored ? h('ul', {class: 'criterion-means'}, criteria.map((k) => h('li', {dataset: {criterion: k.key}},
            `${k.title}: ${e.criterion_means?.[k.key] !== undefined ? decimal(e.criterion_means[k.key], 1) : '–'}`))) : '–',
          e.disagreement ? h('span', {class: 'flag flag--disagree', testid: 'disagreement'}, 'They disagree: ', e.disagreement_reason)
            : e.scored > 1 ? 'Yes' : e.scored ? 'One score so far' : 'Not scored yet']),
        rowProps: (i) => ({dataset: {id: c.entries[i].entry_id}, class: c.entries[i].disagreement ? 'row--disagree' : undefined}),
      }))),
  ];
}

async function showCall(body, context, id) {
  const {signal} = context;
  document.title = 'Call for submissions: sendplan';
  replaceChildren(body, h('p', {class: 'loading'}, 'Loading the call…'));
  let calls;
  let panel;
  let submissions;
  let accounts;
  try {
    [calls, panel, submissions, accounts] = await Promise.all([
      api('GET', '/api/practice/calls', {signal}),
      api('GET', `${callPath(id)}/panel`, {signal}),
      api('GET', `/api/practice/entries?call=${encodeURIComponent(id)}&state=any&sort=date&limit=100`, {signal}),
      reviewerAccounts(),
    ]);
  } catch (error) {
    if (!signal.aborted) replaceChildren(body, h('h1', {}, 'Call for submissions'), message('error', explain(error)));
    return;
  }
  if (signal.aborted) return;
  const call = calls.calls.find((c) => String(c.id) === String(id)) ?? panel.call;
  document.title = `${call.name}: sendplan`;
  // Each submission's page, for its reviewers (administrators see every review).
  const entries = await Promise.all(submissions.hits.map((hit) => api('GET', entryPath(hit.id), {signal}).catch(() => null)));
  if (signal.aborted) return;
  const reload = async (notice) => {
    await showCall(body, context, id);
    if (notice) body.querySelector('[data-testid=call-notice]')?.replaceChildren(message('success', notice));
  };

  const submissionBlocks = submissions.hits.map((hit, i) => {
    const entry = entries[i];
    return h('li', {class: 'submission', testid: 'submission', dataset: {id: hit.id}},
      h('h3', {class: 'submission__title'}, h('a', {href: entryHref(hit.id)}, hit.title), ' ', badges(hit, {showState: false})),
      h('p', {class: 'meta'}, boroughsText(hit), ' · ', (hit.categories ?? []).map((c) => c.title).join('; '), ' · ',
        h('strong', {testid: 'submission-state'}, stateName(hit.state)), ` · Evidence: ${hit.evidence_name}`),
      entry ? h('div', {class: 'submission__controls'},
        hit.state !== 'published' ? reviewerControls(entry, accounts, reload) : null,
        moveControls({...hit, category_titles: hit.categories}, ADMIN_MOVES[hit.state] ?? [], (moved) =>
          reload(`${moved.title} is now ${stateName(moved.state).toLowerCase()}.`), {testid: `moves-${hit.id}`}))
        : message('error', 'This submission could not be read.'));
  });

  replaceChildren(body,
    h('p', {class: 'back'}, h('a', {href: '#/practice/calls'}, 'Calls for submissions')),
    h('div', {testid: 'call-notice', 'aria-live': 'polite'}),
    h('h1', {testid: 'call-title'}, call.name),
    h('dl', {class: 'summary-list'},
      h('div', {class: 'summary-list__row'}, h('dt', {class: 'summary-list__key'}, 'Opens'), h('dd', {class: 'summary-list__value'}, call.opens_london)),
      h('div', {class: 'summary-list__row'}, h('dt', {class: 'summary-list__key'}, 'Categories'),
        h('dd', {class: 'summary-list__value'}, call.categories.map((c) => c.title).join('; '))),
      h('div', {class: 'summary-list__row'}, h('dt', {class: 'summary-list__key'}, 'Review criteria'),
        h('dd', {class: 'summary-list__value'}, call.criteria.map((c) => c.title).join('; ')))),
    deadlineLine(call, calls.server_now, signal),
    deadlineForm(call, reload),
    call.guidance ? h('details', {class: 'guidance'}, h('summary', {}, 'Guidance for submissions'),
      h('div', {class: 'prose'}, call.guidance.split(/\n{2,}/).map((p) => h('p', {}, p)))) : null,
    section('call-downloads', 'Downloads', h('ul', {class: 'downloads'},
      h('li', {}, h('a', {href: `${callPath(id)}/submissions.csv`, download: `call-${id}-submissions.csv`, testid: 'download-submissions'},
        'Every submission (CSV)')),
      h('li', {}, h('a', {href: `${callPath(id)}/booklet.html?entries=shortlist`, target: '_blank', rel: 'noopener', testid: 'booklet-shortlist'},
        'The shortlist booklet (a web page to print)')),
      h('li', {}, h('a', {href: `${callPath(id)}/booklet.html?entries=winners`, target: '_blank', rel: 'noopener', testid: 'booklet-winners'},
        'The winners’ booklet (a web page to print)')))),
    section('call-panel', 'The panel', panelTables(panel)),
    section('call-submissions', `Submissions (${submissions.total})`,
      submissionBlocks.length ? h('ul', {class: 'submissions'}, submissionBlocks)
        : h('p', {class: 'none', testid: 'no-submissions'}, 'No submissions yet. Drafts are not listed: they stay with their boroughs until submitted.')));
}
