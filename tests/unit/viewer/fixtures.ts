import type { ImportedVisit } from '../../../utils/db/viewer-database';
import type { Answer, Checklist, Criterion } from '../../../utils/checklist/schema';
import type { BundleManifest } from '../../../utils/report/bundle/manifest';
import { submittedReview } from '../../../utils/report/review';
import type { VisitContent, VisitData } from '../../../utils/report/visit-data';
import { visit } from '../db/fixtures';

const criterion = (id: string, extra: Partial<Criterion> = {}): Criterion => ({
  id,
  question: { fr: `Question ${id}\u00a0?`, en: `Question ${id}?` },
  answer: { kind: 'yes-no' },
  weight: 2,
  knockout: false,
  pages: ['any'],
  references: [{ kind: 'opquast', code: '1' }],
  ...extra,
});

export const checklist: Checklist = {
  format: 'mystere-checklist',
  version: 1,
  id: 'test',
  title: { fr: 'Grille de test', en: 'Test checklist' },
  sections: [
    { id: 's1', title: { fr: 'Un', en: 'One' }, weight: 1, criteria: [criterion('c1'), criterion('c2')] },
    { id: 's2', title: { fr: 'Deux', en: 'Two' }, weight: 1, criteria: [criterion('c3', { answer: { kind: 'scale', min: 1, max: 5 } })] },
  ],
};

export const answer = (criterionId: string, over: Partial<Answer> = {}): Answer => ({
  id: `v1/${criterionId}`,
  visitId: 'v1',
  checklistId: 'test',
  criterionId,
  state: 'yes',
  comment: '',
  pageId: 'p1',
  at: 2000,
  offset: 0,
  evidence: [],
  ...over,
});

export function visitData(over: Partial<VisitData> = {}): VisitData {
  return {
    visit: visit({ status: 'ended', endedAt: 9000 }),
    pages: [],
    screenshots: [],
    notes: [],
    signals: [],
    abandonments: [],
    answers: [],
    audits: [],
    recording: [],
    ...over,
  };
}

export const content = (data: VisitData): VisitContent => ({ data, screenshots: new Map(), chunks: new Map() });

export const manifest = (visitId: string, site = 'shop.example'): BundleManifest => ({
  format: 'mystere-bundle',
  version: 1,
  createdAt: 5000,
  generator: { name: 'Mystère', version: '0.1.0' },
  visitId,
  site,
  parts: [{ path: 'visit.json', kind: 'visit', size: 2, sha256: '0'.repeat(64) }],
});

export function imported(over: Partial<ImportedVisit> = {}): ImportedVisit {
  const id = over.id ?? 'v1';
  return {
    id,
    importedAt: 10_000,
    fileName: `${id}.zip`,
    manifest: manifest(id),
    summary: { site: 'shop.example', startedAt: 1000, score: 50, outcome: 'unknown', evaluator: 'Alex' },
    criteria: [],
    review: submittedReview(10_000),
    bytes: new Uint8Array([80, 75, 3, 4]),
    ...over,
  };
}
