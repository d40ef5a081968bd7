// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MissionChoice } from '../../../entrypoints/sidepanel/mission-section';
import { missingNow, StopCheck } from '../../../entrypoints/sidepanel/stop-check';
import { db } from '../../../utils/db/database';
import { deleteVisit, putNote, putVisit, upsertPage } from '../../../utils/db/repository';
import { MESSAGES } from '../../../utils/i18n/messages';
import type { Ask } from '../../../utils/messaging/ask';
import { ProtocolError } from '../../../utils/messaging/receive';
import { QUICK_VISIT_MISSION } from '../../../utils/mission/defaults';
import { allMissions } from '../../../utils/mission/installed';
import { missionSchema } from '../../../utils/mission/schema';
import type { Visit } from '../../../utils/schema/visit';
import { page, visit } from '../db/fixtures';
import { validMissionFile } from '../mission/fixtures';
import { $, $$, click, mount, type } from '../support/mount';

/**
 * The panel's mission shells: an agency's file read and checked before anything is sent (a refused
 * file sends nothing), the completeness check read from the database and explained through the
 * background.
 */

const m = MESSAGES.fr;
const mission = missionSchema.parse(validMissionFile());

/** Lets the import's reads and the fake background answer. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));

async function choose(text: string) {
  const input = $<HTMLInputElement>('[data-testid=mission-import]');
  Object.defineProperty(input, 'files', { value: [new File([text], 'mission.json', { type: 'application/json' })], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

describe('MissionChoice', () => {
  const choice = (ask: Ask, onSelect = vi.fn(), selectedId = QUICK_VISIT_MISSION.id) => (
    <MissionChoice m={m} lang="fr" missions={allMissions([])} selectedId={selectedId} onSelect={onSelect} now={0} ask={ask} />
  );

  it('checks a file whole before sending it: a refused file lists its problems, in French, and sends nothing', async () => {
    const ask = vi.fn();
    await mount(choice(ask));
    await choose(JSON.stringify({ ...validMissionFile(), sites: ['shop.example'], deadline: '14/07/2025' }));
    const error = $('[data-testid=mission-import-error]');
    expect($$('li code', error).map((c) => c.textContent)).toEqual(['sites[0]', 'deadline']);
    expect(error.textContent).toContain('date limite non valide « 14/07/2025 »');
    expect(ask).not.toHaveBeenCalled();
  });

  it('sends a valid file’s mission to the background, chooses it and says so', async () => {
    const ask = vi.fn().mockResolvedValue({ missionId: 'agence-test-juillet', hash: 'a'.repeat(64) });
    const onSelect = vi.fn();
    await mount(choice(ask, onSelect));
    await choose(`\uFEFF${JSON.stringify(validMissionFile())}`);
    expect(ask).toHaveBeenCalledWith({ type: 'mission/install', mission });
    expect(onSelect).toHaveBeenCalledWith('agence-test-juillet');
    expect($('[data-testid=mission-import-ok]').textContent).toBe('Mission « Mission de test » importée et choisie.');
  });

  it('says why the background refused a mission', async () => {
    const ask = vi.fn().mockRejectedValue(new ProtocolError('checklist-conflict'));
    await mount(choice(ask));
    await choose(JSON.stringify(validMissionFile()));
    expect($('[data-testid=mission-import-error]').textContent).toContain(m.errors['checklist-conflict']);
  });
});

describe('the completeness check before Stop', () => {
  const followed = (over: Partial<Visit> = {}) => visit({ mission, ...over });
  afterEach(async () => deleteVisit(await db(), 'v1'));

  it('reads what the visit lacks from the database: required steps and evidence', async () => {
    const d = await db();
    await putVisit(d, followed());
    await upsertPage(d, 'p1', () => page({ id: 'p1', autoType: 'home', url: 'https://shop.example/' }));
    expect((await missingNow(followed())).map((item) => item.id)).toEqual(['step/product', 'step/basket', 'evidence/basket-shot', 'evidence/delivery-note']);
    const marked = followed({ stepStatuses: { product: { status: 'blocked', comment: 'Rupture', at: 2 } } });
    expect((await missingNow(marked)).map((item) => item.id)).toEqual(['step/basket', 'evidence/basket-shot', 'evidence/delivery-note']);
    expect(await missingNow(visit())).toEqual([]);
    expect(await missingNow(visit({ mission: QUICK_VISIT_MISSION }))).toEqual([]);
  });

  it('lists them, sends an explanation to the background, and goes to a step folded away in its view', async () => {
    const d = await db();
    const current = followed();
    await putVisit(d, current);
    await putNote(d, { id: 'n1', visitId: 'v1', pageId: 'p1', at: 1, offset: 0, text: 'Livraison' });
    const ask = vi.fn().mockResolvedValue(undefined);
    const onView = vi.fn();
    await mount(
      <div>
        <StopCheck m={m} lang="fr" visit={current} rev={0} ask={ask} busy={false} onStop={() => undefined} onCancel={() => undefined} onView={onView} />
        <details>
          <summary>Étapes</summary>
          <ol>
            <li id="mission-step-home" tabIndex={-1}>
              Accueil
            </li>
          </ol>
        </details>
      </div>,
    );
    await settle();
    const items = $$('[data-testid=missing-item]');
    expect(items.map((li) => li.dataset.itemId)).toContain('step/home');
    const home = $('[data-testid=missing-item][data-item-id="step/home"]');
    await type($<HTMLTextAreaElement>('[data-testid=missing-explanation]', home), 'La page d’accueil redirige vers la boutique.');
    await click($('[data-testid=missing-explain]', home));
    expect(ask).toHaveBeenCalledWith({ type: 'visit/explain', visitId: 'v1', itemId: 'step/home', text: 'La page d’accueil redirige vers la boutique.' });
    await click($('[data-testid=missing-complete]', home));
    expect(onView).toHaveBeenCalledWith('visit');
    // The view is shown first, then the step: on the next frame.
    await act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    expect($<HTMLDetailsElement>('details').open).toBe(true);
    expect(document.activeElement?.id).toBe('mission-step-home');
  });
});
