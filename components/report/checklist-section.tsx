import type { ReportChecklistSection, ReportCriterion, ReportModel } from '../../utils/report/model-types';
import { AnswerBadge, KnockoutMark } from './badges';
import { ReplayLink, shotAnchor, type EvidenceContext, type ImageUrl } from './evidence-links';
import { Facts } from './facts';
import { ReportSection } from './report-section';

/** Every criterion of the checklist with the evaluator's answer, why, and the proof. */
export function ChecklistSection({ ev, model, imageUrl }: { ev: EvidenceContext; model: ReportModel; imageUrl: ImageUrl }) {
  const { t } = ev;
  const checklist = model.checklist;
  return (
    <ReportSection id="checklist" title={t.sections.checklist}>
      {checklist ? (
        <>
          <p class="checklist-name">{checklist.title}</p>
          {checklist.sections.map((s) => (
            <ChecklistPart key={s.id} ev={ev} part={s} imageUrl={imageUrl} />
          ))}
        </>
      ) : (
        <p>{t.noChecklist}</p>
      )}
    </ReportSection>
  );
}

function ChecklistPart({ ev, part, imageUrl }: { ev: EvidenceContext; part: ReportChecklistSection; imageUrl: ImageUrl }) {
  const { t } = ev;
  return (
    <div class="checklist-part" data-testid="checklist-part" data-part-id={part.id}>
      <h3>{part.title}</h3>
      <p class="part-score">{t.fact(t.scoreColumn, part.score === null ? t.noScore : t.score(part.score))}</p>
      {part.criteria.length > 0 ? (
        <ol class="criteria">
          {part.criteria.map((c) => (
            <CriterionItem key={c.id} ev={ev} criterion={c} imageUrl={imageUrl} />
          ))}
        </ol>
      ) : (
        <p>{t.noCriteria}</p>
      )}
    </div>
  );
}

function CriterionItem({ ev, criterion: c, imageUrl }: { ev: EvidenceContext; criterion: ReportCriterion; imageUrl: ImageUrl }) {
  const { t } = ev;
  return (
    <li id={`criterion-${c.id}`} class={`criterion criterion-${c.state}`} data-testid="report-criterion" data-criterion-id={c.id} data-state={c.state}>
      <p class="criterion-head">
        {/* The criterion's code: how the evaluator, the agency and the replay's markers refer to it. */}
        <span class="criterion-id">{c.id}</span> <span class="criterion-question">{c.question}</span> <AnswerBadge t={t} state={c.state} label={c.stateLabel} />
        {c.knockout && <KnockoutMark t={t} />}
      </p>
      <Facts
        rows={[
          [t.weight, t.number(c.weight)],
          [t.references, c.references.length > 0 && c.references.join(', ')],
          [t.comment, c.comment && <span class="pre-wrap">{c.comment}</span>],
        ]}
      />
      {c.evidence.length > 0 && (
        <ul class="criterion-evidence" aria-label={t.evidence}>
          {c.evidence.map((ref, i) => (
            <li key={i}>
              {ref.kind === 'replay' ? <ReplayLink ev={ev} at={ref.at} /> : <ShotFigure ev={ev} id={ref.screenshotId} imageUrl={imageUrl} />}
            </li>
          ))}
        </ul>
      )}
      {c.reviewComment && (
        <p class="review-comment" data-testid="review-comment">
          <strong>{t.fact(t.reviewComment, '')}</strong>
          <span class="pre-wrap">{c.reviewComment}</span>
        </p>
      )}
    </li>
  );
}

/** A small screenshot that links to its full figure in the gallery. */
function ShotFigure({ ev, id, imageUrl }: { ev: EvidenceContext; id: string; imageUrl: ImageUrl }) {
  const n = ev.shotNumbers.get(id);
  if (n === undefined) return <span class="missing">{ev.t.missingScreenshot}</span>;
  const src = imageUrl(id, 'thumb');
  return (
    <figure class="evidence-shot">
      <a href={`#${shotAnchor(id)}`} class="shot-link">
        {src && <img src={src} alt="" decoding="async" />}
        <span class="evidence-shot-name">{ev.t.screenshotN(n)}</span>
      </a>
    </figure>
  );
}
