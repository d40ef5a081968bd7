import { db } from '../../utils/db/database';
import { getVisit, updateVisit } from '../../utils/db/repository';
import type { Delivery, Dropped } from '../../utils/messaging/protocol';
import { ProtocolError } from '../../utils/messaging/receive';
import { guardWrite } from './storage-health';
import { notifyChanged } from './revision';

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

/**
 * A recorder's totals of messages retried, handed over through storage and lost in its document,
 * stored on the visit (overwriting its own earlier totals), and logged when they grow: the panel and
 * the report show them as the recording's health.
 */
export async function onDelivery(message: Delivery, tabId: number | undefined): Promise<void> {
  const d = await db();
  const visit = await getVisit(d, message.visitId);
  if (!visit || tabId === undefined || !visit.tabIds.includes(tabId)) throw new ProtocolError('not-in-visit');
  const before = visit.delivery?.[message.documentId];
  if (before && before.retried === message.retried && before.fellBack === message.fellBack && before.lost === message.lost) return;
  console.warn(
    `Mystère: recording delivery in tab ${tabId}: ${message.retried} message(s) retried, ${message.fellBack} handed over through storage, ${message.lost} lost`,
  );
  let changed = false;
  await guardWrite(() =>
    updateVisit(d, message.visitId, (current) => {
      const delivery = { ...current.delivery };
      if (!(message.documentId in delivery) && Object.keys(delivery).length >= MAX_DOCUMENTS) return current;
      delivery[message.documentId] = { retried: message.retried, fellBack: message.fellBack, lost: message.lost };
      changed = true;
      return { ...current, delivery };
    }),
  );
  if (changed) await notifyChanged();
}
