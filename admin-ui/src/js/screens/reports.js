// Sending a report (Flag) to another node about one of its organizations (and some of its
// entries), and the reports this node has sent. The report goes only to that organization's node.
import { h, field } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get, post } from '../api.js';
import { act, heading, table, ltr, refill } from '../forms.js';
import { announce } from '../status.js';

export const ENDPOINTS = {
  flag: '/api/v1/moderation/flags',                                      // POST {from, actor, objects, comment}
  sent: '/api/v1/moderation/reports?direction=sent',                    // GET {items:[…]}
};
const MAX_OBJECTS = 50;

export async function render(main, app) {
  main.append(heading('reports.title'), h('p', null, t('reports.explain')));
  const actor = h('input', { id: 'flag-actor', type: 'url', dir: 'ltr', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'https://node.example.org/orgs/name' });
  const objects = h('textarea', { id: 'flag-objects', dir: 'ltr', spellcheck: 'false' });
  const comment = h('textarea', { id: 'flag-comment', maxlength: '5000' });
  const form = h('form', { class: 'panel', id: 'flag-form', novalidate: true },
    field('flag-actor', t('reports.actor'), actor, t('reports.actorHint')),
    field('flag-objects', t('reports.objects'), objects, t('reports.objectsHint')),
    field('flag-comment', t('reports.comment'), comment, t('reports.commentHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'flag-submit' }, t('reports.send'))));
  const box = h('div', { id: 'sent-box' });
  const reload = () => refill(box, async () => {
    const items = (await get(ENDPOINTS.sent)).data.items || [];
    if (!items.length) return h('p', null, t('reports.empty'));
    return table('sent-reports', t('reports.sent'), ['reports.about', 'reports.comment', 'reports.sentAt', 'reports.state'],
      items.map(r => h('tr', { 'data-report': r.id },
        h('td', null, h('ul', { class: 'plain' }, (r.targets || []).map(x => h('li', null, ltr(x))))),
        h('td', null, r.comment || ''), h('td', null, formatTime(r.created)),
        h('td', null, h('span', { class: 'badge' }, t('moderation.state.' + r.state))))));
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!actor.value.trim()) { announce(t('reports.needActor'), 'error'); actor.focus(); return; }
    const list = objects.value.split(/\s+/).filter(Boolean);
    if (list.length > MAX_OBJECTS) { announce(t('reports.tooMany'), 'error'); objects.focus(); return; }
    const body = { from: app.org.handle, actor: actor.value.trim(), objects: list };
    if (comment.value.trim()) body.comment = comment.value.trim();
    const ok = await act(form.querySelector('button'), form, () => post(ENDPOINTS.flag, body), t('reports.sentOk'));
    if (ok) { actor.value = ''; objects.value = ''; comment.value = ''; await reload(); }
  });
  main.append(form, h('section', { 'aria-labelledby': 'sent-heading' }, h('h2', { id: 'sent-heading' }, t('reports.sent')), box));
  await reload();
}
