// Directory reports (counts of organizations and entries per period, by sector and region):
// publish one now as a report entry of this organization, and see the published ones.
import { h, field, pick } from '../dom.js';
import { t, lang, formatTime } from '../i18n.js';
import { get, post, orgPath } from '../api.js';
import { act, heading } from '../forms.js';

export async function render(main, app) {
  main.append(heading('publish.title'), h('p', null, t('publish.explain')));
  const period = h('select', { id: 'publish-period' }, ['month', 'quarter', 'year'].map(p =>
    h('option', { value: p, selected: p === 'quarter' }, t('publish.period.' + p))));
  const result = h('div', { id: 'publish-result', role: 'status' });
  const form = h('form', { id: 'publish-form', class: 'panel', novalidate: true },
    field('publish-period', t('publish.period'), period, t('publish.periodHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'publish-submit' }, t('publish.now'))),
    result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let made = null;
    const ok = await act(form.querySelector('#publish-submit'), form, async () => {
      made = (await post(orgPath(app.org.handle, '/reports/publish'), { period: period.value })).data;
    }, t('publish.done'));
    if (ok && made) {
      result.replaceChildren(h('p', null, t('publish.done'), ' ',
        h('a', { href: '#/entries/' + encodeURIComponent(made.id), id: 'published-link' }, t('publish.open'))));
      await list(main, app);
    }
  });
  main.append(form, h('p', null, h('a', { href: '/reports', id: 'public-reports' }, t('publish.public'))));
  await list(main, app);
}

async function list(main, app) {
  const title = (r) => pick(r.title, lang()) || r.id;
  // Newest first; reports published in the same second keep one order (by title).
  const items = (await get(orgPath(app.org.handle, '/entries?kind=report&pageSize=50'))).data.items.slice()
    .sort((x, y) => String(y.updated || '').localeCompare(String(x.updated || '')) || title(x).localeCompare(title(y)));
  const box = main.querySelector('#published') || main.appendChild(h('section', { id: 'published' }));
  box.replaceChildren(h('h2', null, t('publish.list')),
    items.length ? h('ul', null, items.map(r => h('li', null, h('a', { href: '#/entries/' + encodeURIComponent(r.id) },
      pick(r.title, lang()) || r.id), r.published ? ' — ' + formatTime(r.published) : '')))
      : h('p', null, t('publish.none')));
}
