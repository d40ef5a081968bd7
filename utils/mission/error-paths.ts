/** Reading a refused mission file's raw value: what is at a path, and how to name that path. */

type Path = readonly PropertyKey[];

/** A JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(value: unknown, key: PropertyKey): unknown {
  if (Array.isArray(value) && typeof key === 'number') return value[key] as unknown;
  if (isRecord(value) && typeof key === 'string') return value[key];
  return undefined;
}

/** What the file holds at `path`, or undefined. */
export function valueAt(raw: unknown, path: Path): unknown {
  return path.reduce<unknown>(child, raw);
}

/** A value quoted in a message: one line, 40 characters at most. */
export function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** Any value as shortened text (a string as is, anything else as JSON). */
export function show(value: unknown): string {
  return typeof value === 'string' ? shorten(value) : shorten(JSON.stringify(value) ?? String(value));
}

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
