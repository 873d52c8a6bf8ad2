// Directory reports (counts of organizations and entries per period, by sector and region):
// publish one now as a report entry of this organization, schedule monthly and quarterly ones,
// and see the published ones.
import { h, field, pick } from '../dom.js';
import { t, lang, formatTime } from '../i18n.js';
import { get, post, put, orgPath } from '../api.js';
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
  main.append(form, await scheduleForm(app), h('p', null, h('a', { href: '/reports', id: 'public-reports' }, t('publish.public'))));
  await list(main, app);
}

/** Monthly and quarterly reports published by the node once each period has ended. */
async function scheduleForm(app) {
  const path = orgPath(app.org.handle, '/report-schedule');
  const current = (await get(path)).data;
  const monthly = h('input', { type: 'checkbox', id: 'schedule-monthly', checked: current.monthly });
  const quarterly = h('input', { type: 'checkbox', id: 'schedule-quarterly', checked: current.quarterly });
  const next = h('p', { class: 'hint', id: 'schedule-next' });
  const show = (s) => next.replaceChildren(...[
    s.monthly ? t('schedule.nextMonthly').replace('{date}', day(s.nextMonthlyOn)) : null,
    s.monthly && s.quarterly ? ' ' : null,
    s.quarterly ? t('schedule.nextQuarterly').replace('{date}', day(s.nextQuarterlyOn)) : null,
    !s.monthly && !s.quarterly ? t('schedule.off') : null].filter(x => x));
  show(current);
  const form = h('form', { id: 'schedule-form', class: 'panel', novalidate: true },
    h('h2', null, t('schedule.title')), h('p', { class: 'hint' }, t('schedule.explain')),
    h('div', { class: 'row' }, h('label', { class: 'check', for: 'schedule-monthly' }, monthly, t('schedule.monthly'))),
    h('div', { class: 'row' }, h('label', { class: 'check', for: 'schedule-quarterly' }, quarterly, t('schedule.quarterly'))),
    next,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'schedule-save' }, t('action.save'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let saved = null;
    await act(form.querySelector('#schedule-save'), form, async () => {
      saved = (await put(path, { monthly: monthly.checked, quarterly: quarterly.checked })).data;
    }, t('schedule.saved'));
    if (saved) show(saved);
  });
  return form;
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

/** A calendar day (YYYY-MM-DD, UTC) in the UI's language. */
function day(iso) {
  const d = new Date(iso + 'T00:00:00Z');
  if (Number.isNaN(d.getTime())) return iso || '';
  return new Intl.DateTimeFormat(lang() === 'ar' ? 'ar-SY' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}
