/** Reading a refused mission file's raw value: what is at a path, and how to name that path. */

import { child, isRecord, shorten } from '../i18n/file-problems';

export { isRecord, shorten, show, valueAt } from '../i18n/file-problems';

type Path = readonly PropertyKey[];

/** Lists whose items are named by their id in a path: `steps[2] (basket) › instruction.fr`. */
const NAMED_LISTS = new Set<PropertyKey>(['steps', 'requiredEvidence']);

/** `steps[2] (basket) › reached[0].kind`; `labels: false` gives the bare path (`steps[2]`). */
export function readableMissionPath(path: Path, raw: unknown, labels = true): string {
  const groups: string[] = [];
  let current = '';
  let node = raw;
  let parent: PropertyKey | undefined;
  for (const key of path) {
    node = child(node, key);
    if (typeof key === 'number') {
      current += `[${key}]`;
      if (parent !== undefined && NAMED_LISTS.has(parent)) {
        const id = isRecord(node) && typeof node.id === 'string' && node.id.trim() ? ` (${shorten(node.id)})` : '';
        groups.push(current + (labels ? id : ''));
        current = '';
      }
    } else {
      current += (current ? '.' : '') + String(key);
      // An embedded checklist reads like an imported one: `checklist.embedded › sections[0] …`.
      if (key === 'embedded' && parent === 'checklist') {
        groups.push(current);
        current = '';
      }
    }
    parent = key;
  }
  if (current) groups.push(current);
  return groups.join(' › ');
}
