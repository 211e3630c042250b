/**
 * A small seeded PRNG (mulberry32) and the draws the corpus generator needs. The corpus
 * must be the same for the same seed on every machine, so nothing here touches
 * `Math.random` or the clock.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    // Spread small seeds (0, 1, 2...) so that neighbouring seeds give unrelated streams.
    this.state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick needs a non-empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let at = this.next() * total;
    for (const [value, weight] of entries) {
      at -= weight;
      if (at < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** A string of `length` decimal digits (the first not zero unless `leadingZero`). */
  digits(length: number, leadingZero = false): string {
    let text = '';
    for (let index = 0; index < length; index += 1) {
      text += String(index === 0 && !leadingZero ? this.int(1, 9) : this.int(0, 9));
    }
    return text;
  }

  /** A child generator, so that one part of a record can change without shifting the rest. */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296));
  }
}
