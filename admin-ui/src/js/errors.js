// Field errors from the API's 422 problem (errors[]: pointer, code, params) shown on their fields:
// the field is marked invalid, a sentence in the UI's language sits under it (and is announced
// through aria-describedby), and a summary at the top of the form links to each one.
import { h } from './dom.js';
import { t, plural, formatNumber } from './i18n.js';

const FORMAT_KINDS = ['httpsUrl', 'dateTime', 'date', 'languageTag', 'taxonomyId', 'timeZone'];

/** Removes every error mark from a form. */
export function clearFieldErrors(form) {
  for (const e of form.querySelectorAll('.field-error, .error-summary')) e.remove();
  for (const e of form.querySelectorAll('[aria-invalid]')) {
    e.removeAttribute('aria-invalid');
    const ids = (e.getAttribute('aria-describedby') || '').split(' ').filter(x => x && !x.endsWith('-error'));
    if (ids.length) e.setAttribute('aria-describedby', ids.join(' ')); else e.removeAttribute('aria-describedby');
  }
  for (const e of form.querySelectorAll('.invalid')) e.classList.remove('invalid');
}

/** The element a JSON pointer names, or its nearest ancestor field. */
export function fieldFor(form, pointer) {
  const row = pointer.match(/^\/(links|contacts)\/(\d+)(\/.*)?$/);
  if (row) {
    const r = form.querySelector(`[data-field="${row[1]}"] [data-sent="${row[2]}"]`);
    if (r) {
      const rest = row[3] || '';
      const inside = rest && Array.from(r.querySelectorAll('[data-pointer]')).find(e => e.dataset.pointer.endsWith(rest));
      return inside || r.querySelector('input, select, textarea');
    }
  }
  let p = pointer;
  while (p) {
    const el = form.querySelector(`[data-pointer="${CSS.escape(p)}"]`);
    if (el) return el;
    p = p.replace(/\/[^/]*$/, '');
  }
  return null;
}

/** What the user sees as the field's name: its label, inside its group's legend when it has one. */
export function fieldName(el) {
  if (!el) return t('err.theForm');
  const legendOf = (fs) => {
    const lg = fs && fs.querySelector(':scope > legend');
    return lg ? lg.childNodes[0].textContent.trim() : '';
  };
  if (el.tagName === 'FIELDSET') return legendOf(el);
  const label = el.id ? el.ownerDocument.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
  const own = label ? label.childNodes[0].textContent.trim() : '';
  const group = legendOf(el.closest('fieldset'));
  return group && own ? group + ' — ' + own : (own || group);
}

/** The sentence for one error, in the UI's language. */
export function sentence(error, name) {
  const p = error.params || {};
  const fill = (s) => s.replace('{field}', name)
    .replace('{limitChars}', p.limit != null ? plural('plural.chars', p.limit) : '')
    .replace('{actualChars}', p.actual != null ? plural('plural.chars', p.actual) : '')
    .replace('{limitItems}', p.limit != null ? plural('plural.items', p.limit) : '')
    .replace('{actualItems}', p.actual != null ? plural('plural.items', p.actual) : '')
    .replace('{limit}', p.limit != null ? formatNumber(p.limit) : '')
    .replace('{term}', p.term || '');
  switch (error.code) {
    case 'format': return fill(t(FORMAT_KINDS.includes(p.kind) ? 'err.format.' + p.kind : 'err.format'));
    case 'tooLong': case 'tooShort': case 'tooMany': case 'tooFew': case 'required': case 'requiredOneOf':
    case 'empty': case 'duplicate': case 'choice': case 'type': case 'tooSmall': case 'tooLarge':
    case 'unknownField': case 'unknownTerm': case 'unknownZone': case 'endBeforeStart':
      return fill(t('err.' + error.code));
    default: return fill(t('err.invalid'));
  }
}

/**
 * Shows each error of a 422 problem on its field. Returns false when the error is not a field
 * validation problem (the caller shows it as a general failure).
 */
export function showFieldErrors(form, err) {
  clearFieldErrors(form);
  const errors = err && err.status === 422 && err.problem && Array.isArray(err.problem.errors) ? err.problem.errors : null;
  if (!errors || !errors.length) return false;
  const items = [];
  errors.forEach((e, i) => {
    const el = fieldFor(form, e.pointer || '');
    const text = sentence(e, fieldName(el));
    items.push({ el, text });
    if (!el) return;
    const id = 'field-error-' + i + '-error';
    const message = h('p', { class: 'field-error', id, 'data-pointer-error': e.pointer, 'data-code': e.code }, text);
    const control = el.matches('input, select, textarea') ? el : el.querySelector('input, select, textarea');
    const host = el.tagName === 'FIELDSET' ? el : (el.closest('.row') || el.parentElement);
    host.append(message);
    host.classList.add('invalid');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', ((control.getAttribute('aria-describedby') || '') + ' ' + id).trim());
    }
    if (e.code === 'requiredOneOf') {
      for (const other of (e.params && e.params.fields) || []) {
        const o = fieldFor(form, e.pointer.replace(/[^/]*$/, other));
        const c = o && (o.matches('input, select, textarea') ? o : o.querySelector('input, select, textarea'));
        if (c) c.setAttribute('aria-invalid', 'true');
      }
    }
  });
  const summary = h('div', { class: 'error-summary notice error', role: 'alert', tabindex: '-1' },
    h('p', null, t('err.summary').replace('{count}', plural('plural.errors', errors.length))),
    h('ul', null, items.map(({ el, text }) => h('li', null, el && el.id
      ? h('a', { href: '#' + el.id, onclick: (ev) => { ev.preventDefault(); focusField(el); } }, text) : text))));
  form.prepend(summary);
  summary.focus();
  return true;
}

function focusField(el) {
  const c = el.matches('input, select, textarea') ? el : el.querySelector('input, select, textarea');
  (c || el).focus();
}
