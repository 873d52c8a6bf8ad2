// Entries: the list, and an editor with both languages side by side (events: times, zone, place,
// online link; visibility for all kinds).
import { h, field, pick } from '../dom.js';
import { t, lang, formatTime } from '../i18n.js';
import { get, post, put, del, orgPath } from '../api.js';
import { bilingual, readBilingual, setOrDelete, act, heading, showError } from '../forms.js';
import { toRfc3339, toLocalInput, validZone, defaultZone } from '../time.js';
import { announce } from '../status.js';

const KINDS = ['event', 'article', 'project', 'campaign', 'report', 'offer', 'need'];
const NEW_KINDS = ['event', 'article'];
const ZONES = ['Asia/Damascus', 'Europe/Istanbul', 'Asia/Beirut', 'Asia/Amman', 'Europe/Berlin', 'Europe/Paris',
  'Europe/London', 'America/New_York', 'UTC'];

export async function render(main, app, arg) {
  if (arg === 'new') return editor(main, app, null);
  if (arg) return editor(main, app, arg);
  main.append(heading('entries.title'),
    h('div', { class: 'actions' }, h('a', { class: 'button primary', href: '#/entries/new', id: 'new-entry' }, t('entries.new'))));
  const list = (await get(orgPath(app.org.handle, '/entries?pageSize=100'))).data;
  if (!list.items.length) { main.append(h('p', null, t('entries.empty'))); return; }
  const rows = list.items.map(e => h('tr', { 'data-entry': e.id },
    h('td', null, h('a', { href: '#/entries/' + encodeURIComponent(e.id) }, pick(e.title, lang()) || e.id)),
    h('td', null, t('kind.' + e.kind)),
    h('td', null, t('visibility.' + (e.visibility || 'public'))),
    h('td', null, e.startTime ? formatTime(e.startTime) : '—'),
    h('td', null, h('button', { type: 'button', class: 'danger', onclick: (ev) => remove(ev.target, app, e) },
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

async function editor(main, app, id) {
  let doc = { kind: 'event', visibility: 'public' };
  let etag = null;
  if (id) {
    const r = await get(orgPath(app.org.handle, '/entries/' + encodeURIComponent(id)));
    doc = r.data;
    etag = r.etag;
  }
  main.append(heading(id ? 'entries.edit' : 'entries.new'));
  const kinds = id ? KINDS : NEW_KINDS;
  const kind = h('select', { id: 'kind', disabled: !!id }, kinds.map(k => h('option', { value: k, selected: k === doc.kind }, t('kind.' + k))));
  const visibility = h('select', { id: 'visibility' }, ['public', 'network', 'private'].map(v =>
    h('option', { value: v, selected: v === (doc.visibility || 'public') }, t('visibility.' + v))));
  const recipients = h('textarea', { id: 'recipients', dir: 'ltr', value: (doc.recipients || []).join('\n') });
  const zone = doc.timeZone || defaultZone();
  const eventPart = h('div', { id: 'event-fields' },
    h('div', { class: 'panel' },
      field('startTime', t('event.start'), h('input', { id: 'startTime', type: 'datetime-local', value: toLocalInput(doc.startTime), dir: 'ltr' })),
      field('endTime', t('event.end'), h('input', { id: 'endTime', type: 'datetime-local', value: toLocalInput(doc.endTime), dir: 'ltr' })),
      field('timeZone', t('event.timeZone'), h('input', { id: 'timeZone', type: 'text', list: 'zones', value: zone, dir: 'ltr',
        autocomplete: 'off' }), t('event.timeZoneHint')),
      h('datalist', { id: 'zones' }, ZONES.map(z => h('option', { value: z }))),
      field('onlineUrl', t('event.onlineUrl'), h('input', { id: 'onlineUrl', type: 'url', dir: 'ltr', value: doc.onlineUrl || '',
        placeholder: 'https://' }))),
    bilingual('placeName', t('event.place'), doc.place && doc.place.name));
  const form = h('form', { id: 'entry-form', novalidate: true },
    h('div', { class: 'panel' },
      field('kind', t('entries.kind'), kind),
      field('visibility', t('entries.visibility'), visibility),
      h('div', { id: 'recipients-row' }, field('recipients', t('entries.recipients'), recipients, t('entries.recipientsHint')))),
    bilingual('title', t('entries.titleField'), doc.title, { required: true }),
    bilingual('summary', t('entries.summary'), doc.summary, { multiline: true }),
    eventPart,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'entry-save' }, t('action.save')),
      h('a', { href: '#/entries', class: 'button' }, t('action.cancel'))));
  const sync = () => {
    eventPart.hidden = kind.value !== 'event';
    form.querySelector('#recipients-row').hidden = visibility.value !== 'private';
  };
  kind.addEventListener('change', sync);
  visibility.addEventListener('change', sync);
  sync();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const next = { ...doc };
    for (const k of ['id', 'version', 'created', 'updated', 'url', 'attributedTo', 'published']) delete next[k];
    next.kind = kind.value;
    next.visibility = visibility.value;
    setOrDelete(next, 'recipients', visibility.value === 'private'
      ? recipients.value.split(/\s+/).filter(Boolean) : null);
    setOrDelete(next, 'title', readBilingual(form, 'title'));
    setOrDelete(next, 'summary', readBilingual(form, 'summary'));
    const button = form.querySelector('#entry-save');
    if (next.kind === 'event') {
      const tz = form.querySelector('#timeZone').value.trim();
      if (!validZone(tz)) { showError(form, { message: t('event.badZone') }); return; }
      const start = form.querySelector('#startTime').value;
      const end = form.querySelector('#endTime').value;
      if (!start) { showError(form, { message: t('event.needStart') }); return; }
      next.timeZone = tz;
      next.startTime = toRfc3339(start, tz);
      setOrDelete(next, 'endTime', end ? toRfc3339(end, tz) : null);
      setOrDelete(next, 'onlineUrl', form.querySelector('#onlineUrl').value.trim());
      const placeName = readBilingual(form, 'placeName');
      const place = { ...(doc.place || {}) };
      setOrDelete(place, 'name', placeName);
      setOrDelete(next, 'place', Object.keys(place).length ? place : null);
    }
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
