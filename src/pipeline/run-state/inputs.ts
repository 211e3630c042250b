import { stat } from 'node:fs/promises';
import type { InputRead, RunStateInput } from '../../model/run-state.js';
import { isSolrSource, solrSourceName } from '../../sources/solr-http.js';
import { expandInputs } from '../../sources/inputs.js';
import type { SolrReadOptions } from '../../sources/solr-pages.js';

/** The run's inputs as its run state names them, and the index of a record's `source.file` among them. */
export interface RunStateInputs {
  inputs: RunStateInput[];
  indexOf(file: string): number;
  /** Notes what the run read of a file input (a shard's byte range and its hashes). */
  recordRead(file: string, read: InputRead): void;
}

/**
 * Describes the inputs in the order the run reads them (directories and globs expanded):
 * files with their size, live Solr sources with the query that defines them, so that merge
 * can check that every shard read the same input.
 */
export async function runStateInputs(given: readonly string[], solr: SolrReadOptions | undefined): Promise<RunStateInputs> {
  const inputs: RunStateInput[] = [];
  for (const file of await expandInputs(given)) {
    if (file === '-') inputs.push({ name: file, kind: 'stdin' });
    else if (isSolrSource(file)) {
      const query = JSON.stringify([solr?.query ?? '*:*', solr?.filters ?? [], solr?.fields ?? '*', solr?.uniqueKey ?? 'id']);
      inputs.push({ name: solrSourceName(file), kind: 'solr', query });
    } else {
      const info = await stat(file, { bigint: true }).catch(() => undefined);
      inputs.push(info === undefined ? { name: file, kind: 'file' } : { name: file, kind: 'file', size: Number(info.size), mtime: info.mtimeNs.toString() });
    }
  }
  const positions = new Map(inputs.map((input, index) => [input.name, index]));
  const indexOf = (file: string): number => {
    let index = positions.get(file);
    if (index === undefined) {
      index = inputs.push({ name: file, kind: 'file' }) - 1;
      positions.set(file, index);
    }
    return index;
  };
  return {
    inputs,
    indexOf,
    recordRead(file: string, read: InputRead): void {
      inputs[indexOf(file)]!.read = read;
    },
  };
}
