import xxhash from 'xxhash-wasm';

/** A 64-bit xxHash of a key, as two unsigned 32-bit words (high, low). */
export type Fingerprint = readonly [number, number];

/**
 * Fixed, so that fingerprints of separate runs (shards of one export) can be compared.
 * It keys the hash: fingerprints of bibpipe runs mean nothing to other xxHash users.
 */
const SEED = 0x62_69_62_70_69_70_65n; // "bibpipe"

let h64: ((input: string, seed?: bigint) => bigint) | undefined;

/** Loads the hash (WebAssembly); every thread that fingerprints awaits it once. */
export async function loadFingerprints(): Promise<void> {
  h64 ??= (await xxhash()).h64;
}

/**
 * 64 bits of xxHash64: a non-cryptographic hash, computed once per key on the thread that
 * parsed the record. Among 100 million distinct keys the chance that any two share a
 * fingerprint is about n^2 / 2^65 = 3e-4 per run; a collision would show as a false
 * duplicate warning naming both records, never as a lost record.
 */
export function fingerprint(text: string): Fingerprint {
  if (h64 === undefined) throw new Error('fingerprint() before loadFingerprints()');
  const value = h64(text, SEED);
  return [Number(value >> 32n), Number(value & 0xffffffffn)];
}

const KEY_WORDS = 2;

/**
 * A set of fingerprints, each with `valueWords` 32-bit words of value, in one typed array:
 * open addressing with linear probing, (8 + 4 x valueWords) bytes per key at a load of at
 * most 0.7, instead of the ~80 bytes a `Set<string>` entry of a short id costs.
 */
export class FingerprintTable {
  private readonly stride: number;
  private slots: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(private readonly valueWords = 0, initialCapacity = 1024) {
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

  /** The slot holding the key, or -1. */
  find(key: Fingerprint): number {
    const first = key[0] === 0 ? 1 : key[0];
    let slot = key[1] & this.mask;
    for (;;) {
      const at = slot * this.stride;
      const stored = this.slots[at];
      if (stored === 0) return -1;
      if (stored === first && this.slots[at + 1] === key[1]) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Adds the key (with its value) when absent and returns -1; when present, returns its slot
   * (read the value stored first with `valueAt`).
   */
  insert(key: Fingerprint, value?: ArrayLike<number>): number {
    // Word 0 marks a used slot, so it is never 0 (one value in 2^32 is folded into 1).
    const first = key[0] === 0 ? 1 : key[0];
    let slot = key[1] & this.mask;
    for (;;) {
      const at = slot * this.stride;
      const stored = this.slots[at];
      if (stored === 0) break;
      if (stored === first && this.slots[at + 1] === key[1]) return slot;
      slot = (slot + 1) & this.mask;
    }
    const at = slot * this.stride;
    this.slots[at] = first;
    this.slots[at + 1] = key[1];
    if (this.valueWords > 0 && value) for (let word = 0; word < this.valueWords; word++) this.slots[at + KEY_WORDS + word] = value[word] ?? 0;
    this.count++;
    if (this.count > (this.mask + 1) * 0.7) this.grow();
    return -1;
  }

  /** Word `word` of the value stored at `slot`. */
  valueAt(slot: number, word = 0): number {
    return this.slots[slot * this.stride + KEY_WORDS + word] ?? 0;
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
  return (a[0] === 0 ? 1 : a[0]) === (b[0] === 0 ? 1 : b[0]) && a[1] === b[1];
}
