// Wall-clock time in a named zone <-> RFC 3339 with offset, using only Intl (no libraries).

function pad(n) { return String(n).padStart(2, '0'); }

/** Minutes the zone is ahead of UTC at the instant utcMs. Throws RangeError for an unknown zone. */
function offsetMinutes(utcMs, zone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const m = Object.fromEntries(parts.map(p => [p.type, p.value]));
  const asUtc = Date.UTC(+m.year, +m.month - 1, +m.day, +m.hour % 24, +m.minute, +m.second);
  return Math.round((asUtc - utcMs) / 60000);
}

/** "2027-02-01T10:00" in zone "Asia/Damascus" -> "2027-02-01T10:00:00+03:00". */
export function toRfc3339(local, zone) {
  const [date, time] = local.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, hh, mm);
  // Two passes: the offset at the guessed instant, then at the corrected one (DST edges).
  let off = offsetMinutes(wall, zone);
  off = offsetMinutes(wall - off * 60000, zone);
  const a = Math.abs(off);
  return `${date}T${pad(hh)}:${pad(mm)}:00${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** The wall-clock part of an RFC 3339 time, for a datetime-local input. */
export function toLocalInput(rfc3339) {
  return rfc3339 ? rfc3339.slice(0, 16) : '';
}

export function validZone(zone) {
  try { offsetMinutes(Date.now(), zone); return true; } catch { return false; }
}

export function defaultZone() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch { return 'UTC'; }
}
