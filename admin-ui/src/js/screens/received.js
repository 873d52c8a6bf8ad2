// Posts received from the organizations this one follows (newest first).
import { h, pick } from '../dom.js';
import { t, lang, formatTime } from '../i18n.js';
import { get, orgPath } from '../api.js';
import { heading, ltr, notAvailable } from '../forms.js';

function text(o, key) {
  if (!o) return '';
  const map = o[key + 'Map'];
  return (map && pick(map, lang())) || (typeof o[key] === 'string' ? o[key] : '') || '';
}

export async function render(main, app) {
  main.append(heading('received.title'), h('p', null, t('received.explain')));
  let items;
  try {
    items = (await get(orgPath(app.org.handle, '/received'))).data.items;
  } catch (err) {
    if (notAvailable(main, err)) return;
    throw err;
  }
  if (!items.length) { main.append(h('p', { id: 'no-received' }, t('received.empty'))); return; }
  main.append(h('ul', { class: 'plain cards', id: 'received' }, items.map(r => {
    const o = r.object || {};
    const title = text(o, 'name') || text(o, 'summary') || r.type;
    const body = text(o, 'content');
    return h('li', { class: 'panel', 'data-id': r.id },
      h('h2', null, title),
      body ? h('p', null, body.replace(/<[^>]*>/g, ' ').slice(0, 400)) : null,
      h('p', { class: 'hint' }, t('received.from'), ' ', ltr(r.actor), ' — ', formatTime(r.received)),
      typeof o.url === 'string' && /^https?:/.test(o.url) ? h('a', { href: o.url, rel: 'noopener noreferrer' }, t('received.open')) : null);
  })));
}
