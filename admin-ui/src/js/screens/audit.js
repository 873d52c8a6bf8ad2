// The audit log in plain language: who did what, newest first. Refused or invalid requests are
// not actions and are not listed (the API's done=true).
import { h } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get } from '../api.js';
import { heading } from '../forms.js';
import { describe } from '../audit-words.js';

export async function render(main, app, arg) {
  const page = Math.max(1, parseInt(arg || '1', 10) || 1);
  main.append(heading('audit.title'));
  const r = (await get('/api/v1/audit?done=true&pageSize=50&page=' + page)).data;
  if (!r.items.length) { main.append(h('p', null, t('audit.empty'))); return; }
  main.append(h('div', { class: 'table-wrap' }, h('table', { id: 'audit' },
    h('caption', { class: 'visually-hidden' }, t('audit.title')),
    h('thead', null, h('tr', null, ['audit.at', 'audit.what'].map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, r.items.map(a => h('tr', { 'data-action': a.action },
      h('td', { class: 'nowrap' }, formatTime(a.at)),
      h('td', null, h('bdi', null, describe(a)))))))));
  const nav = h('div', { class: 'actions' });
  if (page > 1) nav.append(h('a', { class: 'button', href: '#/audit/' + (page - 1) }, t('action.previous')));
  if (page * r.pageSize < r.total) nav.append(h('a', { class: 'button', href: '#/audit/' + (page + 1) }, t('action.next')));
  main.append(nav);
}
