// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { $, mount } from '../support/mount';
import { useRead } from '../../../entrypoints/sidepanel/use-read';

/** A read per revision, each finished by hand, in any order. */
function reads() {
  const pending = new Map<number, (value: string) => void>();
  return {
    read: (rev: number) => () => new Promise<string>((resolve) => pending.set(rev, resolve)),
    finish: (rev: number, value: string) =>
      act(async () => {
        pending.get(rev)!(value);
        await Promise.resolve();
      }),
  };
}

function Probe({ read, rev }: { read: ((rev: number) => () => Promise<string>) | undefined; rev: number }) {
  const value = useRead(read?.(rev), [rev]);
  return <output data-value={value ?? 'none'} />;
}

describe('useRead', () => {
  it('shows the newest revision when an older read finishes last', async () => {
    const { read, finish } = reads();
    const { rerender } = await mountProbe(read, 1);
    await rerender(2);
    await finish(2, 'revision 2');
    expect($('output').dataset.value).toBe('revision 2');
    await finish(1, 'revision 1');
    expect($('output').dataset.value).toBe('revision 2');
  });

  it('shows each read in turn when they finish in order', async () => {
    const { read, finish } = reads();
    const { rerender } = await mountProbe(read, 1);
    await finish(1, 'revision 1');
    expect($('output').dataset.value).toBe('revision 1');
    await rerender(2);
    // The last value stays shown while the next is read.
    expect($('output').dataset.value).toBe('revision 1');
    await finish(2, 'revision 2');
    expect($('output').dataset.value).toBe('revision 2');
  });

  it('reads nothing while there is nothing to read', async () => {
    await mountProbe(undefined, 1);
    expect($('output').dataset.value).toBe('none');
  });
});

async function mountProbe(read: ((rev: number) => () => Promise<string>) | undefined, rev: number) {
  const { render } = await import('preact');
  const root = await mount(<Probe read={read} rev={rev} />);
  return { rerender: (next: number) => act(() => render(<Probe read={read} rev={next} />, root)) };
}
