// Trust levels per node and the federation mode (open / allowlist).
// STUB: the trust API is being built in parallel. TODO(trust-api): align ENDPOINTS and LEVELS with
// it when it lands; until then a 404 shows the bilingual "not available yet" notice.
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { get, put } from '../api.js';
import { act, heading, notAvailable } from '../forms.js';

export const ENDPOINTS = {
  nodes: '/api/v1/trust/nodes',                                   // GET {items:[{host, level}]}
  node: (host) => '/api/v1/trust/nodes/' + encodeURIComponent(host), // PUT {level}
  mode: '/api/v1/trust/federation-mode',                          // GET/PUT {mode: open|allowlist}
};
const LEVELS = ['trusted', 'normal', 'limited', 'blocked'];
const MODES = ['open', 'allowlist'];

export async function render(main) {
  main.append(heading('trust.title'));
  let mode;
  try {
    mode = (await get(ENDPOINTS.mode)).data;
  } catch (err) {
    if (notAvailable(main, err)) return;
    throw err;
  }
  const modeSelect = h('select', { id: 'federation-mode' }, MODES.map(m =>
    h('option', { value: m, selected: m === mode.mode }, t('trust.mode.' + m))));
  const modeForm = h('form', { class: 'panel', id: 'mode-form', novalidate: true },
    field('federation-mode', t('trust.mode'), modeSelect, t('trust.modeHint')),
    h('button', { type: 'submit', class: 'primary' }, t('action.save')));
  modeForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    await act(modeForm.querySelector('button'), modeForm, () => put(ENDPOINTS.mode, { mode: modeSelect.value }), t('trust.saved'));
  });

  const host = h('input', { id: 'trust-host', type: 'text', dir: 'ltr', placeholder: 'node.example.org' });
  const level = h('select', { id: 'trust-level' }, LEVELS.map(l => h('option', { value: l }, t('trust.level.' + l))));
  const nodeForm = h('form', { class: 'panel', id: 'trust-form', novalidate: true },
    field('trust-host', t('trust.host'), host), field('trust-level', t('trust.level'), level),
    h('button', { type: 'submit', class: 'primary' }, t('action.save')));
  nodeForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const ok = await act(nodeForm.querySelector('button'), nodeForm,
      () => put(ENDPOINTS.node(host.value.trim()), { level: level.value }), t('trust.saved'));
    if (ok) { main.replaceChildren(); await render(main); }
  });
  main.append(modeForm, h('h2', null, t('trust.nodes')), nodeForm);
  const nodes = (await get(ENDPOINTS.nodes)).data.items || [];
  main.append(h('div', { class: 'table-wrap' }, h('table', { id: 'trust-nodes' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('trust.host')), h('th', { scope: 'col' }, t('trust.level')))),
    h('tbody', null, nodes.map(n => h('tr', null, h('td', { class: 'ltr' }, n.host),
      h('td', null, t('trust.level.' + n.level) || n.level)))))));
}
