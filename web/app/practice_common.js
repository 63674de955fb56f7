// What the practice pages share (issue 14): the vocabularies from GET /api/practice/meta
// (fetched once a session), state names, the badges (example, winner, state, evidence), an entry's
// card for lists, the snippet with its matched words marked, London times and a live countdown to
// a call's deadline, labelled fields with an error slot, and 422 problems put next to their fields.

import {api} from './api.js';
import {h, message} from './dom.js';
import {plural} from './format.js';

let metaPromise = null;
// GET /api/practice/meta: {categories, needs, settings, criteria, evidence_scale, states,
// indicators, boroughs, facets, server_now}.
export function practiceMeta() {
  metaPromise ??= api('GET', '/api/practice/meta');
  metaPromise.catch(() => { metaPromise = null; });
  return metaPromise;
}

export const entryPath = (id) => `/api/practice/entries/${encodeURIComponent(id)}`;
export const callPath = (id) => `/api/practice/calls/${encodeURIComponent(id)}`;
export const entryHref = (id) => `#/practice/entries/${encodeURIComponent(id)}`;

export const STATE_NAMES = {
  draft: 'Draft', submitted: 'Submitted', 'under-review': 'Under review', shortlisted: 'Shortlisted',
  'not-shortlisted': 'Not shortlisted', winner: 'Winner', published: 'Published',
};
export const stateName = (state) => STATE_NAMES[state] ?? state;

// What the button moving an entry to `state` says.
export const MOVE_NAMES = {
  submitted: 'Submit', draft: 'Withdraw to a draft', 'under-review': 'Put under review', shortlisted: 'Shortlist',
  'not-shortlisted': 'Not shortlisted', winner: 'Winner', published: 'Publish',
};

// The moves an administrator makes (practice/workflow.cpp's next states, without the officers'):
// the call page offers these buttons; the server refuses any that is not allowed, with its reason.
export const ADMIN_MOVES = {
  submitted: ['under-review', 'published'],
  'under-review': ['shortlisted', 'not-shortlisted', 'published'],
  shortlisted: ['winner', 'published'],
  'not-shortlisted': ['published'],
  winner: ['published'],
};

export const evidenceLevel = (meta, level) => meta.evidence_scale.find((l) => l.level === level) ?? null;

// Badges: the example marker, the winner, the state (when not published) and the evidence.
export function exampleBadge() {
  return h('span', {class: 'tag tag--example', testid: 'example-badge'}, 'Example — synthetic');
}
export function badges(entry, {showState = true} = {}) {
  const winnerTitle = entry.winner_title ?? (entry.categories ?? []).find((c) => (c.key ?? c) === entry.winner_category)?.title ??
    entry.winner_category;
  return h('span', {class: 'badges'},
    entry.example ? exampleBadge() : null,
    entry.winner_category ? h('span', {class: 'tag tag--winner', testid: 'winner-badge'}, `Winner: ${winnerTitle}`) : null,
    showState && entry.state && entry.state !== 'published' && entry.state !== 'winner'
      ? h('span', {class: `tag tag--state tag--${entry.state}`, testid: 'state-badge'}, stateName(entry.state)) : null);
}

// The boroughs of an entry: "Camden, with Islington and Hackney".
export function boroughsText(entry) {
  const partners = entry.partner_boroughs ?? [];
  if (!partners.length) return entry.lead_borough;
  const list = partners.length === 1 ? partners[0] : `${partners.slice(0, -1).join(', ')} and ${partners.at(-1)}`;
  return `${entry.lead_borough}, with ${list}`;
}

// The snippet's segments [{text, mark}] as text and <mark> elements (never HTML).
export function snippet(segments) {
  if (!segments?.length) return null;
  return h('p', {class: 'practice-card__snippet', testid: 'snippet'},
    segments.map((s) => (s.mark ? h('mark', {}, s.text) : s.text)));
}

// An entry's card in a list (a search hit, a borough's entries, suggestions, similar practice).
export function entryCard(card, {headingLevel = 'h3', extra} = {}) {
  const categories = (card.categories ?? []).map((c) => c.title ?? c);
  return h('li', {class: 'practice-card', testid: 'practice-card', dataset: {id: card.id}},
    h(headingLevel, {class: 'practice-card__title'}, h('a', {href: entryHref(card.id), testid: 'practice-card-link'}, card.title)),
    h('p', {class: 'practice-card__meta'},
      h('span', {testid: 'card-boroughs'}, boroughsText(card)),
      categories.length ? [' · ', h('span', {testid: 'card-categories'}, categories.join('; '))] : null),
    h('p', {class: 'practice-card__badges'}, badges(card),
      h('span', {class: 'practice-card__evidence', testid: 'card-evidence'}, `Evidence: ${card.evidence_name || 'Not rated yet'}`)),
    card.snippet?.length ? snippet(card.snippet) : card.summary ? h('p', {class: 'practice-card__summary'}, clip(card.summary, 260)) : null,
    extra ?? null);
}

export function cardList(cards, options, testid = 'practice-list') {
  return h('ul', {class: 'practice-cards', testid}, cards.map((c) => entryCard(c, options)));
}

export const clip = (text, n) => (text.length > n ? `${text.slice(0, n - 1).trimEnd()}…` : text);

// --- time in London ---------------------------------------------------------------------------

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
// "2027-03-31T23:59" (a datetime-local value) of an instant, on London's clock.
export function londonLocal(date) {
  const p = Object.fromEntries(londonParts.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const localWords = new Intl.DateTimeFormat('en-GB', {weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC'});
// A datetime-local input's value in words, as typed (London's wall clock), whatever the
// browser's own date format: "Friday 11 December 2026 at 23:59 (London time)". Updated as it
// changes; put it after the input.
export function timeWords(input) {
  const node = h('p', {class: 'time-words', testid: 'time-words', 'aria-live': 'polite'});
  const show = () => {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(input.value);
    if (!m) {
      node.textContent = '';
      return;
    }
    const p = Object.fromEntries(localWords.formatToParts(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])))
      .map((x) => [x.type, x.value]));
    node.textContent = `${p.weekday} ${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute} (London time)`;
  };
  input.addEventListener('input', show);
  input.addEventListener('change', show);
  show();
  return node;
}

const dateWords = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London'});
// "1 September 2024" from "2024-09-01"
export function dateInWords(iso) {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : dateWords.format(date);
}

// The time left until `deadlineAt`, in words ("2 days, 3 hours and 4 minutes"), "" when passed.
export function timeLeft(ms) {
  if (ms <= 0) return '';
  const minutes = Math.floor(ms / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [];
  if (days) parts.push(plural(days, 'day'));
  if (hours) parts.push(plural(hours, 'hour'));
  if (days < 2) parts.push(plural(mins, 'minute'));
  if (!days && !hours && mins < 5) parts.push(plural(Math.floor((ms / 1000) % 60), 'second'));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
}

// A live countdown to a call's deadline: the server's clock (`serverNow`) sets the offset, so a
// wrong clock on the user's computer does not mislead. Stops when `signal` aborts.
export function countdown(call, serverNow, signal) {
  const node = h('span', {class: 'countdown', testid: 'countdown', 'aria-live': 'off'});
  const offset = serverNow ? Date.parse(serverNow) - Date.now() : 0;
  const deadline = Date.parse(call.deadline_at);
  const opens = call.opens_at ? Date.parse(call.opens_at) : NaN;
  const tick = () => {
    const now = Date.now() + offset;
    if (!Number.isNaN(opens) && now < opens) {
      node.textContent = `Opens in ${timeLeft(opens - now)}.`;
    } else if (Number.isNaN(deadline)) {
      node.textContent = 'No deadline.';
    } else if (now >= deadline) {
      node.textContent = 'The deadline has passed.';
      node.classList.add('countdown--passed');
    } else {
      node.textContent = `Closes in ${timeLeft(deadline - now)}.`;
    }
  };
  tick();
  const timer = setInterval(() => (node.isConnected || !signal ? tick() : null), 1000);
  signal?.addEventListener('abort', () => clearInterval(timer), {once: true});
  return node;
}

// "Deadline: 31 March 2027, 23:59 (London time). Closes in 3 days…"
export function deadlineLine(call, serverNow, signal) {
  return h('p', {class: 'deadline', testid: 'call-deadline'},
    h('strong', {}, 'Deadline: '), h('span', {testid: 'call-deadline-words'}, call.deadline_london || 'none'), '. ',
    countdown(call, serverNow, signal));
}

// --- forms -----------------------------------------------------------------------------------

// A labelled field with a hint and an error slot (`${id}-error`); `control` gets the id.
export function field({id, label, control, hint, wide, testid}) {
  control.id = id;
  control.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  return h('div', {class: `form-group${wide ? ' form-group--wide' : ''}`, dataset: {field: id}, testid},
    h('label', {for: id, class: 'label'}, label),
    hint ? h('p', {class: 'hint', id: `${id}-hint`}, hint) : null,
    h('p', {class: 'field-error', id: `${id}-error`, testid: `${id}-error`}),
    control);
}

// A group of checkboxes (fieldset and legend) with an error slot `${id}-error`.
export function checkboxGroup({id, legend, hint, options, selected = [], columns = 3, testid}) {
  const boxes = options.map((o) => h('input', {type: 'checkbox', name: id, value: o.value, checked: selected.includes(o.value),
    testid: `${id}-${o.value}`}));
  const node = h('fieldset', {class: 'form-group form-group--wide', id, testid: testid ?? id, dataset: {field: id},
    'aria-describedby': [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ')},
  h('legend', {class: 'label'}, legend),
  hint ? h('p', {class: 'hint', id: `${id}-hint`}, hint) : null,
  h('p', {class: 'field-error', id: `${id}-error`, testid: `${id}-error`}),
  h('div', {class: `checkbox-grid checkbox-grid--${columns}`}, options.map((o, i) => h('label', {class: 'checkbox'}, boxes[i],
    h('span', {class: 'checkbox__text'}, o.label, o.hint ? h('span', {class: 'checkbox__hint'}, o.hint) : null)))));
  return {node, values: () => boxes.filter((b) => b.checked).map((b) => b.value), boxes};
}

// Puts each problem [{column, reason}] in the error slot `${prefix}${column}-error` in `form`
// (marking the control invalid) and returns the ones with no slot. `names` maps a column to the
// words of its label, for the summary.
export function placeProblems(form, prefix, problems) {
  for (const slot of form.querySelectorAll('.field-error')) slot.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const unplaced = [];
  for (const p of problems) {
    const slot = form.querySelector(`#${CSS.escape(`${prefix}${p.column ?? ''}-error`)}`);
    if (!slot || !p.column) {
      unplaced.push(p);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${capital(p.reason)}` : capital(p.reason);
    form.querySelector(`#${CSS.escape(`${prefix}${p.column}`)}`)?.setAttribute('aria-invalid', 'true');
  }
  return unplaced;
}

export const capital = (text) => (text ? text[0].toUpperCase() + text.slice(1) : '');

// The summary of problems at the top of a form: a list with links that move to each field.
export function problemSummary(form, prefix, problems, names, intro) {
  const items = problems.map((p) => {
    const target = p.column ? form.querySelector(`#${CSS.escape(`${prefix}${p.column}`)}`) : null;
    const words = `${names[p.column] ?? p.column ?? ''}${p.column ? ': ' : ''}${p.reason}`;
    return h('li', {}, target ? h('a', {href: `#${prefix}${p.column}`, onclick: (event) => {
      event.preventDefault();
      target.scrollIntoView({block: 'center'});
      (target.matches('fieldset') ? target.querySelector('input') : target)?.focus();
    }}, words) : words);
  });
  return message('error', h('h2', {class: 'message__title'}, intro ?? `There ${problems.length === 1 ? 'is 1 problem' : `are ${plural(problems.length, 'problem')}`}`),
    h('ul', {testid: 'problem-summary'}, items));
}

// A section with a heading.
export function section(testid, heading, ...children) {
  const id = `${testid}-heading`;
  return h('section', {class: 'section', testid, 'aria-labelledby': id}, h('h2', {id}, heading), ...children);
}

// Bytes as "12 KB".
export function fileSize(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// A web address as a link only when it is http(s); anything else as plain text.
export function safeLink(address, text) {
  let url = null;
  try {
    url = new URL(address);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return h('span', {class: 'none'}, address, ' (not a web address)');
  }
  return h('a', {href: url.href, rel: 'noopener noreferrer', target: '_blank'}, text ?? address,
    h('span', {class: 'visually-hidden'}, ' (opens in a new tab)'));
}
