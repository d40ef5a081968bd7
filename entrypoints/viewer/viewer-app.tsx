import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ImportArea, type ImportProgress } from '../../components/viewer/import-area';
import type { CommentChange } from '../../components/viewer/review-comments';
import { setReviewer } from '../../components/viewer/review-helpers';
import { VisitList } from '../../components/viewer/visit-list';
import { deleteImported, getImported, putImported, updateImported, viewerDb } from '../../utils/db/viewer-database';
import { bundleErrorText } from '../../utils/i18n/bundle-messages';
import { viewerMessages } from '../../utils/i18n/viewer-messages';
import { packBundle } from '../../utils/report/bundle/pack';
import { unpackBundle } from '../../utils/report/bundle/unpack';
import { importBundleFiles, type ImportResult } from '../../utils/report/import-bundles';
import { moveReview, setReviewComment, type Review, type ReviewStatus } from '../../utils/report/review';
import { saveFile } from '../../components/ui/save-file';
import { useLang } from '../../components/ui/use-lang';
import { reexportBundle } from './reexport';
import { useMissionChoice } from './use-mission-choice';
import { useImports } from './use-viewer';

const reportUrl = (id: string) => `/report.html?bundle=${encodeURIComponent(id)}`;

/** Reads picked or dropped files; one that cannot be read is reported, not thrown. */
async function readFiles(files: File[]) {
  const readable: { name: string; bytes: Uint8Array }[] = [];
  const unreadable: ImportResult[] = [];
  for (const file of files) {
    try {
      readable.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      unreadable.push({ name: file.name, ok: false, error: { code: 'read-failed' } });
    }
  }
  return { readable, unreadable };
}

/** The agency's viewer: import bundles, list them by mission, review them, re-export them. */
export function ViewerApp() {
  const [lang] = useLang(browser.storage.local, browser.i18n.getUILanguage());
  const t = viewerMessages(lang);
  useEffect(() => {
    document.title = t.pageTitle;
  }, [lang]);
  const { visits, failed, reload } = useImports();
  const [progress, setProgress] = useState<ImportProgress>();
  const [done, setDone] = useState<string>();
  const [results, setResults] = useState<ImportResult[]>([]);
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [exportingId, setExportingId] = useState<string>();
  const [missionChoice, setMissionChoice] = useMissionChoice();

  const importFiles = async (files: File[]) => {
    setResults([]);
    setDone(undefined);
    setProgress({ i: 0, n: files.length, name: files[0]?.name ?? '' });
    let all: ImportResult[] = [];
    try {
      const { readable, unreadable } = await readFiles(files);
      const db = await viewerDb();
      const imported = await importBundleFiles(readable, {
        unpack: unpackBundle,
        put: (visit) => putImported(db, visit),
        now: Date.now,
        onProgress: (i, n, name) => setProgress({ i, n, name }),
      });
      all = [...imported, ...unreadable];
    } catch {
      all = files.map((file) => ({ name: file.name, ok: false, error: { code: 'store-failed' } }));
    }
    setProgress(undefined);
    setResults(all);
    setDone(t.checked(all.filter((r) => r.ok).length, all.length));
    await reload();
  };

  const changeReview = async (id: string, change: (review: Review, now: number) => Review) => {
    setProblem(undefined);
    try {
      const updated = await updateImported(await viewerDb(), id, (entry) => ({ ...entry, review: change(entry.review, Date.now()) }));
      // Gone meanwhile (removed in another tab): the reload below drops its row.
      if (updated) setNotice(t.saved);
    } catch {
      setProblem(t.saveFailed);
    }
    await reload();
  };
  const onStatus = (id: string, status: ReviewStatus) =>
    void changeReview(id, (review, now) => {
      const moved = moveReview(review, status, now);
      return 'error' in moved ? review : moved;
    });
  const onReviewer = (id: string, name: string) => void changeReview(id, (review, now) => setReviewer(review, name, now));
  const onComments = (id: string, changes: CommentChange[]) =>
    void changeReview(id, (review, now) => changes.reduce((r, c) => setReviewComment(r, c.criterionId, c.text, now), review));

  const onReexport = async (id: string) => {
    setExportingId(id);
    setProblem(undefined);
    try {
      const stored = await getImported(await viewerDb(), id);
      if (!stored) return void (await reload());
      const generator = { name: 'Mystère', version: browser.runtime.getManifest().version };
      const result = await reexportBundle(stored, { unpack: unpackBundle, pack: packBundle, now: Date.now(), generator });
      if (!result.ok) return setProblem(`${t.reexportFailed} ${bundleErrorText(t.bundle, result.error)}`);
      // A copy: Blob wants bytes over a plain ArrayBuffer, which the packer's result is not typed as.
      saveFile(document, result.fileName, result.bytes.slice(), 'application/zip');
      setNotice(t.reexported(result.fileName));
    } catch {
      setProblem(t.reexportFailed);
    } finally {
      setExportingId(undefined);
    }
  };

  const onDelete = async (id: string) => {
    const site = visits?.find((v) => v.id === id)?.summary.site ?? id;
    await deleteImported(await viewerDb(), id);
    setNotice(t.removed(site));
    await reload();
  };

  return (
    <main class="viewer">
      <h1>{t.title}</h1>
      <p class="intro">{t.intro}</p>
      <ImportArea t={t} progress={progress} done={done} results={results} onFiles={(files) => void importFiles(files)} />
      <section aria-labelledby="viewer-list-title">
        <h2 id="viewer-list-title">
          {t.listTitle} {visits && visits.length > 0 && <span class="count">({visits.length})</span>}
        </h2>
        <p role="status" class="viewer-notice" data-testid="viewer-notice">
          {notice ?? ''}
        </p>
        <div role="alert" data-testid="viewer-error">
          {(problem ?? failed) && <p class="error">{problem ?? t.loadFailed}</p>}
        </div>
        <VisitList
          t={t}
          lang={lang}
          visits={visits}
          exportingId={exportingId}
          missionChoice={missionChoice}
          onMissionChoice={setMissionChoice}
          reportUrl={reportUrl}
          onStatus={onStatus}
          onReviewer={onReviewer}
          onComments={onComments}
          onReexport={(id) => void onReexport(id)}
          onDelete={(id) => void onDelete(id).catch(() => setProblem(t.saveFailed))}
        />
      </section>
    </main>
  );
}
