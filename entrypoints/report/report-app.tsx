import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '../../components/ui/theme.css';
import { ReportView } from '../../components/report/report-view';
import { VerdictForm } from '../../components/report/verdict-form';
import { reportUiEn, reportUiFr } from '../../utils/i18n/report-ui-messages';
import { reportPageEn, reportPageFr } from '../../utils/i18n/report-page-messages';
import { errorText, MESSAGES } from '../../utils/i18n/messages';
import { ProtocolError } from '../../utils/messaging/receive';
import { asker } from '../../utils/messaging/ask';
import { REVISION_KEY } from '../../utils/messaging/revision';
import { db } from '../../utils/db/database';
import { getVisit } from '../../utils/db/repository';
import { buildReport } from '../../utils/report/build-report';
import { exportFileName } from '../../utils/file-names';
import { decodeRecording, firstViewport, type ReplayEvent } from '../../utils/report/replay-events';
import { lookupIn, rewriteAssets } from '../../utils/report/replay-assets';
import { blobUrls } from '../../utils/report/blob-urls';
import { saveFile } from '../../components/ui/save-file';
import { useLang } from '../../components/ui/use-lang';
import { exportBundle, exportHtml } from './export';
import { loadSource, type Loaded, type ReportSource } from './source';
import { ReportToolbar } from './report-toolbar';
import { useImageUrls } from './use-image-urls';
import { useReplay } from './use-replay';

const ask = asker((request) => browser.runtime.sendMessage(request));

type Busy = 'html' | 'bundle' | undefined;

/** The report of one visit: read it, write the verdict, replay, export (HTML, bundle) and print. */
export function ReportApp({ source }: { source: ReportSource }) {
  const [lang, setLang] = useLang(browser.storage.local, browser.i18n.getUILanguage());
  const [loaded, setLoaded] = useState<Loaded>();
  const [events, setEvents] = useState<ReplayEvent[] | 'failed'>();
  const [rev, setRev] = useState(0);
  const [busy, setBusy] = useState<Busy>();
  const [status, setStatus] = useState<{ text: string; error: boolean }>();
  const p = lang === 'fr' ? reportPageFr : reportPageEn;

  useEffect(() => {
    // The verdict is saved by the background: re-read when it says stored data changed.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && REVISION_KEY in changes) setRev((r) => r + 1);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  useEffect(() => {
    void loadSource(source).then((l) => {
      performance.mark('mystere-report-loaded');
      setLoaded(l);
    });
  }, [source]);
  // What changes in a finished visit is its record (the verdict): re-read that alone, never the
  // screenshots and recording, at each word from the background (which comes every few seconds
  // while another visit records). An imported bundle does not change with this database at all.
  useEffect(() => {
    if (rev === 0 || source.kind !== 'visit') return;
    void db()
      .then((d) => getVisit(d, source.id))
      .then((visit) =>
        setLoaded((current) => {
          if (!visit || !current?.ok || JSON.stringify(visit) === JSON.stringify(current.content.data.visit)) return current;
          return { ...current, content: { ...current.content, data: { ...current.content.data, visit } } };
        }),
      );
  }, [rev]);

  const content = loaded?.ok ? loaded.content : undefined;
  const recordingKey = content ? `${content.data.visit.id}:${content.data.recording.length}` : '';
  useEffect(() => {
    if (!content) return;
    // The shop's images, fonts and sheets from the visit's copies (blob: URLs, freed with this
    // recording): the replay fetches nothing.
    const copies = blobUrls();
    let gone = false;
    void decodeRecording(content.data.recording, content.chunks)
      .then((decoded) => {
        performance.mark('mystere-report-decoded');
        if (!gone) setEvents(rewriteAssets(decoded, lookupIn(content.assets ?? new Map()), { urlOf: copies.urlOf }));
        performance.mark('mystere-report-rewritten');
      })
      .catch(() => setEvents('failed'));
    return () => {
      gone = true;
      copies.revoke();
    };
  }, [recordingKey]);

  const model = useMemo(() => {
    if (!content) return undefined;
    const built = buildReport(content.data, { lang, now: Date.now() });
    const screen = Array.isArray(events) ? firstViewport(events) : undefined;
    return screen ? { ...built, cover: { ...built.cover, screen } } : built;
  }, [content, lang, events]);
  const imageUrl = useImageUrls(content);

  useReplay(model, events, content?.data.recording);

  if (!loaded) return <p role="status">{p.loading}</p>;
  if (!loaded.ok || !content || !model) {
    return (
      <main>
        <h1>Mystère</h1>
        <p role="alert">{loaded.ok ? p.loading : loaded.error === 'bad-bundle' ? p.badBundle : p.noSuchVisit}</p>
      </main>
    );
  }

  const visit = content.data.visit;
  const own = source.kind === 'visit';
  const run = async (kind: Exclude<Busy, undefined>) => {
    setBusy(kind);
    const started = performance.now();
    setStatus({ text: kind === 'html' ? p.exportingHtml : p.exportingBundle, error: false });
    try {
      // The report as shown, dated now.
      const html = await exportHtml(content, { ...model, generatedAt: Date.now() }, document);
      if (kind === 'html') {
        const name = exportFileName(visit.site, visit.startedAt, 'html');
        saveFile(document, name, html, 'text/html');
        performance.measure('mystere-export-html', { start: started, end: performance.now(), detail: { bytes: html.length } });
        setStatus({ text: p.exportedHtml(name), error: false });
      } else {
        const bytes = await exportBundle(content, html, Date.now());
        const name = exportFileName(visit.site, visit.startedAt, 'zip');
        saveFile(document, name, bytes as Uint8Array<ArrayBuffer>, 'application/zip');
        performance.measure('mystere-export-bundle', { start: started, end: performance.now(), detail: { bytes: bytes.length } });
        setStatus({ text: p.exportedBundle(name), error: false });
      }
    } catch (error) {
      console.error(error);
      setStatus({ text: p.exportFailed, error: true });
    } finally {
      setBusy(undefined);
    }
  };
  const onBundle = () => {
    if (own && !visit.verdict?.final) {
      setStatus({ text: p.verdictNeeded, error: true });
      return;
    }
    void run('bundle');
  };

  const t = lang === 'fr' ? reportUiFr : reportUiEn;
  const noWithoutComment = model.verdict.issues.flatMap((i) => (i.kind === 'no-without-comment' ? [{ criterionId: i.criterionId, question: i.question }] : []));
  const onSave = async (v: { text: string; alias: string; final: boolean }) => {
    try {
      await ask({ type: 'visit/verdict', visitId: visit.id, ...v });
    } catch (e) {
      throw new Error(errorText(MESSAGES[lang], e instanceof ProtocolError ? e.code : 'internal'));
    }
  };

  return (
    <ReportView
      model={model}
      t={t}
      imageUrl={imageUrl}
      toolbar={
        <ReportToolbar
          p={p}
          lang={lang}
          onLang={setLang}
          busy={busy}
          status={status}
          readOnly={!own}
          final={Boolean(visit.verdict?.final)}
          replayState={events === 'failed' ? 'failed' : events ? 'ready' : 'loading'}
          onExportHtml={() => void run('html')}
          onExportBundle={onBundle}
        />
      }
      verdictSlot={
        own ? (
          <VerdictForm
            key={`${visit.id}:${lang}`}
            t={t}
            initial={{ text: visit.verdict?.text ?? '', alias: visit.verdict?.alias ?? '', final: visit.verdict?.final ?? false }}
            noWithoutComment={noWithoutComment}
            onSave={onSave}
          />
        ) : undefined
      }
    />
  );
}
