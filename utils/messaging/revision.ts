/**
 * Key in session storage that the background bumps after every write views show: a change means
 * "re-read the database". Views read IndexedDB themselves; this only says when.
 */
export const REVISION_KEY = 'revision';
