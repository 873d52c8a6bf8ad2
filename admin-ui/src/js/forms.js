// Form pieces shared by the screens: bilingual fields (Arabic and English side by side), error
// display from problem+json, and the "not available yet" notice for APIs still to come.
import { h } from './dom.js';
import { t } from './i18n.js';
import { announce } from './status.js';
import { showFieldErrors, clearFieldErrors } from './errors.js';

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

/** Why a call failed, in words: the HTTP status says more to a person than the server's English. */
function reason(err) {
  const s = err && err.status;
  if (s === 409 || s === 412) return t('error.conflict');
  if (s === 403) return t('error.forbidden');
  if (s === 404) return t('error.notFound');
  if (s === 413) return t('error.tooLarge');
  if (s === 429) return t('error.rateLimited');
  if (s >= 500) return t('error.server');
  return '';
}

/** Shows a failed call in an alert region inside the form and in the live status. */
export function showError(where, err) {
  if (showFieldErrors(where, err)) {
    announce(t('error.checkFields'), 'error');
    return;
  }
  const box = where.querySelector('.form-error') || where.appendChild(h('div', { class: 'form-error' }));
  // A call that got an answer says why by its status; a fetch that got none is a network failure;
  // anything else is the screen's own message, already in the UI's language.
  const answered = err && err.status != null;
  const why = answered ? reason(err) : (err instanceof TypeError ? t('error.network') : (err && err.message) || '');
  box.replaceChildren(h('div', { class: 'notice error', role: 'alert' }, t('error.failed'), ' ', why, ' ',
    answered && err.message ? h('span', { lang: 'en', dir: 'ltr', class: 'detail' }, err.message) : null));
  announce(t('error.failed') + (why ? ' ' + why : ''), 'error');
}

/**
 * Runs an async action: the button shows that work is under way (and is disabled) until the
 * answer comes; then the outcome is said in words, and field errors are shown on their fields.
 */
export async function act(button, where, fn, okMessage) {
  const label = Array.from(button.childNodes);
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.classList.add('busy');
  button.textContent = t('progress.working');
  where.setAttribute('aria-busy', 'true');
  try {
    await fn();
    const box = where.querySelector('.form-error');
    if (box) box.replaceChildren();
    clearFieldErrors(where);
    if (okMessage) announce(okMessage);
    return true;
  } catch (err) {
    showError(where, err);
    return false;
  } finally {
    button.replaceChildren(...label);
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.classList.remove('busy');
    where.removeAttribute('aria-busy');
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
