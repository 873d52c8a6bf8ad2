// Shared block and allow lists (protocol-spec/trust.md "Shared lists"): export, import with a
// preview before anything changes, publication for peers, subscriptions and their pending changes.
import { h, field } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get, post, put, del } from '../api.js';
import { act, heading, table, ltr, refill } from '../forms.js';
import { announce } from '../status.js';

export const ENDPOINTS = {
  export: (name, format) => '/api/v1/trust/lists/' + name + '.' + format,
  published: (name) => '/trust/lists/' + name + '.json',          // public; 404 while publication is off
  preview: '/api/v1/trust/lists/preview',                          // POST {format, list, content}
  import: '/api/v1/trust/lists/import',                            // POST {format, list, content}
  publication: '/api/v1/trust/lists/publication',                  // PUT {publish}
  subscriptions: '/api/v1/trust/subscriptions',                    // GET / POST {url}
  subscription: (id) => '/api/v1/trust/subscriptions/' + encodeURIComponent(id),  // DELETE; POST …/refresh
  changes: '/api/v1/trust/changes?state=pending',
  decide: (id, d) => '/api/v1/trust/changes/' + encodeURIComponent(id) + '/' + d, // POST approve|reject
};
const MAX_FILE = 1024 * 1024;

export async function render(main, app) {
  main.append(heading('lists.title'), h('p', null, t('lists.explain')));
  main.append(exportSection(app), await publicationSection(), importSection());
  const pending = h('div', { id: 'pending-box' });
  const reloadChanges = () => refill(pending, changesTable);
  main.append(await subscriptionsSection(reloadChanges),
    h('section', { 'aria-labelledby': 'changes-heading' }, h('h2', { id: 'changes-heading' }, t('lists.pending')),
      h('p', { class: 'hint' }, t('lists.pendingHint')), pending));
  await reloadChanges();
}

function exportSection(app) {
  const link = (name, format) => {
    // Signed JSON is signed with the current organization's key.
    const href = ENDPOINTS.export(name, format) + (format === 'json' && app.org ? '?as=' + encodeURIComponent(app.org.handle) : '');
    return h('li', null, h('a', { href, download: name + '.' + format, id: 'export-' + name + '-' + format },
      t('lists.' + name), ' (', format === 'csv' ? t('lists.csv') : t('lists.json'), ')'));
  };
  return h('section', { 'aria-labelledby': 'export-heading' }, h('h2', { id: 'export-heading' }, t('lists.export')),
    h('ul', { class: 'links' }, link('blocks', 'csv'), link('blocks', 'json'), link('allows', 'csv'), link('allows', 'json')));
}

async function publicationSection() {
  // There is no GET for the setting; the public list answers 200 exactly when publication is on.
  let on = false;
  try {
    const r = await fetch(ENDPOINTS.published('blocks'), { credentials: 'omit', cache: 'no-store', redirect: 'error' });
    on = r.ok;
  } catch { on = false; }
  const box = h('input', { type: 'checkbox', id: 'publish', checked: on, 'aria-describedby': 'publish-hint' });
  const form = h('form', { class: 'panel', id: 'publish-form', novalidate: true },
    h('div', { class: 'row' }, h('label', { class: 'check', for: 'publish' }, box, t('lists.publish'))),
    h('p', { class: 'hint', id: 'publish-hint' }, t('lists.publishHint'), ' ',
      ltr(location.origin + ENDPOINTS.published('blocks')), ' ', ltr(location.origin + ENDPOINTS.published('allows'))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'publish-save' }, t('action.save'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await act(form.querySelector('button'), form, () => put(ENDPOINTS.publication, { publish: box.checked }),
      box.checked ? t('lists.published') : t('lists.unpublished'));
  });
  return h('section', { 'aria-labelledby': 'publish-heading' }, h('h2', { id: 'publish-heading' }, t('lists.publication')), form);
}

function importSection() {
  const format = h('select', { id: 'import-format' },
    h('option', { value: 'csv' }, t('lists.csv')), h('option', { value: 'json' }, t('lists.json')));
  const list = h('select', { id: 'import-list' },
    h('option', { value: 'blocks' }, t('lists.blocks')), h('option', { value: 'allows' }, t('lists.allows')));
  const listRow = field('import-list', t('lists.which'), list, t('lists.whichHint'));
  const file = h('input', { type: 'file', id: 'import-file', accept: '.csv,.json,text/csv,application/json' });
  const content = h('textarea', { id: 'import-content', dir: 'ltr', spellcheck: 'false',
    placeholder: 'type,subject,level,note\nnode,spam.example.org,blocked,' });
  const result = h('div', { id: 'import-result', 'aria-live': 'polite' });
  const preview = h('button', { type: 'submit', class: 'primary', id: 'import-preview' }, t('lists.preview'));
  const form = h('form', { class: 'panel', id: 'import-form', novalidate: true },
    field('import-format', t('lists.format'), format), listRow,
    field('import-file', t('lists.file'), file, t('lists.fileHint')),
    field('import-content', t('lists.content'), content),
    h('div', { class: 'actions' }, preview), result);
  const sync = () => { listRow.hidden = format.value !== 'csv'; };
  format.addEventListener('change', () => { sync(); result.replaceChildren(); });
  content.addEventListener('input', () => result.replaceChildren()); // a preview is only good for what it showed
  sync();
  file.addEventListener('change', async () => {
    const f = file.files && file.files[0];
    if (!f) return;
    if (f.size > MAX_FILE) { announce(t('lists.tooLarge'), 'error'); return; }
    content.value = await f.text();
    if (/\.json$/i.test(f.name)) format.value = 'json';
    else if (/\.csv$/i.test(f.name)) format.value = 'csv';
    sync();
    result.replaceChildren();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!content.value.trim()) { announce(t('lists.needContent'), 'error'); content.focus(); return; }
    const body = { format: format.value, list: list.value, content: content.value };
    let changes = null;
    const ok = await act(preview, form, async () => { changes = (await post(ENDPOINTS.preview, body)).data.changes; });
    if (!ok) return;
    result.replaceChildren(...previewResult(body, changes, result));
    announce(changes.length ? t('lists.previewReady') : t('lists.noChanges'));
  });
  return h('section', { 'aria-labelledby': 'import-heading' }, h('h2', { id: 'import-heading' }, t('lists.import')),
    h('p', { class: 'hint' }, t('lists.importHint')), form);
}

function changeRows(changes) {
  return changes.map(c => h('tr', { 'data-subject': c.subject },
    h('td', null, t('lists.type.' + c.type)), h('td', null, ltr(c.subject)),
    h('td', null, t('trust.level.' + c.from), ' → ', t('trust.level.' + c.to)), h('td', null, c.note || '')));
}

function previewResult(body, changes, result) {
  if (!changes.length) return [h('p', { id: 'import-nothing' }, t('lists.noChanges'))];
  const apply = h('button', { type: 'button', class: 'primary', id: 'import-apply' }, t('lists.apply'));
  apply.addEventListener('click', async () => {
    let applied = [];
    const ok = await act(apply, result, async () => { applied = (await post(ENDPOINTS.import, body)).data.changes; },
      t('lists.applied'));
    if (ok) result.replaceChildren(h('p', { id: 'import-done', class: 'notice ok' }, t('lists.appliedCount'), ' ', String(applied.length)));
  });
  return [h('h3', null, t('lists.wouldChange')),
    table('import-changes', t('lists.wouldChange'), ['lists.typeCol', 'lists.subject', 'lists.levels', 'trust.note'],
      changeRows(changes)),
    h('div', { class: 'actions' }, apply)];
}

async function subscriptionsSection(reloadChanges) {
  const url = h('input', { id: 'subscribe-url', type: 'url', dir: 'ltr', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'https://node.example.org/trust/lists/blocks.json' });
  const form = h('form', { class: 'panel', id: 'subscribe-form', novalidate: true },
    field('subscribe-url', t('lists.subscribeUrl'), url, t('lists.subscribeHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'subscribe-submit' }, t('lists.subscribe'))));
  const box = h('div', { id: 'subscriptions-box' });
  const reload = () => refill(box, async () => {
    const items = (await get(ENDPOINTS.subscriptions)).data.items || [];
    if (!items.length) return h('p', null, t('lists.noSubscriptions'));
    return table('subscriptions', t('lists.subscriptions'),
      ['lists.url', 'lists.issuer', 'lists.lastFetched', 'entries.actions'],
      items.map(s => h('tr', { 'data-id': s.id },
        h('td', null, ltr(s.url)), h('td', null, s.issuer ? ltr(s.issuer) : '—'),
        h('td', null, s.lastFetched ? formatTime(s.lastFetched) : t('lists.never'),
          s.lastError ? h('p', { class: 'hint error-text' }, t('lists.lastError'), ' ', ltr(s.lastError)) : null),
        h('td', null, h('div', { class: 'actions' },
          h('button', { type: 'button', 'data-action': 'refresh', onclick: async (e) => {
            const ok = await act(e.target, box, () => post(ENDPOINTS.subscription(s.id) + '/refresh'), t('lists.refreshed'));
            if (ok) { await reload(); await reloadChanges(); }
          } }, t('lists.refresh')),
          h('button', { type: 'button', class: 'danger', 'data-action': 'unsubscribe', onclick: async (e) => {
            const ok = await act(e.target, box, () => del(ENDPOINTS.subscription(s.id)), t('lists.unsubscribed'));
            if (ok) { await reload(); await reloadChanges(); url.focus(); }
          } }, t('lists.unsubscribe')))))));
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!url.value.trim()) { url.focus(); return; }
    const ok = await act(form.querySelector('button'), form, () => post(ENDPOINTS.subscriptions, { url: url.value.trim() }),
      t('lists.subscribed'));
    if (ok) { url.value = ''; await reload(); }
  });
  await reload();
  return h('section', { 'aria-labelledby': 'subscriptions-heading' },
    h('h2', { id: 'subscriptions-heading' }, t('lists.subscriptions')), form, box);
}

async function changesTable() {
  const items = (await get(ENDPOINTS.changes)).data.items || [];
  if (!items.length) return h('p', { id: 'no-pending-changes' }, t('lists.noPending'));
  return table('pending-changes', t('lists.pending'), ['lists.typeCol', 'lists.subject', 'lists.levels', 'trust.note', 'entries.actions'],
    items.map(c => {
      const row = h('tr', { 'data-id': c.id, 'data-subject': c.subject }, [...changeRows([c])[0].children]);
      const decide = (d) => async (e) => {
        const ok = await act(e.target, row.closest('div') || row, () => post(ENDPOINTS.decide(c.id, d)),
          d === 'approve' ? t('lists.approved') : t('lists.rejected'));
        if (ok) row.remove();
      };
      row.append(h('td', null, h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', 'data-action': 'approve', onclick: decide('approve') }, t('lists.approve')),
        h('button', { type: 'button', class: 'danger', 'data-action': 'reject', onclick: decide('reject') }, t('lists.reject')))));
      return row;
    }));
}
