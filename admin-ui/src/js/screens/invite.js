// Accepting an invitation: choose a user name and password for the new admin account.
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { act } from '../forms.js';
import { announce } from '../status.js';

export async function render(main, app, token) {
  const user = h('input', { id: 'invite-username', type: 'text', dir: 'ltr', autocomplete: 'username', autocapitalize: 'none' });
  const pass = h('input', { id: 'invite-password', type: 'password', dir: 'ltr', autocomplete: 'new-password', minlength: 12 });
  const again = h('input', { id: 'invite-password2', type: 'password', dir: 'ltr', autocomplete: 'new-password' });
  const form = h('form', { class: 'panel login', id: 'invite-form', novalidate: true },
    h('h1', null, t('invite.title')),
    field('invite-username', t('login.username'), user, t('invite.usernameHint')),
    field('invite-password', t('login.password'), pass, t('invite.passwordHint')),
    field('invite-password2', t('invite.repeat'), again),
    h('button', { type: 'submit', class: 'primary' }, t('invite.submit')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (pass.value !== again.value) { announce(t('invite.mismatch'), 'error'); return; }
    const ok = await act(form.querySelector('button'), form, () => api('POST', '/admin/invitations/' + encodeURIComponent(token),
      { username: user.value.trim(), password: pass.value }, { quiet401: true }), t('invite.done'));
    if (ok) app.go('#/login');
  });
  main.append(form);
}
