// Numbers, money and times as people in a London council read them (en-GB).

const gbp = new Intl.NumberFormat('en-GB', {style: 'currency', currency: 'GBP'});
const gbpSigned = new Intl.NumberFormat('en-GB', {style: 'currency', currency: 'GBP', signDisplay: 'exceptZero'});
const whole = new Intl.NumberFormat('en-GB', {maximumFractionDigits: 0});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London',
});

export const DASH = '–';

const missing = (value) => value === null || value === undefined || Number.isNaN(value);

// £1,234.56 from pence (exact) when given, else from pounds.
export function money(pounds, pence) {
  if (!missing(pence)) return gbp.format(pence / 100);
  return missing(pounds) ? DASH : gbp.format(pounds);
}

// +£12.50 / -£120.50 / £0.00
export function moneySigned(pounds, pence) {
  if (!missing(pence)) return gbpSigned.format(pence / 100);
  return missing(pounds) ? DASH : gbpSigned.format(pounds);
}

// 1,234
export function count(value) {
  return missing(value) ? DASH : whole.format(value);
}

// +3 / -1 / 0
export function countSigned(value) {
  if (missing(value)) return DASH;
  return value > 0 ? `+${whole.format(value)}` : whole.format(value);
}

// 12.3 (fixed decimals)
export function decimal(value, digits = 1) {
  if (missing(value)) return DASH;
  return new Intl.NumberFormat('en-GB', {minimumFractionDigits: digits, maximumFractionDigits: digits}).format(value);
}

// -12.9% / +3.0%
export function percentSigned(value) {
  if (missing(value)) return DASH;
  const text = `${decimal(Math.abs(value), 1)}%`;
  return value > 0 ? `+${text}` : value < 0 ? `-${text}` : text;
}

// "23 Nov 2026, 18:16" (London time) from "2026-11-23T18:16:00Z".
export function dateTime(iso) {
  if (!iso) return DASH;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateTimeFormat.format(date);
}

// "1 problem" / "3 problems"
export function plural(n, one, many = `${one}s`) {
  return `${count(n)} ${n === 1 ? one : many}`;
}

export const ROLE_NAMES = {officer: 'Borough officer', analyst: 'Regional analyst', admin: 'Administrator'};
export const roleName = (role) => ROLE_NAMES[role] ?? role;

export const KIND_NAMES = {pupils: 'Pupils', schools: 'Schools', fleet: 'Fleet', current: 'Current routes'};
export const kindName = (kind) => KIND_NAMES[kind] ?? kind;

export const STATUS_NAMES = {queued: 'Waiting to start', running: 'Planning', done: 'Done', failed: 'Failed'};
export const statusName = (status) => STATUS_NAMES[status] ?? status;

export const RUN_NAMES = {AM: 'Morning (AM)', PM: 'Afternoon (PM)'};
export const runName = (run) => RUN_NAMES[run] ?? run;

// How a version of a plan was made (the API's plan "kind").
export const VERSION_KIND_NAMES = {
  planned: 'New plan',
  're-planned around locked routes': 'Re-planned around locked routes',
  edited: 'Edited',
  updated: 'Updated with new inputs',
};
export const versionKindName = (kind) => VERSION_KIND_NAMES[kind] ?? kind ?? 'New plan';
