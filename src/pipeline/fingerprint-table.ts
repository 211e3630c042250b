import { hash } from 'node:crypto';

/** 96 bits of SHA-256 as three unsigned 32-bit words. */
export type Fingerprint = readonly [number, number, number];

const KEY_WORDS = 3;

/**
 * 96 bits of SHA-256: among 100 million distinct keys the chance that any two share a
 * fingerprint is about n^2 / 2^97 = 6e-14, so a false "duplicate" does not happen in practice.
 */
export function fingerprint(text: string): Fingerprint {
  const digest = hash('sha256', text, 'buffer');
  return [digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8)];
}

/**
 * A set of fingerprints (optionally each with a fingerprint-sized value) in one typed array,
 * open addressing with linear probing: 12 bytes per key (24 with a value) at a load of at
 * most 0.7, instead of the ~80 bytes a `Set<string>` entry of a short id costs.
 */
export class FingerprintTable {
  private readonly stride: number;
  private slots: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(private readonly valueWords: 0 | 3 = 0, initialCapacity = 1024) {
    this.stride = KEY_WORDS + valueWords;
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.slots = new Uint32Array(capacity * this.stride);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Memory held by the table itself. */
  get byteLength(): number {
    return this.slots.byteLength;
  }

  /**
   * Adds the key (with its value) when absent and returns -1; when present, returns its slot
   * (read the first value stored with `valueAt`).
   */
  insert(key: Fingerprint, value?: Fingerprint): number {
    // Word 0 marks a used slot, so it is never 0 (one value in 2^32 is folded into 1).
    const first = key[0] === 0 ? 1 : key[0];
    let slot = key[1] & this.mask;
    for (;;) {
      const at = slot * this.stride;
      const stored = this.slots[at];
      if (stored === 0) break;
      if (stored === first && this.slots[at + 1] === key[1] && this.slots[at + 2] === key[2]) return slot;
      slot = (slot + 1) & this.mask;
    }
    const at = slot * this.stride;
    this.slots[at] = first;
    this.slots[at + 1] = key[1];
    this.slots[at + 2] = key[2];
    if (this.valueWords > 0 && value) this.slots.set(value, at + KEY_WORDS);
    this.count++;
    if (this.count > (this.mask + 1) * 0.7) this.grow();
    return -1;
  }

  valueAt(slot: number): Fingerprint {
    const at = slot * this.stride + KEY_WORDS;
    return [this.slots[at] ?? 0, this.slots[at + 1] ?? 0, this.slots[at + 2] ?? 0];
  }

  private grow(): void {
    const old = this.slots;
    const oldCapacity = this.mask + 1;
    this.slots = new Uint32Array(oldCapacity * 2 * this.stride);
    this.mask = oldCapacity * 2 - 1;
    for (let slot = 0; slot < oldCapacity; slot++) {
      const at = slot * this.stride;
      if (old[at] === 0) continue;
      let target = (old[at + 1] ?? 0) & this.mask;
      while (this.slots[target * this.stride] !== 0) target = (target + 1) & this.mask;
      this.slots.set(old.subarray(at, at + this.stride), target * this.stride);
    }
  }
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return (a[0] === 0 ? 1 : a[0]) === (b[0] === 0 ? 1 : b[0]) && a[1] === b[1] && a[2] === b[2];
}
