import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod/mini, for the schemas on the convert path (the built-in writers' options, MARC-in-JSON
 * in a fullrecord): a few kilobytes where zod's classic API costs a 1-record run most of its
 * start-up. The CLI bundle gives it a copy of zod's core of its own (scripts/bundle.mjs),
 * so that loading it does not load the classic API's. zod/mini sets no locale, and its
 * messages would all read "Invalid input": English, as the classic API sets it. Users
 * import it as a namespace (`import * as z from '../zod-mini.js'`).
 */
config(en());

// Named, not the namespace object: a namespace passed on as a value keeps every export in the bundle.
export { _default, array, boolean, globalRegistry, meta, minLength, object, optional, record, safeParse, string, union, type infer, type input } from 'zod/mini';
