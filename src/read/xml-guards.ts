/**
 * Guards the Solr XML reader runs on text before the SAX parser sees it: markup runs too
 * long to keep, and DOCTYPE/entity declarations (refused, never expanded).
 */

/**
 * Measures runs of markup (from a `<` to its `>`) as text streams past, in linear time.
 * A `>` inside an attribute value ends a run early, which only undercounts.
 */
export class MarkupLengthGuard {
  private inside = false;
  private length = 0;

  constructor(private readonly max: number) {}

  /** Undefined while every run is within the limit; else where in `text` the run over it starts (0 when it began earlier). */
  scan(text: string): number | undefined {
    let at = 0;
    let runStart = 0;
    while (at < text.length) {
      if (!this.inside) {
        const open = text.indexOf('<', at);
        if (open === -1) return undefined;
        this.inside = true;
        this.length = 0;
        runStart = open;
        at = open + 1;
        continue;
      }
      const close = text.indexOf('>', at);
      this.length += (close === -1 ? text.length : close) - at;
      if (this.length > this.max) return runStart;
      if (close === -1) return undefined;
      this.inside = false;
      at = close + 1;
    }
    return undefined;
  }
}

/**
 * Finds `<!DOCTYPE` or `<!ENTITY` in the prolog (the only place a DOCTYPE may stand) before
 * the parser sees it. Text is held back at a chunk end only while it could be the start of
 * such a declaration, so a declaration split across chunks is still caught.
 */
export class PrologGuard {
  private held = '';
  private bytesPassed = 0;

  skipBytes(count: number): void {
    this.bytesPassed += count;
  }

  /**
   * Splits text into what may go to the parser now and, when a declaration starts, where it
   * is (byte offset in the input) and the text from the declaration on.
   */
  scan(text: string): { pass: string; declaration?: { byteOffset: number; what: string }; rest: string } {
    const all = this.held + text;
    this.held = '';
    let from = 0;
    for (;;) {
      const at = all.indexOf('<!', from);
      if (at === -1) {
        // A `<` at the very end may be the start of `<!DOCTYPE`: hold it back too.
        if (all.endsWith('<')) {
          this.held = '<';
          return this.pass(all.slice(0, -1), '');
        }
        return this.pass(all, '');
      }
      if (all.length - at < 9) {
        // Too short to tell yet: hold the tail back until the next chunk.
        this.held = all.slice(at);
        return this.pass(all.slice(0, at), '');
      }
      const word = all.slice(at + 2, at + 9).toUpperCase();
      if (word === 'DOCTYPE' || word.startsWith('ENTITY')) {
        const before = all.slice(0, at);
        const result = this.pass(before, all.slice(at));
        return { ...result, declaration: { byteOffset: this.bytesPassed, what: word === 'DOCTYPE' ? 'a DOCTYPE' : 'an entity' } };
      }
      from = at + 2;
    }
  }

  /** Held-back text, once the guard is no longer needed (or at the end of the input). */
  release(): string {
    const held = this.held;
    this.held = '';
    return held;
  }

  private pass(text: string, rest: string): { pass: string; rest: string } {
    this.bytesPassed += Buffer.byteLength(text);
    return { pass: text, rest };
  }
}
