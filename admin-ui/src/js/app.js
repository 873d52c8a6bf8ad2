// Boot, shell (navigation, language, logout) and the hash router of the admin UI.
import { h, clear } from './dom.js';
import { t, lang, setLang, applyLang } from './i18n.js';
import { api, get, setCsrf, whenUnauthorized } from './api.js';
import { announce, clearStatus } from './status.js';
import * as login from './screens/login.js';
import * as dashboard from './screens/dashboard.js';
import * as profile from './screens/profile.js';
import * as entries from './screens/entries.js';
import * as follows from './screens/follows.js';
import * as federation from './screens/federation.js';
import * as trust from './screens/trust.js';
import * as lists from './screens/lists.js';
import * as endorsements from './screens/endorsements.js';
import * as keys from './screens/keys.js';
import * as moderation from './screens/moderation.js';
import * as reports from './screens/reports.js';
import * as audit from './screens/audit.js';
import * as admins from './screens/admins.js';
import * as invite from './screens/invite.js';
import * as discovery from './screens/discovery.js';
import * as exports from './screens/exports.js';
import * as publish from './screens/publish.js';
import * as received from './screens/received.js';
import * as invitations from './screens/invitations.js'; // issue 16
import * as partners from './screens/partners.js'; // issue 16
import * as supporters from './screens/supporters.js'; // issue 16
import * as spaces from './screens/spaces.js';

const NAV = [
  ['#/', 'nav.dashboard'], ['#/profile', 'nav.profile'], ['#/entries', 'nav.entries'],
  ['#/received', 'nav.received'], ['#/followers', 'nav.followers'], ['#/following', 'nav.following'],
  ['#/discovery', 'nav.discovery'], ['#/federation', 'nav.federation'],
  ['#/trust', 'nav.trust'], ['#/lists', 'nav.lists'], ['#/endorsements', 'nav.endorsements'], ['#/invitations', 'nav.invitations'], ['#/spaces', 'nav.spaces'],
  ['#/keys', 'nav.keys'], ['#/moderation', 'nav.moderation'],
  ['#/reports', 'nav.reports'], ['#/publish', 'nav.publish'], ['#/export', 'nav.export'],
  ['#/audit', 'nav.audit'], ['#/admins', 'nav.admins'],
];

/** What every screen gets: the current organization and a way to navigate. */
const app = {
  session: null,
  orgs: [],
  org: null,
  go(hash) { if (location.hash === hash) route(); else location.hash = hash; },
  // Where a signed-out visitor was going (e.g. #/following?follow=… from a remote-follow box).
  wanted: null,
  async signedIn(session) {
    app.session = session; setCsrf(session.csrfToken); await loadOrgs();
    const next = app.wanted || '#/'; app.wanted = null; app.go(next);
  },
};

function routeFor(hash) {
  const [path, search] = ((hash || '#/').replace(/^#/, '') || '/').split('?');
  const query = new URLSearchParams(search || '');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'invite' && parts[1]) return { screen: invite, arg: parts[1], open: true };
  if (parts[0] === 'login') return { screen: login, open: true };
  const table = {
    '': dashboard, profile, entries, followers: follows.followers, following: follows.following, federation,
    trust, lists, endorsements, keys, moderation, reports, audit, admins, discovery, export: exports, publish, received, invitations, partners, supporters, spaces,
  };
  const screen = table[parts[0] || ''];
  return screen ? { screen, arg: parts.slice(1).join('/'), query } : { screen: dashboard, query };
}

async function route() {
  const main = document.getElementById('main');
  const r = routeFor(location.hash);
  if (!r.open && !app.session) {
    if (location.hash && location.hash !== '#/') app.wanted = location.hash;
    renderShell(); clear(main); await login.render(main, app); focusHeading(main); return;
  }
  renderShell();
  clear(main);
  clearStatus();
  main.setAttribute('aria-busy', 'true');
  try {
    await r.screen.render(main, app, r.arg, r.query);
  } catch (err) {
    if (err && err.status === 401) return;
    main.append(h('div', { class: 'notice error', role: 'alert' }, t('error.load'), ' ', err.message || ''));
  } finally {
    main.removeAttribute('aria-busy');
  }
  focusHeading(main);
}

function focusHeading(main) {
  const h1 = main.querySelector('h1');
  if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus({ preventScroll: false }); }
}

function renderShell() {
  document.title = t('app.title');
  document.getElementById('brand').textContent = t('app.brand');
  document.getElementById('skip-link').textContent = t('app.skip');
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = lang() === 'ar' ? 'English' : 'العربية';
  toggle.setAttribute('lang', lang() === 'ar' ? 'en' : 'ar');
  toggle.setAttribute('aria-label', t('app.switchLanguage'));
  const logout = document.getElementById('logout');
  const nav = document.getElementById('nav');
  const menu = document.getElementById('menu-toggle');
  const orgName = document.getElementById('org-name');
  const signedIn = !!app.session;
  logout.hidden = !signedIn;
  logout.textContent = t('app.logout');
  nav.hidden = !signedIn;
  menu.hidden = !signedIn;
  menu.setAttribute('aria-label', t('app.menu'));
  orgName.textContent = signedIn && app.org ? orgLabel(app.org) : '';
  if (!signedIn) return;
  nav.setAttribute('aria-label', t('app.navigation'));
  const current = '#/' + ((location.hash || '#/').replace(/^#\//, '').split(/[/?]/)[0] || '');
  clear(nav).append(...[h('ul', null, NAV.map(([href, key]) => h('li', null,
    h('a', { href, 'aria-current': href === current ? 'page' : null,
      onclick: () => { if (window.matchMedia('(max-width: 48rem)').matches) setMenu(false); } }, t(key))))),
    app.orgs.length > 1 ? orgSwitcher() : null].filter(Boolean));
}

function orgSwitcher() {
  const select = h('select', { id: 'org-switch', onchange: (e) => {
    app.org = app.orgs.find(o => o.handle === e.target.value);
    localStorage.setItem('madani.org', app.org.handle);
    route();
  } }, app.orgs.map(o => h('option', { value: o.handle, selected: o.handle === app.org.handle }, orgLabel(o))));
  return h('div', { class: 'row org-switch' }, h('label', { for: 'org-switch' }, t('app.organization')), select);
}

function orgLabel(o) {
  const n = o.name || {};
  // U+2066/U+2069 isolate the Latin handle so "(@alef)" keeps its shape inside Arabic text.
  return (n[lang()] || n.ar || n.en || o.handle) + ' (\u2066@' + o.handle + '\u2069)';
}

function setMenu(open) {
  const nav = document.getElementById('nav');
  nav.classList.toggle('collapsed', !open);
  document.getElementById('menu-toggle').setAttribute('aria-expanded', String(open));
}

async function loadOrgs() {
  const r = await get('/api/v1/organizations');
  app.orgs = r.data.items || [];
  const saved = localStorage.getItem('madani.org');
  app.org = app.orgs.find(o => o.handle === saved) || app.orgs[0] || null;
}

async function logout() {
  try { await api('DELETE', '/admin/session'); } catch { /* gone already */ }
  app.session = null;
  setCsrf(null);
  announce(t('app.loggedOut'));
  app.go('#/login');
}

async function boot() {
  applyLang();
  whenUnauthorized(() => {
    if (app.session) announce(t('app.sessionEnded'), 'error');
    app.session = null;
    setCsrf(null);
    route();
  });
  document.getElementById('lang-toggle').addEventListener('click', () => {
    setLang(lang() === 'ar' ? 'en' : 'ar');
    clear(document.getElementById('status'));
    route();
  });
  document.getElementById('logout').addEventListener('click', logout);
  document.getElementById('menu-toggle').addEventListener('click', () =>
    setMenu(document.getElementById('menu-toggle').getAttribute('aria-expanded') !== 'true'));
  const phone = window.matchMedia('(max-width: 48rem)');
  setMenu(!phone.matches);
  phone.addEventListener('change', (e) => setMenu(!e.matches));
  try {
    const s = await api('GET', '/admin/session', undefined, { quiet401: true });
    app.session = s.data;
    setCsrf(s.data.csrfToken);
    await loadOrgs();
  } catch { app.session = null; }
  window.addEventListener('hashchange', route);
  await route();
  document.documentElement.dataset.ready = 'true';
}

boot();
