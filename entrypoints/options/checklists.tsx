import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ChecklistLibrary } from '../../components/checklist/checklist-library';
import { listedChecklists } from '../../components/checklist/checklist-picker';
import { saveFile } from '../../components/ui/save-file';
import { parseChecklistText, type ChecklistProblem } from '../../utils/checklist/errors';
import { allChecklists } from '../../utils/checklist/installed';
import type { Checklist } from '../../utils/checklist/schema';
import { db } from '../../utils/db/database';
import { listInstalledChecklists } from '../../utils/db/repository';
import { safeFileName } from '../../utils/file-names';
import type { Lang, Messages } from '../../utils/i18n/messages';
import { asker } from '../../utils/messaging/ask';
import { ProtocolError } from '../../utils/messaging/receive';

const ask = asker((request) => browser.runtime.sendMessage(request));

/**
 * The checklists on the options page: the agency's work (import a file, export one) kept out of
 * the evaluator's panel. The background installs; this page only reads the database.
 */
export function OptionsChecklists({ m, lang }: { m: Messages; lang: Lang }) {
  const t = m.checklist;
  const [checklists, setChecklists] = useState<{ checklist: Checklist; builtIn: boolean }[]>([]);
  const [rev, setRev] = useState(0);
  const [importing, setImporting] = useState(false);
  const [problems, setProblems] = useState<ChecklistProblem[]>();
  const [importedTitle, setImportedTitle] = useState<string>();

  useEffect(() => {
    void db()
      .then(listInstalledChecklists)
      .then((installed) => setChecklists(allChecklists(installed)));
  }, [rev]);

  const onImport = async (file: File) => {
    setImporting(true);
    setProblems(undefined);
    setImportedTitle(undefined);
    try {
      const parsed = parseChecklistText(await file.text(), lang);
      if (!parsed.ok) return setProblems(parsed.problems);
      await ask({ type: 'checklist/install', checklist: parsed.checklist });
      setImportedTitle(parsed.checklist.title[lang]);
      setRev((r) => r + 1);
    } catch (e) {
      setProblems([{ path: file.name, message: m.errors[e instanceof ProtocolError ? e.code : 'internal'] ?? m.errors.internal }]);
    } finally {
      setImporting(false);
    }
  };

  return (
    <ChecklistLibrary
      t={t}
      words={m.cockpit.library}
      lang={lang}
      checklists={listedChecklists(checklists)}
      onExport={(id) => {
        const checklist = checklists.find((c) => c.checklist.id === id)?.checklist;
        if (checklist) saveFile(document, safeFileName(checklist.id, 'json'), JSON.stringify(checklist, null, 2), 'application/json');
      }}
      onImport={(file) => void onImport(file)}
      importing={importing}
      importProblems={problems}
      importedTitle={importedTitle}
    />
  );
}
