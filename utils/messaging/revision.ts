/**
 * Key in session storage that the background bumps after every write views show: a change means
 * "re-read the database". Views read IndexedDB themselves; this only says when.
 */
export const REVISION_KEY = 'revision';

/** Key in session storage set while writes fail for lack of space (`{ code: 'disk-full', at }`). */
export const STORAGE_PROBLEM_KEY = 'storageProblem';
