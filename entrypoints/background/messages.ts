import { requestSchema, type Request } from '../../utils/messaging/protocol';
import type { Sender } from '../../utils/messaging/receive';
import { onBatch, onHello, onPage } from './recorder-handlers';
import { setPageType } from './page-commands';
import { addOrigin, pauseVisit, removeVisit, resumeVisit, startVisit, stopVisit } from './visit-controller';

export { requestSchema };

/** Routes each parsed request to its handler. */
export async function handleRequest(message: Request, sender: Sender): Promise<unknown> {
  switch (message.type) {
    case 'recorder/hello':
      return onHello(sender.tabId, sender.openerTabId);
    case 'recorder/page':
      return onPage(message, sender.tabId);
    case 'recorder/batch':
      return onBatch(message, sender.tabId);
    case 'visit/start':
      return startVisit(message.tabId);
    case 'visit/pause':
      return pauseVisit(message.visitId);
    case 'visit/resume':
      return resumeVisit(message.visitId, message.tabId);
    case 'visit/stop':
      return stopVisit(message.visitId);
    case 'visit/delete':
      return removeVisit(message.visitId);
    case 'visit/add-origin':
      return addOrigin(message.visitId, message.tabId);
    case 'page/set-type':
      return setPageType(message.pageId, message.pageType);
  }
}

/** Our requests all carry a `type` with a slash; anything else is not for us. */
export function isRequest(message: unknown): boolean {
  return typeof (message as { type?: unknown } | null)?.type === 'string' && (message as { type: string }).type.includes('/');
}
