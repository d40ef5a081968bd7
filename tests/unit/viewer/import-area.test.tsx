// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { $, mount, root } from '../support/mount';
import { ImportArea } from '../../../components/viewer/import-area';
import { viewerEn } from '../../../utils/i18n/viewer-messages';

const t = viewerEn;

function dragEvent(type: string, files: File[] = []) {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { files, dropEffect: 'none' } });
  return event;
}

describe('ImportArea', () => {
  it('has a labelled file input taking several zips', async () => {
    await mount(<ImportArea t={t} results={[]} onFiles={vi.fn()} />);
    const input = $<HTMLInputElement>('[data-testid=viewer-import]');
    expect([input.type, input.multiple, input.accept]).toEqual(['file', true, '.zip,application/zip']);
    expect($(`label[for="${input.id}"]`).textContent).toBe(t.importLabel);
  });

  it('announces progress, then the results, each refusal as an alert', async () => {
    await mount(<ImportArea t={t} progress={{ i: 2, n: 3, name: 'b.zip' }} results={[]} onFiles={vi.fn()} />);
    expect($('[role=status]').textContent).toBe('Checking 2 of 3: b.zip…');
    expect($<HTMLInputElement>('[data-testid=viewer-import]').disabled).toBe(true);

    const results = [
      { name: 'a.zip', ok: true, visitId: 'a', replaced: false },
      { name: 'b.zip', ok: true, visitId: 'b', replaced: true },
      { name: 'c.zip', ok: false, error: { code: 'store-failed' as const } },
    ];
    await act(() => render(<ImportArea t={t} done={t.checked(2, 3)} results={results} onFiles={vi.fn()} />, root));
    expect($('[role=status]').textContent).toBe('3 files checked, 2 imported.');
    const items = [...root.querySelectorAll<HTMLElement>('[data-testid=viewer-import-result]')];
    expect(items.map((li) => [li.dataset.ok, li.dataset.errorCode, li.textContent])).toEqual([
      ['true', undefined, 'a.zip: imported.'],
      ['true', undefined, 'b.zip: imported, replacing the same visit imported before; its review is kept as it was.'],
      ['false', 'store-failed', `c.zip: rejected. ${t.storeFailed}`],
    ]);
    expect(root.querySelectorAll('[role=alert]')).toHaveLength(1);
  });

  it('takes picked files, and dropped ones, highlighting the zone while dragging', async () => {
    const onFiles = vi.fn();
    await mount(<ImportArea t={t} results={[]} onFiles={onFiles} />);
    const zone = $<HTMLElement>('[data-testid=viewer-drop-zone]');
    const files = [new File(['a'], 'a.zip'), new File(['b'], 'b.zip')];

    await act(() => {
      zone.dispatchEvent(dragEvent('dragover'));
    });
    expect(zone.classList.contains('dragging')).toBe(true);
    const drop = dragEvent('drop', files);
    await act(() => {
      zone.dispatchEvent(drop);
    });
    expect(drop.defaultPrevented).toBe(true);
    expect(zone.classList.contains('dragging')).toBe(false);
    expect(onFiles).toHaveBeenCalledWith(files);

    const input = $<HTMLInputElement>('[data-testid=viewer-import]');
    Object.defineProperty(input, 'files', { value: files.slice(0, 1), configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onFiles).toHaveBeenLastCalledWith(files.slice(0, 1));
  });

  it('ignores a drop while a batch is being checked', async () => {
    const onFiles = vi.fn();
    await mount(<ImportArea t={t} progress={{ i: 1, n: 1, name: 'a.zip' }} results={[]} onFiles={onFiles} />);
    await act(() => {
      $('[data-testid=viewer-drop-zone]').dispatchEvent(dragEvent('drop', [new File(['a'], 'a.zip')]));
    });
    expect(onFiles).not.toHaveBeenCalled();
  });
});
