// Network discovery: organizations that the organizations we follow follow, with a one-step follow.
import { h, pick } from '../dom.js';
import { t, lang, plural } from '../i18n.js';
import { get, post } from '../api.js';
import { act, heading, table, ltr, notAvailable } from '../forms.js';

export async function render(main, app) {
  main.append(heading('discovery.title'), h('p', null, t('discovery.explain')));
  let s;
  try {
    s = (await get('/api/v1/discovery/suggestions')).data;
  } catch (err) {
    if (notAvailable(main, err)) return;
    throw err;
  }
  if (!s.items.length) { main.append(h('p', { id: 'no-suggestions' }, t('discovery.empty'))); return; }
  main.append(table('suggestions', t('discovery.title'), ['discovery.organization', 'discovery.followedBy', 'entries.actions'],
    s.items.map(x => h('tr', { 'data-actor': x.actor },
      h('td', null, pick(x.name, lang()) || '', ' ', ltr(x.actor)),
      h('td', null, plural('plural.orgs', x.count)),
      h('td', null, h('button', { type: 'button', class: 'primary', 'data-action': 'follow', onclick: async (e) => {
        const button = e.currentTarget;
        const ok = await act(button, button.closest('td'), () => post('/api/v1/discovery/suggestions/follow',
          { actor: x.actor, as: app.org.handle }), t('following.requested'));
        if (ok) { button.disabled = true; button.textContent = t('discovery.requested'); }
      } }, t('discovery.follow'), h('span', { class: 'visually-hidden' }, ' ', x.actor)))))));
}
