import { describe, expect, it } from 'vitest';
import type { SignalDraft } from '../../../utils/friction/detectors';
import { signalId } from '../../../utils/friction/signal-id';
import { signalSchema } from '../../../utils/schema/evidence';

const draft: SignalDraft = { type: 'js-error', at: 1_700_000_000_123, facts: { error: 'error', message: 'boom' } };
const PAGE = '0b0c5a52-3a4e-4a51-9d55-0f0e6b1c2d3e';

describe('signalId', () => {
  it('is the same for the same fact resent', () => {
    expect(signalId(PAGE, { ...draft, facts: { ...draft.facts } })).toBe(signalId(PAGE, draft));
  });

  it('differs for another moment, another type, another element, other facts or another page', () => {
    const ids = new Set([
      signalId(PAGE, draft),
      signalId(PAGE, { ...draft, at: draft.at + 1 }),
      signalId(PAGE, { ...draft, type: 'form-error' }),
      signalId(PAGE, { ...draft, selector: '#a' }),
      signalId(PAGE, { ...draft, facts: { error: 'rejection', message: 'boom' } }),
      signalId(PAGE.replace('0b', '1b'), draft),
    ]);
    expect(ids.size).toBe(6);
  });

  it('fits the stored id', () => {
    const id = signalId(PAGE, draft);
    expect(signalSchema.shape.id.safeParse(id).success).toBe(true);
  });
});
