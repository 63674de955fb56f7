// Find practice (GET /api/practice/entries): words (matched in all their forms: "assessment"
// finds "assessments"), facets with counts that toggle filters, sort, pages, the results as cards
// with the passage that matched (its words marked), and the current search as CSV or JSON. The
// search is kept in the address (#/practice/find/QUERY) so it can be shared and Back returns to it.

import {api, explain} from './api.js';
import {h, message, replaceChildren} from './dom.js';
import {count, plural} from './format.js';
import {cardList} from './practice_common.js';

const PAGE_SIZE = 20;
const SHOWN_VALUES = 8;

// The facets, in the order the page lists them, with their names.
export const FACETS = [
  ['category', 'Category'],
  ['borough', 'Borough'],
  ['subregion', 'Sub-region'],
  ['need', 'Primary need'],
  ['age', 'Ages'],
  ['setting', 'Setting'],
  ['evidence', 'Evidence strength'],
  ['year', 'Year'],
  ['call', 'Call for submissions'],
  ['winner', 'Winner'],
  ['indicator', 'Indicator it aims to move'],
  ['example', 'Example entries'],
];
const FACET_IDS = FACETS.map(([id]) => id);

const SORTS = [['relevance', 'Best match'], ['date', 'Newest first'], ['evidence', 'Strongest evidence first']];

// The search as query parameters (without paging: for the downloads too).
function searchParams(search, {paging = true} = {}) {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  for (const facet of FACET_IDS) for (const v of search.filters[facet] ?? []) params.append(facet, v);
  if (paging) {
    if (search.sort !== 'relevance') params.set('sort', search.sort);
    if (search.offset) params.set('offset', String(search.offset));
  }
  return params;
}

function parseSearch(text) {
  const params = new URLSearchParams(text ?? '');
  const filters = {};
  for (const facet of FACET_IDS) {
    const values = params.getAll(facet).filter(Boolean);
    if (values.length) filters[facet] = values;
  }
  const sort = SORTS.some(([s]) => s === params.get('sort')) ? params.get('sort') : 'relevance';
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  return {q: params.get('q') ?? '', filters, sort, offset};
}

export const findHref = (search) => {
  const text = searchParams({sort: 'relevance', offset: 0, filters: {}, ...search}).toString();
  return text ? `#/practice/find/${encodeURIComponent(text)}` : '#/practice/find';
};

export async function showFind(body, {signal}, [queryText]) {
  document.title = 'Find practice: sendplan';
  const search = parseSearch(queryText);
  let calls = new Map();

  const input = h('input', {id: 'practice-q', type: 'search', class: 'input input--search', name: 'q', value: search.q,
    testid: 'practice-search-input', maxlength: '500', 'aria-describedby': 'practice-q-hint', autocomplete: 'off'});
  const sortSelect = h('select', {id: 'practice-sort', class: 'select', testid: 'practice-sort'},
    SORTS.map(([value, label]) => h('option', {value, selected: value === search.sort}, label)));
  const form = h('form', {class: 'practice-search', role: 'search', testid: 'practice-search-form', onsubmit: (event) => {
    event.preventDefault();
    search.q = input.value.trim();
    search.offset = 0;
    if (search.q && search.sort !== 'relevance') search.sort = 'relevance';
    sortSelect.value = search.sort;
    load();
  }},
  h('label', {for: 'practice-q', class: 'label'}, 'Search practice'),
  h('p', {class: 'hint', id: 'practice-q-hint'}, 'Words in the title, summary, what was done, its impact and its documents. ',
    'Each word is matched in all its forms: “assessment” also finds “assessments”.'),
  h('div', {class: 'practice-search__row'}, input,
    h('button', {type: 'submit', class: 'button', testid: 'practice-search-button'}, 'Search')));
  sortSelect.addEventListener('change', () => {
    search.sort = sortSelect.value;
    search.offset = 0;
    load();
  });

  const facetsArea = h('div', {class: 'practice-facets', testid: 'practice-facets'});
  const status = h('div', {'aria-live': 'polite', testid: 'practice-results-status'});
  const results = h('div', {testid: 'practice-results'}, h('p', {class: 'loading'}, 'Searching…'));
  const downloads = h('p', {class: 'practice-downloads', testid: 'practice-downloads'});

  replaceChildren(body,
    h('h1', {}, 'Find practice'),
    h('p', {class: 'lead'}, 'What London boroughs have done to improve SEND services, what it changed and how to adopt it. ',
      'Narrow the list with the filters; each number is how many of the entries found have that value.'),
    form,
    h('div', {class: 'practice-layout'},
      h('aside', {class: 'practice-layout__side', 'aria-label': 'Filters'}, h('h2', {class: 'practice-facets__title'}, 'Filters'), facetsArea),
      h('div', {class: 'practice-layout__main'},
        h('div', {class: 'practice-results-bar'}, status,
          h('div', {class: 'form-group form-group--inline practice-sort'}, h('label', {for: 'practice-sort', class: 'label'}, 'Sort by'), sortSelect)),
        results, downloads)));

  const toggle = (facet, value, on) => {
    const values = new Set(search.filters[facet] ?? []);
    if (on) values.add(value); else values.delete(value);
    if (values.size) search.filters[facet] = [...values]; else delete search.filters[facet];
    search.offset = 0;
    load();
  };

  function facetGroup(facet, label, values) {
    const selected = search.filters[facet] ?? [];
    const list = [...values];
    for (const v of selected) if (!list.some((x) => x.value === v)) list.push({value: v, title: v, count: 0});
    if (facet === 'year') list.sort((a, b) => b.value.localeCompare(a.value));
    if (facet === 'age' || facet === 'evidence') list.sort((a, b) => Number.parseInt(a.value, 10) - Number.parseInt(b.value, 10));
    if (facet === 'call') for (const v of list) v.title = calls.get(v.value) ?? `Call ${v.value}`;
    if (!list.length) return null;
    const open = list.length <= SHOWN_VALUES + 2 || selected.length > 0;
    const item = (v) => {
      const id = `facet-${facet}-${v.value.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      return h('li', {class: 'facet__item'}, h('label', {class: 'checkbox', for: id},
        h('input', {id, type: 'checkbox', checked: selected.includes(v.value), testid: `facet-${facet}-${v.value}`,
          dataset: {facet, value: v.value}, onchange: (event) => toggle(facet, v.value, event.target.checked)}),
        h('span', {class: 'facet__title'}, v.title || v.value, ' ',
          h('span', {class: 'facet__count', testid: 'facet-count'}, `(${count(v.count)})`))));
    };
    const shown = open ? list : list.slice(0, SHOWN_VALUES);
    const ul = h('ul', {class: 'facet__list'}, shown.map(item));
    const more = open ? null : h('button', {type: 'button', class: 'link-button facet__more', testid: `facet-${facet}-more`,
      'aria-expanded': 'false', onclick: () => {
        replaceChildren(ul, list.map(item));
        more.remove();
      }}, `Show all ${list.length}`);
    return h('fieldset', {class: 'facet', testid: `facet-${facet}`},
      h('legend', {class: 'facet__legend'}, label), ul, more);
  }

  let controller = null;
  async function load() {
    controller?.abort();
    controller = new AbortController();
    const mine = controller;
    signal.addEventListener('abort', () => mine.abort(), {once: true});
    const params = searchParams(search);
    history.replaceState(null, '', findHref(search));
    results.dataset.loaded = 'false';
    params.set('limit', String(PAGE_SIZE));
    let answer;
    try {
      answer = await api('GET', `/api/practice/entries?${params}`, {signal: mine.signal});
    } catch (error) {
      if (mine.signal.aborted) return;
      replaceChildren(status);
      replaceChildren(results, message('error', explain(error)));
      return;
    }
    if (mine.signal.aborted) return;
    const filtered = Object.keys(search.filters).length > 0;
    replaceChildren(status, h('p', {class: 'practice-results-count', testid: 'practice-total'},
      answer.total === 0 ? 'No entries found' : `${plural(answer.total, 'entry', 'entries')} found`,
      search.q ? [' for “', h('strong', {}, search.q), '”'] : null));
    replaceChildren(facetsArea,
      filtered ? h('p', {}, h('button', {type: 'button', class: 'link-button', testid: 'clear-filters', onclick: () => {
        search.filters = {};
        search.offset = 0;
        load();
      }}, 'Clear all filters')) : null,
      FACETS.map(([facet, label]) => facetGroup(facet, label, answer.facets?.[facet] ?? [])));
    if (answer.total === 0) {
      replaceChildren(results, message('info', h('p', {class: 'message__title', testid: 'practice-empty'},
        filtered || search.q ? 'No practice matches: try fewer filters or other words.' : 'No practice has been published yet.')));
    } else {
      const pages = Math.ceil(answer.total / PAGE_SIZE);
      const pageNo = Math.floor(search.offset / PAGE_SIZE) + 1;
      const go = (offset) => {
        search.offset = offset;
        load().then(() => status.scrollIntoView?.({block: 'start'}));
      };
      replaceChildren(results,
        cardList(answer.hits, {headingLevel: 'h2'}, 'practice-hits'),
        pages > 1 ? h('nav', {class: 'pager', 'aria-label': 'Pages of results', testid: 'practice-pager'},
          h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'pager-previous', disabled: pageNo === 1,
            onclick: () => go(Math.max(0, search.offset - PAGE_SIZE))}, 'Previous page'),
          h('span', {class: 'pager__where', testid: 'pager-where'}, `Page ${pageNo} of ${pages}`),
          h('button', {type: 'button', class: 'button button--secondary button--small', testid: 'pager-next', disabled: pageNo >= pages,
            onclick: () => go(search.offset + PAGE_SIZE)}, 'Next page')) : null);
    }
    const all = searchParams(search, {paging: false});
    const qs = all.toString() ? `?${all}` : '';
    replaceChildren(downloads, 'Download these entries (all pages): ',
      h('a', {href: `/api/practice/entries.csv${qs}`, download: 'practice.csv', testid: 'download-practice-csv'}, 'CSV'), ' · ',
      h('a', {href: `/api/practice/entries.json${qs}`, download: 'practice.json', testid: 'download-practice-json'}, 'JSON'));
    results.dataset.loaded = 'true';
  }

  try {
    const list = await api('GET', '/api/practice/calls', {signal});
    calls = new Map(list.calls.map((c) => [String(c.id), c.name]));
  } catch {
    // The call facet then shows numbers.
  }
  if (signal.aborted) return;
  await load();
}
