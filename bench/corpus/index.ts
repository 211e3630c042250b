/** The ground-truth corpus: records with what they really are, rendered as scrapes and as Solr JSON. */
export { generateCorpus, type CorpusRecord, type CorpusTruth, type CorpusOptions, type CorpusProfile } from './records.js';
export { renderStaffView, renderSolrJsonLine, defaultLayout, type StaffViewOptions } from './render.js';
export { computeWorkKeys, workKeyForm } from './work-keys.js';
export type { PersonTruth } from './names.js';
