import { db } from '../../utils/db/database';
import { upsertPage } from '../../utils/db/repository';
import { ProtocolError } from '../../utils/messaging/receive';
import type { PageType } from '../../utils/schema/page-type';
import { notifyChanged } from './revision';

/** The evaluator corrects a page's type; null gives it back to the classifier. */
export async function setPageType(pageId: string, pageType: PageType | null): Promise<void> {
  const page = await upsertPage(await db(), pageId, (p) => {
    if (!p) return undefined;
    const { typeOverride: _, ...rest } = p;
    return pageType === null ? rest : { ...rest, typeOverride: pageType };
  });
  if (!page) throw new ProtocolError('no-such-page');
  await notifyChanged();
}
