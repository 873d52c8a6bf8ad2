// Language: Arabic by default (right-to-left), English on request; the choice is remembered.
import { MESSAGES } from './messages.js';

let current = 'ar';

export function lang() { return current; }

export function applyLang() {
  const saved = localStorage.getItem('madani.lang');
  current = saved === 'en' ? 'en' : 'ar';
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'ar' ? 'rtl' : 'ltr';
}

export function setLang(l) {
  localStorage.setItem('madani.lang', l === 'en' ? 'en' : 'ar');
  applyLang();
}

/** The text for key in the current (or the given) language. Missing keys show as the key itself. */
export function t(key, l = current) {
  const m = MESSAGES[l] || MESSAGES.ar;
  return Object.prototype.hasOwnProperty.call(m, key) ? m[key] : key;
}

/** A date and time in the current language, with the viewer's time zone. */
export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(current === 'ar' ? 'ar-SY' : 'en-GB',
    { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A number in the current language's digits. */
export function formatNumber(n) {
  return new Intl.NumberFormat(current === 'ar' ? 'ar-SY' : 'en').format(n);
}

/**
 * "{n} characters" in the right plural form: Arabic has six (zero, one, two, few, many, other),
 * chosen by Intl.PluralRules; the catalog holds one text per form under base.<form>.
 */
export function plural(base, n) {
  const form = new Intl.PluralRules(current === 'ar' ? 'ar' : 'en').select(n);
  return t(base + '.' + form).replace('{n}', formatNumber(n));
}
