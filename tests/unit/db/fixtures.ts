import type { Chunk } from '../../../utils/schema/chunk';
import type { Page } from '../../../utils/schema/page';
import type { Visit } from '../../../utils/schema/visit';

export function visit(over: Partial<Visit> = {}): Visit {
  return {
    id: 'v1',
    origin: 'https://shop.example',
    site: 'shop.example',
    startedAt: 1000,
    status: 'recording',
    tabIds: [1],
    origins: ['https://shop.example/*'],
    pauses: [],
    ...over,
  };
}

export function page(over: Partial<Page> = {}): Page {
  return {
    id: 'p1',
    visitId: 'v1',
    tabId: 1,
    url: 'https://shop.example/',
    title: 'Accueil',
    startedAt: 1000,
    navType: 'navigate',
    vitals: {},
    autoType: 'home',
    autoTypeReasons: [],
    ...over,
  };
}

export function chunk(over: Partial<Chunk> = {}): Chunk {
  return {
    visitId: 'v1',
    pageId: 'p1',
    seq: 0,
    data: new Uint8Array([1, 2, 3]),
    count: 1,
    firstTs: 1000,
    lastTs: 1000,
    ...over,
  };
}
