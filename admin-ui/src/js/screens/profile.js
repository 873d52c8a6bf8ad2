// Profile editor: every field of profile.schema.json — name, summary, mission, sectors and regions
// from the taxonomies, legal form, founding year, contact channels (each public or hidden),
// links, logo and languages — in Arabic and English side by side.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { get, put, orgPath } from '../api.js';
import { act, heading } from '../forms.js';
import { render as renderField, read as readField, clean, alignRows } from '../fields.js';
import { loadTaxonomies } from '../taxonomies.js';
import { uploader } from '../upload.js';
import { LIMITS } from '../limits.js';

const FIELDS = [
  { path: 'name', type: 'short', label: 'profile.name', required: true },
  { path: 'summary', type: 'short', label: 'profile.summary', multiline: true },
  { path: 'mission', type: 'long', label: 'profile.mission' },
  { path: 'sectors', type: 'terms', taxonomy: 'sectors', label: 'entries.sectors', maxItems: LIMITS.sectors },
  { path: 'regions', type: 'terms', taxonomy: 'regions', label: 'entries.regions', maxItems: LIMITS.regions },
  { path: 'legalForm', type: 'choice', label: 'profile.legalForm', optional: true, optionKey: 'legalForm.',
    options: ['association', 'foundation', 'ngo', 'cooperative', 'network', 'initiative', 'informal-group', 'company', 'other'] },
  { path: 'foundingYear', type: 'number', label: 'profile.foundingYear', min: 1900, max: 2100, step: 1 },
  { path: 'contacts', type: 'contacts', label: 'profile.contacts' },
  { path: 'links', type: 'links', label: 'entries.links' },
  { path: 'logo', type: 'image', label: 'profile.logo' },
  { path: 'languages', type: 'csv', label: 'entries.languages', hint: 'field.languagesHint', dir: 'ltr' },
];

export async function render(main, app) {
  main.append(heading('profile.title'));
  const r = await get(orgPath(app.org.handle, '/profile'));
  let doc = r.data;
  let etag = r.etag;
  const ctx = { taxonomies: await loadTaxonomies(), upload: uploader(app) };
  const form = h('form', { id: 'profile-form', novalidate: true },
    ...FIELDS.map(f => renderField(f, doc, ctx)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'profile-save' }, t('action.save'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const next = {};
    for (const f of FIELDS) readField(f, form, next, {});
    clean(next);
    alignRows(form);
    await act(form.querySelector('button[type=submit]'), form, async () => {
      const saved = await put(orgPath(app.org.handle, '/profile'), next, { ifMatch: etag });
      doc = saved.data;
      etag = saved.etag;
      app.org = { ...app.org, name: doc.name };
    }, t('profile.saved'));
  });
  main.append(form);
}
