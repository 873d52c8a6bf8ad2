// Export: downloads of the directory as CSV and as HSDS (Human Services Data Specification) JSON.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { heading } from '../forms.js';

const FILES = [
  ['export-entries', '/api/v1/export/entries.csv', 'export.entries', 'export.csv'],
  ['export-organizations', '/api/v1/export/organizations.csv', 'export.organizations', 'export.csv'],
  ['export-hsds', '/api/v1/export/hsds.json', 'export.hsds', 'export.json'],
];

export async function render(main) {
  main.append(heading('export.title'), h('p', null, t('export.explain')),
    h('ul', { class: 'plain links', id: 'exports' }, FILES.map(([id, href, label, format]) => h('li', null,
      // Same-origin download with the session cookie; the browser saves the file.
      h('a', { id, class: 'button', href, download: '' }, t(label)), ' ', h('span', { class: 'hint' }, t(format))))));
}
