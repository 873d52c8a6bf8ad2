// Trust levels per node and the federation mode (open / allowlist).
// STUB: the trust API is being built in parallel. TODO(trust-api): align ENDPOINTS and LEVELS with
// it when it lands; until then each part whose GET answers 404 shows the "not available yet" notice.
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { get, put } from '../api.js';
import { act, heading, notAvailable } from '../forms.js';

export const ENDPOINTS = {
  nodes: '/api/v1/trust/nodes',                                      // GET {items:[{host, level}]}
  node: (host) => '/api/v1/trust/nodes/' + encodeURIComponent(host), // PUT {level}
  mode: '/api/v1/trust/federation-mode',                             // GET/PUT {mode: open|allowlist}
};
const LEVELS = ['trusted', 'normal', 'limited', 'blocked'];
const MODES = ['open', 'allowlist'];

export async function render(main) {
  main.append(heading('trust.title'));
  const modeSection = h('section', { id: 'mode-section' });
  const nodesSection = h('section', { id: 'nodes-section' });
  main.append(modeSection, h('h2', null, t('trust.nodes')), nodesSection);
  await Promise.all([renderMode(modeSection), renderNodes(nodesSection, main)]);
}

async function renderMode(section) {
  let mode;
  try {
    mode = (await get(ENDPOINTS.mode)).data;
  } catch (err) {
    if (notAvailable(section, err)) return;
    throw err;
  }
  const select = h('select', { id: 'federation-mode' }, MODES.map(m =>
    h('option', { value: m, selected: m === mode.mode }, t('trust.mode.' + m))));
  const form = h('form', { class: 'panel', id: 'mode-form', novalidate: true },
    field('federation-mode', t('trust.mode'), select, t('trust.modeHint')),
    h('button', { type: 'submit', class: 'primary' }, t('action.save')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await act(form.querySelector('button'), form, () => put(ENDPOINTS.mode, { mode: select.value }), t('trust.saved'));
  });
  section.append(form);
}

async function renderNodes(section, main) {
  // The form is shown even before the list API answers: setting a level is a PUT of its own.
  const host = h('input', { id: 'trust-host', type: 'text', dir: 'ltr', placeholder: 'node.example.org', autocomplete: 'off' });
  const level = h('select', { id: 'trust-level' }, LEVELS.map(l => h('option', { value: l }, t('trust.level.' + l))));
  const form = h('form', { class: 'panel', id: 'trust-form', novalidate: true },
    field('trust-host', t('trust.host'), host), field('trust-level', t('trust.level'), level),
    h('button', { type: 'submit', class: 'primary' }, t('action.save')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!host.value.trim()) return;
    const ok = await act(form.querySelector('button'), form,
      () => put(ENDPOINTS.node(host.value.trim()), { level: level.value }), t('trust.saved'));
    if (ok) { main.replaceChildren(); await render(main); }
  });
  section.append(form);
  let nodes;
  try {
    nodes = (await get(ENDPOINTS.nodes)).data.items || [];
  } catch (err) {
    if (notAvailable(section, err)) return;
    throw err;
  }
  section.append(h('div', { class: 'table-wrap' }, h('table', { id: 'trust-nodes' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('trust.host')), h('th', { scope: 'col' }, t('trust.level')))),
    h('tbody', null, nodes.map(n => h('tr', { 'data-host': n.host }, h('td', { class: 'ltr' }, n.host),
      h('td', null, t('trust.level.' + n.level))))))));
}
