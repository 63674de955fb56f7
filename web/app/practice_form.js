// A borough's own practice entries (officers): the list of its entries in every state, the open
// calls for submissions, and the form for a new entry or a draft (every field the API reads:
// practice/entry_json.cpp), its documents and "Save and submit". Problems the server finds
// (422) are shown next to their fields, and listed at the top.

import {api, explain, ApiError} from './api.js';
import {h, message, replaceChildren, table} from './dom.js';
import {dateTime} from './format.js';
import {
  checkboxGroup, deadlineLine, entryHref, exampleBadge, entryPath, field, fileSize, placeProblems, practiceMeta, problemSummary,
  section, stateName,
} from './practice_common.js';

const PREFIX = 'entry-';
const MAX_AGE = 25;

// The fields' names, for the problem summary.
const FIELD_NAMES = {
  title: 'Title', summary: 'Summary', lead_borough: 'Lead borough', partner_boroughs: 'Partner boroughs', categories: 'Categories',
  problem: 'The problem', actions: 'What was done', age_from: 'Ages from', age_to: 'Ages to', needs: 'Primary needs',
  settings: 'Settings', impact: 'Impact measures', impact_summary: 'Impact in words', cost_and_resources: 'Cost and resources',
  how_to_adopt: 'How others can adopt it', contact_name: 'Contact name', contact_role: 'Contact role', links: 'Links',
  indicators: 'Indicators', started_on: 'Started on', call_id: 'Call for submissions', attachment: 'Document',
};

// A message to show on the next page (after a navigation).
let pendingNotice = null;

// --- the borough's entries --------------------------------------------------------------------

export async function showMine(body, {user, signal}) {
  const borough = user.borough;
  document.title = `${borough}’s practice entries: sendplan`;
  const listArea = h('div', {testid: 'mine-list'}, h('p', {class: 'loading'}, 'Loading the entries…'));
  const callsArea = h('div', {testid: 'open-calls'});
  replaceChildren(body,
    h('h1', {}, `${borough}’s practice entries`),
    h('p', {class: 'lead'}, `Practice ${borough} leads or shares with other boroughs, in every state: drafts are seen by ${borough}’s officers only until they are submitted.`),
    h('p', {}, h('a', {href: '#/practice/new', class: 'button', testid: 'new-entry'}, 'New entry')),
    section('mine-calls', 'Open calls for submissions', callsArea),
    section('mine-entries', 'Entries', listArea));

  const [entries, calls] = await Promise.allSettled([
    api('GET', `/api/practice/entries?state=any&borough=${encodeURIComponent(borough)}&sort=date&limit=100`, {signal}),
    api('GET', '/api/practice/calls', {signal}),
  ]);
  if (signal.aborted) return;
  if (calls.status === 'fulfilled') {
    const open = calls.value.calls.filter((c) => c.open);
    replaceChildren(callsArea, open.length ? h('ul', {class: 'call-list'}, open.map((c) => h('li', {testid: 'open-call'},
      h('strong', {}, c.name), ' — ', deadlineLine(c, calls.value.server_now, signal))))
      : h('p', {class: 'none'}, 'No call for submissions is open now.'));
  } else {
    replaceChildren(callsArea, message('error', explain(calls.reason)));
  }
  if (entries.status === 'rejected') {
    replaceChildren(listArea, message('error', explain(entries.reason)));
    return;
  }
  const hits = entries.value.hits;
  const callNames = new Map(calls.status === 'fulfilled' ? calls.value.calls.map((c) => [c.id, c.name]) : []);
  replaceChildren(listArea, hits.length === 0
    ? h('p', {class: 'none', testid: 'mine-empty'}, `${borough} has no practice entries yet. Start one with “New entry”.`)
    : table({
      testid: 'mine-table',
      caption: `${hits.length} ${hits.length === 1 ? 'entry' : 'entries'}, newest first`,
      columns: [{label: 'Title', field: 'title'}, {label: 'State', field: 'state'}, {label: 'Call', field: 'call'},
        {label: 'Date', field: 'date'}, {label: 'Evidence', field: 'evidence'}, {label: 'Action', field: 'action'}],
      rows: hits.map((e) => [h('span', {}, h('a', {href: entryHref(e.id)}, e.title), e.example ? [' ', exampleBadge()] : null), stateName(e.state),
        e.call_id ? callNames.get(e.call_id) ?? `Call ${e.call_id}` : '–', e.date ? dateTime(e.date) : '–', e.evidence_name,
        e.state === 'draft' && e.lead_borough === borough
          ? h('a', {href: `${entryHref(e.id)}/edit`, testid: 'edit-link'}, 'Edit', h('span', {class: 'visually-hidden'}, ` ${e.title}`)) : '']),
      rowProps: (i) => ({dataset: {id: hits[i].id}, testid: 'mine-row'}),
    }));
}

// --- the form -----------------------------------------------------------------------------------

function textInput(name, value, {multiline = false, rows = 5, type = 'text', ...rest} = {}) {
  if (multiline) return h('textarea', {class: 'textarea', name, rows: String(rows), testid: `${PREFIX}${name}`, ...rest}, value ?? '');
  return h('input', {class: 'input', type, name, value: value ?? '', testid: `${PREFIX}${name}`, ...rest});
}

// The impact measures: one row of five fields each, rows added and removed.
function impactRows(initial) {
  const PARTS = [['measure', 'What was measured'], ['before', 'Before'], ['after', 'After'], ['period', 'Period'], ['source', 'Source']];
  const body = h('div', {class: 'impact-rows', testid: 'impact-rows'});
  let serial = 0;
  const renumber = () => body.querySelectorAll('.impact-row').forEach((row, i) => {
    row.querySelector('.impact-row__number').textContent = `Measure ${i + 1}`;
    row.querySelectorAll('input').forEach((input) => {
      input.previousElementSibling.textContent = `${input.dataset.part === 'measure' ? 'What was measured' : PARTS.find(([k]) => k === input.dataset.part)[1]} (measure ${i + 1})`;
    });
  });
  const addRow = (m = {}) => {
    const n = ++serial;
    const row = h('div', {class: 'impact-row', testid: 'impact-row'},
      h('p', {class: 'impact-row__number'}),
      PARTS.map(([key, label]) => h('div', {class: `impact-row__cell impact-row__cell--${key}`},
        h('label', {class: 'label label--small', for: `impact-${n}-${key}`}, label),
        h('input', {id: `impact-${n}-${key}`, class: 'input', type: 'text', value: m[key] ?? '', maxlength: '300', dataset: {part: key},
          testid: `impact-${key}`}))),
      h('button', {type: 'button', class: 'link-button impact-row__remove', testid: 'impact-remove', onclick: () => {
        row.remove();
        renumber();
      }}, 'Remove this measure'));
    body.append(row);
    renumber();
    return row;
  };
  for (const m of initial ?? []) addRow(m);
  const add = h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'impact-add', onclick: () => {
    addRow().querySelector('input').focus();
  }}, 'Add a measure');
  const values = () => [...body.querySelectorAll('.impact-row')].map((row) => Object.fromEntries(
    [...row.querySelectorAll('input')].map((i) => [i.dataset.part, i.value.trim()]))).filter((m) => Object.values(m).some(Boolean));
  const node = h('fieldset', {class: 'form-group form-group--wide', id: `${PREFIX}impact`, dataset: {field: `${PREFIX}impact`},
    'aria-describedby': `${PREFIX}impact-hint ${PREFIX}impact-error`},
  h('legend', {class: 'label'}, 'Impact measures'),
  h('p', {class: 'hint', id: `${PREFIX}impact-hint`}, 'Each result you measured: what, the figure before and after (as written, e.g. “41%”), over which period and from which source. Leave a row empty to drop it.'),
  h('p', {class: 'field-error', id: `${PREFIX}impact-error`, testid: `${PREFIX}impact-error`}),
  body, add);
  return {node, values};
}

// The documents of a saved draft: the list (download, remove) and the upload.
function attachmentsPanel(entry) {
  const list = h('ul', {class: 'documents', testid: 'attachment-list'});
  const status = h('div', {'aria-live': 'polite', testid: 'attachment-status'});
  const render = (items) => {
    replaceChildren(list, items.length ? items.map((a) => {
      const remove = h('button', {type: 'button', class: 'link-button', testid: 'attachment-remove'}, 'Remove', h('span', {class: 'visually-hidden'}, ` ${a.file_name}`));
      remove.addEventListener('click', async () => {
        remove.disabled = true;
        try {
          await api('DELETE', `/api/practice/attachments/${encodeURIComponent(a.id)}`);
          items = items.filter((x) => x.id !== a.id);
          render(items);
          replaceChildren(status, message('success', `${a.file_name} was removed.`));
        } catch (error) {
          replaceChildren(status, message('error', h('strong', {}, 'Not removed: '), explain(error)));
          remove.disabled = false;
        }
      });
      return h('li', {testid: 'attachment', dataset: {id: a.id}}, h('a', {href: a.href, download: a.file_name, testid: 'attachment-link'}, a.file_name),
        h('span', {class: 'hint-inline'}, ` (${fileSize(a.size)}${a.text_indexed ? ', its text is searched' : ''}) `), remove);
    }) : h('li', {class: 'none', testid: 'no-attachments'}, 'No documents attached yet.'));
    current = items;
  };
  let current = [];
  render(entry.attachments ?? []);
  const input = h('input', {id: 'attachment-file', type: 'file', class: 'file-input', testid: 'attachment-file',
    accept: '.pdf,.docx,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg',
    'aria-describedby': 'attachment-file-hint attachment-status'});
  status.id = 'attachment-status';
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    input.disabled = true;
    replaceChildren(status, h('p', {class: 'upload__busy'}, `Uploading ${file.name}…`));
    try {
      const added = await api('POST', `${entryPath(entry.id)}/attachments?name=${encodeURIComponent(file.name)}`,
        {text: file, contentType: file.type || 'application/octet-stream'});
      render([...current, added]);
      replaceChildren(status, message('success', h('strong', {}, 'Attached: '), added.file_name, '.'));
    } catch (error) {
      const reason = error?.problems?.[0]?.reason;
      replaceChildren(status, message('error', h('strong', {}, 'Not attached: '), h('span', {testid: 'attachment-reason'},
        !reason ? explain(error) : reason.includes(file.name) ? reason : `${file.name}: ${reason}`)));
    } finally {
      input.disabled = false;
      input.value = '';
    }
  });
  return h('div', {class: 'attachments'},
    list,
    h('div', {class: 'form-group'},
      h('label', {for: 'attachment-file', class: 'label'}, 'Attach a document'),
      h('p', {class: 'hint', id: 'attachment-file-hint'}, 'A PDF, Word (.docx), PNG or JPEG file of up to 10 MB; at most 10 documents. ',
        'The type is read from the file itself, so its name must match what it is. Never attach anything about a child.'),
      input),
    status);
}

// The call chooser: the calls (open ones can be chosen), with the chosen call's guidance,
// categories and deadline in London time counting down.
function callChooser(calls, serverNow, selectedId, signal) {
  const select = h('select', {class: 'select select--wide', name: 'call_id', testid: `${PREFIX}call_id`},
    h('option', {value: '0'}, 'Not for a call'),
    calls.map((c) => h('option', {value: String(c.id), selected: c.id === selectedId, disabled: !c.open && c.id !== selectedId},
      `${c.name}${c.open ? '' : ' (closed)'}`)));
  const detail = h('div', {class: 'call-detail', testid: 'call-detail', 'aria-live': 'polite'});
  let controller = null;
  const show = () => {
    controller?.abort();
    controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), {once: true});
    const call = calls.find((c) => String(c.id) === select.value);
    if (!call) {
      replaceChildren(detail, h('p', {class: 'hint'}, 'The entry is shared in the repository once an administrator publishes it.'));
      return;
    }
    replaceChildren(detail,
      deadlineLine(call, serverNow, controller.signal),
      call.closed_reason ? message('error', h('span', {testid: 'call-closed'}, call.closed_reason)) : null,
      h('p', {}, h('strong', {}, 'It takes entries in: '), call.categories.map((c) => c.title).join('; '), '.'),
      call.guidance ? h('details', {class: 'guidance', open: true}, h('summary', {}, 'Guidance for submissions'),
        h('div', {class: 'prose', testid: 'call-guidance'}, call.guidance.split(/\n{2,}/).map((p) => h('p', {}, p)))) : null);
  };
  select.addEventListener('change', show);
  show();
  return {select, detail};
}

export async function showEntryForm(body, context, id) {
  const {user, signal, navigate} = context;
  document.title = id ? 'Edit a practice entry: sendplan' : 'New practice entry: sendplan';
  replaceChildren(body, h('p', {class: 'loading'}, 'Loading…'));
  let meta;
  let calls;
  let entry = null;
  try {
    [meta, calls, entry] = await Promise.all([practiceMeta(), api('GET', '/api/practice/calls', {signal}),
      id ? api('GET', entryPath(id), {signal}) : null]);
  } catch (error) {
    if (signal.aborted) return;
    replaceChildren(body, h('h1', {}, 'Practice entry'), message('error', error instanceof ApiError && error.status === 404
      ? h('span', {testid: 'entry-not-found'}, 'There is no practice entry with that number that you can see.') : explain(error)));
    return;
  }
  if (signal.aborted) return;
  if (entry && !entry.may?.edit) {
    replaceChildren(body, h('h1', {}, entry.title),
      message('info', entry.state === 'draft' ? `Only ${entry.lead_borough}’s officers edit this draft.`
        : `Only a draft can be edited: this entry is ${stateName(entry.state).toLowerCase()}. To change it, withdraw it to a draft first (before the call’s deadline).`),
      h('p', {}, h('a', {href: entryHref(entry.id)}, 'Go to the entry')));
    return;
  }
  const e = entry ?? {lead_borough: user.borough, age_from: 0, age_to: MAX_AGE, categories: [], partner_boroughs: [], needs: [],
    settings: [], indicators: [], links: [], impact: [], call_id: 0};
  let revision = entry?.revision ?? null;
  let entryId = entry?.id ?? null;

  const inputs = {
    title: textInput('title', e.title, {maxlength: '200', required: true, class: 'input input--wide'}),
    summary: textInput('summary', e.summary, {multiline: true, rows: 4}),
    problem: textInput('problem', e.problem, {multiline: true}),
    actions: textInput('actions', e.actions, {multiline: true, rows: 7}),
    age_from: textInput('age_from', String(e.age_from), {type: 'number', min: '0', max: String(MAX_AGE), class: 'input input--short', inputmode: 'numeric'}),
    age_to: textInput('age_to', String(e.age_to), {type: 'number', min: '0', max: String(MAX_AGE), class: 'input input--short', inputmode: 'numeric'}),
    impact_summary: textInput('impact_summary', e.impact_summary, {multiline: true}),
    cost_and_resources: textInput('cost_and_resources', e.cost_and_resources, {multiline: true, rows: 4}),
    how_to_adopt: textInput('how_to_adopt', e.how_to_adopt, {multiline: true}),
    contact_name: textInput('contact_name', e.contact_name, {maxlength: '200', autocomplete: 'off'}),
    contact_role: textInput('contact_role', e.contact_role, {maxlength: '200', autocomplete: 'off'}),
    links: textInput('links', (e.links ?? []).join('\n'), {multiline: true, rows: 3}),
    started_on: textInput('started_on', e.started_on, {type: 'date', class: 'input input--date'}),
  };
  const categories = checkboxGroup({id: `${PREFIX}categories`, legend: 'Categories', columns: 1,
    hint: 'The Practice Spotlight categories it fits. A call takes entries in its own categories only.',
    options: meta.categories.map((c) => ({value: c.key, label: c.title, hint: c.description})), selected: e.categories});
  const partners = checkboxGroup({id: `${PREFIX}partner_boroughs`, legend: 'Partner boroughs', columns: 4,
    hint: `Other boroughs that run it with ${e.lead_borough}. Their officers see the entry too once it is submitted.`,
    options: meta.boroughs.filter((b) => b.name !== e.lead_borough).map((b) => ({value: b.name, label: b.name})), selected: e.partner_boroughs});
  const needs = checkboxGroup({id: `${PREFIX}needs`, legend: 'Primary needs', hint: 'The children’s primary needs it serves (leave empty for all).',
    options: meta.needs.map((n) => ({value: n.key, label: `${n.title} (${n.key})`})), selected: e.needs});
  const settings = checkboxGroup({id: `${PREFIX}settings`, legend: 'Settings', hint: 'Where it happens.',
    options: meta.settings.map((s) => ({value: s.key, label: s.title})), selected: e.settings});
  const groups = [...new Set(meta.indicators.map((i) => i.group))];
  const indicatorBoxes = groups.map((g) => checkboxGroup({id: `${PREFIX}indicators-${g.toLowerCase().replace(/[^a-z]+/g, '-')}`, legend: g, columns: 2,
    options: meta.indicators.filter((i) => i.group === g).map((i) => ({value: i.id, label: i.title})), selected: e.indicators}));
  const impact = impactRows(e.impact);
  const call = callChooser(calls.calls, calls.server_now, e.call_id, signal);

  const status = h('div', {'aria-live': 'polite', testid: 'entry-form-status'});
  const saveButton = h('button', {type: 'submit', class: 'button button--secondary', testid: 'entry-save', value: 'save'}, 'Save draft');
  const submitButton = h('button', {type: 'submit', class: 'button', testid: 'entry-submit', value: 'submit'}, 'Save and submit');
  const form = h('form', {class: 'form form--wide entry-form', testid: 'entry-form', novalidate: true},
    status,
    h('h2', {}, 'About the practice'),
    field({id: `${PREFIX}title`, label: 'Title', control: inputs.title, hint: 'A short name for the practice (up to 200 characters).'}),
    field({id: `${PREFIX}summary`, label: 'Summary', control: inputs.summary, hint: 'A few sentences for search results (up to 1,500 characters).'}),
    h('div', {class: 'form-group'}, h('p', {class: 'label'}, 'Lead borough'), h('p', {testid: 'entry-lead'}, e.lead_borough)),
    partners.node,
    categories.node,
    field({id: `${PREFIX}problem`, label: 'The problem', control: inputs.problem, hint: 'The problem it tackled, for whom.'}),
    field({id: `${PREFIX}actions`, label: 'What was done', control: inputs.actions, hint: 'The actions, in the order they happened.'}),
    field({id: `${PREFIX}started_on`, label: 'Started on', control: inputs.started_on, hint: 'When the practice started (the charts of its indicators mark it).'}),
    h('h2', {}, 'Who it is for'),
    h('div', {class: 'controls'},
      field({id: `${PREFIX}age_from`, label: 'Ages from', control: inputs.age_from, hint: '0 to 25'}),
      field({id: `${PREFIX}age_to`, label: 'Ages to', control: inputs.age_to, hint: '0 to 25'})),
    needs.node,
    settings.node,
    h('h2', {}, 'What it changed'),
    impact.node,
    field({id: `${PREFIX}impact_summary`, label: 'Impact in words', control: inputs.impact_summary,
      hint: 'What changed for children, young people and families. A submission needs this or at least one measure.'}),
    field({id: `${PREFIX}cost_and_resources`, label: 'Cost and resources', control: inputs.cost_and_resources, hint: 'Staff, money and time it took.'}),
    h('fieldset', {class: 'form-group form-group--wide', id: `${PREFIX}indicators`, 'aria-describedby': `${PREFIX}indicators-hint ${PREFIX}indicators-error`},
      h('legend', {class: 'label'}, 'Dashboard indicators it aims to move'),
      h('p', {class: 'hint', id: `${PREFIX}indicators-hint`}, 'The entry’s page draws your borough’s published figures for these, with the start marked.'),
      h('p', {class: 'field-error', id: `${PREFIX}indicators-error`, testid: `${PREFIX}indicators-error`}),
      indicatorBoxes.map((g) => g.node)),
    h('h2', {}, 'Sharing it'),
    field({id: `${PREFIX}how_to_adopt`, label: 'How others can adopt it', control: inputs.how_to_adopt, hint: 'What another borough needs to do, and what to watch out for.'}),
    h('div', {class: 'controls'},
      field({id: `${PREFIX}contact_name`, label: 'Contact name', control: inputs.contact_name, hint: 'The officer who leads it.'}),
      field({id: `${PREFIX}contact_role`, label: 'Contact role', control: inputs.contact_role, hint: 'Their job title.'})),
    field({id: `${PREFIX}links`, label: 'Links', control: inputs.links, hint: 'Web addresses (http:// or https://), one a line.'}),
    h('h2', {}, 'Call for submissions'),
    field({id: `${PREFIX}call_id`, label: 'Submit it to', control: call.select}),
    call.detail,
    h('div', {class: 'button-row'}, saveButton, submitButton));

  const values = () => {
    const number = (input) => (input.value.trim() === '' ? NaN : Number(input.value));
    return {
      title: inputs.title.value.trim(),
      summary: inputs.summary.value.trim(),
      partner_boroughs: partners.values(),
      categories: categories.values(),
      problem: inputs.problem.value.trim(),
      actions: inputs.actions.value.trim(),
      age_from: number(inputs.age_from),
      age_to: number(inputs.age_to),
      needs: needs.values(),
      settings: settings.values(),
      impact: impact.values(),
      impact_summary: inputs.impact_summary.value.trim(),
      cost_and_resources: inputs.cost_and_resources.value.trim(),
      how_to_adopt: inputs.how_to_adopt.value.trim(),
      contact_name: inputs.contact_name.value.trim(),
      contact_role: inputs.contact_role.value.trim(),
      links: inputs.links.value.split('\n').map((l) => l.trim()).filter(Boolean),
      indicators: indicatorBoxes.flatMap((g) => g.values()),
      started_on: inputs.started_on.value,
      call_id: Number(call.select.value),
    };
  };

  const showProblems = (problems, intro) => {
    placeProblems(form, PREFIX, problems);
    replaceChildren(status, problemSummary(form, PREFIX, problems, FIELD_NAMES, intro));
    status.scrollIntoView({block: 'start'});
    status.querySelector('a')?.focus();
  };

  const save = async (json) => {
    if (entryId) {
      const saved = await api('PUT', entryPath(entryId), {json: {...json, revision}});
      revision = saved.revision;
      return saved;
    }
    const created = await api('POST', '/api/practice/entries', {json});
    entryId = created.id;
    revision = created.revision;
    return created;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submitting = event.submitter === submitButton;
    const json = values();
    const local = [];
    if (!json.title) local.push({column: 'title', reason: 'enter a title: a short name for the practice'});
    for (const key of ['age_from', 'age_to']) {
      if (!Number.isInteger(json[key]) || json[key] < 0 || json[key] > MAX_AGE) local.push({column: key, reason: `enter an age from 0 to ${MAX_AGE}`});
    }
    if (local.length) {
      showProblems(local, 'Not saved: check the fields marked');
      return;
    }
    saveButton.disabled = true;
    submitButton.disabled = true;
    const wasNew = !entryId;
    try {
      let saved;
      try {
        saved = await save(json);
      } catch (error) {
        if (error?.problems?.length) showProblems(error.problems, `Not saved: ${error.serverMessage ?? 'check the fields marked'}`);
        else replaceChildren(status, message('error', h('strong', {}, 'Not saved: '), explain(error)));
        return;
      }
      placeProblems(form, PREFIX, []);
      if (!submitting) {
        if (wasNew) {
          pendingNotice = 'The draft was saved. You can attach documents now.';
          navigate(`${entryHref(saved.id)}/edit`);
          return;
        }
        replaceChildren(status, message('success', h('strong', {}, 'Saved. '), 'The draft is seen by your borough’s officers only until you submit it.'));
        status.scrollIntoView({block: 'start'});
        return;
      }
      try {
        const moved = await api('POST', `${entryPath(saved.id)}/state`, {json: {to: 'submitted'}});
        pendingNotice = null;
        navigate(entryHref(moved.id));
      } catch (error) {
        if (wasNew) pendingNotice = null;
        if (error?.problems?.length) {
          showProblems(error.problems, 'Saved as a draft, but not submitted: ' +
            `${error.problems.length === 1 ? 'one thing is' : `${error.problems.length} things are`} missing or wrong`);
        } else {
          replaceChildren(status, message('error', h('strong', {}, 'Saved as a draft, but not submitted: '), h('span', {testid: 'submit-reason'}, explain(error))));
          status.scrollIntoView({block: 'start'});
        }
        if (wasNew) history.replaceState(null, '', `${entryHref(saved.id)}/edit`);
      }
    } finally {
      saveButton.disabled = false;
      submitButton.disabled = false;
    }
  });

  const notice = pendingNotice;
  pendingNotice = null;
  replaceChildren(body,
    h('p', {class: 'back'}, h('a', {href: '#/practice/mine'}, `${user.borough ?? e.lead_borough}’s entries`),
      entryId ? [' · ', h('a', {href: entryHref(entryId)}, 'View the entry')] : null),
    h('h1', {testid: 'entry-form-title'}, entry ? `Edit: ${entry.title}` : 'New practice entry'),
    notice ? message('success', notice) : null,
    h('p', {class: 'lead'}, 'Describe a service, never a child: no names, dates of birth, pupil or NHS numbers. ',
      'A draft needs only a title; everything else is needed when you submit it.'),
    form,
    entry ? section('entry-documents', 'Documents', attachmentsPanel(entry))
      : section('entry-documents', 'Documents', h('p', {class: 'hint'}, 'Save the draft first, then attach documents to it.')));
}
