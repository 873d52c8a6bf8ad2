// The audit log: every admin action, newest first.
import { h } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get } from '../api.js';
import { heading } from '../forms.js';

export async function render(main, app, arg) {
  const page = Math.max(1, parseInt(arg || '1', 10) || 1);
  main.append(heading('audit.title'));
  const r = (await get('/api/v1/audit?pageSize=50&page=' + page)).data;
  if (!r.items.length) { main.append(h('p', null, t('audit.empty'))); return; }
  main.append(h('div', { class: 'table-wrap' }, h('table', { id: 'audit' },
    h('thead', null, h('tr', null, ['audit.at', 'audit.admin', 'audit.action', 'audit.target', 'audit.outcome']
      .map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, r.items.map(a => h('tr', null,
      h('td', null, formatTime(a.at)), h('td', null, h('bdi', null, a.admin)), h('td', { class: 'ltr' }, a.action),
      h('td', { class: 'ltr' }, a.target || ''), h('td', null, a.outcome == null ? '…' : String(a.outcome))))))));
  const nav = h('div', { class: 'actions' });
  if (page > 1) nav.append(h('a', { class: 'button', href: '#/audit/' + (page - 1) }, t('action.previous')));
  if (page * r.pageSize < r.total) nav.append(h('a', { class: 'button', href: '#/audit/' + (page + 1) }, t('action.next')));
  main.append(nav);
}
