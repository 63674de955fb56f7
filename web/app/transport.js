// Transport planning for one borough: upload the input files, start a plan, reopen old plans.
// Officers work on their own borough; administrators choose any borough. Its tabs lead to
// pooling several boroughs (pools.js).

import {api, boroughPath, explain} from './api.js';
import {h, message, replaceChildren, table} from './dom.js';
import {count, dateTime, kindName, money, plural, statusName, versionKindName} from './format.js';
import {transportNav} from './pools.js';

const KINDS = [
  {kind: 'pupils', file: 'pupils.csv', label: 'Pupils', hint: 'One row per child: home, school, wheelchair, passenger assistant, travel alone, age or phase.'},
  {kind: 'schools', file: 'schools.csv', label: 'Schools', hint: 'One row per school: place and start and finish times.'},
  {kind: 'fleet', file: 'fleet.csv', label: 'Fleet', hint: 'One row per vehicle type: seats, wheelchair spaces, how many, costs and depot.'},
  {kind: 'current', file: 'routes.csv', label: 'Current routes (optional)', hint: "Today's routes, to compare the plan with."},
];

export async function showTransport(main, {user, signal, navigate, boroughs}, boroughParam) {
  const borough = user.role === 'officer' ? (boroughParam || user.borough) : boroughParam;
  document.title = `Transport planning${borough ? `: ${borough}` : ''}: sendplan`;

  if (user.role === 'officer' && borough !== user.borough) {
    replaceChildren(main,
      transportNav('#/transport'),
      h('h1', {}, `Transport planning: ${borough}`),
      message('error', `You do not have access to ${borough}’s data: borough officers work on their own borough only.`),
      h('p', {}, h('a', {href: '#/transport'}, `Go to ${user.borough} transport planning`)));
    return;
  }
  const picker = user.role === 'admin' ? await boroughPicker(await boroughs(), borough, navigate) : null;
  if (signal.aborted) return;
  if (!borough) {
    replaceChildren(main,
      transportNav('#/transport'),
      h('h1', {}, 'Transport planning'),
      h('p', {class: 'lead'}, 'Choose the borough to work on.'),
      picker);
    return;
  }

  const datasetsArea = h('div', {testid: 'datasets'});
  const plansArea = h('div', {testid: 'plans'});
  const uploadRows = KINDS.map((k) => uploadRow(borough, k, () => refresh()));

  const timeLimit = h('input', {id: 'time-limit', name: 'time_limit', type: 'number', class: 'input input--short',
    min: 1, max: 600, step: 1, value: '10', inputmode: 'numeric', testid: 'time-limit', 'aria-describedby': 'time-limit-hint'});
  const planButton = h('button', {type: 'submit', class: 'button', testid: 'plan-button'}, 'Plan routes');
  const planError = h('div', {testid: 'plan-error', 'aria-live': 'assertive'});
  const planForm = h('form', {class: 'form', novalidate: true},
    h('div', {class: 'form-group'},
      h('label', {for: 'time-limit', class: 'label'}, 'Time limit (seconds)'),
      h('p', {id: 'time-limit-hint', class: 'hint'},
        'How long the planner searches for cheaper routes, from 1 to 600 seconds. 10 seconds is enough for a first look; give it a few minutes for the final plan.'),
      timeLimit),
    planError,
    planButton);

  planForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    replaceChildren(planError);
    const seconds = Number(timeLimit.value);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) {
      replaceChildren(planError, message('error', 'Enter a time limit in whole seconds, from 1 to 600.'));
      timeLimit.focus();
      return;
    }
    planButton.disabled = true;
    try {
      const answer = await api('POST', `${boroughPath(borough)}/plans`, {json: {time_limit_seconds: seconds}});
      navigate(`#/plans/${encodeURIComponent(answer.plan.id)}`);
    } catch (error) {
      if (error?.status === 409) {
        replaceChildren(planError, message('error', 'Upload the pupils, schools and fleet files before planning.'));
      } else if (error?.status === 422) {
        replaceChildren(planError,
          message('error', 'The uploaded files do not fit together, so nothing was planned. Fix these problems and upload the files again.'),
          problemsTable('the uploaded files', error.problems, true));
      } else {
        replaceChildren(planError, message('error', explain(error)));
      }
    } finally {
      planButton.disabled = false;
    }
  });

  replaceChildren(main,
    transportNav('#/transport'),
    h('h1', {}, 'Transport planning: ', h('span', {testid: 'transport-borough'}, borough)),
    picker,
    h('section', {class: 'section', 'aria-labelledby': 'upload-heading'},
      h('h2', {id: 'upload-heading'}, '1. Upload the borough’s files'),
      h('p', {}, 'Upload CSV files (spreadsheets saved as “CSV UTF-8”). Each file is checked in full when you choose it. A file with problems is not stored: every problem is listed by row and column so you can fix it and upload it again.'),
      h('div', {class: 'uploads'}, uploadRows.map((r) => r.element))),
    h('section', {class: 'section', 'aria-labelledby': 'datasets-heading'},
      h('h2', {id: 'datasets-heading'}, 'Files uploaded'),
      datasetsArea),
    h('section', {class: 'section', 'aria-labelledby': 'plan-heading'},
      h('h2', {id: 'plan-heading'}, '2. Plan routes'),
      h('p', {}, 'The planner uses the latest pupils, schools and fleet files, and compares the result with the current routes when you have uploaded them.'),
      planForm),
    h('section', {class: 'section', 'aria-labelledby': 'plans-heading'},
      h('h2', {id: 'plans-heading'}, 'Previous plans and versions'),
      plansArea));

  async function refresh() {
    const [datasets, plans] = await Promise.allSettled([
      api('GET', `${boroughPath(borough)}/datasets`, {signal}),
      api('GET', `${boroughPath(borough)}/plans`, {signal}),
    ]);
    if (signal.aborted) return;
    if (datasets.status === 'fulfilled') {
      renderDatasets(datasetsArea, datasets.value);
      for (const row of uploadRows) row.showLatest(datasets.value.find((d) => d.kind === row.kind));
    } else {
      replaceChildren(datasetsArea, message('error', explain(datasets.reason)));
    }
    if (plans.status === 'fulfilled') {
      renderPlans(plansArea, plans.value);
    } else {
      replaceChildren(plansArea, message('error', explain(plans.reason)));
    }
  }
  await refresh();
}

async function boroughPicker(list, borough, navigate) {
  const select = h('select', {id: 'borough-select', class: 'select', testid: 'borough-select'},
    h('option', {value: ''}, 'Choose a borough'),
    list.map((b) => h('option', {value: b.name, selected: b.name === borough}, b.name)));
  select.addEventListener('change', () => {
    if (select.value) navigate(`#/transport/${encodeURIComponent(select.value)}`);
  });
  return h('div', {class: 'form-group form-group--inline'},
    h('label', {for: 'borough-select', class: 'label'}, 'Borough'), select);
}

// One file input with what happened to the last upload.
function uploadRow(borough, {kind, file, label, hint}, onUploaded) {
  const id = `upload-${kind}`;
  const input = h('input', {id, type: 'file', class: 'file-input', accept: '.csv,text/csv', testid: id,
    'aria-describedby': `${id}-hint ${id}-status`});
  const status = h('div', {id: `${id}-status`, class: 'upload__status', testid: `upload-status-${kind}`, 'aria-live': 'polite'});
  const problems = h('div', {class: 'upload__problems', testid: `upload-problems-${kind}`});

  input.addEventListener('change', async () => {
    const chosen = input.files?.[0];
    if (!chosen) return;
    replaceChildren(problems);
    replaceChildren(status, h('span', {class: 'upload__busy'}, `Checking ${chosen.name}…`));
    input.disabled = true;
    try {
      const text = await chosen.text();
      const answer = await api('PUT',
        `${boroughPath(borough)}/inputs/${kind}?file_name=${encodeURIComponent(chosen.name)}`,
        {text, contentType: 'text/csv'});
      const d = answer.dataset;
      replaceChildren(status, message('success',
        h('strong', {}, 'Accepted: '), d.file_name, ', ',
        h('span', {testid: `upload-rows-${kind}`}, plural(d.rows, 'row')), ', uploaded ', dateTime(d.uploaded_at), '.'));
      await onUploaded();
      // Keep the acceptance message rather than the refreshed "latest" line.
      replaceChildren(status, message('success',
        h('strong', {}, 'Accepted: '), d.file_name, ', ',
        h('span', {testid: `upload-rows-${kind}`}, plural(d.rows, 'row')), ', uploaded ', dateTime(d.uploaded_at), '.'));
    } catch (error) {
      if (error?.status === 422) {
        const list = error.problems;
        replaceChildren(status, message('error',
          h('strong', {}, 'Not accepted: '), `${chosen.name} has ${plural(list.length, 'problem')}. `,
          'Nothing was stored. Fix the file and upload it again.'));
        replaceChildren(problems, problemsTable(chosen.name, list));
      } else {
        replaceChildren(status, message('error', h('strong', {}, 'Not accepted: '), explain(error)));
      }
    } finally {
      input.disabled = false;
      input.value = '';
    }
  });

  const element = h('div', {class: 'upload', testid: `upload-row-${kind}`},
    h('label', {for: id, class: 'label'}, label, ' ', h('span', {class: 'upload__file'}, `(${file})`)),
    h('p', {id: `${id}-hint`, class: 'hint'}, hint),
    input, status, problems);

  return {
    kind,
    element,
    showLatest(dataset) {
      if (status.querySelector('.message')) return;  // the last upload's answer stays until the next
      replaceChildren(status, dataset
        ? h('p', {class: 'upload__latest'}, 'In use: ', dataset.file_name, ', ', plural(dataset.rows, 'row'),
          ', uploaded ', dateTime(dataset.uploaded_at), '.')
        : h('p', {class: 'upload__latest upload__latest--none'}, 'Not uploaded yet.'));
    },
  };
}

function problemsTable(fileName, problems, withFile = false) {
  const columns = [
    {label: 'Row', className: 'num', field: 'row'},
    {label: 'Column', field: 'column'},
    {label: 'Problem', field: 'reason'},
  ];
  if (withFile) columns.unshift({label: 'File', field: 'file'});
  return table({
    testid: 'problems-table',
    caption: `Problems in ${fileName}. Rows are numbered as in a spreadsheet: the header is row 1.`,
    columns,
    rows: problems.map((p) => [...(withFile ? [p.file ?? ''] : []), p.row ? count(p.row) : 'whole file', p.column ?? '', p.reason ?? '']),
  });
}

function renderDatasets(area, datasets) {
  if (!datasets.length) {
    replaceChildren(area, h('p', {}, 'No files uploaded yet.'));
    return;
  }
  const shown = datasets.slice(0, 20);
  replaceChildren(area,
    table({
      testid: 'datasets-table',
      caption: datasets.length > shown.length ? `The latest ${shown.length} of ${datasets.length} uploads, newest first` : 'Newest first',
      columns: [
        {label: 'Uploaded', field: 'uploaded_at'},
        {label: 'File', field: 'kind'},
        {label: 'File name', field: 'file_name'},
        {label: 'Rows', className: 'num', field: 'rows'},
      ],
      rows: shown.map((d) => [dateTime(d.uploaded_at), kindName(d.kind), d.file_name, count(d.rows)]),
    }));
}

function renderPlans(area, plans) {
  if (!plans.length) {
    replaceChildren(area, h('p', {testid: 'no-plans'}, 'No plans yet.'));
    return;
  }
  replaceChildren(area,
    table({
      testid: 'plans-table',
      caption: 'Every version of the borough’s plan, newest first',
      columns: [
        {label: 'Plan', className: 'num', field: 'id'},
        {label: 'Started', field: 'created_at'},
        {label: 'By', field: 'created_by'},
        {label: 'How it was made', field: 'kind'},
        {label: 'What changed', field: 'note'},
        {label: 'Status', field: 'status'},
        {label: 'Finished', field: 'finished_at'},
        {label: 'Cost per day', className: 'num', field: 'cost_per_day'},
        {label: 'Open', field: 'open'},
      ],
      rows: plans.map((p) => [
        count(p.id),
        dateTime(p.created_at),
        p.created_by || '',
        [versionKindName(p.kind), p.parent_plan ? h('span', {class: 'hint-inline'}, ` (from plan ${p.parent_plan})`) : null],
        p.note || '',
        h('span', {class: `status status--${p.status}`}, statusName(p.status),
          p.status === 'failed' && p.message ? `: ${p.message}` : ''),
        p.finished_at ? dateTime(p.finished_at) : '',
        typeof p.cost_per_day === 'number' ? money(p.cost_per_day, p.cost_per_day_pence) : '',
        h('a', {href: `#/plans/${encodeURIComponent(p.id)}`, testid: `open-plan-${p.id}`},
          'Open', h('span', {class: 'visually-hidden'}, ` plan ${p.id}`)),
      ]),
    }));
}
