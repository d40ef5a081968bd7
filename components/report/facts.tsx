import type { ComponentChildren } from 'preact';

/** A label and its value; rows without a value are left out, so callers can list optional facts. */
export type FactRow = readonly [label: string, value: ComponentChildren | undefined | null | false];

/** Label–value pairs as a description list (one `div` per pair, which `dl` allows). */
export function Facts({ rows, class: className }: { rows: readonly FactRow[]; class?: string }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== false && value !== '');
  if (shown.length === 0) return null;
  return (
    <dl class={className ? `facts ${className}` : 'facts'}>
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
