import type { PageContext } from '../../utils/content/page-context';
import type { ChannelGate } from '../../utils/messaging/bridge-caps';
import type { Dropped } from '../../utils/messaging/protocol';

/**
 * Tells the background what the channel's gate dropped in this document, every 2 s while it grows
 * and as the page goes away. Each message carries the document's totals (not what changed), so a
 * resend or a lost message changes nothing but how late the visit learns of them.
 */
export function reportDropped(
  ctx: PageContext,
  gate: ChannelGate,
  visitId: () => string | undefined,
  send: (message: Dropped) => Promise<unknown>,
): void {
  const documentId = crypto.randomUUID();
  let told = 0;
  const tell = () => {
    const id = visitId();
    const { forged, excess } = gate.dropped;
    if (!id || forged + excess === told) return;
    told = forged + excess;
    send({ type: 'recorder/dropped', visitId: id, documentId, forged, excess }).catch(() => {
      told = 0;
    });
  };
  ctx.setInterval(tell, 2000);
  ctx.addEventListener(window, 'pagehide', tell);
}
