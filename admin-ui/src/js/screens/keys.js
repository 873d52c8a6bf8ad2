// Key rotation: replace our organization's signing key, and review key changes announced by other
// organizations (accept or reject) before their new keys are believed.
// TODO(key-rotation): the endpoints below are being built on another branch; until they land, each
// part whose call answers 404 shows the bilingual "not available yet" notice, which is safe (nothing
// is changed). Check the response shapes against openapi.json when they are merged.
import { h } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get, post, orgPath } from '../api.js';
import { act, heading, notAvailable, showError, table, ltr, refill } from '../forms.js';
import { announce } from '../status.js';

export const ENDPOINTS = {
  rotate: (handle) => orgPath(handle, '/keys/rotate'),                                         // POST
  changes: '/api/v1/trust/key-changes',                                                        // GET {items:[{id, actor, oldKeyId, newKeyId, received, state}]}
  decide: (id, d) => '/api/v1/trust/key-changes/' + encodeURIComponent(id) + '/' + d,         // POST accept|reject
};

export async function render(main, app) {
  main.append(heading('keys.title'));
  const rotateBox = h('section', { 'aria-labelledby': 'rotate-heading' }, h('h2', { id: 'rotate-heading' }, t('keys.ours')),
    h('p', null, t('keys.explain')));
  const button = h('button', { type: 'button', class: 'danger', id: 'rotate' }, t('keys.rotate'));
  button.addEventListener('click', async () => {
    if (!window.confirm(t('keys.confirm'))) return;
    button.disabled = true;
    try {
      await post(ENDPOINTS.rotate(app.org.handle));
      announce(t('keys.rotated'));
    } catch (err) {
      if (notAvailable(rotateBox, err)) button.hidden = true;
      else showError(rotateBox, err);
    } finally {
      button.disabled = false;
    }
  });
  rotateBox.append(h('div', { class: 'actions' }, button));

  const changesBox = h('div', { id: 'key-changes-box' });
  main.append(rotateBox, h('section', { 'aria-labelledby': 'changes-heading' },
    h('h2', { id: 'changes-heading' }, t('keys.changes')), h('p', { class: 'hint' }, t('keys.changesHint')), changesBox));
  const reload = () => refill(changesBox, async () => {
    let items;
    try {
      items = (await get(ENDPOINTS.changes)).data.items || [];
    } catch (err) {
      const holder = h('div');
      if (notAvailable(holder, err)) return [...holder.children];
      throw err;
    }
    if (!items.length) return h('p', null, t('keys.noChanges'));
    return table('key-changes', t('keys.changes'), ['keys.actor', 'keys.newKey', 'keys.received', 'keys.status', 'entries.actions'],
      items.map(c => {
        const row = h('tr', { 'data-id': c.id },
          h('td', null, ltr(c.actor)), h('td', null, ltr(c.newKeyId || c.newKey || '')),
          h('td', null, formatTime(c.received || c.created)), h('td', null, c.state || ''));
        const decide = (d) => async (e) => {
          if (await act(e.target, changesBox, () => post(ENDPOINTS.decide(c.id, d)),
            d === 'accept' ? t('keys.accepted') : t('keys.rejected'))) await reload();
        };
        row.append(h('td', null, !c.state || c.state === 'pending' ? h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'primary', 'data-action': 'accept', onclick: decide('accept') }, t('keys.accept')),
          h('button', { type: 'button', class: 'danger', 'data-action': 'reject', onclick: decide('reject') }, t('keys.reject')))
          : null));
        return row;
      }));
  });
  await reload();
}
