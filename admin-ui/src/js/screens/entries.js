// Entries: the list, and an editor for all seven kinds with every field of the data model, both
// languages side by side, limits shown, and errors from the API shown on their fields.
import { h, pick, field } from '../dom.js';
import { t, lang, formatTime } from '../i18n.js';
import { get, post, put, del, orgPath } from '../api.js';
import { act, heading, showError } from '../forms.js';
import { render as renderField, read as readField, clean, alignRows } from '../fields.js';
import { KINDS, COMMON, BY_KIND, fieldsOf } from '../entry-kinds.js';
import { validZone, defaultZone } from '../time.js';
import { loadTaxonomies } from '../taxonomies.js';
import { uploader, resourceUploader } from '../upload.js';
import { announce } from '../status.js';

export async function render(main, app, arg) {
  if (arg === 'new' || (arg && arg.startsWith('new/'))) return editor(main, app, null, arg.slice(4) || 'event');
  if (arg) return editor(main, app, arg);
  main.append(heading('entries.title'),
    h('div', { class: 'actions' }, h('a', { class: 'button primary', href: '#/entries/new', id: 'new-entry' }, t('entries.new'))));
  const list = (await get(orgPath(app.org.handle, '/entries?pageSize=100'))).data;
  if (!list.items.length) { main.append(h('p', null, t('entries.empty'))); return; }
  // Newest first; entries changed in the same second keep one order (by title), not the store's.
  const title = (e) => pick(e.title, lang()) || e.id;
  const items = list.items.slice().sort((x, y) => String(y.updated || '').localeCompare(String(x.updated || ''))
    || title(x).localeCompare(title(y)));
  const rows = items.map(e => h('tr', { 'data-entry': e.id, 'data-kind': e.kind },
    h('td', null, h('a', { href: '#/entries/' + encodeURIComponent(e.id) }, pick(e.title, lang()) || e.id)),
    h('td', null, t('kind.' + e.kind)),
    h('td', null, t('visibility.' + (e.visibility || 'public'))),
    h('td', null, e.startTime ? formatTime(e.startTime) : '—'),
    h('td', null, h('button', { type: 'button', class: 'danger', onclick: (ev) => remove(ev.currentTarget, app, e) },
      t('action.delete'), h('span', { class: 'visually-hidden' }, ' ', pick(e.title, lang()))))));
  main.append(h('div', { class: 'table-wrap' }, h('table', { id: 'entries' },
    h('thead', null, h('tr', null, ['entries.titleCol', 'entries.kind', 'entries.visibility', 'entries.start', 'entries.actions']
      .map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, rows))));
}

async function remove(button, app, entry) {
  if (!window.confirm(t('entries.confirmDelete'))) return;
  button.disabled = true;
  try {
    await del(orgPath(app.org.handle, '/entries/' + encodeURIComponent(entry.id)));
    button.closest('tr').remove();
    announce(t('entries.deleted'));
  } catch (err) {
    button.disabled = false;
    showError(button.closest('main'), err);
  }
}

async function editor(main, app, id, newKind) {
  let doc = { kind: KINDS.includes(newKind) ? newKind : 'event', visibility: 'public' };
  let etag = null;
  if (id) {
    const r = await get(orgPath(app.org.handle, '/entries/' + encodeURIComponent(id)));
    doc = r.data;
    etag = r.etag;
  }
  const ctx = { taxonomies: await loadTaxonomies(), upload: uploader(app), uploadResource: resourceUploader(app) };
  main.append(heading(id ? 'entries.edit' : 'entries.new'));
  const kind = h('select', { id: 'kind', disabled: !!id, 'data-pointer': '/kind' },
    KINDS.map(k => h('option', { value: k, selected: k === doc.kind }, t('kind.' + k))));
  const visibility = h('select', { id: 'visibility', 'data-pointer': '/visibility' }, ['public', 'network', 'private'].map(v =>
    h('option', { value: v, selected: v === (doc.visibility || 'public') }, t('visibility.' + v))));
  const recipients = h('textarea', { id: 'recipients', dir: 'ltr', 'data-pointer': '/recipients', value: (doc.recipients || []).join('\n') });
  const kindPart = h('div', { id: 'kind-fields' });
  const fillKind = () => {
    const k = kind.value;
    kindPart.replaceChildren(h('h2', null, t('entries.kindFields').replace('{kind}', t('kind.' + k))),
      ...BY_KIND[k].map(f => f.group
        ? h('fieldset', { class: 'bilingual group', 'data-pointer': '/' + f.group, id: f.group + '-group' },
          h('legend', null, t(f.label)), h('p', { class: 'hint' }, t(f.hint)), ...f.fields.map(x => renderField(x, doc, ctx)))
        : renderField(f, doc, ctx)));
  };
  const form = h('form', { id: 'entry-form', novalidate: true, 'data-kind': doc.kind },
    h('div', { class: 'panel' },
      field('kind', t('entries.kind'), kind),
      field('visibility', t('entries.visibility'), visibility),
      h('div', { id: 'recipients-row' }, field('recipients', t('entries.recipients'), recipients, t('entries.recipientsHint')))),
    ...COMMON.map(f => renderField(f, doc, ctx)),
    kindPart,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'entry-save' }, t('action.save')),
      h('a', { href: '#/entries', class: 'button' }, t('action.cancel'))));
  const sync = () => { form.querySelector('#recipients-row').hidden = visibility.value !== 'private'; };
  kind.addEventListener('change', () => { form.dataset.kind = kind.value; fillKind(); });
  visibility.addEventListener('change', sync);
  const zoneDefault = () => {
    const zone = form.querySelector('#timeZone');
    if (zone && !zone.value) zone.value = defaultZone();
  };
  kind.addEventListener('change', zoneDefault);
  fillKind();
  sync();
  zoneDefault();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const next = { kind: kind.value, visibility: visibility.value };
    if (visibility.value === 'private') next.recipients = recipients.value.split(/\s+/).filter(Boolean);
    const tzInput = form.querySelector('#timeZone');
    const timeZone = tzInput ? tzInput.value.trim() : 'UTC';
    const readCtx = { timeZone: validZone(timeZone) ? timeZone : 'UTC' };
    for (const f of COMMON.concat(fieldsOf(kind.value))) readField(f, form, next, readCtx);
    clean(next);
    alignRows(form);
    const button = form.querySelector('#entry-save');
    const ok = await act(button, form, async () => {
      if (id) {
        const r = await put(orgPath(app.org.handle, '/entries/' + encodeURIComponent(id)), next, { ifMatch: etag });
        doc = r.data;
        etag = r.etag;
      } else {
        await post(orgPath(app.org.handle, '/entries'), next);
      }
    }, t('entries.saved'));
    if (ok && !id) app.go('#/entries');
  });
  main.append(form);
}
