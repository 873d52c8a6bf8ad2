// Login: user name and password; the server sets an HttpOnly session cookie and returns the CSRF token.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { showError } from '../forms.js';

export async function render(main, app) {
  const form = h('form', { class: 'panel login', id: 'login-form', method: 'post', action: '/admin/session', novalidate: true },
    h('h1', null, t('login.title')),
    h('div', { class: 'row' }, h('label', { for: 'username' }, t('login.username')),
      h('input', { id: 'username', name: 'username', type: 'text', autocomplete: 'username', required: true, dir: 'ltr',
        autocapitalize: 'none', spellcheck: 'false' })),
    h('div', { class: 'row' }, h('label', { for: 'password' }, t('login.password')),
      h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, dir: 'ltr' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'login-submit' }, t('login.submit'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const r = await api('POST', '/admin/session', {
        username: form.username.value.trim(), password: form.password.value }, { quiet401: true });
      form.password.value = '';
      await app.signedIn(r.data);
    } catch (err) {
      const message = err.status === 429 ? t('login.throttled') : err.status === 401 ? t('login.wrong') : err.message;
      showError(form, { message });
    } finally {
      button.disabled = false;
    }
  });
  main.append(form);
}
