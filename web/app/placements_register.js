// A borough's placements (child-level: officers of the borough and administrators; the server
// audits every read): on a chosen date, each placement with its provider, fees in force, annual
// cost and whether it is active; the fee history of each, with a form to record a fee change;
// the CSV download and the upload of new placements (all or nothing, problems by row).

import {loadInto} from './data_common.js';
import {api, boroughPath, explain} from './api.js';
import {h, message, replaceChildren, table} from './dom.js';
import {count, plural} from './format.js';
import {field, gbp, isIsoDate, needName, placementsMeta, problemsTable} from './placements_common.js';

const FEE_PARTS = [['education', 'Education'], ['care', 'Care'], ['therapy', 'Therapy'], ['other', 'Other']];

function boroughPicker(list, selected, navigate) {
  const select = h('select', {id: 'placements-borough', class: 'select', testid: 'placements-borough'},
    h('option', {value: ''}, 'Choose a borough'),
    list.map((b) => h('option', {value: b.name, selected: b.name === selected}, b.name)));
  select.addEventListener('change', () => {
    if (select.value) navigate(`#/placements/register/${encodeURIComponent(select.value)}`);
  });
  return h('div', {class: 'form-group form-group--inline'}, h('label', {for: 'placements-borough', class: 'label'}, 'Borough'), select);
}

// The fee periods of a placement, oldest first.
function feeTable(p) {
  return table({
    testid: 'fee-history',
    caption: `Fee history of ${p.child_ref} at ${p.provider_name}: each row applies from its date until the next. Whole pounds a year.`,
    columns: [{label: 'From', field: 'from'}, ...FEE_PARTS.map(([k, label]) => ({label, className: 'num', field: k})),
      {label: 'Total', className: 'num', field: 'total'}],
    rows: (p.fees ?? []).map((f) => [f.from, ...FEE_PARTS.map(([k]) => gbp(f[k])), gbp(f.total)]),
  });
}

// The form to record a fee change of placement `p`; onRecorded(updated placement).
function feeForm(p, date, onRecorded) {
  const prefix = `fee-${p.id}`;
  const latest = (p.fees ?? []).at(-1);
  const status = h('div', {'aria-live': 'polite', testid: 'fee-status'});
  const inputs = {from: h('input', {type: 'date', class: 'input input--date', name: 'from', value: date, testid: 'fee-from'})};
  for (const [k] of FEE_PARTS) {
    inputs[k] = h('input', {type: 'text', inputmode: 'numeric', class: 'input input--short', name: k,
      value: latest ? String(latest[k]) : '0', testid: `fee-${k}`});
  }
  const submit = h('button', {type: 'submit', class: 'button button--small', testid: 'fee-submit'}, 'Record the fee change');
  const form = h('form', {class: 'fee-form', testid: 'fee-form', novalidate: true},
    h('h4', {}, 'Record a fee change'),
    h('p', {class: 'hint'}, 'The new fees apply from the date given; the earlier fees are kept in the history. Whole pounds a year.'),
    status,
    h('div', {class: 'controls'},
      field({id: `${prefix}-from`, label: 'From', control: inputs.from}),
      FEE_PARTS.map(([k, label]) => field({id: `${prefix}-${k}`, label: `${label} (£ a year)`, control: inputs[k]}))),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
    const body = {from: inputs.from.value};
    const local = [];
    if (!isIsoDate(body.from)) local.push({column: 'from', reason: 'Enter the date the new fees apply from.'});
    for (const [k, label] of FEE_PARTS) {
      const text = inputs[k].value.trim().replace(/[£,\s]/g, '');
      if (!/^\d+$/.test(text || '0')) local.push({column: k, reason: `${label}: “${inputs[k].value}” is not a whole number of pounds.`});
      body[k] = Number(text || '0');
    }
    const show = (problems) => {
      const unplaced = [];
      for (const pr of problems) {
        const slot = form.querySelector(`#${prefix}-${CSS.escape(pr.column ?? '')}-error`);
        if (slot) slot.textContent = pr.reason; else unplaced.push(pr);
      }
      replaceChildren(status, message('error', h('strong', {}, 'Not recorded: '), `${plural(problems.length, 'problem')}.`,
        unplaced.length ? h('ul', {}, unplaced.map((x) => h('li', {}, x.reason))) : null));
    };
    if (local.length) return show(local);
    submit.disabled = true;
    try {
      const answer = await api('POST', `/api/placements/${encodeURIComponent(p.id)}/fees`, {json: body});
      onRecorded(answer.placement);
    } catch (error) {
      if (error?.problems?.length) show(error.problems);
      else replaceChildren(status, message('error', h('strong', {}, 'Not recorded: '), explain(error)));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function uploadPanel(borough, onUploaded) {
  const id = 'placements-upload';
  const input = h('input', {id, type: 'file', class: 'file-input', accept: '.csv,text/csv', testid: id,
    'aria-describedby': `${id}-hint ${id}-status`});
  const status = h('div', {id: `${id}-status`, 'aria-live': 'polite', testid: 'placements-upload-status'});
  const problems = h('div', {class: 'upload__problems', testid: 'placements-upload-problems'});
  input.addEventListener('change', async () => {
    const chosen = input.files?.[0];
    if (!chosen) return;
    replaceChildren(problems);
    replaceChildren(status, h('span', {class: 'upload__busy'}, `Checking ${chosen.name}…`));
    input.disabled = true;
    try {
      const answer = await api('PUT', `${boroughPath(borough)}/placements?file_name=${encodeURIComponent(chosen.name)}`,
        {text: chosen, contentType: 'text/csv'});
      replaceChildren(status, message('success', h('strong', {}, 'Accepted: '), chosen.name, ', ',
        h('span', {testid: 'placements-added'}, plural(answer.added, 'placement')), ' added.'));
      await onUploaded();
    } catch (error) {
      if (error?.status === 422) {
        replaceChildren(status, message('error', h('strong', {}, 'Not accepted: '),
          `${chosen.name} has ${plural(error.problems.length, 'problem')}. Nothing was stored. Fix the file and upload it again.`));
        replaceChildren(problems, problemsTable(chosen.name, error.problems));
      } else {
        replaceChildren(status, message('error', h('strong', {}, 'Not accepted: '), explain(error)));
      }
    } finally {
      input.disabled = false;
      input.value = '';
    }
  });
  return h('section', {class: 'section upload', testid: 'placements-upload-panel'},
    h('h2', {}, 'Add placements from a file'),
    h('label', {for: id, class: 'label'}, `New placements of ${borough} (CSV)`),
    h('p', {class: 'hint', id: `${id}-hint`}, 'The register’s placements CSV (the download above has the columns): one row per fee period. ',
      'Child references only, never names. The file is checked in full: if any row has a problem, nothing is stored.'),
    input, status, problems);
}

export async function showRegister(body, {user, signal, navigate, boroughs}, [wanted]) {
  document.title = 'Placements: sendplan';
  const meta = await placementsMeta();
  if (signal.aborted) return;
  let borough = user.role === 'officer' ? user.borough : wanted || null;
  if (user.role === 'officer' && wanted && wanted !== user.borough) {
    history.replaceState(null, '', `#/placements/register/${encodeURIComponent(user.borough)}`);
  }
  const picker = user.role === 'admin' ? boroughPicker(await boroughs(), borough, navigate) : null;
  if (signal.aborted) return;
  if (!borough) {
    replaceChildren(body, h('h1', {}, 'Placements'), picker,
      h('p', {class: 'hint'}, 'Choose a borough to see its placements.'));
    return;
  }

  let date = meta.today;
  const dateInput = h('input', {type: 'date', class: 'input input--date', value: date, testid: 'placements-date'});
  const summary = h('div', {testid: 'placements-summary', 'aria-live': 'polite'});
  const list = h('div', {class: 'table-scroll', testid: 'placements-list'});
  const status = h('div', {'aria-live': 'polite'});
  const open = new Set();  // placement ids whose history is shown

  async function load() {
    const answer = await loadInto(status, signal, () => api('GET', `${boroughPath(borough)}/placements?date=${encodeURIComponent(date)}`, {signal}));
    if (answer === null) return;
    render(answer);
  }

  function render(answer) {
    const placements = answer.placements;
    const active = placements.filter((p) => p.active);
    const cost = active.reduce((s, p) => s + (p.annual_cost ?? 0), 0);
    const unknown = active.filter((p) => p.annual_cost === null).length;
    replaceChildren(summary, h('dl', {class: 'figures'},
      h('div', {class: 'figure'}, h('dt', {class: 'figure__label'}, 'Placements in the register'),
        h('dd', {class: 'figure__value', testid: 'placements-count'}, count(placements.length))),
      h('div', {class: 'figure'}, h('dt', {class: 'figure__label'}, `Active on ${answer.date}`),
        h('dd', {class: 'figure__value', testid: 'placements-active'}, count(active.length))),
      h('div', {class: 'figure'}, h('dt', {class: 'figure__label'}, 'Annual cost of the active placements'),
        h('dd', {class: 'figure__value', testid: 'placements-cost'}, gbp(cost)),
        unknown ? h('dd', {class: 'figure__note'}, `${plural(unknown, 'placement')} with no fee in force left out`) : null)));
    const columns = ['Child', 'Need', 'Age', 'Provider', 'Start', 'End', 'Day or residential', 'Status',
      'Fees a year', 'Transport a year', 'Annual cost', 'Fee history'];
    const numeric = new Set(['Age', 'Fees a year', 'Transport a year', 'Annual cost']);
    const rows = [];
    for (const p of placements) {
      const historyId = `history-${p.id}`;
      const expanded = open.has(p.id);
      const toggle = h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'fee-toggle',
        'aria-expanded': expanded ? 'true' : 'false', 'aria-controls': historyId,
        onclick: () => { if (open.has(p.id)) open.delete(p.id); else open.add(p.id); render(answer); }},
        expanded ? 'Hide' : 'Show', h('span', {class: 'visually-hidden'}, ` the fee history of ${p.child_ref}`),
        ` (${(p.fees ?? []).length})`);
      rows.push(h('tr', {testid: 'placement-row', dataset: {id: p.id, childRef: p.child_ref}, class: p.active ? undefined : 'row--ended'},
        h('th', {scope: 'row', dataset: {field: 'child_ref'}}, p.child_ref),
        h('td', {dataset: {field: 'need'}, title: needName(meta, p.need)}, p.need.toUpperCase()),
        h('td', {class: 'num', dataset: {field: 'age'}}, String(p.age)),
        h('td', {dataset: {field: 'provider'}}, p.provider_name),
        h('td', {dataset: {field: 'start'}}, p.start_date),
        h('td', {dataset: {field: 'end'}}, p.end_date || '–'),
        h('td', {dataset: {field: 'residential'}}, p.residential ? 'Residential' : 'Day'),
        h('td', {dataset: {field: 'status'}}, p.active ? h('strong', {}, 'Active') : (p.start_date > answer.date ? 'Not started' : 'Ended')),
        h('td', {class: 'num', dataset: {field: 'fee_total'}}, p.fee_total === null ? 'no fee in force' : gbp(p.fee_total)),
        h('td', {class: 'num', dataset: {field: 'transport'}}, gbp(p.transport_cost)),
        h('td', {class: 'num', dataset: {field: 'annual_cost'}}, p.annual_cost === null ? '–' : gbp(p.annual_cost)),
        h('td', {}, toggle)));
      if (expanded) {
        rows.push(h('tr', {id: historyId, class: 'row--detail', testid: 'fee-detail', dataset: {id: p.id}},
          h('td', {colspan: String(columns.length)},
            (p.fees ?? []).length ? feeTable(p) : h('p', {}, 'No fees recorded yet.'),
            feeForm(p, date, (updated) => {
              const i = answer.placements.findIndex((x) => x.id === updated.id);
              if (i >= 0) answer.placements[i] = updated;
              render(answer);
              replaceChildren(status, message('success', h('strong', {}, 'Recorded: '),
                `the fees of ${updated.child_ref} from ${updated.fees?.at(-1)?.from ?? ''}.`));
            }))));
      }
    }
    replaceChildren(list, placements.length
      ? h('table', {class: 'table table--compact', testid: 'placements-table'},
        h('caption', {class: 'table__caption'}, `Placements of ${borough}, fees in force on ${answer.date}. Whole pounds a year.`),
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', {scope: 'col', class: numeric.has(c) ? 'num' : undefined}, c)))),
        h('tbody', {}, rows))
      : h('p', {testid: 'placements-none'}, `No placements of ${borough} in the register yet.`));
  }

  dateInput.addEventListener('change', () => {
    if (!isIsoDate(dateInput.value)) return;
    date = dateInput.value;
    load();
  });

  replaceChildren(body,
    h('h1', {testid: 'placements-title'}, `Placements of ${borough}`),
    picker,
    h('p', {class: 'lead'}, 'The placements this borough commissions, with the fees in force on the date chosen. ',
      'Child references only: this page is for the borough’s officers, and every view of it is recorded in the audit log.'),
    h('div', {class: 'controls'},
      field({id: 'placements-date-input', label: 'On date', control: dateInput}),
      h('div', {class: 'form-group'}, h('a', {href: `${boroughPath(borough)}/placements.csv`, download: `${borough.toLowerCase().replace(/\W+/g, '-')}-placements.csv`,
        class: 'button button--secondary', testid: 'placements-csv'}, 'Download the placements (CSV)'))),
    status, summary, list,
    uploadPanel(borough, load));
  await load();
}
