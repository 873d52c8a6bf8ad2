// Key rotation for the organization's signing key.
// STUB: TODO(trust-api): align with the key-rotation endpoints when they land; 404 shows the notice.
import { h } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get, post } from '../api.js';
import { act, heading, notAvailable } from '../forms.js';

export const ENDPOINTS = {
  keys: (handle) => '/api/v1/trust/keys/' + encodeURIComponent(handle),          // GET {items:[{id, algorithm, created, revoked}]}
  rotate: (handle) => '/api/v1/trust/keys/' + encodeURIComponent(handle) + '/rotate', // POST
};

export async function render(main, app) {
  main.append(heading('keys.title'), h('p', null, t('keys.explain')));
  let keys;
  try {
    keys = (await get(ENDPOINTS.keys(app.org.handle))).data.items || [];
  } catch (err) {
    if (notAvailable(main, err)) return;
    throw err;
  }
  main.append(h('div', { class: 'table-wrap' }, h('table', { id: 'keys' },
    h('thead', null, h('tr', null, ['keys.id', 'keys.created', 'keys.status'].map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, keys.map(k => h('tr', null, h('td', { class: 'ltr' }, k.id), h('td', null, formatTime(k.created)),
      h('td', null, k.revoked ? t('keys.revoked') : t('keys.active'))))))));
  const button = h('button', { type: 'button', class: 'danger', id: 'rotate' }, t('keys.rotate'));
  button.addEventListener('click', async () => {
    if (!window.confirm(t('keys.confirm'))) return;
    await act(button, main, () => post(ENDPOINTS.rotate(app.org.handle)), t('keys.rotated'));
  });
  main.append(h('div', { class: 'actions' }, button));
}
