/**
 * What the MARC parsers report. A problem the parser recovered from is a `MarcProblem`
 * (a value: the reader turns it into an issue); a record that cannot be parsed at all
 * throws a `MarcParseError`. Both name the byte offset inside the record (UTF-8 bytes
 * for text inputs, so it points into the file, the `fullrecord` value or the chunk).
 */

import type { IssueCode } from '../model/rules.js';

/** The `marc.*` rule codes the parsers emit (their text lives in src/model/rules.ts). */
export type MarcProblemCode = Extract<
  IssueCode,
  | 'marc.record-length'
  | 'marc.base-address'
  | 'marc.directory'
  | 'marc.field-terminator'
  | 'marc.record-terminator'
  | 'marc.undeclared-marc8'
  | 'marc.encoding-mismatch'
  | 'marc.invalid-characters'
>;

export interface MarcProblem {
  code: MarcProblemCode;
  /** Byte offset inside the record where the problem is. */
  offset: number;
  message: string;
}

/** A record that cannot be parsed: the reason and where (byte offset inside the record). */
export class MarcParseError extends Error {
  override readonly name = 'MarcParseError';
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} (at byte ${offset})`);
  }
}
