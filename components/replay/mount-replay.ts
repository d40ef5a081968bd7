import Player from 'rrweb-player';
import 'rrweb-player/dist/style.css';
import type { eventWithTime } from '@rrweb/types';
import { MARKER_COLOURS, type ReplayEvent } from '../../utils/report/replay-events';

/** The replay mounted in a report: seek to a moment, or take it down. */
export interface MountedReplay {
  goto(at: number): void;
  destroy(): void;
}

/**
 * Mounts rrweb-player in `target`. rrweb rebuilds each recorded page in an iframe sandboxed with
 * `allow-same-origin` only (never `allow-scripts`): nothing recorded from the shop can run. Speeds
 * 1–8×, inactivity skipped, markers drawn on the progress bar as coloured ticks.
 */
/** Names for rrweb-player's icon-only controls, which it leaves unnamed, and its switch's words. */
export interface ReplayLabels {
  playPause: string;
  fullscreen: string;
  skipInactive: string;
  /** The timeline, a slider. */
  timeline: string;
  /** "0:12 of 1:05", for the slider's value. */
  position: (at: number, total: number) => string;
}

/** How far an arrow key moves the timeline. */
const STEP_MS = 5000;

export function mountReplay(target: HTMLElement, events: readonly ReplayEvent[], labels: ReplayLabels): MountedReplay {
  target.replaceChildren();
  const width = Math.max(320, Math.min(target.clientWidth || 960, 1200));
  const player = new Player({
    target,
    props: {
      events: events as eventWithTime[],
      width,
      height: Math.round((width * 9) / 16),
      autoPlay: false,
      skipInactive: true,
      speedOption: [1, 2, 4, 8],
      showController: true,
      tags: MARKER_COLOURS,
      mouseTail: false,
      UNSAFE_replayCanvas: false,
    },
  });
  nameControls(target, labels);
  const stopKeys = timelineKeys(target, player, labels);
  return {
    // 1 ms in: rrweb applies the events stamped before the seek time, and a page starts exactly at `at`.
    goto: (at) => player.goto(at + 1, false),
    // A Svelte component; its type package is not installed, so its teardown is not in the types.
    destroy: () => {
      stopKeys();
      (player as unknown as { $destroy(): void }).$destroy();
    },
  };
}

/**
 * The report's replay, as the report page and the exported file both start it: mounted in the
 * `#replay-player` box, every ▶ link of the document bound to it, the box marked ready. Returns
 * its teardown.
 */
export function startReplay(target: HTMLElement, events: readonly ReplayEvent[], labels: ReplayLabels): () => void {
  const replay = mountReplay(target, events, labels);
  const unbind = bindReplayLinks(target.ownerDocument, replay);
  target.setAttribute('data-state', 'ready');
  return () => {
    unbind();
    replay.destroy();
  };
}

/**
 * Makes every `[data-replay-at]` link in `root` seek the replay to its moment and bring the player
 * into view. One listener for the whole document, so it works on markup rendered to a string too.
 */
export function bindReplayLinks(root: Document, replay: MountedReplay): () => void {
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('[data-replay-at]');
    if (!link) return;
    const at = Number(link.getAttribute('data-replay-at'));
    if (!Number.isFinite(at)) return;
    event.preventDefault();
    replay.goto(at);
    const player = root.getElementById('replay-player');
    player?.scrollIntoView({ block: 'start' });
    player?.setAttribute('tabindex', '-1');
    player?.focus({ preventScroll: true });
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

/** Gives the player's icon buttons and its switch an accessible name (the elements persist across its updates). */
function nameControls(target: HTMLElement, labels: ReplayLabels): void {
  const buttons = Array.from(target.querySelectorAll<HTMLButtonElement>('.rr-controller__btns > button'));
  buttons[0]?.setAttribute('aria-label', labels.playPause);
  if (buttons.length > 1) buttons[buttons.length - 1]!.setAttribute('aria-label', labels.fullscreen);
  target.querySelector('.rr-controller__btns input[type=checkbox]')?.setAttribute('aria-label', labels.skipInactive);
  // Its switch's visible words are English only.
  const words = target.querySelector('.rr-controller__btns .switch .label');
  if (words) words.textContent = labels.skipInactive;
}

/**
 * rrweb-player's timeline answers only the mouse (its own arrow keys step 5 ms, and it cannot take
 * the focus). Made a slider: focusable, named, its value said in words; arrows move 5 s, Home and End
 * go to the ends.
 */
function timelineKeys(target: HTMLElement, player: Player, labels: ReplayLabels): () => void {
  const progress = target.querySelector<HTMLElement>('.rr-progress');
  if (!progress) return () => undefined;
  const total = player.getMetaData().totalTime;
  let current = 0;
  const show = () => {
    progress.setAttribute('aria-valuenow', String(Math.round(current)));
    progress.setAttribute('aria-valuetext', labels.position(current, total));
  };
  Object.entries({ tabindex: '0', role: 'slider', 'aria-label': labels.timeline, 'aria-valuemin': '0', 'aria-valuemax': String(Math.round(total)) }).forEach(
    ([name, value]) => progress.setAttribute(name, value),
  );
  show();
  player.addEventListener('ui-update-current-time', (detail) => {
    current = (detail as { payload?: number }).payload ?? current;
    show();
  });
  const onKey = (event: KeyboardEvent) => {
    if (event.target !== progress) return;
    const to = { ArrowLeft: current - STEP_MS, ArrowDown: current - STEP_MS, ArrowRight: current + STEP_MS, ArrowUp: current + STEP_MS, Home: 0, End: total }[event.key];
    if (to === undefined) return;
    // Before rrweb-player's own handler, which would move 5 ms.
    event.preventDefault();
    event.stopPropagation();
    current = Math.min(total, Math.max(0, to));
    player.goto(current, false);
    show();
  };
  target.addEventListener('keydown', onKey, true);
  return () => target.removeEventListener('keydown', onKey, true);
}
