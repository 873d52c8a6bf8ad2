// One polite live region for outcomes, so screen readers hear "Saved" without losing their place.
import { h, clear } from './dom.js';

let timer = null;

export function announce(message, kind = 'ok') {
  const region = document.getElementById('status');
  clear(region).append(h('div', { class: kind, 'data-kind': kind }, message));
  clearTimeout(timer);
  timer = setTimeout(() => clear(region), 6000);
}

/** A new screen starts without the previous screen's failure (a success may still be read). */
export function clearStatus() {
  const region = document.getElementById('status');
  if (region && region.querySelector('[data-kind=error]')) { clearTimeout(timer); clear(region); }
}
