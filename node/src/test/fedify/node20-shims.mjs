// Node.js 20 (what Debian bookworm and this machine have) lacks ArrayBuffer.prototype.transfer
// (ES2024, Node 21+). Fedify 1.6 and later declare Node >= 22 and decode every PEM key through a
// library that calls it, so on Node 20 they cannot read any key. This copy-based stand-in is
// enough for that: the decoder only reads the result. Loaded before Fedify; a no-op on Node 22+.
if (typeof ArrayBuffer.prototype.transfer !== "function") {
  Object.defineProperty(ArrayBuffer.prototype, "transfer", {
    configurable: true,
    writable: true,
    value(newLength = this.byteLength) {
      const copy = new ArrayBuffer(newLength);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(newLength, this.byteLength)));
      return copy;
    },
  });
}
