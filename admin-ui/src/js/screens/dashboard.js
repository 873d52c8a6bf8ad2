// Dashboard: counts, pending follow requests, delivery backlog and peer health, recent admin activity.
import { h } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get, orgPath } from '../api.js';
import { describe } from '../audit-words.js';

async function count(path, field = 'items') {
  try {
    const r = await get(path);
    return field === 'total' ? r.data.total : (r.data.items || []).length;
  } catch (err) {
    if (err.status === 401) throw err;
    return '—';
  }
}

function card(id, value, label, href) {
  const body = [h('span', { class: 'value', id }, String(value)), h('span', { class: 'label' }, label)];
  return h('div', { class: 'card' }, href ? h('a', { href }, body) : body);
}

export async function render(main, app) {
  main.append(h('h1', null, t('dashboard.title')));
  if (!app.org) { main.append(h('p', null, t('dashboard.noOrg'))); return; }
  const handle = app.org.handle;
  const [entries, followers, following, pending] = await Promise.all([
    count(orgPath(handle, '/entries?pageSize=1'), 'total'),
    count(orgPath(handle, '/followers?state=accepted')),
    count(orgPath(handle, '/following')),
    count(orgPath(handle, '/followers?state=pending')),
  ]);
  main.append(h('div', { class: 'card-grid' },
    card('count-entries', entries, t('dashboard.entries'), '#/entries'),
    card('count-followers', followers, t('dashboard.followers'), '#/followers'),
    card('count-following', following, t('dashboard.following'), '#/following'),
    card('count-pending', pending, t('dashboard.pending'), '#/followers')));

  main.append(h('h2', null, t('dashboard.delivery')));
  try {
    const s = (await get('/api/v1/federation/health')).data;
    main.append(h('div', { class: 'card-grid' },
      card('delivery-pending', s.pending, t('dashboard.backlog')),
      card('delivery-leased', s.leased, t('dashboard.sending')),
      card('delivery-dead', s.dead, t('dashboard.dead')),
      card('delivery-done', s.done, t('dashboard.delivered'))));
    main.append(h('h2', null, t('dashboard.peers')));
    if (!s.hosts.length) main.append(h('p', null, t('dashboard.noPeers')));
    else main.append(h('div', { class: 'table-wrap' }, h('table', { id: 'peers' },
      h('caption', { class: 'visually-hidden' }, t('dashboard.peers')),
      h('thead', null, h('tr', null, ['dashboard.host', 'dashboard.queued', 'dashboard.health', 'dashboard.lastSuccess',
        'dashboard.failures', 'dashboard.trust'].map(k => h('th', { scope: 'col' }, t(k))))),
      h('tbody', null, s.hosts.map(p => h('tr', null,
        h('td', { class: 'ltr' }, p.host), h('td', null, String(p.queued)),
        h('td', null, h('span', { class: 'badge' }, t('breaker.' + p.breaker))),
        h('td', null, p.lastSuccess ? formatTime(p.lastSuccess) : '—'),
        h('td', null, String(p.consecutiveFailures)),
        h('td', null, h('a', { href: '#/trust/node/' + encodeURIComponent(p.host) }, t('dashboard.setTrust'),
          h('span', { class: 'visually-hidden' }, ' ', p.host)))))))));
  } catch (err) {
    if (err.status === 401) throw err;
    main.append(h('p', null, t('dashboard.noHealth')));
  }

  main.append(h('h2', null, t('dashboard.recent')));
  // Only actions that took effect, in words ("Fatima blocked node x.org").
  const recent = (await get('/api/v1/audit?done=true&pageSize=8')).data.items;
  if (!recent.length) main.append(h('p', null, t('audit.empty')));
  else main.append(h('ul', { id: 'recent' }, recent.map(a => h('li', { 'data-action': a.action },
    h('span', { class: 'nowrap' }, formatTime(a.at)), ' — ', h('bdi', null, describe(a))))));
}
