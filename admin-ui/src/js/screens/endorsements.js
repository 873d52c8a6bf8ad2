// Endorsements: our organization vouches for another (madani:Endorse, sent to our followers and to
// the endorsed), withdraws it (Undo), and sees who vouches for whom — only endorsements by our own
// organizations or by organizations we trust are listed (protocol-spec/trust.md "Endorsements").
import { h, field } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get, post, del } from '../api.js';
import { act, heading, table, ltr, refill } from '../forms.js';
import { announce } from '../status.js';

export const ENDPOINTS = {
  list: (of) => '/api/v1/trust/endorsements' + (of ? '?of=' + encodeURIComponent(of) : ''), // GET {items:[{id, endorser, endorsed, comment, local, since}]}
  endorse: '/api/v1/trust/endorsements',                                                    // POST {from, of, comment}
  withdraw: (from, of) => '/api/v1/trust/endorsements?from=' + encodeURIComponent(from) + '&of=' + encodeURIComponent(of), // DELETE
};

export async function render(main, app) {
  main.append(heading('endorse.title'), h('p', null, t('endorse.explain')));
  const handle = app.org.handle;
  const me = app.org.url;

  const of = h('input', { id: 'endorse-of', type: 'url', dir: 'ltr', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'https://node.example.org/orgs/name' });
  const comment = h('textarea', { id: 'endorse-comment', maxlength: '2000' });
  const form = h('form', { class: 'panel', id: 'endorse-form', novalidate: true },
    field('endorse-of', t('endorse.of'), of, t('endorse.ofHint')),
    field('endorse-comment', t('endorse.comment'), comment, t('endorse.commentHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'endorse-submit' }, t('endorse.submit'))));

  const ours = h('div', { id: 'ours-box' });
  const all = h('div', { id: 'vouchers-box' });
  const filter = h('input', { id: 'vouch-filter', type: 'url', dir: 'ltr', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'https://node.example.org/orgs/name' });
  const filterForm = h('form', { class: 'panel', id: 'vouch-filter-form', role: 'search', novalidate: true },
    field('vouch-filter', t('endorse.filter'), filter, t('endorse.filterHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'vouch-filter-submit' }, t('endorse.show'))));

  const reload = async () => {
    const items = (await get(ENDPOINTS.list(filter.value.trim()))).data.items || [];
    const mine = filter.value.trim() ? (await get(ENDPOINTS.list())).data.items.filter(e => e.endorser === me)
      : items.filter(e => e.endorser === me);
    await refill(ours, () => mine.length ? table('our-endorsements', t('endorse.ours'),
      ['endorse.endorsed', 'endorse.comment', 'endorse.since', 'entries.actions'],
      mine.map(e => h('tr', { 'data-endorsed': e.endorsed },
        h('td', null, ltr(e.endorsed)), h('td', null, e.comment || ''), h('td', null, formatTime(e.since)),
        h('td', null, h('button', { type: 'button', class: 'danger', 'data-action': 'withdraw', onclick: async (ev) => {
          const ok = await act(ev.target, ours, () => del(ENDPOINTS.withdraw(handle, e.endorsed)), t('endorse.withdrawn'));
          if (ok) { await reload(); of.focus(); }
        } }, t('endorse.withdraw'), h('span', { class: 'visually-hidden' }, ' ', e.endorsed))))))
      : h('p', null, t('endorse.noneOurs')));
    await refill(all, () => items.length ? table('vouchers', t('endorse.who'),
      ['endorse.endorser', 'endorse.endorsed', 'endorse.comment', 'endorse.since'],
      items.map(e => h('tr', { 'data-endorser': e.endorser, 'data-endorsed': e.endorsed },
        h('td', null, ltr(e.endorser), e.local ? [' ', h('span', { class: 'badge' }, t('endorse.local'))] : null),
        h('td', null, ltr(e.endorsed)), h('td', null, e.comment || ''), h('td', null, formatTime(e.since)))))
      : h('p', null, t('endorse.none')));
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const target = of.value.trim();
    if (!target) { announce(t('endorse.needOf'), 'error'); of.focus(); return; }
    const body = { from: handle, of: target };
    if (comment.value.trim()) body.comment = comment.value.trim();
    const ok = await act(form.querySelector('button'), form, () => post(ENDPOINTS.endorse, body), t('endorse.done'));
    if (ok) { of.value = ''; comment.value = ''; await reload(); }
  });
  filterForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    await act(filterForm.querySelector('button'), filterForm, reload);
  });

  main.append(form,
    h('section', { 'aria-labelledby': 'ours-heading' }, h('h2', { id: 'ours-heading' }, t('endorse.ours')), ours),
    h('section', { 'aria-labelledby': 'who-heading' }, h('h2', { id: 'who-heading' }, t('endorse.who')),
      h('p', { class: 'hint' }, t('endorse.whoHint')), filterForm, all));
  await reload();
}
