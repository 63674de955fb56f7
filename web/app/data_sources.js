// The statistics releases imported into this server (GET /api/stats/releases): what each page's
// numbers come from, with the edition and the periods covered.

import {api} from './api.js';
import {h, replaceChildren, table} from './dom.js';
import {count, dateTime} from './format.js';
import {indicatorCatalogue} from './data_common.js';

export async function showSources(body, {signal}) {
  document.title = 'Sources: sendplan';
  const [{releases}, {attribution}] = await Promise.all([api('GET', '/api/stats/releases', {signal}), indicatorCatalogue(signal)]);
  if (signal.aborted) return;
  replaceChildren(body,
    h('h1', {}, 'Sources'),
    h('p', {class: 'lead'}, 'The published statistics files this server has imported (sendplan import dfe).'),
    releases.length ? h('div', {class: 'table-scroll'}, table({
      caption: 'Imported releases, newest edition of each series',
      testid: 'releases-table',
      columns: [{label: 'Release'}, {label: 'Publisher'}, {label: 'File'}, {label: 'Periods'},
        {label: 'Values', className: 'num'}, {label: 'Imported'}],
      rows: releases.map((r) => [r.title, r.publisher, r.file_name,
        r.first_period === r.last_period ? r.first_period : `${r.first_period} to ${r.last_period}`, count(r.values), dateTime(r.imported_at)]),
    })) : h('p', {class: 'hint', testid: 'no-releases'}, 'No statistics have been imported yet: an administrator runs sendplan import dfe.'),
    h('p', {class: 'attribution'}, attribution));
}
