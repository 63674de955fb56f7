// The provider register: every provider as a filterable table (name, type, need, London only,
// with vacancies) with the counts, the register CSV; for officers and administrators a form to
// add or edit a provider (every field, needs as checkboxes, the server's problems next to their
// fields) and the import of a list (a DfE list, a GIAS extract or the register CSV).

import {api, explain} from './api.js';
import {h, message, replaceChildren} from './dom.js';
import {count, plural} from './format.js';
import {BOARDING, field, needOptions, ofstedName, OFSTED, placementsMeta, problemsTable} from './placements_common.js';

const canEdit = (user) => user.role === 'officer' || user.role === 'admin';

// The provider's fields in the form, in order: [name, label, kind, hint?]. Kinds: text, int,
// number (decimal or blank), date, select (options from meta), bool, needs.
const FIELDS = [
  ['name', 'Name', 'text'],
  ['urn', 'URN', 'text', 'DfE unique reference number; blank when not known.'],
  ['type', 'Type', 'type'],
  ['la_number', 'LA number', 'text', 'DfE number of the local authority it is in (e.g. 204).'],
  ['local_authority', 'Local authority', 'text'],
  ['postcode', 'Postcode', 'text'],
  ['latitude', 'Latitude', 'number', 'WGS84 degrees; blank when not known.'],
  ['longitude', 'Longitude', 'number'],
  ['age_low', 'Youngest age', 'int'],
  ['age_high', 'Oldest age', 'int'],
  ['needs', 'Needs catered for', 'needs'],
  ['boarding', 'Day or residential', 'boarding'],
  ['wheelchair_accessible', 'Wheelchair accessible', 'bool'],
  ['capacity', 'Capacity (places)', 'int', '0 when not known.'],
  ['places_commissioned', 'Places commissioned by London boroughs', 'int'],
  ['vacancies', 'Vacancies', 'int'],
  ['ofsted_grade', 'Ofsted grade', 'ofsted'],
  ['ofsted_date', 'Date of the last inspection', 'date'],
  ['section41', 'Approved under section 41', 'bool'],
  ['source', 'Source', 'text', 'Where this record comes from (e.g. “user”).'],
];

function isLondon(meta, provider) {
  return meta.boroughs.some((b) => b.la_number === provider.la_number);
}

// The add / edit form. `provider` null for a new one. Resolves nothing; calls onSaved(provider).
function providerForm(meta, provider, {onSaved, onCancel}) {
  const controls = new Map();
  const prefix = provider ? `edit-provider` : 'new-provider';
  const status = h('div', {'aria-live': 'polite', testid: 'provider-form-status'});
  const groups = FIELDS.map(([name, label, kind, hint]) => {
    const id = `${prefix}-${name}`;
    const value = provider?.[name];
    let control;
    if (kind === 'type') {
      control = h('select', {class: 'select', name},
        meta.provider_types.map((t) => h('option', {value: t.code, selected: t.code === value}, t.name)));
    } else if (kind === 'boarding') {
      control = h('select', {class: 'select', name},
        Object.entries(BOARDING).map(([code, text]) => h('option', {value: code, selected: code === value}, text)));
    } else if (kind === 'ofsted') {
      control = h('select', {class: 'select', name},
        h('option', {value: ''}, 'Not known'),
        Object.entries(OFSTED).map(([grade, text]) => h('option', {value: grade, selected: Number(grade) === value}, `${grade}: ${text}`)));
    } else if (kind === 'bool') {
      const input = h('input', {type: 'checkbox', id, name, checked: Boolean(value)});
      controls.set(name, {kind, element: input});
      return h('div', {class: 'form-group', dataset: {field: id}},
        h('p', {class: 'field-error', id: `${id}-error`, testid: `${id}-error`}),
        h('label', {class: 'checkbox', for: id}, input, ` ${label}`));
    } else if (kind === 'needs') {
      const boxes = meta.needs.map((n) => h('label', {class: 'checkbox checkbox--need'},
        h('input', {type: 'checkbox', name: 'needs', value: n.code, checked: (value ?? []).includes(n.code),
          testid: `${prefix}-need-${n.code}`}), ` ${n.name} (${n.code.toUpperCase()})`));
      controls.set(name, {kind, element: boxes});
      return h('fieldset', {class: 'form-group form-group--wide', dataset: {field: id}, 'aria-describedby': `${id}-error`},
        h('legend', {class: 'label'}, label),
        h('p', {class: 'field-error', id: `${id}-error`, testid: `${id}-error`}),
        h('div', {class: 'checkbox-grid'}, boxes));
    } else {
      const type = kind === 'date' ? 'date' : kind === 'int' || kind === 'number' ? 'text' : 'text';
      control = h('input', {type, class: `input${kind === 'int' || kind === 'number' ? ' input--short' : ''}`, name,
        inputmode: kind === 'int' ? 'numeric' : kind === 'number' ? 'decimal' : undefined,
        value: value === null || value === undefined ? '' : String(value)});
    }
    controls.set(name, {kind, element: control});
    return field({id, label, control, hint});
  });

  function read() {
    const body = {};
    const local = [];
    for (const [name, {kind, element}] of controls) {
      if (kind === 'bool') body[name] = element.checked;
      else if (kind === 'needs') body[name] = element.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
      else if (kind === 'ofsted') body[name] = element.value ? Number(element.value) : null;
      else if (kind === 'int') {
        const text = element.value.trim();
        if (text === '') body[name] = 0;
        else if (/^-?\d+$/.test(text)) body[name] = Number(text);
        else { body[name] = text; local.push({column: name, reason: `“${text}” is not a whole number`}); }
      } else if (kind === 'number') {
        const text = element.value.trim();
        if (text === '') body[name] = null;
        else if (Number.isFinite(Number(text))) body[name] = Number(text);
        else { body[name] = text; local.push({column: name, reason: `“${text}” is not a number`}); }
      } else body[name] = element.value.trim();
    }
    return {body, local};
  }

  function showProblems(problems) {
    for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    const unplaced = [];
    for (const p of problems) {
      // The field: the problem's column when it names one, else the name before the reason's
      // colon ("name: required value is empty"; the server checks a form as a register CSV row).
      const prefixed = /^([a-z_0-9]+): (.*)$/s.exec(p.reason ?? '');
      const name = controls.has(String(p.column)) ? String(p.column) : prefixed && controls.has(prefixed[1]) ? prefixed[1] : null;
      const slot = name ? form.querySelector(`#${prefix}-${name}-error`) : null;
      if (slot) {
        const reason = prefixed && prefixed[1] === name ? prefixed[2] : p.reason;
        slot.textContent = slot.textContent ? `${slot.textContent} ${reason}` : reason;
        form.querySelector(`#${prefix}-${name}`)?.setAttribute('aria-invalid', 'true');
      } else unplaced.push(p);
    }
    replaceChildren(status, message('error', h('strong', {}, 'Not saved: '), `${plural(problems.length, 'problem')}. Nothing was changed.`,
      unplaced.length ? h('ul', {}, unplaced.map((p) => h('li', {}, typeof p.column === 'string' && p.column ? `${p.column}: ` : '', p.reason))) : null));
  }

  const submit = h('button', {type: 'submit', class: 'button', testid: 'provider-save'}, provider ? 'Save changes' : 'Add provider');
  const form = h('form', {class: 'form form--grid', testid: 'provider-form', novalidate: true, 'aria-labelledby': `${prefix}-heading`},
    h('h2', {id: `${prefix}-heading`}, provider ? `Edit ${provider.name}` : 'Add a provider'),
    status, h('div', {class: 'form-grid'}, groups),
    h('div', {class: 'button-row'}, submit,
      h('button', {type: 'button', class: 'button button--secondary', testid: 'provider-cancel', onclick: onCancel}, 'Cancel')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const {body, local} = read();
    if (local.length) return showProblems(local);
    submit.disabled = true;
    try {
      const answer = provider
        ? await api('PUT', `/api/providers/${encodeURIComponent(provider.id)}`, {json: {...body, id: provider.id}})
        : await api('POST', '/api/providers', {json: body});
      onSaved(answer.provider, Boolean(provider));
    } catch (error) {
      if (error?.status === 422 && error.problems.length) showProblems(error.problems);
      else replaceChildren(status, message('error', h('strong', {}, 'Not saved: '), explain(error)));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

// The import of a list: a file input, then the result or the problems.
function importPanel(onImported) {
  const id = 'provider-import';
  const input = h('input', {id, type: 'file', class: 'file-input', accept: '.csv,text/csv', testid: id,
    'aria-describedby': `${id}-hint ${id}-status`});
  const status = h('div', {id: `${id}-status`, 'aria-live': 'polite', testid: 'provider-import-status'});
  const problems = h('div', {class: 'upload__problems', testid: 'provider-import-problems'});
  input.addEventListener('change', async () => {
    const chosen = input.files?.[0];
    if (!chosen) return;
    replaceChildren(problems);
    replaceChildren(status, h('span', {class: 'upload__busy'}, `Reading ${chosen.name}…`));
    input.disabled = true;
    try {
      // The file's bytes as they are: a GIAS extract is in Windows-1252, which the server converts.
      const answer = await api('PUT', `/api/providers/import?file_name=${encodeURIComponent(chosen.name)}`,
        {text: chosen, contentType: 'text/csv'});
      replaceChildren(status, message('success', h('strong', {}, 'Imported: '), chosen.name,
        (answer.files ?? []).length ? ` (${answer.files.join('; ')})` : '', '. ',
        h('span', {testid: 'import-added'}, plural(answer.added, 'provider')), ' added, ',
        h('span', {testid: 'import-updated'}, count(answer.updated)), ' updated, ',
        h('span', {testid: 'import-unchanged'}, count(answer.unchanged)), ' unchanged.'));
      await onImported();
    } catch (error) {
      if (error?.status === 422) {
        replaceChildren(status, message('error', h('strong', {}, 'Not imported: '),
          `${chosen.name} has ${plural(error.problems.length, 'problem')}. Nothing was stored.`));
        replaceChildren(problems, problemsTable(chosen.name, error.problems));
      } else {
        replaceChildren(status, message('error', h('strong', {}, 'Not imported: '), explain(error)));
      }
    } finally {
      input.disabled = false;
      input.value = '';
    }
  });
  return h('section', {class: 'section upload', testid: 'provider-import-panel'},
    h('h2', {}, 'Import a list'),
    h('label', {for: id, class: 'label'}, 'A list of providers (CSV)'),
    h('p', {class: 'hint', id: `${id}-hint`}, 'DfE’s section 41 list or list of independent special schools, a GIAS “all establishments” extract, ',
      'or this register’s own CSV. Providers already in the register (same URN, or same name and local authority) only gain what they lacked. ',
      'A file with problems is not stored.'),
    input, status, problems);
}

export async function showProviders(body, {user, signal}) {
  document.title = 'Providers: sendplan';
  const [meta, first] = await Promise.all([placementsMeta(), api('GET', '/api/providers', {signal})]);
  if (signal.aborted) return;
  let providers = first.providers;
  const filters = {text: '', type: '', need: '', london: false, vacancies: false};

  const countLine = h('p', {class: 'lead', testid: 'providers-count', 'aria-live': 'polite'});
  const tableArea = h('div', {class: 'table-scroll', testid: 'providers-table-area'});
  const formArea = h('div', {testid: 'provider-form-area'});
  const notice = h('div', {'aria-live': 'polite', testid: 'providers-notice'});

  const textInput = h('input', {type: 'search', class: 'input', testid: 'filter-name',
    oninput: () => { filters.text = textInput.value; fill(); }});
  const typeSelect = h('select', {class: 'select', testid: 'filter-type', onchange: () => { filters.type = typeSelect.value; fill(); }},
    h('option', {value: ''}, 'Any type'), meta.provider_types.map((t) => h('option', {value: t.code}, t.name)));
  const needSelect = h('select', {class: 'select', testid: 'filter-need', onchange: () => { filters.need = needSelect.value; fill(); }},
    needOptions(meta, '', 'Any need'));
  const londonBox = h('input', {type: 'checkbox', id: 'filter-london', testid: 'filter-london',
    onchange: () => { filters.london = londonBox.checked; fill(); }});
  const vacancyBox = h('input', {type: 'checkbox', id: 'filter-vacancies', testid: 'filter-vacancies',
    onchange: () => { filters.vacancies = vacancyBox.checked; fill(); }});

  function openForm(provider) {
    replaceChildren(notice);
    const form = providerForm(meta, provider, {
      onCancel: () => replaceChildren(formArea),
      onSaved: async (saved, edited) => {
        replaceChildren(formArea);
        replaceChildren(notice, message('success', h('strong', {}, edited ? 'Saved: ' : 'Added: '), saved.name, '.'));
        await reload();
      },
    });
    replaceChildren(formArea, form);
    form.querySelector('input, select')?.focus();
    form.scrollIntoView?.({block: 'start'});
  }

  async function reload() {
    const answer = await api('GET', '/api/providers', {signal});
    if (signal.aborted) return;
    providers = answer.providers;
    fill();
  }

  function matches(p) {
    const text = filters.text.trim().toLowerCase();
    if (text && !`${p.name} ${p.urn} ${p.postcode} ${p.local_authority}`.toLowerCase().includes(text)) return false;
    if (filters.type && p.type !== filters.type) return false;
    if (filters.need && !(p.needs ?? []).includes(filters.need)) return false;
    if (filters.london && !isLondon(meta, p)) return false;
    if (filters.vacancies && !(p.vacancies > 0)) return false;
    return true;
  }

  function fill() {
    const shown = providers.filter(matches).sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id - b.id);
    replaceChildren(countLine, 'Showing ', h('strong', {testid: 'providers-shown'}, count(shown.length)), ' of ',
      h('span', {testid: 'providers-total'}, count(providers.length)), ' providers',
      `; ${count(shown.reduce((s, p) => s + (p.vacancies || 0), 0))} vacancies among those shown.`);
    const columns = ['Name', 'Type', 'Local authority', 'Ages', 'Needs', 'Day or residential', 'Wheelchair',
      'Capacity', 'Vacancies', 'Ofsted', 'Section 41'];
    const numeric = new Set(['Capacity', 'Vacancies']);
    replaceChildren(tableArea, h('table', {class: 'table table--compact', testid: 'providers-table'},
      h('caption', {class: 'table__caption'}, 'Providers in the register, by name. Filter them with the choices above.'),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', {scope: 'col', class: numeric.has(c) ? 'num' : undefined}, c)),
        canEdit(user) ? h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Actions')) : null)),
      h('tbody', {}, shown.map((p) => h('tr', {dataset: {id: p.id}},
        h('th', {scope: 'row', dataset: {field: 'name'}}, p.name, p.urn ? h('span', {class: 'hint-inline'}, ` URN ${p.urn}`) : null),
        h('td', {dataset: {field: 'type'}}, p.type_name ?? p.type),
        h('td', {dataset: {field: 'la'}}, p.local_authority || '–', p.postcode ? h('br') : null, p.postcode || null),
        h('td', {dataset: {field: 'ages'}}, p.age_high ? `${p.age_low}–${p.age_high}` : 'not recorded'),
        h('td', {dataset: {field: 'needs'}}, (p.needs ?? []).length ? p.needs.map((n) => n.toUpperCase()).join(', ') : 'not recorded'),
        h('td', {dataset: {field: 'boarding'}}, BOARDING[p.boarding] ?? p.boarding),
        h('td', {dataset: {field: 'wheelchair'}}, p.wheelchair_accessible ? 'Yes' : 'No'),
        h('td', {class: 'num', dataset: {field: 'capacity'}}, p.capacity ? count(p.capacity) : 'not recorded'),
        h('td', {class: 'num', dataset: {field: 'vacancies'}}, count(p.vacancies)),
        h('td', {dataset: {field: 'ofsted'}}, ofstedName(p.ofsted_grade), p.ofsted_date ? h('span', {class: 'hint-inline'}, ` (${p.ofsted_date})`) : null),
        h('td', {dataset: {field: 'section41'}}, p.section41 ? 'Yes' : 'No'),
        canEdit(user) ? h('td', {}, h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'provider-edit',
          onclick: () => openForm(p)}, 'Edit', h('span', {class: 'visually-hidden'}, ` ${p.name}`))) : null)))));
  }

  replaceChildren(body,
    h('h1', {}, 'Providers'),
    h('p', {class: 'lead'}, 'The shared register of SEND providers: independent and non-maintained special schools, special post-16 ',
      'institutions, special schools and resourced provisions, with their places, vacancies and Ofsted grades.'),
    h('div', {class: 'button-row'},
      h('a', {href: '/api/providers.csv', download: 'providers.csv', class: 'button button--secondary', testid: 'providers-csv'}, 'Download the register (CSV)'),
      canEdit(user) ? h('button', {type: 'button', class: 'button', testid: 'provider-add', onclick: () => openForm(null)}, 'Add provider') : null),
    notice, formArea,
    h('form', {class: 'controls filters', role: 'search', 'aria-label': 'Filter providers', onsubmit: (e) => e.preventDefault()},
      field({id: 'filter-name-input', label: 'Name, URN or postcode', control: textInput}),
      field({id: 'filter-type-select', label: 'Type', control: typeSelect}),
      field({id: 'filter-need-select', label: 'Need', control: needSelect}),
      h('div', {class: 'form-group'}, h('label', {class: 'checkbox', for: 'filter-london'}, londonBox, ' In London only')),
      h('div', {class: 'form-group'}, h('label', {class: 'checkbox', for: 'filter-vacancies'}, vacancyBox, ' With vacancies'))),
    countLine, tableArea,
    canEdit(user) ? importPanel(reload) : null);
  fill();
}
