// Posts received from the organizations this one follows (newest first). A received training or
// event can be registered for from here: the organization sends a signed Join to the organizer,
// whose Accept or Reject comes back (GET/POST …/registrations).
import { h, pick, clear } from '../dom.js';
import { t, lang, formatTime } from '../i18n.js';
import { get, post, orgPath } from '../api.js';
import { heading, ltr, notAvailable, showError } from '../forms.js';
import { announce } from '../status.js';

function text(o, key) {
  if (!o) return '';
  const map = o[key + 'Map'];
  return (map && pick(map, lang())) || (typeof o[key] === 'string' ? o[key] : '') || '';
}

/** Trainings, and events, take registrations (the node refuses any other kind with 422). */
function joinable(o) {
  return typeof o.id === 'string' && (o.kind === 'training' || (o.type === 'Event' && (!o.kind || o.kind === 'event')));
}

function stateLine(state) {
  return h('p', { class: 'registration', 'data-state': state },
    t('received.registration'), ' ', h('strong', null, t('collab.state.' + state)));
}

function registration(handle, o, latest) {
  const box = h('div', { class: 'registration-box' });
  // A refused registration may be asked for again; any other state is shown as it is.
  if (latest) box.append(stateLine(latest.state));
  if (latest && latest.state !== 'rejected') return box;
  const button = h('button', { type: 'button', class: 'register' }, t('received.register'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const r = (await post(orgPath(handle, '/registrations'), { object: o.id })).data;
      clear(box).append(stateLine(r.state));
      announce(t('received.registered'));
    } catch (err) {
      button.disabled = false;
      showError(box, err);
    }
  });
  box.append(button);
  return box;
}

export async function render(main, app) {
  main.append(heading('received.title'), h('p', null, t('received.explain')));
  let items;
  let registrations;
  try {
    [items, registrations] = await Promise.all([
      get(orgPath(app.org.handle, '/received')).then(r => r.data.items),
      get(orgPath(app.org.handle, '/registrations')).then(r => r.data.items),
    ]);
  } catch (err) {
    if (notAvailable(main, err)) return;
    throw err;
  }
  // The newest registration per object (the list is newest first).
  const latest = new Map();
  for (const r of registrations) if (!latest.has(r.object)) latest.set(r.object, r);
  if (!items.length) { main.append(h('p', { id: 'no-received' }, t('received.empty'))); return; }
  main.append(h('ul', { class: 'plain cards', id: 'received' }, items.map(r => {
    const o = r.object || {};
    const title = text(o, 'name') || text(o, 'summary') || r.type;
    const body = text(o, 'content');
    return h('li', { class: 'panel', 'data-id': r.id, 'data-object': typeof o.id === 'string' ? o.id : null },
      h('h2', null, title),
      o.kind === 'training' ? h('p', { class: 'badge' }, t('kind.training')) : null,
      body ? h('p', null, body.replace(/<[^>]*>/g, ' ').slice(0, 400)) : null,
      h('p', { class: 'hint' }, t('received.from'), ' ', ltr(r.actor), ' — ', formatTime(r.received)),
      typeof o.url === 'string' && /^https?:/.test(o.url) ? h('a', { href: o.url, rel: 'noopener noreferrer' }, t('received.open')) : null,
      joinable(o) ? registration(app.org.handle, o, latest.get(o.id)) : null);
  })));
}
