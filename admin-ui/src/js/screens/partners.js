// Partners and knowledge (issue 16, protocol-spec/collab.md §4-§6): partner matches with their
// reasons in words and "express interest" (a signed message to one organization, answered here);
// questions asked to followers and answered across nodes, with an accepted answer; attestations of
// what we checked about another organization's entry, and corrections of our own entries.
import { h, field, pick } from '../dom.js';
import { t, lang, formatTime } from '../i18n.js';
import { get, post, orgPath } from '../api.js';
import { act, heading, table, ltr, refill, bilingual, readBilingual } from '../forms.js';

export const ENDPOINTS = {
  matches: (org) => orgPath(org, '/matches'),                          // GET {items}
  interests: (org) => orgPath(org, '/interests'),                      // GET {items} / POST {to, about, message}
  answerInterest: (org, id) => orgPath(org, '/interests/' + id + '/answer'), // POST {answer, message}
  questions: (org) => orgPath(org, '/questions'),                      // GET {asked, received} / POST {name, content}
  answer: (org) => orgPath(org, '/answers'),                           // POST {question, content}
  accept: (org, qid) => orgPath(org, '/questions/' + qid + '/accepted'), // POST {answer}
  attest: (org) => orgPath(org, '/attestations'),                      // POST {subject, verifiedOn, method}
  entries: (org) => orgPath(org, '/entries?visibility=public&pageSize=100'), // GET {items}
  correct: (org, id) => orgPath(org, '/entries/' + encodeURIComponent(id) + '/corrections'), // POST {kind, note}
};

export async function render(main, app) {
  const handle = app.org.handle;
  const me = app.org.url || '';
  main.append(heading('partners.title'), h('p', null, t('partners.explain')));

  // Matches, and "express interest" from each one
  const message = h('textarea', { id: 'interest-message', maxlength: '2000', rows: '2' });
  const matches = h('div', { id: 'matches-list' });
  const interests = h('div', { id: 'interests-list' });
  const reloadInterests = async () => refill(interests, async () => {
    const items = (await get(ENDPOINTS.interests(handle))).data.items || [];
    if (!items.length) return h('p', null, t('partners.noInterests'));
    return table('interests', t('partners.interests'),
      ['partners.direction', 'partners.organization', 'partners.message', 'partners.state', 'entries.actions'],
      items.map(i => {
        const reply = h('input', { type: 'text', maxlength: '2000', 'aria-label': t('partners.reply'),
          'data-reply': i.id });
        return h('tr', { 'data-interest': i.id, 'data-direction': i.direction, 'data-state': i.state },
          h('td', null, t('partners.direction.' + i.direction)),
          h('td', null, ltr(i.organization)),
          h('td', null, h('span', { dir: 'auto' }, i.message || ''), i.answer ? [h('br'), h('em', { dir: 'auto' }, i.answer)] : null),
          h('td', { class: 'state' }, t('partners.state.' + i.state)),
          h('td', null, i.direction === 'received' && i.state === 'open' ? [reply, ['accept', 'decline'].map(answer =>
            h('button', { type: 'button', class: answer === 'accept' ? 'primary' : 'danger', 'data-answer': answer,
              onclick: async (ev) => {
                const ok = await act(ev.target, interests, () => post(ENDPOINTS.answerInterest(handle, i.id),
                  { answer, message: reply.value.trim() || undefined }), t('partners.answered.' + answer));
                if (ok) await reloadInterests();
              } }, t('partners.answer.' + answer)))] : null));
      }));
  });
  await refill(matches, async () => {
    const items = (await get(ENDPOINTS.matches(handle))).data.items || [];
    if (!items.length) return h('p', null, t('partners.noMatches'));
    // the other side is a need, or a project seeking partners (m.sought names which)
    const sought = (m) => m.sought === 'project' ? m.project : m.need;
    return table('matches', t('partners.matches'), ['partners.offer', 'partners.sought', 'partners.why', 'entries.actions'],
      items.map(m => h('tr', { 'data-offer': m.offer.id, ['data-' + (m.sought || 'need')]: sought(m).id },
        h('td', null, pick(m.offer.title, lang()), h('br'), h('small', null, pick(m.offer.organizationName, lang()))),
        h('td', null, m.sought === 'project' ? [h('span', { class: 'badge' }, t('partners.seekingProject')), ' '] : null,
          pick(sought(m).title, lang()), h('br'), h('small', null, pick(sought(m).organizationName, lang()))),
        h('td', { class: 'explanation' }, pick(m.explanation, lang())),
        h('td', null, [['offer', m.offer], [m.sought || 'need', sought(m)]].filter(([, e]) => e.organization !== me).map(([side, e]) =>
          h('button', { type: 'button', 'data-interest-to': side, onclick: async (ev) => {
            const ok = await act(ev.target, matches, () => post(ENDPOINTS.interests(handle),
              { to: e.organization, about: e.id, message: message.value.trim() }), t('partners.interestSent'));
            if (ok) await reloadInterests();
          } }, t('partners.writeTo.' + side)))))));
  });
  await reloadInterests();
  main.append(h('section', { 'aria-labelledby': 'matches-h' }, h('h2', { id: 'matches-h' }, t('partners.matches')),
    field('interest-message', t('partners.message'), message, t('partners.messageHint')), matches),
    h('section', { 'aria-labelledby': 'interests-h' }, h('h2', { id: 'interests-h' }, t('partners.interests')), interests));

  // Questions and answers
  const qForm = h('form', { class: 'panel', id: 'question-form', novalidate: true },
    bilingual('question-name', t('partners.question'), null, { required: true }),
    bilingual('question-content', t('partners.details'), null, { multiline: true }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'question-submit' }, t('partners.ask'))));
  const questions = h('div', { id: 'questions-list' });
  const reloadQuestions = async () => refill(questions, async () => {
    const data = (await get(ENDPOINTS.questions(handle))).data;
    const thread = (q, mine) => h('article', { class: 'panel', 'data-question': q.id },
      h('h3', null, pick(q.name, lang())),
      h('p', { dir: 'auto' }, pick(q.content, lang())),
      h('p', { class: 'muted' }, mine ? t('partners.askedByUs') : ltr(q.author), ' · ', formatTime(q.published)),
      h('ol', null, (q.answers || []).map(a => h('li', { 'data-answer-id': a.id, 'data-accepted': String(a.id === q.acceptedAnswer) },
        a.id === q.acceptedAnswer ? h('strong', { class: 'badge' }, t('partners.accepted'), ' ') : null,
        h('span', { dir: 'auto' }, a.content), ' — ', pick(a.authorName, lang()) || ltr(a.author),
        mine && a.id !== q.acceptedAnswer ? h('button', { type: 'button', 'data-accept': a.id, onclick: async (ev) => {
          const ok = await act(ev.target, questions, () => post(ENDPOINTS.accept(handle, q.id.split('/').pop()),
            { answer: a.id }), t('partners.acceptedDone'));
          if (ok) await reloadQuestions();
        } }, t('partners.accept')) : null))),
      mine ? null : answerForm(q));
    const answerForm = (q) => {
      const text = h('textarea', { rows: '2', maxlength: '8000', 'aria-label': t('partners.yourAnswer'), 'data-answer-text': q.id });
      return h('div', { class: 'actions' }, text, h('button', { type: 'button', class: 'primary', 'data-answer-submit': q.id,
        onclick: async (ev) => {
          const ok = await act(ev.target, questions, () => post(ENDPOINTS.answer(handle),
            { question: q.id, content: text.value.trim() }), t('partners.answerSent'));
          if (ok) await reloadQuestions();
        } }, t('partners.sendAnswer')));
    };
    const asked = data.asked || [];
    const received = data.received || [];
    return [h('h3', null, t('partners.asked')), asked.length ? asked.map(q => thread(q, true)) : h('p', null, t('partners.noQuestions')),
      h('h3', null, t('partners.receivedQuestions')), received.length ? received.map(q => thread(q, false)) : h('p', null, t('partners.noQuestions'))]
      .flat();
  });
  qForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { name: readBilingual(qForm, 'question-name'), content: readBilingual(qForm, 'question-content') || undefined };
    const ok = await act(qForm.querySelector('button[type=submit]'), qForm, () => post(ENDPOINTS.questions(handle), body),
      t('partners.askedDone'));
    if (ok) { qForm.reset(); await reloadQuestions(); }
  });
  await reloadQuestions();
  main.append(h('section', { 'aria-labelledby': 'questions-h' }, h('h2', { id: 'questions-h' }, t('partners.questions')), qForm, questions));

  // Verified facts: attest another's entry; correct one of ours
  const subject = h('input', { id: 'attest-subject', type: 'url', dir: 'ltr', placeholder: 'https://node.example.org/orgs/name/entries/…' });
  const on = h('input', { id: 'attest-on', type: 'date', dir: 'ltr' });
  const aForm = h('form', { class: 'panel', id: 'attest-form', novalidate: true },
    field('attest-subject', t('partners.subject'), subject),
    field('attest-on', t('partners.verifiedOn'), on),
    bilingual('attest-method', t('partners.method'), null, { required: true }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'attest-submit' }, t('partners.attest'))));
  aForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const ok = await act(aForm.querySelector('button[type=submit]'), aForm, () => post(ENDPOINTS.attest(handle),
      { subject: subject.value.trim(), verifiedOn: on.value, method: readBilingual(aForm, 'attest-method') }), t('partners.attested'));
    if (ok) aForm.reset();
  });
  const entries = (await get(ENDPOINTS.entries(handle))).data.items || [];
  const entry = h('select', { id: 'correct-entry' }, entries.map(x => h('option', { value: x.id }, pick(x.title, lang()) || x.id)));
  const kind = h('select', { id: 'correct-kind' }, ['correction', 'retraction'].map(k => h('option', { value: k }, t('partners.kind.' + k))));
  const cForm = h('form', { class: 'panel', id: 'correct-form', novalidate: true },
    field('correct-entry', t('partners.entry'), entry), field('correct-kind', t('partners.kind'), kind),
    bilingual('correct-note', t('partners.note'), null, { multiline: true, required: true }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'correct-submit' }, t('partners.publishCorrection'))));
  cForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const ok = await act(cForm.querySelector('button[type=submit]'), cForm, () => post(ENDPOINTS.correct(handle, entry.value),
      { kind: kind.value, note: readBilingual(cForm, 'correct-note') }), t('partners.corrected'));
    if (ok) cForm.querySelectorAll('textarea').forEach(x => { x.value = ''; });
  });
  main.append(h('section', { 'aria-labelledby': 'facts-h' }, h('h2', { id: 'facts-h' }, t('partners.facts')),
    h('p', null, t('partners.factsExplain')), aForm, entries.length ? cForm : null));
}
