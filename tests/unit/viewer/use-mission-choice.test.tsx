// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useMissionChoice } from '../../../entrypoints/viewer/use-mission-choice';
import { NO_MISSION } from '../../../utils/report/visits-by-mission';
import { $, mount } from '../support/mount';

let choose: (choice: string) => void = () => {};
function Probe() {
  const [choice, setChoice] = useMissionChoice();
  choose = setChoice;
  return <output>{choice}</output>;
}

describe('useMissionChoice', () => {
  it('reads the choice from the address, writes it back without a history entry, and follows a hash typed in', async () => {
    history.replaceState(null, '', '/viewer.html#mission=summer');
    const before = history.length;
    await mount(<Probe />);
    expect($('output').textContent).toBe('summer');

    await act(() => choose(NO_MISSION));
    expect($('output').textContent).toBe(NO_MISSION);
    expect(location.hash).toBe('#mission=%3Anone');
    expect(location.pathname).toBe('/viewer.html');
    expect(history.length).toBe(before);

    await act(() => choose(''));
    expect(location.hash).toBe('');

    await act(() => {
      location.hash = '#mission=winter';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect($('output').textContent).toBe('winter');
  });
});
