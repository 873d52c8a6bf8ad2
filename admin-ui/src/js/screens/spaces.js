// Private spaces (protocol-spec/spaces.md): shared places with organizations on other nodes, end-to-end
// encrypted. Posts are sealed by this node before they are stored or sent; only members' nodes open them.
// #/spaces lists and creates; #/spaces/<ref> shows one space: members, invitations, posts and replies.
import { h, field } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { get, post, del, orgPath } from '../api.js';
import { act, heading, table, ltr, refill } from '../forms.js';
import { announce } from '../status.js';

export const ENDPOINTS = {
  list: (handle) => orgPath(handle, '/spaces'),                                     // GET {items:[space]}, POST {name, purpose}
  one: (handle, ref) => orgPath(handle, '/spaces/' + encodeURIComponent(ref)),      // GET space
  invite: (handle, ref) => orgPath(handle, '/spaces/' + encodeURIComponent(ref) + '/invitations'), // POST {actor}
  answer: (handle, ref, what) => orgPath(handle, '/spaces/' + encodeURIComponent(ref) + '/' + what), // POST accept|decline|leave|catch-up
  member: (handle, ref, actor) => orgPath(handle, '/spaces/' + encodeURIComponent(ref) + '/members?actor=' + encodeURIComponent(actor)), // DELETE
  posts: (handle, ref) => orgPath(handle, '/spaces/' + encodeURIComponent(ref) + '/posts'), // GET {items:[post]}, POST {content, inReplyTo}
};

export async function render(main, app, arg) {
  if (arg) return renderSpace(main, app, arg);
  const handle = app.org.handle;
  main.append(heading('spaces.title'), h('p', null, t('spaces.explain')));

  const name = h('input', { id: 'space-name', type: 'text', maxlength: '200', autocomplete: 'off' });
  const purpose = h('textarea', { id: 'space-purpose', maxlength: '2000' });
  const form = h('form', { class: 'panel', id: 'space-form', novalidate: true },
    field('space-name', t('spaces.name'), name, t('spaces.nameHint')),
    field('space-purpose', t('spaces.purpose'), purpose, t('spaces.purposeHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'space-create' }, t('spaces.create'))));
  const box = h('div', { id: 'spaces-box' });

  const reload = async () => {
    const items = (await get(ENDPOINTS.list(handle))).data.items || [];
    await refill(box, () => items.length ? table('spaces', t('spaces.title'),
      ['spaces.name', 'spaces.role', 'spaces.epoch', 'spaces.members', 'entries.actions'],
      items.map(s => h('tr', { 'data-ref': s.ref },
        h('td', null, h('a', { href: '#/spaces/' + s.ref }, s.name)),
        h('td', null, h('span', { class: 'badge' }, t('spaces.role.' + s.role))),
        h('td', null, String(s.epoch)),
        h('td', null, String((s.members || []).filter(m => m.state === 'active').length)),
        h('td', null, s.role === 'invited' ? [
          h('button', { type: 'button', class: 'primary', 'data-action': 'accept', onclick: async (ev) => {
            if (await act(ev.target, box, () => post(ENDPOINTS.answer(handle, s.ref, 'accept')), t('spaces.accepted'))) await reload();
          } }, t('spaces.accept')), ' ',
          h('button', { type: 'button', 'data-action': 'decline', onclick: async (ev) => {
            if (await act(ev.target, box, () => post(ENDPOINTS.answer(handle, s.ref, 'decline')), t('spaces.declined'))) await reload();
          } }, t('spaces.decline'))] : null))))
      : h('p', null, t('spaces.none')));
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!name.value.trim()) { announce(t('spaces.needName'), 'error'); name.focus(); return; }
    const body = { name: name.value.trim() };
    if (purpose.value.trim()) body.purpose = purpose.value.trim();
    if (await act(form.querySelector('button'), form, () => post(ENDPOINTS.list(handle), body), t('spaces.created'))) {
      name.value = ''; purpose.value = ''; await reload();
    }
  });
  main.append(h('p', { class: 'hint', id: 'spaces-privacy' }, t('spaces.privacy')), form,
    h('section', { 'aria-labelledby': 'spaces-heading' }, h('h2', { id: 'spaces-heading' }, t('spaces.ours')), box));
  await reload();
}

async function renderSpace(main, app, ref) {
  const handle = app.org.handle;
  const space = (await get(ENDPOINTS.one(handle, ref))).data;
  main.append(heading('spaces.space', ': ', h('bdi', null, space.name)),
    space.purpose ? h('p', null, space.purpose) : null,
    h('p', null, h('a', { href: '#/spaces' }, t('spaces.back'))),
    h('p', { class: 'hint' }, t('spaces.epochHint').replace('{n}', String(space.epoch))));

  const owner = space.role === 'owner';
  const members = h('div', { id: 'members-box' });
  const posts = h('div', { id: 'posts-box' });
  let replyTo = null;
  const replyNote = h('p', { id: 'reply-note', class: 'hint' });
  const content = h('textarea', { id: 'post-content', maxlength: '100000' });
  const files = h('input', { id: 'post-files', type: 'file', multiple: true });
  const postForm = h('form', { class: 'panel', id: 'post-form', novalidate: true },
    field('post-content', t('spaces.post'), content, t('spaces.postHint')),
    field('post-files', t('spaces.attach'), files, t('spaces.attachHint')), replyNote,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'post-submit' }, t('spaces.send'))));

  const reloadMembers = async () => {
    const s = (await get(ENDPOINTS.one(handle, ref))).data;
    await refill(members, () => table('members', t('spaces.members'), ['spaces.member', 'spaces.role', 'spaces.state', 'entries.actions'],
      (s.members || []).map(m => h('tr', { 'data-actor': m.actor },
        h('td', null, ltr(m.actor)), h('td', null, t('spaces.role.' + m.role)), h('td', null, t('spaces.state.' + m.state)),
        h('td', null, owner && m.role !== 'owner' && (m.state === 'active' || m.state === 'invited')
          ? h('button', { type: 'button', class: 'danger', 'data-action': 'remove', onclick: async (ev) => {
            if (await act(ev.target, members, () => del(ENDPOINTS.member(handle, ref, m.actor)), t('spaces.removed'))) await reloadMembers();
          } }, t('spaces.remove'), h('span', { class: 'visually-hidden' }, ' ', m.actor)) : null)))));
  };
  const reloadPosts = async () => {
    const items = (await get(ENDPOINTS.posts(handle, ref))).data.items || [];
    await refill(posts, () => items.length ? h('ol', { class: 'posts', id: 'posts' }, items.map(p => h('li', { 'data-post': p.id, class: 'panel' },
      h('p', { class: 'hint' }, ltr(p.author), ' · ', formatTime(p.received)),
      p.inReplyTo ? h('p', { class: 'hint' }, t('spaces.inReply')) : null,
      p.readable ? h('p', { class: 'post-content' }, p.content) : h('p', { class: 'notice warn', 'data-locked': 'true' }, t('spaces.locked')),
      (p.attachments || []).length ? h('ul', { class: 'attachments' }, p.attachments.map(f => h('li', null,
        h('a', { href: blobUrl(f), download: f.name, 'data-attachment': f.name }, ltr(f.name)), ' (', String(f.size), ' B)'))) : null,
      p.readable ? h('button', { type: 'button', 'data-action': 'reply', onclick: () => {
        replyTo = p.id; replyNote.textContent = t('spaces.replying'); content.focus();
      } }, t('spaces.reply')) : null)))
      : h('p', null, t('spaces.noPosts')));
  };

  postForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!content.value.trim()) { announce(t('spaces.needContent'), 'error'); content.focus(); return; }
    const body = { content: content.value.trim() };
    if (replyTo) body.inReplyTo = replyTo;
    if (files.files.length) body.attachments = await Promise.all(Array.from(files.files).map(readFile));
    if (await act(postForm.querySelector('button'), postForm, () => post(ENDPOINTS.posts(handle, ref), body), t('spaces.sent'))) {
      content.value = ''; files.value = ''; replyTo = null; replyNote.textContent = ''; await reloadPosts();
    }
  });

  const sections = [];
  if (owner) {
    const invitee = h('input', { id: 'invite-actor', type: 'url', dir: 'ltr', autocomplete: 'off', spellcheck: 'false',
      placeholder: 'https://node.example.org/orgs/name' });
    const inviteForm = h('form', { class: 'panel', id: 'invite-form', novalidate: true },
      field('invite-actor', t('spaces.invitee'), invitee, t('spaces.inviteeHint')),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'invite-submit' }, t('spaces.invite'))));
    inviteForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!invitee.value.trim()) { announce(t('spaces.needInvitee'), 'error'); invitee.focus(); return; }
      if (await act(inviteForm.querySelector('button'), inviteForm,
        () => post(ENDPOINTS.invite(handle, ref), { actor: invitee.value.trim() }), t('spaces.invited'))) {
        invitee.value = ''; await reloadMembers();
      }
    });
    sections.push(inviteForm);
  } else if (space.role === 'member') {
    const leave = h('button', { type: 'button', class: 'danger', id: 'space-leave', onclick: async (ev) => {
      if (await act(ev.target, main, () => post(ENDPOINTS.answer(handle, ref, 'leave')), t('spaces.left'))) app.go('#/spaces');
    } }, t('spaces.leave'));
    const catchUp = h('button', { type: 'button', id: 'space-catch-up', onclick: async (ev) => {
      let added = 0;
      if (await act(ev.target, main, async () => { added = (await post(ENDPOINTS.answer(handle, ref, 'catch-up'))).data.added; })) {
        announce(t('spaces.caughtUp').replace('{n}', String(added)));
        await reloadPosts();
      }
    } }, t('spaces.catchUp'));
    sections.push(h('div', { class: 'actions' }, catchUp, leave));
  }
  main.append(...sections,
    h('section', { 'aria-labelledby': 'members-heading' }, h('h2', { id: 'members-heading' }, t('spaces.members')), members),
    h('section', { 'aria-labelledby': 'posts-heading' }, h('h2', { id: 'posts-heading' }, t('spaces.posts')),
      space.role === 'owner' || space.role === 'member' ? postForm : null, posts));
  await reloadMembers();
  await reloadPosts();
}

/** A file chosen in the form, as the API takes it (base64); sealed with the post by the node. */
async function readFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, mediaType: file.type || 'application/octet-stream', data: btoa(binary) };
}

/** A download link's target for an opened attachment: a local blob, nothing fetched from anywhere. */
function blobUrl(f) {
  const binary = atob(f.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: f.mediaType }));
}
