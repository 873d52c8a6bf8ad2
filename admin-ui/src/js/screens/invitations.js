// Invitations and participation (issue 16, protocol-spec/collab.md): invitations our organization
// received, answered here (Accept, Reject or TentativeAccept to the inviter); and, for one of our
// events, inviting organizations on other nodes, who answered, how people may join (join mode,
// capacity) and the Joins waiting for approval.
import { h, field, pick } from '../dom.js';
import { t, lang, formatTime, formatNumber } from '../i18n.js';
import { get, post, put, orgPath } from '../api.js';
import { act, heading, table, ltr, refill } from '../forms.js';
import { announce } from '../status.js';

export const ENDPOINTS = {
  received: (org) => orgPath(org, '/invitations'),                                   // GET {items}
  answer: (org, id) => orgPath(org, '/invitations/' + id + '/answer'),              // POST {answer}
  events: (org) => orgPath(org, '/entries?kind=event&pageSize=100'),                 // GET {items}
  trainings: (org) => orgPath(org, '/entries?kind=training&pageSize=100'),           // GET {items}
  invite: (org, id) => orgPath(org, '/entries/' + encodeURIComponent(id) + '/invitations'),   // GET/POST
  participation: (org, id) => orgPath(org, '/entries/' + encodeURIComponent(id) + '/participation'), // GET/PUT
  decide: (org, id, pid, verb) => orgPath(org, '/entries/' + encodeURIComponent(id) + '/participants/' + pid + '/' + verb),
};

const ANSWERS = [['accept', 'primary'], ['tentative', ''], ['decline', 'danger']];

export async function render(main, app) {
  const handle = app.org.handle;
  main.append(heading('collab.title'), h('p', null, t('collab.explain')),
    h('p', null, h('a', { href: '#/partners', id: 'partners-link' }, t('partners.link'))),
    h('p', null, h('a', { href: '#/supporters', id: 'supporters-link' }, t('supporters.link'))));

  const inbox = h('div', { id: 'received-invitations' });
  const reloadReceived = async () => refill(inbox, async () => {
    const items = (await get(ENDPOINTS.received(handle))).data.items || [];
    if (!items.length) return h('p', null, t('collab.noneReceived'));
    return table('invitations-received', t('collab.received'),
      ['collab.event', 'collab.inviter', 'collab.start', 'collab.note', 'collab.state', 'entries.actions'],
      items.map(i => h('tr', { 'data-invitation': i.id, 'data-state': i.state },
        h('td', null, pick(i.eventName, lang()) || ltr(i.event)),
        h('td', null, ltr(i.inviter)),
        h('td', null, i.startTime ? formatTime(i.startTime) : ''),
        h('td', null, i.note || ''),
        h('td', { class: 'state' }, t('collab.state.' + i.state)),
        h('td', null, ANSWERS.map(([answer, cls]) => h('button', {
          type: 'button', class: cls || null, 'data-answer': answer, 'aria-pressed': String(stateOf(answer) === i.state),
          onclick: async (ev) => {
            const ok = await act(ev.target, inbox, () => post(ENDPOINTS.answer(handle, i.id), { answer }),
              t('collab.answered.' + answer));
            if (ok) await reloadReceived();
          } }, t('collab.answer.' + answer)))))));
  });

  // Organizer side: one of our events.
  // Trainings take invitations and registrations as events do; their capacity and mode are set
  // on the training itself.
  const events = ((await get(ENDPOINTS.events(handle))).data.items || [])
    .concat((await get(ENDPOINTS.trainings(handle))).data.items || []);
  const organizer = h('div', { id: 'organizer' });
  if (!events.length) {
    organizer.append(h('p', null, t('collab.noEvents')));
  } else {
    const select = h('select', { id: 'collab-event' }, events.map(e =>
      h('option', { value: e.id, 'data-kind': e.kind }, (pick(e.title, lang()) || e.id)
        + (e.kind === 'training' ? ' — ' + t('kind.training') : ''))));
    const invitees = h('textarea', { id: 'collab-invitees', dir: 'ltr', rows: '3', spellcheck: 'false',
      placeholder: 'https://node.example.org/orgs/name' });
    const note = h('textarea', { id: 'collab-note', maxlength: '2000' });
    const form = h('form', { class: 'panel', id: 'invite-form', novalidate: true },
      field('collab-event', t('collab.event'), select),
      field('collab-invitees', t('collab.invitees'), invitees, t('collab.inviteesHint')),
      field('collab-note', t('collab.note'), note),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'invite-submit' }, t('collab.send'))));
    const status = h('div', { id: 'event-invitations' });
    const settings = h('div', { id: 'event-participation' });
    const reloadEvent = async () => {
      const id = select.value;
      await refill(status, async () => {
        const r = (await get(ENDPOINTS.invite(handle, id))).data;
        const c = r.counts || {};
        return [h('p', { id: 'invitation-counts' }, ['accepted', 'tentative', 'declined', 'pending'].map(s =>
          h('span', { class: 'badge', 'data-count': s }, t('collab.state.' + s) + ': ' + formatNumber(c[s] || 0), ' '))),
          (r.items || []).length ? table('invitations-sent', t('collab.sent'), ['collab.invitee', 'collab.state'],
            r.items.map(i => h('tr', { 'data-invitee': i.invitee, 'data-state': i.state },
              h('td', null, ltr(i.invitee)), h('td', null, t('collab.state.' + i.state))))) : null];
      });
      const training = select.selectedOptions[0] && select.selectedOptions[0].dataset.kind === 'training';
      await refill(settings, async () => participation(handle, id, reloadEvent, training));
    };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const list = invitees.value.split(/\s+/).map(s => s.trim()).filter(Boolean);
      if (!list.length) { announce(t('collab.needInvitees'), 'error'); invitees.focus(); return; }
      const body = { invitees: list };
      if (note.value.trim()) body.note = note.value.trim();
      const ok = await act(form.querySelector('button'), form, () => post(ENDPOINTS.invite(handle, select.value), body),
        t('collab.sentOk'));
      if (ok) { invitees.value = ''; note.value = ''; await reloadEvent(); }
    });
    select.addEventListener('change', reloadEvent);
    organizer.append(form, status, settings);
    await reloadEvent();
  }

  main.append(
    h('section', { 'aria-labelledby': 'received-heading' }, h('h2', { id: 'received-heading' }, t('collab.received')), inbox),
    h('section', { 'aria-labelledby': 'organizer-heading' }, h('h2', { id: 'organizer-heading' }, t('collab.organizer')),
      organizer));
  await reloadReceived();
}

function stateOf(answer) {
  return { accept: 'accepted', tentative: 'tentative', decline: 'declined' }[answer];
}

async function participation(handle, id, reload, training = false) {
  const p = (await get(ENDPOINTS.participation(handle, id))).data;
  const mode = h('select', { id: 'collab-join-mode' }, ['free', 'restricted', 'invite'].map(m =>
    h('option', { value: m, selected: p.joinMode === m }, t('collab.mode.' + m))));
  const capacity = h('input', { id: 'collab-capacity', type: 'number', min: '0', dir: 'ltr',
    value: p.maximumAttendeeCapacity == null ? '' : String(p.maximumAttendeeCapacity) });
  const form = h('form', { class: 'panel', id: 'participation-form', novalidate: true },
    h('p', { id: 'participant-count' }, t('collab.participantCount') + ' ', h('strong', null, formatNumber(p.participantCount))),
    field('collab-join-mode', t('collab.joinMode'), mode),
    field('collab-capacity', t('collab.capacity'), capacity, t('collab.capacityHint')),
    training ? h('p', { class: 'hint', id: 'participation-on-training' }, t('collab.trainingSettings'))
      : h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'participation-submit' }, t('action.save'))));
  if (training) { mode.disabled = true; capacity.disabled = true; }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { joinMode: mode.value, maximumAttendeeCapacity: capacity.value === '' ? null : Number(capacity.value) };
    const ok = await act(form.querySelector('button'), form, () => put(ENDPOINTS.participation(handle, id), body),
      t('collab.savedMode'));
    if (ok) await reload();
  });
  const people = (p.participants || []);
  return [form, people.length ? table('participants', t('collab.participants'),
    ['collab.participant', 'collab.state', 'entries.actions'],
    people.map(x => h('tr', { 'data-participant': x.actor, 'data-state': x.state },
      h('td', null, ltr(x.actor)), h('td', null, t('collab.state.' + x.state)),
      h('td', null, x.state === 'pending' ? ['approve', 'reject'].map(verb => h('button', {
        type: 'button', class: verb === 'approve' ? 'primary' : 'danger', 'data-decide': verb,
        onclick: async (ev) => {
          const ok = await act(ev.target, form, () => post(ENDPOINTS.decide(handle, id, x.id, verb)),
            t('collab.decided.' + verb));
          if (ok) await reload();
        } }, t('collab.' + verb))) : null)))) : null];
}
