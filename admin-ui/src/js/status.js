// One polite live region for outcomes, so screen readers hear "Saved" without losing their place.
import { h, clear } from './dom.js';

let timer = null;

export function announce(message, kind = 'ok') {
  const region = document.getElementById('status');
  clear(region).append(h('div', { class: kind, 'data-kind': kind }, message));
  clearTimeout(timer);
  timer = setTimeout(() => clear(region), 6000);
}
