// Declarative editors for the data model (protocol-spec/schemas): each field names the JSON path it
// edits, and every control carries data-pointer, so an error from the API (a JSON pointer) finds
// its field. Limits come from the schema (limits.js) and are shown before the user reaches them.
import { h } from './dom.js';
import { t, lang } from './i18n.js';
import { LIMITS } from './limits.js';
import { toRfc3339, toLocalInput } from './time.js';

const idOf = (path) => path.replace(/\//g, '-');

function get(doc, path) {
  return path.split('/').reduce((v, k) => (v == null ? undefined : v[k]), doc);
}

function set(doc, path, value) {
  const keys = path.split('/');
  const empty = value == null || value === '' || (Array.isArray(value) && !value.length)
    || (typeof value === 'object' && !Array.isArray(value) && !Object.keys(value).length);
  let o = doc;
  for (const k of keys.slice(0, -1)) {
    if (o[k] == null || typeof o[k] !== 'object') { if (empty) return; o[k] = {}; }
    o = o[k];
  }
  const last = keys[keys.length - 1];
  if (empty) delete o[last]; else o[last] = value;
}

/** Removes objects and arrays left empty (a place with no field, a label with no language). */
export function clean(o) {
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object') {
      if (!Array.isArray(v)) clean(v);
      if ((Array.isArray(v) && !v.length) || (!Array.isArray(v) && !Object.keys(v).length)) delete o[k];
    }
  }
  return o;
}

/** "12 / 300": shown under every limited input, updated as the user types. */
function counter(input, max) {
  const out = h('span', { class: 'counter', 'aria-live': 'off', dir: 'ltr' });
  const update = () => {
    // U+2066…U+2069: the count reads "12 / 300" left to right inside Arabic text too.
    out.textContent = '\u2066' + input.value.length + ' / ' + max + '\u2069';
    out.classList.toggle('near', input.value.length > max * 0.9);
  };
  input.addEventListener('input', update);
  update();
  return out;
}

function hint(id, ...text) {
  return h('p', { class: 'hint', id: id + '-hint' }, ...text);
}

function limitHint(max) {
  return t('limit.chars').replace('{n}', new Intl.NumberFormat(lang() === 'ar' ? 'ar-SY' : 'en').format(max));
}

function textInput(path, value, { multiline = false, max, l, type = 'text', placeholder, described = false } = {}) {
  const id = idOf(path);
  const attrs = { id, name: id, 'data-pointer': '/' + path, value: value ?? '', maxlength: max,
    'aria-describedby': described ? id + '-hint' : null };
  if (l) { attrs.lang = l; attrs.dir = l === 'ar' ? 'rtl' : 'ltr'; } else if (type !== 'text' || !multiline) attrs.dir = 'ltr';
  if (placeholder) attrs.placeholder = placeholder;
  return multiline ? h('textarea', attrs) : h('input', { type, ...attrs });
}

/** Arabic and English side by side, each with its own counter. */
function langMap(f, doc) {
  const max = f.type === 'long' ? LIMITS.longText : LIMITS.shortText;
  const values = get(doc, f.path) || {};
  const box = (l) => {
    const path = f.path + '/' + l;
    const input = textInput(path, values[l], { multiline: f.type === 'long' || f.multiline, max, l, described: true });
    return h('div', { class: 'row' }, h('label', { for: idOf(path) }, t('lang.' + l)), input,
      hint(idOf(path), limitHint(max), ' ', counter(input, max)));
  };
  return h('fieldset', { class: 'bilingual', 'data-field': idOf(f.path), 'data-pointer': '/' + f.path },
    h('legend', null, t(f.label), f.required ? h('span', { class: 'required' }, ' *', h('span', { class: 'visually-hidden' }, t('field.required'))) : null),
    h('div', { class: 'pair' }, box('ar'), box('en')));
}

function readLangMap(form, f, out) {
  const m = {};
  for (const l of ['ar', 'en']) {
    const v = form.querySelector('#' + idOf(f.path + '/' + l)).value.trim();
    if (v) m[l] = v;
  }
  set(out, f.path, m);
}

function labelled(f, control, extraHint) {
  const id = idOf(f.path);
  control.setAttribute('aria-describedby', id + '-hint');
  return h('div', { class: 'row', 'data-field': id }, h('label', { for: id }, t(f.label),
    f.required ? h('span', { class: 'required' }, ' *', h('span', { class: 'visually-hidden' }, t('field.required'))) : null),
  control, hint(id, extraHint || (f.hint ? t(f.hint) : '')));
}

function choice(f, value) {
  const id = idOf(f.path);
  const options = (f.optional ? [''] : []).concat(f.options);
  return h('select', { id, name: id, 'data-pointer': '/' + f.path },
    options.map(o => h('option', { value: o, selected: o === (value ?? f.default ?? '') },
      o === '' ? t('field.none') : t(f.optionKey + o))));
}

function terms(f, value, taxonomies) {
  const id = idOf(f.path);
  const list = taxonomies[f.taxonomy] || [];
  const chosen = new Set(value || []);
  const select = h('select', { id, name: id, multiple: true, size: f.single ? null : 8, 'data-pointer': '/' + f.path },
    (f.single ? [h('option', { value: '' }, t('field.none'))] : []).concat(list.map(term =>
      h('option', { value: term.id, selected: f.single ? term.id === value : chosen.has(term.id) },
        (term.label && (term.label[lang()] || term.label.en)) || term.id))));
  if (f.single) select.removeAttribute('multiple');
  return select;
}

/** A repeatable list of links: url and a label in both languages per row. */
function linkList(f, value) {
  const id = idOf(f.path);
  const rows = h('div', { class: 'link-rows', id: id + '-rows' });
  const add = (link, i) => rows.append(linkRow(f.path + '/' + i, link || {}, () => {}));
  (value && value.length ? value : [{}]).forEach((l, i) => add(l, i));
  let next = Math.max(1, (value || []).length);
  return h('fieldset', { class: 'bilingual', 'data-field': id, 'data-pointer': '/' + f.path },
    h('legend', null, t(f.label)), hint(id, t('links.hint').replace('{n}', String(LIMITS.links))), rows,
    h('button', { type: 'button', id: id + '-add', onclick: () => { if (rows.children.length < LIMITS.links) add({}, next++); } },
      t('links.add')));
}

function linkRow(path, link, onRemove) {
  const id = idOf(path);
  const url = textInput(path + '/url', link.url, { type: 'url', max: LIMITS.url, placeholder: 'https://' });
  const labels = ['ar', 'en'].map(l => {
    const p = path + '/label/' + l;
    return h('div', { class: 'row' }, h('label', { for: idOf(p) }, t('links.label'), ' (', t('lang.' + l), ')'),
      textInput(p, link.label && link.label[l], { max: LIMITS.shortText, l }));
  });
  const row = h('div', { class: 'link-row', 'data-path': path },
    h('div', { class: 'row' }, h('label', { for: idOf(path + '/url') }, t('links.url')), url), h('div', { class: 'pair' }, labels),
    h('button', { type: 'button', class: 'danger', onclick: () => { row.remove(); onRemove(); } }, t('links.remove')));
  return row;
}

function readLink(form, path) {
  const url = form.querySelector('#' + idOf(path + '/url'));
  if (!url) return null;
  const link = {};
  if (url.value.trim()) link.url = url.value.trim();
  const label = {};
  for (const l of ['ar', 'en']) {
    const e = form.querySelector('#' + idOf(path + '/label/' + l));
    if (e && e.value.trim()) label[l] = e.value.trim();
  }
  if (Object.keys(label).length) link.label = label;
  return Object.keys(link).length ? link : null;
}

/**
 * A knowledge post's resources: PDFs and images uploaded to this node (the node checks the type by
 * content, strips metadata and fills type, size and digest), each with a name in both languages.
 */
function attachmentList(f, value, ctx) {
  const id = idOf(f.path);
  const rows = h('ul', { class: 'plain attachment-rows', id: id + '-rows' });
  let next = 0;
  const add = (a) => rows.append(attachmentRow(f.path + '/' + next++, a));
  (value || []).forEach(add);
  const file = h('input', { type: 'file', id: id + '-file', accept: 'image/png,image/jpeg,application/pdf',
    'aria-describedby': id + '-file-hint' });
  const status = h('p', { class: 'hint', id: id + '-file-status', role: 'status' });
  file.addEventListener('change', async () => {
    if (!file.files.length || !ctx.uploadResource) return;
    const chosen = file.files[0];
    if (rows.children.length >= LIMITS.attachments) { status.textContent = t('attachments.full'); return; }
    const max = chosen.type === 'application/pdf' ? LIMITS.resourceBytes : LIMITS.imageBytes;
    if (chosen.size > max) { status.textContent = t('attachments.tooBig'); return; }
    status.textContent = t('image.uploading');
    try {
      const stored = await ctx.uploadResource(chosen);
      // The file's own name, without its extension, names it in the language being used.
      const name = chosen.name.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, LIMITS.shortText);
      add({ url: stored.url, mediaType: stored.mediaType, size: stored.size, name: name ? { [lang()]: name } : {} });
      status.textContent = t('attachments.uploaded');
      file.value = '';
    } catch (err) {
      status.textContent = t('image.failed') + ' ' + (err.message || '');
    }
  });
  return h('fieldset', { class: 'bilingual', 'data-field': id, 'data-pointer': '/' + f.path },
    h('legend', null, t(f.label)), rows,
    ctx.uploadResource ? h('div', { class: 'row' }, h('label', { for: id + '-file' }, t('attachments.add')), file,
      h('p', { class: 'hint', id: id + '-file-hint' }, t('attachments.limits').replace('{n}', String(LIMITS.attachments))),
      status) : null);
}

function attachmentRow(path, a) {
  // Only this node's own files are linked: the admin UI loads nothing from other hosts.
  const own = typeof a.url === 'string' && a.url.startsWith(location.origin + '/');
  const file = a.url ? a.url.replace(/^.*\//, '') : '';
  const names = ['ar', 'en'].map(l => {
    const p = path + '/name/' + l;
    return h('div', { class: 'row' }, h('label', { for: idOf(p) }, t('attachments.name'), ' (', t('lang.' + l), ')'),
      textInput(p, a.name && a.name[l], { max: LIMITS.shortText, l }));
  });
  const row = h('li', { class: 'attachment-row', 'data-path': path, 'data-url': a.url || '' },
    h('p', null, own ? h('a', { href: a.url, rel: 'noopener', dir: 'ltr' }, file) : h('span', { dir: 'ltr' }, file),
      a.mediaType ? ' — ' + a.mediaType : '', a.size != null ? ' — ' + Math.ceil(a.size / 1024) + ' KiB' : ''),
    h('div', { class: 'pair' }, names),
    h('button', { type: 'button', class: 'danger', onclick: () => row.remove() }, t('attachments.remove')));
  return row;
}

function readAttachments(form, f) {
  const rows = form.querySelectorAll('#' + idOf(f.path) + '-rows > li');
  return Array.from(rows).map(row => {
    const out = { url: row.dataset.url };
    const name = {};
    for (const l of ['ar', 'en']) {
      const e = row.querySelector('#' + idOf(row.dataset.path + '/name/' + l));
      if (e && e.value.trim()) name[l] = e.value.trim();
    }
    if (Object.keys(name).length) out.name = name;
    return out;
  }).filter(a => a.url);
}

/** A training's sessions: each a start and end, a place name in both languages and/or an online link. */
function sessionList(f, value) {
  const id = idOf(f.path);
  const rows = h('div', { class: 'session-rows', id: id + '-rows' });
  const add = (s, i) => rows.append(sessionRow(f.path + '/' + i, s || {}));
  (value && value.length ? value : [{}]).forEach((s, i) => add(s, i));
  let next = Math.max(1, (value || []).length);
  return h('fieldset', { class: 'bilingual', 'data-field': id, 'data-pointer': '/' + f.path },
    h('legend', null, t(f.label), h('span', { class: 'required' }, ' *', h('span', { class: 'visually-hidden' }, t('field.required')))),
    hint(id, t('sessions.hint')), rows,
    h('button', { type: 'button', id: id + '-add', onclick: () => { if (rows.children.length < 50) add({}, next++); } },
      t('sessions.add')));
}

function sessionRow(path, s) {
  const time = (p, label) => h('div', { class: 'row' }, h('label', { for: idOf(path + '/' + p) }, t(label)),
    h('input', { id: idOf(path + '/' + p), type: 'datetime-local', dir: 'ltr', 'data-pointer': '/' + path + '/' + p,
      value: toLocalInput(s[p]) }));
  const names = ['ar', 'en'].map(l => {
    const p = path + '/place/name/' + l;
    return h('div', { class: 'row' }, h('label', { for: idOf(p) }, t('place.name'), ' (', t('lang.' + l), ')'),
      textInput(p, s.place && s.place.name && s.place.name[l], { max: LIMITS.shortText, l }));
  });
  const online = textInput(path + '/onlineUrl', s.onlineUrl, { type: 'url', max: LIMITS.url, placeholder: 'https://' });
  const row = h('div', { class: 'session-row', 'data-path': path },
    h('div', { class: 'pair' }, time('startTime', 'event.start'), time('endTime', 'event.end')),
    h('div', { class: 'pair' }, names),
    h('div', { class: 'row' }, h('label', { for: idOf(path + '/onlineUrl') }, t('event.onlineUrl')), online),
    h('button', { type: 'button', class: 'danger', onclick: () => row.remove() }, t('sessions.remove')));
  return row;
}

function readSessions(form, f, ctx) {
  const list = [];
  for (const row of form.querySelectorAll('#' + idOf(f.path) + '-rows .session-row')) {
    const p = row.dataset.path;
    const v = (k) => { const e = form.querySelector('#' + idOf(p + '/' + k)); return e ? e.value.trim() : ''; };
    const s = {};
    if (v('startTime')) s.startTime = toRfc3339(v('startTime'), ctx.timeZone);
    if (v('endTime')) s.endTime = toRfc3339(v('endTime'), ctx.timeZone);
    const name = {};
    for (const l of ['ar', 'en']) if (v('place/name/' + l)) name[l] = v('place/name/' + l);
    if (Object.keys(name).length) s.place = { name };
    if (v('onlineUrl')) s.onlineUrl = v('onlineUrl');
    if (Object.keys(s).length) list.push(s);
  }
  return list;
}

/** One link (call to action, report document): url and label. */
function singleLink(f, value) {
  const id = idOf(f.path);
  const v = value || {};
  const url = textInput(f.path + '/url', v.url, { type: 'url', max: LIMITS.url, placeholder: 'https://' });
  return h('fieldset', { class: 'bilingual', 'data-field': id, 'data-pointer': '/' + f.path },
    h('legend', null, t(f.label)),
    h('div', { class: 'row' }, h('label', { for: idOf(f.path + '/url') }, t('links.url')), url),
    h('div', { class: 'pair' }, ['ar', 'en'].map(l => h('div', { class: 'row' },
      h('label', { for: idOf(f.path + '/label/' + l) }, t('links.label'), ' (', t('lang.' + l), ')'),
      textInput(f.path + '/label/' + l, v.label && v.label[l], { max: LIMITS.shortText, l })))));
}

/** An image: url (or an upload that fills it) and alt text in both languages. */
function image(f, value, ctx) {
  const id = idOf(f.path);
  const v = value || {};
  const url = textInput(f.path + '/url', v.url, { type: 'url', max: LIMITS.url, placeholder: 'https://' });
  // Only this node's own images are previewed: the admin UI loads nothing from other hosts.
  const own = (u) => !!u && (u.startsWith(location.origin + '/') || /^\/[^/]/.test(u));
  const preview = h('img', { class: 'preview', alt: '', hidden: !own(v.url), src: own(v.url) ? v.url : null });
  url.addEventListener('input', () => { preview.hidden = !own(url.value); if (own(url.value)) preview.src = url.value; });
  const file = h('input', { type: 'file', id: id + '-file', accept: 'image/png,image/jpeg',
    'aria-describedby': id + '-file-hint' });
  const status = h('p', { class: 'hint', id: id + '-file-status', role: 'status' });
  file.addEventListener('change', async () => {
    if (!file.files.length || !ctx.upload) return;
    const chosen = file.files[0];
    if (chosen.size > LIMITS.imageBytes) { status.textContent = t('image.tooBig'); return; }
    status.textContent = t('image.uploading');
    try {
      url.value = await ctx.upload(chosen);
      url.dispatchEvent(new Event('input'));
      status.textContent = t('image.uploaded');
    } catch (err) {
      status.textContent = t('image.failed') + ' ' + (err.message || '');
    }
  });
  return h('fieldset', { class: 'bilingual', 'data-field': id, 'data-pointer': '/' + f.path },
    h('legend', null, t(f.label)),
    ctx.upload ? h('div', { class: 'row' }, h('label', { for: id + '-file' }, t('image.upload')), file,
      h('p', { class: 'hint', id: id + '-file-hint' }, t('image.limits')), status) : null,
    h('div', { class: 'row' }, h('label', { for: idOf(f.path + '/url') }, t('image.url')), url), preview,
    h('div', { class: 'pair' }, ['ar', 'en'].map(l => h('div', { class: 'row' },
      h('label', { for: idOf(f.path + '/alt/' + l) }, t('image.alt'), ' (', t('lang.' + l), ')'),
      textInput(f.path + '/alt/' + l, v.alt && v.alt[l], { max: LIMITS.shortText, l })))));
}

function readImage(form, path) {
  const url = form.querySelector('#' + idOf(path + '/url')).value.trim();
  const alt = {};
  for (const l of ['ar', 'en']) {
    const v = form.querySelector('#' + idOf(path + '/alt/' + l)).value.trim();
    if (v) alt[l] = v;
  }
  const img = {};
  if (url) img.url = url;
  if (Object.keys(alt).length) img.alt = alt;
  return img;
}

/** Contact channels, each public or hidden (hidden ones never leave the node). Hidden by default. */
function contacts(f, value) {
  const id = idOf(f.path);
  const rows = h('div', { class: 'contact-rows', id: id + '-rows' });
  let next = 0;
  const add = (c) => {
    const p = f.path + '/' + next++;
    const cid = idOf(p);
    const row = h('div', { class: 'contact-row', 'data-path': p },
      h('div', { class: 'row' }, h('label', { for: cid + '-kind' }, t('contacts.kind')),
        h('select', { id: cid + '-kind', 'data-pointer': '/' + p + '/kind' }, CONTACT_KINDS.map(k =>
          h('option', { value: k, selected: k === (c.kind || 'email') }, t('contacts.kind.' + k))))),
      h('div', { class: 'row' }, h('label', { for: cid + '-value' }, t('contacts.value')),
        textInput(p + '/value', c.value, { max: LIMITS.contactValue })),
      h('fieldset', { class: 'plain', 'data-pointer': '/' + p + '/visibility' },
        h('legend', null, t('contacts.visibility')),
        ['hidden', 'public'].map(v => h('div', { class: 'choice' },
          h('input', { type: 'radio', name: cid + '-visibility', id: cid + '-visibility-' + v, value: v,
            checked: v === (c.visibility || 'hidden') }),
          h('label', { for: cid + '-visibility-' + v }, t('contacts.visibility.' + v))))),
      h('div', { class: 'pair' }, ['ar', 'en'].map(l => h('div', { class: 'row' },
        h('label', { for: idOf(p + '/label/' + l) }, t('contacts.label'), ' (', t('lang.' + l), ')'),
        textInput(p + '/label/' + l, c.label && c.label[l], { max: LIMITS.shortText, l })))),
      h('button', { type: 'button', class: 'danger', onclick: () => row.remove() }, t('contacts.remove')));
    rows.append(row);
  };
  (value && value.length ? value : []).forEach(add);
  return h('fieldset', { class: 'bilingual', 'data-field': id, 'data-pointer': '/' + f.path },
    h('legend', null, t(f.label)), hint(id, t('contacts.hint')), rows,
    h('button', { type: 'button', id: id + '-add', onclick: () => { if (rows.children.length < LIMITS.contacts) add({}); } },
      t('contacts.add')));
}

export const CONTACT_KINDS = ['email', 'phone', 'website', 'signal', 'whatsapp', 'telegram', 'mastodon', 'matrix', 'address', 'other'];

function readContacts(form, f) {
  const out = [];
  for (const row of form.querySelectorAll('#' + idOf(f.path) + '-rows .contact-row')) {
    const p = row.dataset.path;
    const cid = idOf(p);
    const value = row.querySelector('#' + cid + '-value').value.trim();
    const kind = row.querySelector('#' + cid + '-kind').value;
    if (!value) continue;
    const c = { kind, value, visibility: row.querySelector('input[type=radio]:checked').value };
    const label = {};
    for (const l of ['ar', 'en']) { const v = row.querySelector('#' + idOf(p + '/label/' + l)).value.trim(); if (v) label[l] = v; }
    if (Object.keys(label).length) c.label = label;
    out.push(c);
  }
  return out;
}

/** Renders one field from its description. ctx: { taxonomies, upload }. */
export function render(f, doc, ctx) {
  const value = get(doc, f.path);
  const id = idOf(f.path);
  switch (f.type) {
    case 'short': case 'long': return langMap(f, doc);
    case 'text': case 'url': {
      const max = f.type === 'url' ? LIMITS.url : f.max;
      const input = textInput(f.path, value, { type: f.type, max, placeholder: f.type === 'url' ? 'https://' : null });
      return labelled(f, input, f.type === 'url' ? t('field.urlHint') : (max ? limitHint(max) : null));
    }
    case 'number':
      return labelled(f, h('input', { id, type: 'number', min: f.min, max: f.max, step: f.step || 'any', dir: 'ltr',
        inputmode: 'decimal', 'data-pointer': '/' + f.path, value: value ?? '' }),
      f.hint ? t(f.hint) : f.min != null ? t('field.range').replace('{min}', f.min).replace('{max}', f.max) : null);
    case 'date':
      return labelled(f, h('input', { id, type: 'date', dir: 'ltr', 'data-pointer': '/' + f.path, value: value || '' }));
    case 'datetime':
      return labelled(f, h('input', { id, type: 'datetime-local', dir: 'ltr', 'data-pointer': '/' + f.path,
        value: toLocalInput(value) }));
    case 'choice': return labelled(f, choice(f, value));
    case 'terms': return labelled(f, terms(f, value, ctx.taxonomies),
      f.single ? null : t('field.termsHint').replace('{n}', String(f.maxItems)));
    case 'lines': {
      const input = h('textarea', { id, 'data-pointer': '/' + f.path, value: (value || []).join('\n'), dir: f.dir || null });
      return labelled(f, input, t(f.hint));
    }
    case 'csv': {
      const input = h('input', { id, type: 'text', 'data-pointer': '/' + f.path, value: (value || []).join(', '), dir: f.dir || null });
      return labelled(f, input, t(f.hint));
    }
    case 'links': return linkList(f, value);
    case 'link': return singleLink(f, value);
    case 'image': return image(f, value, ctx);
    case 'contacts': return contacts(f, value);
    case 'sessions': return sessionList(f, value);
    case 'attachments': return attachmentList(f, value, ctx);
    default: throw new Error('unknown field type ' + f.type);
  }
}

/** Writes the field's value from the form into out (absent when empty). ctx.timeZone for date-times. */
export function read(f, form, out, ctx) {
  const el = () => form.querySelector('#' + idOf(f.path));
  switch (f.type) {
    case 'short': case 'long': readLangMap(form, f, out); break;
    case 'text': case 'url': case 'date': case 'choice': set(out, f.path, el().value.trim()); break;
    case 'number': { const v = el().value.trim(); set(out, f.path, v === '' ? null : Number(v)); break; }
    case 'datetime': { const v = el().value; set(out, f.path, v ? toRfc3339(v, ctx.timeZone) : null); break; }
    case 'terms': {
      const s = el();
      set(out, f.path, f.single ? s.value : Array.from(s.selectedOptions).map(o => o.value));
      break;
    }
    case 'lines': set(out, f.path, el().value.split('\n').map(s => s.trim()).filter(Boolean)); break;
    case 'csv': set(out, f.path, el().value.split(/[,،]/).map(s => s.trim()).filter(Boolean)); break;
    case 'links': {
      const list = [];
      for (const row of form.querySelectorAll('#' + idOf(f.path) + '-rows .link-row')) {
        const link = readLink(form, row.dataset.path);
        if (link) list.push(link);
      }
      set(out, f.path, list);
      break;
    }
    case 'link': set(out, f.path, readLink(form, f.path)); break;
    case 'image': set(out, f.path, readImage(form, f.path)); break;
    case 'contacts': set(out, f.path, readContacts(form, f)); break;
    case 'sessions': set(out, f.path, readSessions(form, f, ctx)); break;
    case 'attachments': set(out, f.path, readAttachments(form, f)); break;
    default: break;
  }
}

/** Renumbers list rows' data-path after reading, so error pointers (/links/0/url) match the rows sent. */
export function alignRows(form) {
  for (const list of form.querySelectorAll('.link-rows, .contact-rows')) {
    let i = 0;
    for (const row of list.children) {
      const filled = Array.from(row.querySelectorAll('input[type=url], input[id$="-value"]')).some(e => e.value.trim());
      row.dataset.sent = filled ? String(i++) : '';
    }
  }
}
