import { type Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../errors.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../cli-surface.js';

/** The limit flags as commander parses them. */
export interface LimitFlags {
  maxFieldLength?: number | undefined;
  maxRecordBytes?: number | undefined;
  maxValues?: number | undefined;
}

/** A positive whole number (`--rows`, `--top`, `--open-files`). */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive whole number');
  return number;
}

/** A positive whole number, with an optional k/M/G suffix (powers of 1024): `64M`, `500k`. */
export function parseSize(value: string): number {
  const match = /^(\d{1,15})([kKmMgG]?)$/.exec(value.trim());
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match?.[2] ?? '').toLowerCase() as '' | 'k' | 'm' | 'g'];
  const size = match ? Number(match[1]) * scale : Number.NaN;
  if (!Number.isSafeInteger(size) || size < 1) throw new InvalidArgumentError('expected a positive whole number, optionally with k, M or G (e.g. 16M)');
  return size;
}

function humanSize(bytes: number): string {
  for (const [suffix, scale] of [['G', 1024 ** 3], ['M', 1024 ** 2], ['k', 1024]] as const) {
    if (bytes % scale === 0) return `${bytes / scale}${suffix}`;
  }
  return String(bytes);
}

/** Adds --max-field-length, --max-record-bytes and --max-values (the caps against hostile input). */
export function addLimitOptions(command: Command): Command {
  return command
    .addOption(new Option('--max-field-length <chars>', 'longest field value accepted (k, M, G suffixes); a longer value is cut and the record gets an issue').argParser(parseSize).default(undefined, humanSize(DEFAULT_READ_LIMITS.maxFieldLength)))
    .addOption(new Option('--max-record-bytes <bytes>', 'largest record accepted (k, M, G suffixes); a larger one is rejected').argParser(parseSize).default(undefined, humanSize(DEFAULT_READ_LIMITS.maxRecordBytes)))
    .addOption(new Option('--max-values <n>', 'most values in one field, authors included; the rest are dropped').argParser(parseSize).default(undefined, String(DEFAULT_READ_LIMITS.maxValuesPerField)));
}

/** The limits the user set (the rest keep their defaults). */
export function limitsFromFlags(flags: LimitFlags): Partial<ReadLimits> {
  const limits: Partial<ReadLimits> = {};
  if (flags.maxFieldLength !== undefined) limits.maxFieldLength = flags.maxFieldLength;
  if (flags.maxRecordBytes !== undefined) limits.maxRecordBytes = flags.maxRecordBytes;
  if (flags.maxValues !== undefined) limits.maxValuesPerField = flags.maxValues;
  return limits;
}

/** `--max-warnings`: a non-negative integer. */
export function parseMaxWarnings(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new UsageError(`--max-warnings expects a non-negative integer, got "${value}"`);
  return number;
}
