// Moderation queue: items held for review, with keep or remove.
// STUB: TODO(moderation-api): align ENDPOINTS with the moderation API when it lands; 404 shows the notice.
import { h } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get, post } from '../api.js';
import { act, heading, notAvailable } from '../forms.js';

export const ENDPOINTS = {
  queue: '/api/v1/moderation/queue',                                          // GET {items:[{id, actor, summary, received}]}
  decide: (id, decision) => '/api/v1/moderation/queue/' + encodeURIComponent(id) + '/' + decision, // POST
};

export async function render(main) {
  main.append(heading('moderation.title'));
  let items;
  try {
    items = (await get(ENDPOINTS.queue)).data.items || [];
  } catch (err) {
    if (notAvailable(main, err)) return;
    throw err;
  }
  if (!items.length) { main.append(h('p', null, t('moderation.empty'))); return; }
  main.append(h('ul', { id: 'moderation-queue' }, items.map(i => {
    const li = h('li', { class: 'panel' }, h('p', null, h('bdi', { class: 'ltr' }, i.actor), ' — ', formatTime(i.received)),
      h('p', null, i.summary || ''));
    const decide = (d) => async (e) => { if (await act(e.target, li, () => post(ENDPOINTS.decide(i.id, d)), t('moderation.done'))) li.remove(); };
    li.append(h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: decide('approve') }, t('moderation.keep')),
      h('button', { type: 'button', class: 'danger', onclick: decide('remove') }, t('moderation.remove'))));
    return li;
  })));
}
