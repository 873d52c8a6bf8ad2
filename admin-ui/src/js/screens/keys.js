// Key rotation (protocol-spec/keys.md): replace our organization's signing key (the old key stays
// valid for an overlap period), and review key changes of other organizations that could not be
// proven with their old key (accept pins the new key, reject keeps refusing it). A node without
// these APIs answers 404, and each part then shows the bilingual "not available yet" notice.
import { h } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get, post, orgPath } from '../api.js';
import { act, heading, notAvailable, showError, table, ltr, refill } from '../forms.js';
import { announce } from '../status.js';

export const ENDPOINTS = {
  rotate: (handle) => orgPath(handle, '/keys/rotate'),                                         // POST -> {oldKey, newKey, oldKeyExpires}
  changes: '/api/v1/trust/key-changes',                                                        // GET {items:[{id, actor, keyId, algorithm, purpose, seenAt, reason, status}]}
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
      const r = (await post(ENDPOINTS.rotate(app.org.handle))).data;
      rotateBox.querySelector('#rotated')?.remove();
      rotateBox.append(h('div', { class: 'notice ok', id: 'rotated' },
        h('p', null, t('keys.newKeyIs'), ' ', ltr(r.newKey)),
        h('p', null, t('keys.oldKeyUntil'), ' ', formatTime(r.oldKeyExpires))));
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
    return table('key-changes', t('keys.changes'),
      ['keys.actor', 'keys.newKey', 'keys.reason', 'keys.received', 'keys.status', 'entries.actions'],
      items.map(c => {
        const row = h('tr', { 'data-id': c.id, 'data-status': c.status },
          h('td', null, ltr(c.actor)), h('td', null, ltr(c.keyId), h('p', { class: 'hint' }, ltr(c.algorithm))),
          h('td', null, ltr(c.reason)), h('td', null, formatTime(c.seenAt)),
          h('td', null, h('span', { class: 'badge' }, t('keys.status.' + c.status))));
        const decide = (d) => async (e) => {
          if (await act(e.target, changesBox, () => post(ENDPOINTS.decide(c.id, d)),
            d === 'accept' ? t('keys.accepted') : t('keys.rejected'))) await reload();
        };
        row.append(h('td', null, c.status === 'pending' ? h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'primary', 'data-action': 'accept', onclick: decide('accept') }, t('keys.accept')),
          h('button', { type: 'button', class: 'danger', 'data-action': 'reject', onclick: decide('reject') }, t('keys.reject')))
          : null));
        return row;
      }));
  });
  await reload();
}
