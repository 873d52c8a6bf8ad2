// An audit row in plain language ("Fatima blocked node x.org"), from its action (the route the
// node recorded, e.g. "PUT /api/v1/trust/nodes/:host", or a named action such as "session.login")
// and its target ("trust/nodes/x.org level=blocked"). Unknown actions fall back to a general
// sentence that still names who did it.
import { t } from './i18n.js';

function params(target) {
  const out = {};
  for (const m of (target || '').matchAll(/(\w+)=(\S+)/g)) out[m[1]] = m[2];
  return out;
}

const RULES = [
  [/^session\.login$/, () => 'login'],
  [/^session\.logout$/, () => 'logout'],
  [/^token\.login$/, () => 'login'],
  [/^admin\.invitation\.accept$/, () => 'joined'],
  [/^(PUT|PATCH) .*\/profile$/, () => 'profile'],
  [/^POST .*\/entries$/, () => 'entryCreate'],
  [/^PUT .*\/entries\/[^/]+$/, () => 'entryUpdate'],
  [/^DELETE .*\/entries\/[^/]+$/, () => 'entryDelete'],
  [/^POST .*\/discovery\/suggestions\/follow$/, () => 'follow'],
  [/^POST .*\/following$/, () => 'follow'],
  [/^DELETE .*\/following$/, () => 'unfollow'],
  [/^POST .*\/followers\/approve$/, () => 'approve'],
  [/^POST .*\/followers\/reject$/, () => 'reject'],
  [/^PUT .*\/federation-settings$/, () => 'federationSettings'],
  [/^PUT \/api\/v1\/trust\/nodes\/[^/]+$/, (p) => p.level === 'blocked' ? 'blockNode' : 'trustNode'],
  [/^DELETE \/api\/v1\/trust\/nodes\/[^/]+$/, () => 'trustNodeRemove'],
  [/^PUT \/api\/v1\/trust\/actors\/[^/]+$/, (p) => p.level === 'blocked' ? 'blockActor' : 'trustActor'],
  [/^DELETE \/api\/v1\/trust\/actors/, () => 'trustActorRemove'],
  [/^PUT \/api\/v1\/trust\/mode$/, () => 'mode'],
  [/^POST \/api\/v1\/moderation\/actions$/, () => 'moderate'],
  [/^POST \/api\/v1\/moderation\/flags$/, () => 'flag'],
  [/^POST \/api\/v1\/moderation\/reports\/[^/]+\/resolve$/, () => 'resolve'],
  [/^(POST \/api\/v1\/trust\/endorsements|trust\.endorse)$/, () => 'endorse'],
  [/^(DELETE \/api\/v1\/trust\/endorsements.*|trust\.endorse\.withdraw)$/, () => 'withdraw'],
  [/^(POST .*\/keys\/rotate)$/, () => 'rotate'],
  [/^(POST \/api\/v1\/trust\/lists\/import|trust\.lists\.import)$/, () => 'importList'],
  [/^POST \/api\/v1\/trust\/lists\/preview$/, () => 'previewList'],
  [/^(PUT \/api\/v1\/trust\/lists\/publication|trust\.lists\.publish)$/, () => 'publishList'],
  [/^(POST \/api\/v1\/trust\/subscriptions|trust\.subscription\.add)$/, () => 'subscribe'],
  [/^POST \/api\/v1\/admins\/invitations$/, () => 'invite'],
  [/^POST .*\/reports\/publish$/, () => 'publishReport'],
  [/^PUT .*\/report-schedule$/, () => 'scheduleReport'],
  [/^POST .*\/media$/, () => 'upload'],
];

/** What the row is about, for {subject}: a host, an actor or the path's last part. */
function subject(row, p) {
  if (p.actor) return p.actor;
  if (p.host) return p.host;
  const path = (row.target || '').split(' ')[0];
  const m = path.match(/^trust\/(?:nodes|actors)\/(.+)$/);
  if (m) return decodeURIComponent(m[1]);
  return path.replace(/^organizations\/[^/]+\//, '');
}

/** The row as one sentence in the UI's language. */
export function describe(row) {
  const p = params(row.target);
  const rule = RULES.find(([re]) => re.test(row.action || ''));
  const key = rule ? 'audit.do.' + rule[1](p) : 'audit.do.other';
  return t(key)
    .replace('{admin}', row.admin || '?')
    .replace('{subject}', subject(row, p))
    .replace('{level}', p.level ? t('trust.level.' + p.level) : '')
    .replace('{action}', row.action || '');
}
