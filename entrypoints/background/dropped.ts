import { db } from '../../utils/db/database';
import { getVisit, updateVisit } from '../../utils/db/repository';
import type { Dropped } from '../../utils/messaging/protocol';
import { ProtocolError } from '../../utils/messaging/receive';
import { guardWrite } from './storage-health';

/** At most this many documents' counts are kept on a visit (a bound on its record); later ones are not. */
const MAX_DOCUMENTS = 500;

/** A recorder's totals of dropped messages in its document, stored on the visit (overwriting its own earlier totals). */
export async function onDropped(message: Dropped, tabId: number | undefined): Promise<void> {
  const d = await db();
  const visit = await getVisit(d, message.visitId);
  if (!visit || tabId === undefined || !visit.tabIds.includes(tabId)) throw new ProtocolError('not-in-visit');
  await guardWrite(() =>
    updateVisit(d, message.visitId, (current) => {
      const dropped = { ...current.dropped };
      if (!(message.documentId in dropped) && Object.keys(dropped).length >= MAX_DOCUMENTS) return current;
      dropped[message.documentId] = { forged: message.forged, excess: message.excess };
      return { ...current, dropped };
    }),
  );
}
