// A compact map from 53-bit hashes to small integers, in typed arrays (about 9 bytes an entry), for indexes over large files; and the hash.

/** A 53-bit hash of a string (cyrb53): collisions among a few million IRIs are vanishingly unlikely. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Collects (hash, value) pairs, then answers look-ups by binary search once frozen. */
export class HashIndex {
  private hashes = new Float64Array(1024);
  private values = new Uint8Array(1024);
  private size = 0;
  private frozen = false;

  /** Adds a pair; a hash added twice keeps the last value. */
  add(hash: number, value: number): void {
    if (this.frozen) throw new Error('HashIndex: add after freeze');
    if (this.size === this.hashes.length) {
      const h = new Float64Array(this.size * 2); h.set(this.hashes); this.hashes = h;
      const v = new Uint8Array(this.size * 2); v.set(this.values); this.values = v;
    }
    this.hashes[this.size] = hash;
    this.values[this.size] = value;
    this.size++;
  }

  /**
   * Sorts the pairs by hash; a repeated hash keeps the last value added, or `combine(kept, next)` over its values in the
   * order added when given. Returns whether any hash was added twice.
   */
  freeze(combine?: (kept: number, next: number) => number): boolean {
    const order = Array.from({ length: this.size }, (_, i) => i).sort((a, b) => (this.hashes[a] ?? 0) - (this.hashes[b] ?? 0) || a - b);
    const hashes = new Float64Array(this.size);
    const values = new Uint8Array(this.size);
    let n = 0;
    let repeated = false;
    for (const i of order) {
      const h = this.hashes[i] ?? 0;
      if (n > 0 && hashes[n - 1] === h) {
        repeated = true;
        values[n - 1] = combine ? combine(values[n - 1] ?? 0, this.values[i] ?? 0) : this.values[i] ?? 0;
        continue;
      }
      hashes[n] = h;
      values[n] = this.values[i] ?? 0;
      n++;
    }
    this.hashes = hashes.subarray(0, n);
    this.values = values.subarray(0, n);
    this.size = n;
    this.frozen = true;
    return repeated;
  }

  /** The value of a hash, or undefined when it was never added. */
  get(hash: number): number | undefined {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = this.hashes[mid] ?? 0;
      if (h === hash) return this.values[mid];
      if (h < hash) lo = mid + 1; else hi = mid - 1;
    }
    return undefined;
  }
}
