/** The profile loader (and its zod schema), imported only by runs that name a profile. */
export { loadProfile } from '../index.js';
