// Building DOM from elements and text nodes only (never parsed HTML): nothing an API returns can run.

/** h('a', {href: '#/x', onclick: fn}, 'text', child) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value' && (tag === 'textarea' || tag === 'select')) el.value = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  if (tag === 'textarea' && attrs && attrs.value != null) el.value = attrs.value;
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** A labelled input row. */
export function field(id, label, input, hint) {
  const hintId = hint ? id + '-hint' : null;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'row' }, h('label', { for: id }, label), input,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

/** Best text of a language map {ar, en} for the current language, falling back to the other. */
export function pick(map, lang) {
  if (!map || typeof map !== 'object') return '';
  return map[lang] || map[lang === 'ar' ? 'en' : 'ar'] || Object.values(map)[0] || '';
}
