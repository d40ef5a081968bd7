import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addNote, deleteNote, editNote } from '../../../entrypoints/background/notes';
import { db } from '../../../utils/db/database';
import { deleteVisit, listEvidence, putChunk, putVisit } from '../../../utils/db/repository';
import { chunk, visit } from '../db/fixtures';
import { lookAt, storePage, viewsNotified, code } from './support';

/** The evaluator's notes: each tied to the page shown and its replay moment when written. */

const notes = async () => listEvidence(await db(), 'notes', 'v1');


beforeEach(async () => {
  fakeBrowser.reset();
  await putVisit(await db(), visit({ tabIds: [1, 2] }));
  await storePage({ id: 'home', tabId: 1, startedAt: 1_000 });
  await storePage({ id: 'product', tabId: 2, startedAt: 2_000 });
  await putChunk(await db(), chunk({ pageId: 'home', seq: 0, firstTs: 1_300 }));
  lookAt(1);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await deleteVisit(await db(), 'v1');
});

describe('addNote', () => {
  it('stamps the note with the looked-at tab’s page and the offset from its first recorded event', async () => {
    const { noteId } = await addNote('v1', 'Bandeau cookies envahissant', 4_000);
    expect(await notes()).toEqual([{ id: noteId, visitId: 'v1', pageId: 'home', at: 4_000, offset: 2_700, text: 'Bandeau cookies envahissant' }]);
    expect(await viewsNotified()).toBe(true);
  });

  it('is written now when no moment is given', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(6_000);
    await addNote('v1', 'Maintenant');
    expect((await notes())[0]).toMatchObject({ at: 6_000, offset: 4_700 });
  });

  it('refuses an unknown visit', async () => {
    expect(await code(addNote('nope', 'texte', 4_000))).toBe('no-such-visit');
  });
});

describe('editNote and deleteNote', () => {
  it('changes the text and says when, keeping the stamp', async () => {
    const { noteId } = await addNote('v1', 'Premier jet', 4_000);
    vi.spyOn(Date, 'now').mockReturnValue(9_000);
    await editNote(noteId, 'Version relue');
    expect((await notes())[0]).toMatchObject({ pageId: 'home', at: 4_000, offset: 2_700, text: 'Version relue', editedAt: 9_000 });
  });

  it('refuses to edit a note that does not exist', async () => {
    expect(await code(editNote('nope', 'texte'))).toBe('no-such-note');
  });

  it('deletes a note, and a second delete is harmless', async () => {
    const { noteId } = await addNote('v1', 'À effacer', 4_000);
    await deleteNote(noteId);
    await deleteNote(noteId);
    expect(await notes()).toEqual([]);
  });
});
