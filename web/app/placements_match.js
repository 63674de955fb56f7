// The matching tool (every role; nothing is stored): a child's need, age, home, day or
// residential, wheelchair, passenger assistant, travelling alone and a journey limit; then the
// eligible providers ranked (Ofsted band, total annual cost with transport, journey, years the
// child could stay) with the sentence explaining each adjacent pair, then the providers whose
// records lack what is needed to decide, and those not eligible, with the reasons.

import {api, explain} from './api.js';
import {h, message, replaceChildren} from './dom.js';
import {count, decimal, plural} from './format.js';
import {field, gbp, needOptions, ofstedName, placementsMeta, problemsTable, typeName} from './placements_common.js';

const FEE_SOURCES = {
  provider: 'the provider’s fee',
  'type-median': 'estimate: the median fee of its type',
  'all-median': 'estimate: the median fee of all providers',
  none: 'no fee known',
};
const feeSource = (s) => FEE_SOURCES[s] ?? s;

// The centre of a borough's boundary (the mean of its outer rings' points): a home for a quick try.
async function boroughCentre(name) {
  const response = await fetch(`/api/boroughs/${encodeURIComponent(name)}/boundary`, {credentials: 'same-origin'});
  if (!response.ok) throw new Error(`the boundary of ${name} did not load (HTTP ${response.status})`);
  const feature = await response.json();
  const geometry = feature.geometry ?? feature.features?.[0]?.geometry;
  const polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
  let lat = 0;
  let lon = 0;
  let n = 0;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0]) { lon += x; lat += y; n++; }
  }
  return {latitude: Math.round((lat / n) * 1e5) / 1e5, longitude: Math.round((lon / n) * 1e5) / 1e5};
}

function travelText(m) {
  if (!m.travel) return m.residential ? 'Residential: no daily journey' : 'No journey estimate';
  return [h('span', {}, `${decimal(m.travel.km, 1)} km, ${count(m.travel.minutes)} minutes; ${gbp(m.travel.annual_cost)} a year`),
    m.travel.explanation ? h('span', {class: 'hint-inline', testid: 'travel-explanation'}, h('br'), m.travel.explanation) : null];
}

function rankedTable(meta, eligible, explanations) {
  const rows = [];
  eligible.forEach((m, i) => {
    rows.push(h('tr', {testid: 'match-row', dataset: {providerId: m.provider_id, rank: i + 1}},
      h('td', {class: 'num', dataset: {field: 'rank'}}, String(i + 1)),
      h('th', {scope: 'row', dataset: {field: 'name'}}, m.name, h('br'), h('span', {class: 'hint-inline'}, typeName(meta, m.type)),
        (m.flags ?? []).length ? h('ul', {class: 'flags', testid: 'match-flags'}, m.flags.map((f) => h('li', {}, f))) : null),
      h('td', {dataset: {field: 'ofsted'}}, ofstedName(m.ofsted_grade)),
      h('td', {class: 'num', dataset: {field: 'fee'}}, gbp(m.annual_fee), h('br'), h('span', {class: 'hint-inline'}, feeSource(m.fee_source))),
      h('td', {dataset: {field: 'transport'}}, travelText(m)),
      h('td', {class: 'num', dataset: {field: 'total'}}, h('strong', {}, gbp(m.total_annual_cost))),
      h('td', {class: 'num', dataset: {field: 'years_left'}}, m.years_left ? String(m.years_left) : 'not recorded')));
    if (i < eligible.length - 1 && explanations[i]) {
      rows.push(h('tr', {class: 'row--explanation', testid: 'match-explanation'},
        h('td', {colspan: '7'}, h('span', {class: 'visually-hidden'}, `Why ${i + 1} is above ${i + 2}: `), explanations[i])));
    }
  });
  return h('table', {class: 'table', testid: 'match-ranked'},
    h('caption', {class: 'table__caption'}, 'Eligible providers, best first: Ofsted good or better, then not known, then below good; ',
      'then the lowest total annual cost (fee and transport), the shortest journey, the most years the child could stay. ',
      'Between each pair, why the one is above the other.'),
    h('thead', {}, h('tr', {}, ['Rank', 'Provider', 'Ofsted', 'Fee a year', 'Transport', 'Total a year', 'Years the child could stay']
      .map((c, i) => h('th', {scope: 'col', class: [0, 3, 5, 6].includes(i) ? 'num' : undefined}, c)))),
    h('tbody', {}, rows));
}

function reasonsTable(meta, list, testid, caption) {
  return h('table', {class: 'table table--compact', testid},
    h('caption', {class: 'table__caption'}, caption),
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Provider'), h('th', {scope: 'col'}, 'Type'), h('th', {scope: 'col'}, 'Reasons'))),
    h('tbody', {}, list.map((m) => h('tr', {dataset: {providerId: m.provider_id}},
      h('th', {scope: 'row'}, m.name), h('td', {}, typeName(meta, m.type)),
      h('td', {}, h('ul', {class: 'reasons'}, (m.reasons ?? []).map((r) => h('li', {}, r))))))));
}

export async function showMatch(body, {signal}) {
  document.title = 'Matching: sendplan';
  const meta = await placementsMeta();
  if (signal.aborted) return;
  const inputs = {
    need: h('select', {class: 'select', testid: 'match-need'}, needOptions(meta, 'asd')),
    age: h('input', {type: 'text', inputmode: 'numeric', class: 'input input--short', value: '11', testid: 'match-age'}),
    borough: h('select', {class: 'select', testid: 'match-borough'}, h('option', {value: ''}, 'Choose a borough'),
      meta.boroughs.map((b) => h('option', {value: b.name}, b.name))),
    latitude: h('input', {type: 'text', inputmode: 'decimal', class: 'input input--short', testid: 'match-latitude'}),
    longitude: h('input', {type: 'text', inputmode: 'decimal', class: 'input input--short', testid: 'match-longitude'}),
    boarding: h('select', {class: 'select', testid: 'match-boarding'},
      [['day', 'Day'], ['residential', 'Residential'], ['either', 'Either']].map(([v, t]) => h('option', {value: v}, t))),
    maxMinutes: h('input', {type: 'text', inputmode: 'numeric', class: 'input input--short', testid: 'match-max-minutes'}),
  };
  const box = (id, label) => {
    const input = h('input', {type: 'checkbox', id, testid: id});
    return {input, element: h('div', {class: 'form-group'}, h('label', {class: 'checkbox', for: id}, input, ` ${label}`))};
  };
  const wheelchair = box('match-wheelchair', 'Uses a wheelchair (needs wheelchair access and a wheelchair-accessible vehicle)');
  const assistant = box('match-assistant', 'Needs a passenger assistant on the journey');
  const alone = box('match-travel-alone', 'Must travel alone (a vehicle of their own)');
  const status = h('div', {'aria-live': 'polite', testid: 'match-status'});
  const results = h('div', {testid: 'match-results'});

  inputs.borough.addEventListener('change', async () => {
    if (!inputs.borough.value) return;
    try {
      const c = await boroughCentre(inputs.borough.value);
      inputs.latitude.value = String(c.latitude);
      inputs.longitude.value = String(c.longitude);
    } catch (error) {
      replaceChildren(status, message('error', error.message));
    }
  });

  const submit = h('button', {type: 'submit', class: 'button', testid: 'match-submit'}, 'Find providers');
  const form = h('form', {class: 'form form--wide', testid: 'match-form', novalidate: true},
    h('div', {class: 'controls'},
      field({id: 'match-need-select', label: 'Primary need', control: inputs.need}),
      field({id: 'match-age-input', label: 'Age (years)', control: inputs.age})),
    h('fieldset', {class: 'form-group'}, h('legend', {class: 'label'}, 'Home'),
      h('p', {class: 'hint'}, 'The child’s home as latitude and longitude, or choose a borough to use its centre.'),
      h('div', {class: 'controls'},
        field({id: 'match-borough-select', label: 'Borough centre', control: inputs.borough}),
        field({id: 'match-latitude-input', label: 'Latitude', control: inputs.latitude}),
        field({id: 'match-longitude-input', label: 'Longitude', control: inputs.longitude}))),
    h('div', {class: 'controls'},
      field({id: 'match-boarding-select', label: 'Day or residential', control: inputs.boarding}),
      field({id: 'match-max-minutes-input', label: 'Longest journey (minutes)', control: inputs.maxMinutes,
        hint: 'Blank: DfE guidance, 45 minutes for primary age and 75 for secondary.'})),
    wheelchair.element, assistant.element, alone.element,
    submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = [];
    const age = inputs.age.value.trim();
    const lat = inputs.latitude.value.trim();
    const lon = inputs.longitude.value.trim();
    const minutes = inputs.maxMinutes.value.trim();
    if (!/^\d+$/.test(age)) problems.push('Enter the age as whole years.');
    if (!lat || !Number.isFinite(Number(lat)) || !lon || !Number.isFinite(Number(lon))) {
      problems.push('Enter the home as latitude and longitude (numbers), or choose a borough.');
    }
    if (minutes && !/^\d+$/.test(minutes)) problems.push('Enter the longest journey as whole minutes, or leave it blank.');
    if (problems.length) {
      replaceChildren(status, message('error', h('strong', {}, 'Check the form: '), h('ul', {}, problems.map((p) => h('li', {}, p)))));
      return;
    }
    const request = {need: inputs.need.value, age: Number(age), latitude: Number(lat), longitude: Number(lon),
      boarding: inputs.boarding.value, wheelchair: wheelchair.input.checked, assistant: assistant.input.checked,
      travel_alone: alone.input.checked, max_minutes: minutes ? Number(minutes) : null};
    submit.disabled = true;
    replaceChildren(status, h('p', {class: 'loading'}, 'Matching…'));
    delete results.dataset.loaded;
    try {
      const answer = await api('POST', '/api/placements/match', {json: request, signal});
      if (signal.aborted) return;
      replaceChildren(status);
      replaceChildren(results,
        h('section', {class: 'section', testid: 'match-eligible'},
          h('h2', {}, `Eligible: ${plural(answer.eligible.length, 'provider')}`),
          answer.eligible.length ? h('div', {class: 'table-scroll'}, rankedTable(meta, answer.eligible, answer.explanations ?? []))
            : h('p', {}, 'No provider in the register meets every condition. See below for why.')),
        h('section', {class: 'section', testid: 'match-not-recorded'},
          h('h2', {}, `Not recorded: ${plural(answer.not_recorded.length, 'provider')}`),
          h('p', {class: 'hint'}, 'These may be suitable, but their records lack something needed to decide: ask them, or complete the register.'),
          answer.not_recorded.length ? h('div', {class: 'table-scroll'}, reasonsTable(meta, answer.not_recorded, 'match-not-recorded-table',
            'Providers whose records do not say enough, with what is missing.')) : h('p', {}, 'None.')),
        h('section', {class: 'section', testid: 'match-not-eligible'},
          h('details', {},
            h('summary', {}, h('h2', {class: 'summary-heading'}, `Not eligible: ${plural(answer.not_eligible.length, 'provider')}`)),
            answer.not_eligible.length ? h('div', {class: 'table-scroll'}, reasonsTable(meta, answer.not_eligible, 'match-not-eligible-table',
              'Providers that do not meet a condition, with every condition they fail.')) : h('p', {}, 'None.'))));
      results.dataset.loaded = 'true';
    } catch (error) {
      if (signal.aborted) return;
      replaceChildren(status, message('error', h('strong', {}, 'Could not match: '), explain(error)),
        error?.problems?.length ? problemsTable('the form', error.problems) : null);
    } finally {
      submit.disabled = false;
    }
  });

  replaceChildren(body,
    h('h1', {}, 'Matching'),
    h('p', {class: 'lead'}, 'Which providers could take a child, best first, with the total annual cost including transport. ',
      'Nothing you enter here is stored.'),
    form, status, results);
}
