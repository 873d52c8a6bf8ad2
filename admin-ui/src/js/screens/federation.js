// Federation settings: whether follow requests are approved automatically (API exists now).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { get, put, orgPath } from '../api.js';
import { act, heading } from '../forms.js';

export async function render(main, app) {
  main.append(heading('federation.title'));
  const path = orgPath(app.org.handle, '/federation-settings');
  const current = (await get(path)).data;
  const box = h('input', { type: 'checkbox', id: 'auto-approve', checked: current.autoApproveFollowers });
  const form = h('form', { id: 'federation-form', class: 'panel', novalidate: true },
    h('div', { class: 'row' }, h('label', { class: 'check', for: 'auto-approve' }, box, t('federation.autoApprove'))),
    h('p', { class: 'hint' }, t('federation.autoApproveHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'federation-save' }, t('action.save'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await act(form.querySelector('button'), form, () => put(path, { autoApproveFollowers: box.checked }), t('federation.saved'));
  });
  main.append(form, h('p', null, h('a', { href: '#/trust' }, t('federation.seeTrust'))));
}
