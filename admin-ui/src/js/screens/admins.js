// Invite a second admin: a one-time link, valid 48 hours, shown once.
import { h, field } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { post } from '../api.js';
import { act, heading } from '../forms.js';

export async function render(main) {
  main.append(heading('admins.title'), h('p', null, t('admins.explain')));
  const out = h('div', { id: 'invite-result' });
  const button = h('button', { type: 'button', class: 'primary', id: 'create-invite' }, t('admins.invite'));
  button.addEventListener('click', () => act(button, main, async () => {
    const r = (await post('/api/v1/admins/invitations')).data;
    const link = h('input', { id: 'invite-url', type: 'text', readonly: true, dir: 'ltr', value: r.url });
    out.replaceChildren(h('div', { class: 'panel' }, field('invite-url', t('admins.link'), link,
      t('admins.expires') + ' ' + formatTime(r.expires))));
    link.focus();
    link.select();
  }, t('admins.created')));
  main.append(h('div', { class: 'actions' }, button), out);
}
