// Form pieces shared by the screens: bilingual fields (Arabic and English side by side), error
// display from problem+json, and the "not available yet" notice for APIs still to come.
import { h } from './dom.js';
import { t } from './i18n.js';
import { announce } from './status.js';

/** A fieldset with an Arabic and an English input side by side. Ids: <name>-ar, <name>-en. */
export function bilingual(name, legend, values, { multiline = false, required = false } = {}) {
  const input = (l) => {
    const attrs = { id: name + '-' + l, name: name + '-' + l, lang: l, dir: l === 'ar' ? 'rtl' : 'ltr',
      value: (values && values[l]) || '' };
    return multiline ? h('textarea', attrs) : h('input', { type: 'text', ...attrs });
  };
  return h('fieldset', { class: 'bilingual', 'data-field': name },
    h('legend', null, legend, required ? h('span', { 'aria-hidden': 'true' }, ' *') : null),
    h('div', { class: 'pair' },
      h('div', { class: 'row' }, h('label', { for: name + '-ar' }, t('lang.ar')), input('ar')),
      h('div', { class: 'row' }, h('label', { for: name + '-en' }, t('lang.en')), input('en'))));
}

/** {ar, en} from a bilingual field, without empty languages; null when both are empty. */
export function readBilingual(form, name) {
  const out = {};
  for (const l of ['ar', 'en']) {
    const v = form.querySelector('#' + name + '-' + l).value.trim();
    if (v) out[l] = v;
  }
  return Object.keys(out).length ? out : null;
}

/** Sets or removes a key so that empty fields do not send empty strings (the schema refuses them). */
export function setOrDelete(obj, key, value) {
  if (value == null || value === '') delete obj[key];
  else obj[key] = value;
}

/** Shows a failed call in an alert region inside the form and in the live status. */
export function showError(where, err) {
  const box = where.querySelector('.form-error') || where.appendChild(h('div', { class: 'form-error' }));
  box.replaceChildren(h('div', { class: 'notice error', role: 'alert' }, t('error.failed'), ' ',
    h('span', { lang: 'en', dir: 'ltr' }, err.message || '')));
  announce(t('error.failed'), 'error');
}

/** Runs an async action with the button disabled; reports success or the error. */
export async function act(button, where, fn, okMessage) {
  button.disabled = true;
  try {
    await fn();
    const box = where.querySelector('.form-error');
    if (box) box.replaceChildren();
    if (okMessage) announce(okMessage);
    return true;
  } catch (err) {
    showError(where, err);
    return false;
  } finally {
    button.disabled = false;
  }
}

/** True (and a notice rendered) when an API the screen needs does not exist on this node yet. */
export function notAvailable(container, err) {
  if (!err || (err.status !== 404 && err.status !== 501 && err.status !== 405)) return false;
  container.append(h('div', { class: 'notice warn', 'data-notice': 'not-available' },
    h('p', { lang: 'ar', dir: 'rtl' }, t('stub.notAvailable', 'ar')),
    h('p', { lang: 'en', dir: 'ltr' }, t('stub.notAvailable', 'en'))));
  return true;
}

export function heading(key, ...extra) {
  return h('h1', null, t(key), ...extra);
}

/** A scrollable table with column heads named by message keys (the caption is for screen readers). */
export function table(id, caption, headKeys, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', null, h('tr', null, headKeys.map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, rows)));
}

/** A URL, host or other Latin identifier inside Arabic text: isolated, left to right. */
export function ltr(text) {
  return h('bdi', { class: 'ltr', dir: 'ltr' }, text == null ? '' : String(text));
}

/** Replaces a section's content after the data behind it changed (headings and forms stay). */
export async function refill(container, build) {
  const fresh = await build();
  container.replaceChildren(...[fresh].flat().filter(Boolean));
}
