// Moderation: reports (Flag) received from other nodes, resolved by an admin — a report is a claim,
// not a verdict, so nothing happens automatically — and actions on remote content: suspend (blocked),
// limit (kept, out of the directory), restore (back to unknown), remove (one stored object).
import { h, field } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get, post } from '../api.js';
import { act, heading, table, ltr, refill } from '../forms.js';
import { announce } from '../status.js';

export const ENDPOINTS = {
  reports: (state) => '/api/v1/moderation/reports?direction=received' + (state ? '&state=' + state : ''),
  resolve: (id) => '/api/v1/moderation/reports/' + encodeURIComponent(id) + '/resolve', // POST {resolution}
  actions: '/api/v1/moderation/actions',                                               // POST {action, target, reason}
};
// Mildest first: the form never starts on suspending an organization.
const ACTIONS = ['limit', 'restore', 'remove', 'suspend'];
const STATES = ['open', 'resolved', ''];

export async function render(main) {
  main.append(heading('moderation.title'), h('p', null, t('moderation.explain')));
  const actionForm = actionSection();
  const state = h('select', { id: 'report-state' }, STATES.map(s => h('option', { value: s }, t('moderation.state.' + (s || 'all')))));
  const box = h('div', { id: 'reports-box' });
  const reload = () => refill(box, async () => reportsTable((await get(ENDPOINTS.reports(state.value))).data.items || [],
    reload, actionForm));
  state.addEventListener('change', reload);
  main.append(h('section', { 'aria-labelledby': 'queue-heading' },
    h('h2', { id: 'queue-heading' }, t('moderation.queue')),
    h('div', { class: 'row narrow' }, h('label', { for: 'report-state' }, t('moderation.show')), state), box),
  actionForm.section);
  await reload();
}

function reportsTable(items, reload, actionForm) {
  if (!items.length) return h('p', { id: 'no-reports' }, t('moderation.empty'));
  return table('reports', t('moderation.queue'),
    ['moderation.reporter', 'moderation.about', 'moderation.comment', 'moderation.received', 'moderation.stateCol', 'entries.actions'],
    items.map(r => {
      const targets = Array.isArray(r.targets) ? r.targets : [];
      const row = h('tr', { 'data-report': r.id, 'data-state': r.state },
        h('td', null, ltr(r.reporter)),
        h('td', null, h('ul', { class: 'plain' }, targets.map(x => h('li', null, ltr(x))))),
        h('td', null, r.comment || ''),
        h('td', null, formatTime(r.created)),
        h('td', null, h('span', { class: 'badge' }, t('moderation.state.' + r.state)),
          r.resolution ? h('p', { class: 'hint' }, r.resolution) : null));
      const cell = h('td', null);
      if (r.state === 'open') {
        const noteId = 'resolution-' + r.id;
        const note = h('input', { type: 'text', id: noteId, maxlength: '500', autocomplete: 'off' });
        const resolve = h('button', { type: 'button', class: 'primary', 'data-action': 'resolve' }, t('moderation.resolve'));
        resolve.addEventListener('click', async () => {
          const body = note.value.trim() ? { resolution: note.value.trim() } : {};
          const ok = await act(resolve, cell, () => post(ENDPOINTS.resolve(r.id), body), t('moderation.resolved'));
          if (ok) { await reload(); document.getElementById('report-state').focus(); }
        });
        cell.append(h('div', { class: 'row' }, h('label', { for: noteId }, t('moderation.resolution')), note),
          h('div', { class: 'actions' }, resolve,
            targets.length ? h('button', { type: 'button', 'data-action': 'act', onclick: () => actionForm.prefill(targets[0]) },
              t('moderation.actOn')) : null));
      }
      row.append(cell);
      return row;
    }));
}

function actionSection() {
  const action = h('select', { id: 'action-kind' }, ACTIONS.map(a => h('option', { value: a }, t('moderation.action.' + a))));
  const hint = h('p', { class: 'hint', id: 'action-kind-hint' });
  action.setAttribute('aria-describedby', 'action-kind-hint');
  const target = h('input', { id: 'action-target', type: 'url', dir: 'ltr', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'https://node.example.org/orgs/name' });
  const reason = h('input', { id: 'action-reason', type: 'text', maxlength: '400', autocomplete: 'off' });
  const form = h('form', { class: 'panel', id: 'action-form', novalidate: true },
    h('div', { class: 'row' }, h('label', { for: 'action-kind' }, t('moderation.action')), action, hint),
    field('action-target', t('moderation.target'), target, t('moderation.targetHint')),
    field('action-reason', t('moderation.reason'), reason, t('moderation.reasonHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger', id: 'action-submit' }, t('moderation.apply'))));
  const sync = () => { hint.textContent = t('moderation.action.' + action.value + 'Hint'); };
  action.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!target.value.trim()) { announce(t('moderation.needTarget'), 'error'); target.focus(); return; }
    // Removing drops stored content for good; the others can be undone with "restore".
    if (action.value === 'remove' && !window.confirm(t('moderation.confirmRemove'))) return;
    const body = { action: action.value, target: target.value.trim() };
    if (reason.value.trim()) body.reason = reason.value.trim();
    const ok = await act(form.querySelector('button'), form, () => post(ENDPOINTS.actions, body),
      t('moderation.done.' + action.value));
    if (ok) { target.value = ''; reason.value = ''; }
  });
  const section = h('section', { 'aria-labelledby': 'actions-heading' },
    h('h2', { id: 'actions-heading' }, t('moderation.actions')), form,
    h('p', null, h('a', { href: '#/trust' }, t('moderation.seeTrust'))));
  return {
    section,
    prefill(value) {
      target.value = value;
      action.focus();
      section.scrollIntoView({ block: 'start' });
    },
  };
}
