import { db } from '../../utils/db/database';
import { deleteEvidence, getEvidence, getVisit, putNote } from '../../utils/db/repository';
import { ProtocolError } from '../../utils/messaging/receive';
import { notifyChanged } from './revision';
import { stamped } from './stamp';
import { guardWrite } from './storage-health';

/** The evaluator's notes, each tied to the page shown and the moment of its replay when written. */

export async function addNote(visitId: string, text: string, at = Date.now()): Promise<{ noteId: string }> {
  const d = await db();
  const visit = await getVisit(d, visitId);
  if (!visit) throw new ProtocolError('no-such-visit');
  const id = crypto.randomUUID();
  await stamped(d, visit, at, ({ page, offset }) => guardWrite(() => putNote(d, { id, visitId, pageId: page.id, at, offset, text })));
  await notifyChanged();
  return { noteId: id };
}

export async function editNote(noteId: string, text: string): Promise<void> {
  const d = await db();
  const note = await getEvidence(d, 'notes', noteId);
  if (!note) throw new ProtocolError('no-such-note');
  await guardWrite(() => putNote(d, { ...note, text, editedAt: Date.now() }));
  await notifyChanged();
}

export async function deleteNote(noteId: string): Promise<void> {
  await deleteEvidence(await db(), 'notes', noteId);
  await notifyChanged();
}
