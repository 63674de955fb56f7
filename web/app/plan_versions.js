// A plan as one version of its borough's plan: where it came from (its parent and how it was
// made), what its change did (changes.json of an edit or an update), and the "Versions" panel
// listing every version of the borough's plan (who, when, how, what changed, cost) with
// "Compare with this plan": the cost, vehicles, routes and children that differ between the two.

import {api, boroughPath, explain, planFilePath, planPath} from './api.js';
import {h, message, replaceChildren, table} from './dom.js';
import {count, countSigned, dateTime, DASH, versionKindName, money, moneySigned, plural, statusName} from './format.js';
import {childChangesTable} from './plan_changes.js';

// "Edited from plan 12 by alice on 23 Nov 2026, 18:16: moved 1 child (to AM-003)."
export function versionText(plan) {
  const how = plan.parent_plan
    ? `${versionKindName(plan.kind)} from plan ${plan.parent_plan}`
    : versionKindName(plan.kind);
  const who = plan.created_by ? ` by ${plan.created_by}` : '';
  return `${how}${who}${plan.note ? `: ${plan.note}` : ''}.`;
}

const idList = (ids) => (ids?.length ? ids.join(', ') : 'none');

// What an edit or update changed (its changes.json), for the plan page.
export async function changesSection(plan, signal) {
  if (plan.kind !== 'edited' && plan.kind !== 'updated') return null;
  const area = h('div', {}, h('p', {class: 'loading'}, 'Loading the changes…'));
  const section = h('section', {class: 'section', testid: 'plan-changes', 'aria-labelledby': 'changes-heading'},
    h('h2', {id: 'changes-heading'}, plan.kind === 'updated'
      ? `What the update changed from plan ${plan.parent_plan}`
      : `What the edit changed from plan ${plan.parent_plan}`),
    area);
  try {
    const text = await api('GET', planFilePath(plan.id, 'changes.json'), {signal});
    const changes = typeof text === 'string' ? JSON.parse(text) : text;
    const children = changes.children ?? [];
    const figures = plan.kind === 'updated'
      ? [['fig-joined', 'Children who joined', count(changes.joined?.length ?? 0)],
        ['fig-left', 'Children who left', count(changes.left?.length ?? 0)],
        ['fig-moved', 'Moved house or school', count(changes.moved?.length ?? 0)],
        ['fig-kept', 'Routes kept as they were', count(changes.routes_kept)]]
      : [];
    figures.push(['fig-change-cost', 'Change in cost per day', moneySigned(changes.cost_per_day_change, changes.cost_per_day_change_pence)]);
    figures.push(['fig-change-vehicles', 'Change in vehicles', countSigned(changes.vehicles_change)]);
    const shifted = children.filter((c) => typeof c.pickup_shift_minutes === 'number' && c.pickup_shift_minutes !== 0);
    replaceChildren(area,
      h('dl', {class: 'figures', testid: 'changes-figures'}, figures.map(([testid, label, value]) =>
        h('div', {class: 'figure', testid}, h('dt', {class: 'figure__label'}, label), h('dd', {class: 'figure__value'}, value)))),
      h('dl', {class: 'comparisons route-changes'},
        h('dt', {}, 'Routes changed'), h('dd', {testid: 'changes-routes-changed'}, idList(changes.routes_changed)),
        h('dt', {}, 'Routes added'), h('dd', {}, idList(changes.routes_added)),
        h('dt', {}, 'Routes taken off'), h('dd', {}, idList(changes.routes_removed))),
      children.length === 0
        ? h('p', {testid: 'no-child-changes'}, 'No family’s collection time or route changed.')
        : [h('p', {}, `${plural(children.length, 'journey')} changed; ${plural(shifted.length, 'collection time')} moved. Tell these families before the change starts.`),
          childChangesTable(children, {testid: 'changes-table'})],
      h('p', {}, h('a', {href: planFilePath(plan.id, 'changes.csv'), download: 'changes.csv', testid: 'download-changes'},
        'Download the changes (changes.csv)'), ': one row per child whose route or time changed, for letters to families.'));
  } catch (error) {
    if (signal.aborted) return section;
    replaceChildren(area, message('error', 'The changes could not be shown: ', explain(error)));
  }
  return section;
}

// The Versions panel: the borough's plans, newest first, and the comparison of one with `plan`.
export function versionsSection(plan, signal) {
  const listArea = h('div', {}, h('p', {class: 'loading'}, 'Loading the versions…'));
  const compareArea = h('div', {testid: 'compare-area', 'aria-live': 'polite'});
  const section = h('section', {class: 'section', testid: 'versions', 'aria-labelledby': 'versions-heading'},
    h('h2', {id: 'versions-heading'}, 'Versions'),
    h('p', {}, `Every plan saved for ${plan.borough}, newest first: each edit, re-plan and update is kept as its own version.`),
    listArea, compareArea);

  (async () => {
    let versions;
    try {
      versions = await api('GET', `${boroughPath(plan.borough)}/plans`, {signal});
    } catch (error) {
      if (!signal.aborted) replaceChildren(listArea, message('error', explain(error)));
      return;
    }
    if (signal.aborted) return;
    replaceChildren(listArea, h('div', {class: 'table-scroll'}, table({
      testid: 'versions-table',
      columns: [
        {label: 'Plan', className: 'num', field: 'id'},
        {label: 'Saved', field: 'created_at'},
        {label: 'By', field: 'created_by'},
        {label: 'How it was made', field: 'kind'},
        {label: 'What changed', field: 'note'},
        {label: 'Cost per day', className: 'num', field: 'cost_per_day'},
        {label: '', field: 'actions'},
      ],
      rowProps: (i) => ({class: versions[i].id === plan.id ? 'row--current' : undefined, dataset: {plan: versions[i].id}}),
      rows: versions.map((v) => [
        v.id === plan.id ? [count(v.id), h('span', {class: 'tag'}, 'this plan')] : h('a', {href: `#/plans/${encodeURIComponent(v.id)}`}, count(v.id)),
        dateTime(v.created_at),
        v.created_by || DASH,
        [versionKindName(v.kind), v.parent_plan ? h('span', {class: 'hint-inline'}, ` (from plan ${v.parent_plan})`) : null],
        v.status === 'done' ? (v.note || DASH) : h('span', {class: `status status--${v.status}`}, statusName(v.status)),
        typeof v.cost_per_day_pence === 'number' ? money(v.cost_per_day, v.cost_per_day_pence) : DASH,
        v.id !== plan.id && v.status === 'done'
          ? h('button', {type: 'button', class: 'button button--secondary button--small', testid: `compare-${v.id}`,
            onclick: () => compare(v)}, 'Compare with this plan', h('span', {class: 'visually-hidden'}, ` (plan ${v.id})`))
          : null,
      ]),
    })));
  })();

  async function compare(other) {
    // Older first, so the change reads forward in time.
    const [a, b] = other.id < plan.id ? [other.id, plan.id] : [plan.id, other.id];
    replaceChildren(compareArea, h('p', {class: 'loading'}, `Comparing plans ${a} and ${b}…`));
    try {
      const result = await api('GET', `${planPath(a)}/compare/${encodeURIComponent(b)}`, {signal});
      if (!signal.aborted) replaceChildren(compareArea, comparison(result));
    } catch (error) {
      if (!signal.aborted) replaceChildren(compareArea, message('error', explain(error)));
    }
    compareArea.scrollIntoView?.({block: 'start'});
  }
  return section;
}

function comparison(c) {
  const a = c.a;
  const b = c.b;
  const change = c.cost_per_day_change_pence ?? 0;
  const routesOf = (v) => `${count(v.routes?.AM ?? 0)} morning, ${count(v.routes?.PM ?? 0)} afternoon`;
  const children = c.children ?? [];
  return h('div', {class: 'compare', testid: 'comparison-result'},
    h('h3', {}, `Plan ${a.id} compared with plan ${b.id}`),
    h('p', {class: 'lead', testid: 'compare-sentence'}, change === 0
      ? `Plan ${b.id} costs the same as plan ${a.id}, ${money(b.cost_per_day, b.cost_per_day_pence)} a day.`
      : `Plan ${b.id} costs ${money(null, Math.abs(change))} a day ${change < 0 ? 'less' : 'more'} than plan ${a.id}.`),
    table({
      testid: 'compare-figures',
      columns: [{label: 'Figure'}, {label: `Plan ${a.id} (${versionKindName(a.kind).toLowerCase()})`, className: 'num'},
        {label: `Plan ${b.id} (${versionKindName(b.kind).toLowerCase()})`, className: 'num'}, {label: 'Change', className: 'num'}],
      rows: [
        ['Cost per day', money(a.cost_per_day, a.cost_per_day_pence), money(b.cost_per_day, b.cost_per_day_pence),
          moneySigned(c.cost_per_day_change, c.cost_per_day_change_pence)],
        ['Vehicles', count(a.vehicles), count(b.vehicles), countSigned(c.vehicles_change)],
        ['Routes', routesOf(a), routesOf(b), ''],
      ],
    }),
    h('dl', {class: 'comparisons route-changes'},
      h('dt', {}, 'Routes changed'), h('dd', {testid: 'compare-routes-changed'}, idList(c.routes_changed)),
      h('dt', {}, 'Routes added'), h('dd', {testid: 'compare-routes-added'}, idList(c.routes_added)),
      h('dt', {}, 'Routes taken off'), h('dd', {testid: 'compare-routes-removed'}, idList(c.routes_removed))),
    children.length === 0
      ? h('p', {testid: 'compare-no-children'}, 'No child’s route or times differ.')
      : [h('p', {}, `${plural(children.length, 'journey')} differ between the two plans.`),
        childChangesTable(children, {testid: 'compare-children', withDropoff: true})]);
}
