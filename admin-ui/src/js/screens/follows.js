// Followers (approve or reject pending requests) and following (follow by actor URL or name@host,
// unfollow).
import { h, field } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get, post, del, orgPath } from '../api.js';
import { act, heading } from '../forms.js';

function actorCell(actor) {
  return h('td', null, h('bdi', { class: 'ltr' }, actor));
}

function table(id, rows, headKeys) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('thead', null, h('tr', null, headKeys.map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, rows)));
}

export const followers = {
  async render(main, app) {
    main.append(heading('followers.title'));
    const base = orgPath(app.org.handle, '/followers');
    const [pending, accepted] = await Promise.all([
      get(base + '?state=pending'), get(base + '?state=accepted')]);
    main.append(h('h2', null, t('followers.pending')));
    if (!pending.data.items.length) main.append(h('p', { id: 'no-pending' }, t('followers.noPending')));
    else main.append(table('pending', pending.data.items.map(f => {
      const row = h('tr', { 'data-actor': f.actor }, actorCell(f.actor), h('td', null, formatTime(f.since)));
      const decide = (approve) => async (e) => {
        const ok = await act(e.target, main, () => post(base + (approve ? '/approve' : '/reject'), { actor: f.actor }),
          approve ? t('followers.approved') : t('followers.rejected'));
        if (ok) row.remove();
      };
      row.append(h('td', null, h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', 'data-action': 'approve', onclick: decide(true) },
          t('followers.approve')),
        h('button', { type: 'button', class: 'danger', 'data-action': 'reject', onclick: decide(false) },
          t('followers.reject')))));
      return row;
    }), ['followers.actor', 'followers.since', 'entries.actions']));
    main.append(h('h2', null, t('followers.accepted')));
    if (!accepted.data.items.length) main.append(h('p', null, t('followers.none')));
    else main.append(table('followers', accepted.data.items.map(f =>
      h('tr', { 'data-actor': f.actor }, actorCell(f.actor), h('td', null, formatTime(f.since)))),
    ['followers.actor', 'followers.since']));
  },
};

export const following = {
  // ?follow=<handle or URL> (from the public pages' remote-follow box, /authorize_interaction)
  // fills the form; following still takes the admin's click.
  async render(main, app, arg, query) {
    main.append(heading('following.title'));
    const base = orgPath(app.org.handle, '/following');
    const input = h('input', { id: 'follow-actor', type: 'text', dir: 'ltr', autocomplete: 'off', spellcheck: 'false',
      placeholder: 'https://example.org/orgs/name' });
    const wanted = query && query.get('follow');
    if (wanted) input.value = wanted.trim().replace(/^acct:/i, '').replace(/^@/, '').slice(0, 500);
    const form = h('form', { id: 'follow-form', class: 'panel', novalidate: true },
      field('follow-actor', t('following.actor'), input, t('following.actorHint')),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'follow-submit' }, t('following.follow'))));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const actor = input.value.trim();
      if (!actor) return;
      const ok = await act(form.querySelector('button'), form, () => post(base, { actor }), t('following.requested'));
      if (ok) app.go('#/following');
    });
    main.append(form);
    const list = (await get(base)).data.items;
    main.append(h('h2', null, t('following.list')));
    if (!list.length) { main.append(h('p', null, t('following.none'))); return; }
    main.append(table('following', list.map(f => {
      const row = h('tr', { 'data-actor': f.actor }, actorCell(f.actor),
        h('td', null, h('span', { class: 'badge', 'data-state': f.state }, t('state.' + f.state))),
        h('td', null, formatTime(f.since)));
      row.append(h('td', null, h('button', { type: 'button', class: 'danger', onclick: async (e) => {
        const ok = await act(e.target, main, () => del(base + '?actor=' + encodeURIComponent(f.actor)), t('following.stopped'));
        if (ok) row.remove();
      } }, t('following.unfollow'))));
      return row;
    }), ['followers.actor', 'following.state', 'followers.since', 'entries.actions']));
  },
};
