// Reports people filed about entries or nodes.
// STUB: TODO(moderation-api): align ENDPOINTS with the reports API when it lands; 404 shows the notice.
import { h } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get, post } from '../api.js';
import { act, heading, notAvailable } from '../forms.js';

export const ENDPOINTS = {
  reports: '/api/v1/moderation/reports',                                          // GET {items:[{id, about, reason, received, state}]}
  resolve: (id) => '/api/v1/moderation/reports/' + encodeURIComponent(id) + '/resolve', // POST
};

export async function render(main) {
  main.append(heading('reports.title'));
  let items;
  try {
    items = (await get(ENDPOINTS.reports)).data.items || [];
  } catch (err) {
    if (notAvailable(main, err)) return;
    throw err;
  }
  if (!items.length) { main.append(h('p', null, t('reports.empty'))); return; }
  main.append(h('div', { class: 'table-wrap' }, h('table', { id: 'reports' },
    h('thead', null, h('tr', null, ['reports.about', 'reports.reason', 'reports.received', 'entries.actions']
      .map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, items.map(r => {
      const row = h('tr', null, h('td', { class: 'ltr' }, r.about), h('td', null, r.reason || ''), h('td', null, formatTime(r.received)));
      row.append(h('td', null, h('button', { type: 'button', onclick: async (e) => {
        if (await act(e.target, main, () => post(ENDPOINTS.resolve(r.id)), t('reports.resolved'))) row.remove();
      } }, t('reports.resolve'))));
      return row;
    })))));
}
