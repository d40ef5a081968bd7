import { PAGE_TYPES, type PageType } from '../../utils/schema/page-type';
import { pageTypeOf, type Page } from '../../utils/schema/page';
import type { Messages } from '../../utils/i18n/messages';
import { formatDuration, shortUrl } from '../ui/format';

interface Props {
  m: Messages;
  pages: Page[];
  now: number;
  /** Absent for a read-only list. */
  onSetType?: (pageId: string, type: PageType | null) => void;
}

/** The visit's pages in order: title, type (correctable), time on page. */
export function PageList({ m, pages, now, onSetType }: Props) {
  if (pages.length === 0) return <p class="empty">{m.noPages}</p>;
  return (
    <ol class="pages">
      {pages.map((page, i) => {
        const type = pageTypeOf(page);
        const selectId = `type-${page.id}`;
        return (
          <li
            key={page.id}
            class="page"
            data-testid="page-item"
            data-page-type={type}
            data-page-id={page.id}
            data-recorded={page.unrecorded ? 'false' : 'true'}
          >
            <div class="page-head">
              <span class="page-index" aria-hidden="true">{i + 1}</span>
              <span class="page-title" title={page.url}>{page.title || shortUrl(page.url)}</span>
            </div>
            <div class="page-meta">
              <span class="page-url">{shortUrl(page.url)}</span>
              <span>
                <span class="visually-hidden">{m.timeOnPage} </span>
                {formatDuration((page.endedAt ?? now) - page.startedAt)}
              </span>
            </div>
            {page.unrecorded && (
              <p class={`page-unrecorded ${page.unrecorded}`} data-testid="page-unrecorded" data-reason={page.unrecorded}>
                {m.unrecorded[page.unrecorded]}
              </p>
            )}
            <label class="page-type" for={selectId}>
              <span>{m.pageType}</span>
              <select
                id={selectId}
                data-testid="page-type-select"
                value={type}
                disabled={!onSetType}
                onChange={(e) => {
                  const value = (e.currentTarget).value as PageType;
                  onSetType?.(page.id, value === page.autoType ? null : value);
                }}
              >
                {PAGE_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {m.pageTypes[t]}
                    {t === page.autoType ? ` (${m.autoType})` : ''}
                  </option>
                ))}
              </select>
            </label>
          </li>
        );
      })}
    </ol>
  );
}
