import { describe, expect, it } from 'vitest';
import { convert, INPUT_FORMATS, OUTPUT_FORMATS, readers, validate, writers, type ConvertOptions, type ValidateOptions } from '../src/index.js';

/**
 * Format names are a union type: a library caller's typo fails to compile. The
 * `@ts-expect-error` lines below are checked by `npm run typecheck` (tests are type-checked):
 * if `to: ['csvv']` ever type-checked again, the directive would be unused and the check fail.
 */
describe('format names as types', () => {
  it('list exactly the registered writers and readers', () => {
    expect([...OUTPUT_FORMATS].sort()).toEqual(writers.map((writer) => writer.name).sort());
    expect([...INPUT_FORMATS].sort()).toEqual(readers.map((reader) => reader.name).sort());
  });

  it('refuse a misspelt format at compile time (and at run time, for callers without types)', async () => {
    const misspeltOutput: ConvertOptions = {
      inputs: ['samples'],
      // @ts-expect-error 'csvv' is not an output format
      to: ['csvv'],
    };
    const misspeltInput: ValidateOptions = {
      inputs: ['samples'],
      // @ts-expect-error 'solr-jsn' is not an input format
      from: 'solr-jsn',
    };
    const fine: ConvertOptions = { inputs: ['samples'], to: ['csv', 'medline'], from: 'auto' };
    expect(fine.to).toHaveLength(2);
    await expect(convert(misspeltOutput)).rejects.toThrow(/Unknown output format "csvv"/);
    await expect(validate({ ...misspeltInput, workers: 1 })).rejects.toThrow(/Unknown input format "solr-jsn"/);
  });
});
