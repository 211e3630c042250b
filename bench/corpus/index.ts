/** The ground-truth corpus: records with what they really are, rendered as scrapes and as Solr JSON. */
export { generateCorpus, type CorpusRecord } from './records.js';
export { renderStaffView, renderSolrJsonLine } from './render.js';
export { computeWorkKeys, workKeyForm } from './work-keys.js';
