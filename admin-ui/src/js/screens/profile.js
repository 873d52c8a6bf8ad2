// Profile editor: name, summary and mission in Arabic and English side by side, founding year.
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { get, put, orgPath } from '../api.js';
import { bilingual, readBilingual, setOrDelete, act, heading } from '../forms.js';

export async function render(main, app) {
  main.append(heading('profile.title'));
  const r = await get(orgPath(app.org.handle, '/profile'));
  let doc = r.data;
  let etag = r.etag;
  const form = h('form', { id: 'profile-form', novalidate: true },
    bilingual('name', t('profile.name'), doc.name, { required: true }),
    bilingual('summary', t('profile.summary'), doc.summary, { multiline: true }),
    bilingual('mission', t('profile.mission'), doc.mission, { multiline: true }),
    h('div', { class: 'panel' },
      field('foundingYear', t('profile.foundingYear'),
        h('input', { id: 'foundingYear', type: 'number', min: 1800, max: 2100, inputmode: 'numeric', dir: 'ltr',
          value: doc.foundingYear == null ? '' : doc.foundingYear }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'profile-save' }, t('action.save'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const next = { ...doc };
    for (const k of ['handle', 'version', 'updated', 'url']) delete next[k];
    setOrDelete(next, 'name', readBilingual(form, 'name'));
    setOrDelete(next, 'summary', readBilingual(form, 'summary'));
    setOrDelete(next, 'mission', readBilingual(form, 'mission'));
    const year = form.querySelector('#foundingYear').value;
    setOrDelete(next, 'foundingYear', year ? Number(year) : null);
    await act(form.querySelector('button[type=submit]'), form, async () => {
      const saved = await put(orgPath(app.org.handle, '/profile'), next, { ifMatch: etag });
      doc = saved.data;
      etag = saved.etag;
      app.org = { ...app.org, name: doc.name };
    }, t('profile.saved'));
  });
  main.append(form);
}
