// Trust: the federation mode (open / allowlist) and the levels this node keeps per remote node and
// per remote organization (protocol-spec/trust.md). Each row shows the stored level and the
// effective one (a blocked node blocks its organizations; following makes an organization "followed").
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { get, put, del } from '../api.js';
import { act, heading, table, ltr, refill } from '../forms.js';
import { announce } from '../status.js';

export const ENDPOINTS = {
  mode: '/api/v1/trust/mode',                                           // GET/PUT {mode}
  nodes: '/api/v1/trust/nodes',                                         // GET {items:[{subject, level, effective, note, source}]}
  node: (host) => '/api/v1/trust/nodes/' + encodeURIComponent(host),    // PUT {level, note} / DELETE
  actors: '/api/v1/trust/actors',                                       // GET {items:[…]}
  actor: (id) => '/api/v1/trust/actors/' + encodeURIComponent(id),      // PUT {level, note} / DELETE
};
// What an admin may set ("unknown" is removing the row; "followed" is derived, never set).
// Listed mildest first, so a form never starts on "Blocked".
const NODE_LEVELS = ['trusted', 'allowed', 'blocked'];
const ACTOR_LEVELS = ['trusted', 'allowed', 'limited', 'blocked'];
const MODES = ['open', 'allowlist'];

export async function render(main, app, arg) {
  main.append(heading('trust.title'), h('p', null, t('trust.explain')));
  const [mode, nodes] = await Promise.all([get(ENDPOINTS.mode), get(ENDPOINTS.nodes)]);
  main.append(modeSection(mode.data.mode, nodes.data.items || []));
  main.append(subjectSection({
    kind: 'node', id: 'trust', levels: NODE_LEVELS, title: 'trust.nodes', subjectLabel: 'trust.host',
    placeholder: 'node.example.org', list: ENDPOINTS.nodes, one: ENDPOINTS.node, initial: nodes.data.items || [],
    prefill: arg && arg.startsWith('node/') ? decodeURIComponent(arg.slice(5)) : '',
  }));
  main.append(subjectSection({
    kind: 'actor', id: 'trust-actor', levels: ACTOR_LEVELS, title: 'trust.actors', subjectLabel: 'trust.actor',
    placeholder: 'https://node.example.org/orgs/name', list: ENDPOINTS.actors, one: ENDPOINTS.actor,
    initial: (await get(ENDPOINTS.actors)).data.items || [], hint: t('trust.actorHint'),
  }));
}

function modeSection(current, nodes) {
  const listed = nodes.filter(n => n.level === 'allowed' || n.level === 'trusted').length;
  const currentText = h('p', { id: 'mode-current' }, t('trust.mode.current'), ' ',
    h('strong', { 'data-mode': current }, t('trust.mode.' + current)));
  const radios = MODES.map(m => h('div', { class: 'choice' },
    h('input', { type: 'radio', name: 'federation-mode', id: 'mode-' + m, value: m, checked: m === current,
      // The allowlist choice also points at the warning, so screen readers hear it with the choice.
      'aria-describedby': 'mode-' + m + '-hint' + (m === 'allowlist' ? ' allowlist-warning' : '') }),
    h('label', { for: 'mode-' + m }, t('trust.mode.' + m)),
    h('p', { class: 'hint', id: 'mode-' + m + '-hint' }, t('trust.mode.' + m + 'Hint'))));
  const understand = h('input', { type: 'checkbox', id: 'mode-understand' });
  const warning = h('div', { class: 'notice warn', id: 'allowlist-warning' },
    h('p', null, h('strong', null, t('trust.mode.warnTitle'))),
    h('p', null, t('trust.mode.warn')),
    h('p', { id: 'allowlist-count' }, t('trust.mode.listedCount'), ' ', h('strong', null, String(listed)),
      listed === 0 ? [' ', t('trust.mode.noneListed')] : null),
    h('div', { class: 'row' }, h('label', { class: 'check', for: 'mode-understand' }, understand, t('trust.mode.understand'))));
  const form = h('form', { class: 'panel', id: 'mode-form', novalidate: true },
    h('fieldset', { class: 'plain' }, h('legend', null, t('trust.mode')), radios),
    warning,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'mode-save' }, t('trust.mode.save'))));
  const chosen = () => form.querySelector('input[name=federation-mode]:checked').value;
  let saved = current;
  // The warning (and the "I understand" box) shows only when switching into allowlist mode.
  const sync = () => {
    warning.hidden = !(chosen() === 'allowlist' && saved !== 'allowlist');
    if (warning.hidden) understand.checked = false;
  };
  form.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const mode = chosen();
    if (mode === saved) { announce(t('trust.mode.unchanged')); return; }
    if (mode === 'allowlist' && !understand.checked) {
      announce(t('trust.mode.confirmFirst'), 'error');
      understand.focus();
      return;
    }
    const ok = await act(form.querySelector('#mode-save'), form, () => put(ENDPOINTS.mode, { mode }),
      t('trust.mode.saved.' + mode));
    if (ok) {
      saved = mode;
      currentText.querySelector('strong').textContent = t('trust.mode.' + mode);
      currentText.querySelector('strong').dataset.mode = mode;
      sync();
    }
  });
  return h('section', { id: 'mode-section', 'aria-labelledby': 'mode-heading' },
    h('h2', { id: 'mode-heading' }, t('trust.mode')), currentText, form);
}

/** Form plus table for one kind of subject (nodes or organizations). */
function subjectSection(o) {
  const subject = h('input', { id: o.id + '-' + (o.kind === 'node' ? 'host' : 'subject'), type: 'text', dir: 'ltr',
    placeholder: o.placeholder, autocomplete: 'off', spellcheck: 'false', value: o.prefill || '' });
  const level = h('select', { id: o.id + '-level' }, o.levels.map(l => h('option', { value: l }, t('trust.level.' + l))));
  const note = h('input', { id: o.id + '-note', type: 'text', maxlength: '500', autocomplete: 'off' });
  const form = h('form', { class: 'panel', id: o.id + '-form', novalidate: true },
    h('h3', null, t('trust.setLevel')),
    field(subject.id, t(o.subjectLabel), subject, o.hint),
    field(level.id, t('trust.level'), level),
    field(note.id, t('trust.note'), note, t('trust.noteHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: o.id + '-save' }, t('action.save'))));
  const listBox = h('div', { id: o.id + '-list', 'aria-live': 'off' });
  const reload = () => refill(listBox, async () => rows((await get(o.list)).data.items || []));

  const rows = (items) => {
    if (!items.length) return h('p', null, t(o.kind === 'node' ? 'trust.noNodes' : 'trust.noActors'));
    return table(o.id === 'trust' ? 'trust-nodes' : 'trust-actors', t(o.title),
      [o.subjectLabel, 'trust.stored', 'trust.effective', 'trust.note', 'entries.actions'],
      items.map(n => h('tr', { 'data-subject': n.subject, 'data-level': n.level, 'data-effective': n.effective },
        h('td', null, ltr(n.subject)),
        h('td', null, h('span', { class: 'badge level-' + n.level }, t('trust.level.' + n.level))),
        h('td', null, h('span', { class: 'badge level-' + n.effective }, t('trust.level.' + n.effective)),
          n.effective !== n.level ? h('p', { class: 'hint' }, t('trust.effectiveWhy')) : null),
        h('td', null, n.note || '', n.source ? h('p', { class: 'hint' }, t('trust.fromList'), ' ', ltr(n.source)) : null),
        h('td', null, h('div', { class: 'actions' },
          h('button', { type: 'button', 'data-action': 'change', onclick: () => {
            subject.value = n.subject;
            if (o.levels.includes(n.level)) level.value = n.level;
            note.value = n.note || '';
            level.focus();
          } }, t('trust.change'), h('span', { class: 'visually-hidden' }, ' ', n.subject)),
          h('button', { type: 'button', class: 'danger', 'data-action': 'remove', onclick: async (e) => {
            const ok = await act(e.target, listBox, () => del(o.one(n.subject)), t('trust.removed'));
            if (ok) { await reload(); subject.focus(); }
          } }, t('trust.remove'), h('span', { class: 'visually-hidden' }, ' ', n.subject)))))));
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = subject.value.trim();
    if (!value) { announce(t('trust.needSubject'), 'error'); subject.focus(); return; }
    const body = { level: level.value };
    if (note.value.trim()) body.note = note.value.trim();
    const ok = await act(form.querySelector('button[type=submit]'), form, () => put(o.one(value), body), t('trust.saved'));
    if (ok) {
      await reload();
      subject.value = '';
      note.value = '';
    }
  });
  listBox.append(rows(o.initial));
  return h('section', { id: o.id + '-section', 'aria-labelledby': o.id + '-heading' },
    h('h2', { id: o.id + '-heading' }, t(o.title)), form, listBox);
}
