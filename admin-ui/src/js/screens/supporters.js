// Supporters (issue 16 item 5): funders, partners and partner institutions as the organization's
// own records — added, changed and removed here — and which of them support each project (or any
// other entry), shown on that entry's public page under "Supported by".
import { h, field, pick } from '../dom.js';
import { t, lang } from '../i18n.js';
import { get, post, put, del, orgPath } from '../api.js';
import { act, heading, table, ltr, refill, bilingual, readBilingual, setOrDelete } from '../forms.js';
import { announce } from '../status.js';

export const ENDPOINTS = {
  list: (org) => orgPath(org, '/supporters'),                                          // GET {items}, POST
  one: (org, id) => orgPath(org, '/supporters/' + id),                                 // PUT, DELETE
  entries: (org) => orgPath(org, '/entries?pageSize=100'),                             // GET {items}
  ofEntry: (org, id) => orgPath(org, '/entries/' + encodeURIComponent(id) + '/supporters'), // GET, PUT {supporters}
};

const KINDS = ['funder', 'partner', 'institution'];

export async function render(main, app) {
  const handle = app.org.handle;
  main.append(heading('supporters.title'), h('p', null, t('supporters.explain')));
  let supporters = [];
  let editing = null;

  const kind = h('select', { id: 'supporter-kind', 'data-pointer': '/kind' },
    KINDS.map(k => h('option', { value: k }, t('supporters.kind.' + k))));
  const country = h('input', { id: 'supporter-country', type: 'text', dir: 'ltr', maxlength: '2',
    autocomplete: 'off', 'data-pointer': '/country' });
  const url = h('input', { id: 'supporter-url', type: 'url', dir: 'ltr', placeholder: 'https://', 'data-pointer': '/url' });
  const names = h('div', { id: 'supporter-names' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'supporter-save' }, t('supporters.add'));
  const cancel = h('button', { type: 'button', id: 'supporter-cancel', hidden: true }, t('action.cancel'));
  const formHeading = h('h2', { id: 'supporter-form-heading' }, t('supporters.new'));
  const form = h('form', { class: 'panel', id: 'supporter-form', novalidate: true },
    formHeading, names,
    field('supporter-kind', t('supporters.kind'), kind),
    field('supporter-country', t('supporters.country'), country, t('supporters.countryHint')),
    field('supporter-url', t('supporters.url'), url),
    h('div', { class: 'actions' }, submit, cancel));

  const fill = (s) => {
    editing = s ? s.id : null;
    names.replaceChildren(bilingual('supporter-name', t('supporters.name'), s ? s.name : null, { required: true }));
    names.firstChild.setAttribute('data-pointer', '/name');
    kind.value = s ? s.kind : 'funder';
    country.value = (s && s.country) || '';
    url.value = (s && s.url) || '';
    formHeading.textContent = t(s ? 'supporters.editing' : 'supporters.new');
    submit.textContent = t(s ? 'action.save' : 'supporters.add');
    cancel.hidden = !s;
  };
  cancel.addEventListener('click', () => fill(null));

  const list = h('div', { id: 'supporters-list' });
  const links = h('div', { id: 'supporter-links' });
  const reload = async () => {
    supporters = (await get(ENDPOINTS.list(handle))).data.items || [];
    await refill(list, async () => supporters.length
      ? table('supporters', t('supporters.title'),
        ['supporters.name', 'supporters.kind', 'supporters.country', 'supporters.url', 'entries.actions'],
        supporters.map(s => h('tr', { 'data-supporter': s.id },
          h('td', { class: 'name' }, pick(s.name, lang())),
          h('td', null, t('supporters.kind.' + s.kind)),
          h('td', null, s.country ? ltr(s.country) : ''),
          h('td', null, s.url ? ltr(s.url) : ''),
          h('td', null,
            h('button', { type: 'button', 'data-edit': s.id, onclick: () => { fill(s); form.querySelector('#supporter-name-ar').focus(); } },
              t('supporters.edit')),
            ' ',
            h('button', { type: 'button', class: 'danger', 'data-remove': s.id, onclick: async (ev) => {
              if (!confirm(t('supporters.confirmRemove'))) return;
              const ok = await act(ev.target, list, () => del(ENDPOINTS.one(handle, s.id)), t('supporters.removed'));
              if (ok) { if (editing === s.id) fill(null); await reload(); }
            } }, t('supporters.remove'))))))
      : h('p', { id: 'supporters-none' }, t('supporters.none')));
    await refill(links, () => linker(handle, supporters));
    // How many times the screen has been drawn from the server: a step that reloads it is done
    // when this grows (the browser tests wait on it).
    links.dataset.loads = String(Number(links.dataset.loads || 0) + 1);
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { kind: kind.value };
    setOrDelete(body, 'name', readBilingual(form, 'supporter-name'));
    setOrDelete(body, 'country', country.value.trim().toUpperCase());
    setOrDelete(body, 'url', url.value.trim());
    const id = editing;
    const ok = await act(submit, form, () => id == null ? post(ENDPOINTS.list(handle), body) : put(ENDPOINTS.one(handle, id), body),
      t(id == null ? 'supporters.added' : 'supporters.saved'));
    if (ok) { fill(null); await reload(); }
  });

  fill(null);
  main.append(form,
    h('section', { 'aria-labelledby': 'supporters-list-heading' }, h('h2', { id: 'supporters-list-heading' }, t('supporters.listHeading')), list),
    h('section', { 'aria-labelledby': 'supporter-links-heading' }, h('h2', { id: 'supporter-links-heading' }, t('supporters.links')),
      h('p', null, t('supporters.linksExplain')), links));
  await reload();
}

/** Which supporters support one entry (projects first): a checkbox per supporter. */
async function linker(handle, supporters) {
  const entries = ((await get(ENDPOINTS.entries(handle))).data.items || [])
    .sort((a, b) => (a.kind === 'project' ? 0 : 1) - (b.kind === 'project' ? 0 : 1));
  if (!entries.length) return h('p', null, t('supporters.noEntries'));
  if (!supporters.length) return h('p', null, t('supporters.none'));
  const select = h('select', { id: 'supporter-entry' }, entries.map(e =>
    h('option', { value: e.id }, (pick(e.title, lang()) || e.id) + ' — ' + t('kind.' + e.kind))));
  const boxes = h('fieldset', { id: 'supporter-checks' }, h('legend', null, t('supporters.supportedBy')),
    supporters.map(s => h('div', { class: 'row check' },
      h('input', { type: 'checkbox', id: 'link-' + s.id, value: String(s.id) }),
      h('label', { for: 'link-' + s.id }, pick(s.name, lang())))));
  const save = h('button', { type: 'submit', class: 'primary', id: 'supporter-links-save' }, t('action.save'));
  const form = h('form', { class: 'panel', id: 'supporter-links-form', novalidate: true },
    field('supporter-entry', t('supporters.entry'), select), boxes, h('div', { class: 'actions' }, save));
  const load = async () => {
    const linked = new Set(((await get(ENDPOINTS.ofEntry(handle, select.value))).data.items || []).map(s => s.id));
    for (const box of boxes.querySelectorAll('input[type=checkbox]')) box.checked = linked.has(Number(box.value));
  };
  select.addEventListener('change', load);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const ids = Array.from(boxes.querySelectorAll('input:checked')).map(b => Number(b.value));
    await act(save, form, () => put(ENDPOINTS.ofEntry(handle, select.value), { supporters: ids }), t('supporters.linksSaved'));
  });
  await load();
  return form;
}
