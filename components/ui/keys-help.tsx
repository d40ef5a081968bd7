import './cockpit.css';
import { useEffect, useRef } from 'preact/hooks';
import type { KeyLine } from '../../utils/i18n/cockpit-messages';

interface Props {
  title: string;
  closeLabel: string;
  groups: ReadonlyArray<{ title: string; keys: readonly KeyLine[] }>;
  open: boolean;
  onClose: () => void;
}

/** The keyboard help: a modal dialog (focus kept inside, Escape closes), listing every key by group. */
export function KeysHelp({ title, closeLabel, groups, open, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} class="keys-help" data-testid="keys-help" aria-labelledby="keys-help-title" onClose={onClose}>
      <div class="keys-help-head">
        <h2 id="keys-help-title">{title}</h2>
        <button type="button" class="btn btn-small" data-testid="keys-help-close" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
      {groups.map((g) => (
        <section key={g.title} aria-label={g.title}>
          <h3>{g.title}</h3>
          <dl>
            {g.keys.map(([keys, what]) => (
              <div key={keys} class="key-line">
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </dialog>
  );
}
