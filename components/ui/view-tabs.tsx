import './cockpit.css';
import type { ComponentChildren } from 'preact';

export interface ViewTab<Id extends string> {
  id: Id;
  label: string;
  /** A short figure beside the label (e.g. "3/38"), and the same in words for screen readers. */
  count?: { shown: string; said: string } | undefined;
}

export const tabId = (id: string) => `view-tab-${id}`;
export const viewPanelId = (id: string) => `view-${id}`;

/**
 * The bar of views (ARIA tabs): one tab in the tab order, the arrows, Home and End move between
 * them and show the view at once.
 */
export function ViewTabs<Id extends string>({ label, tabs, current, onSelect }: { label: string; tabs: ViewTab<Id>[]; current: Id; onSelect: (id: Id) => void }) {
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((tab) => tab.id === current);
    const to =
      e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    const next = tabs[to]!;
    onSelect(next.id);
    document.getElementById(tabId(next.id))?.focus();
  };
  return (
    <div class="view-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          class="view-tab"
          data-testid="view-tab"
          data-view={tab.id}
          aria-selected={tab.id === current}
          aria-controls={viewPanelId(tab.id)}
          tabIndex={tab.id === current ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
          {tab.count && (
            <span class="view-count">
              <span aria-hidden="true">{tab.count.shown}</span>
              <span class="visually-hidden">, {tab.count.said}</span>
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

/** One view's content; the others stay mounted but hidden, so what they hold keeps its state. */
export function ViewPanel({ id, current, children }: { id: string; current: string; children: ComponentChildren }) {
  return (
    <section role="tabpanel" id={viewPanelId(id)} class="view-panel" data-testid="view-panel" data-view={id} aria-labelledby={tabId(id)} hidden={id !== current}>
      {children}
    </section>
  );
}
