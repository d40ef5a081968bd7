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
}

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
  return {
    // 1 ms in: rrweb applies the events stamped before the seek time, and a page starts exactly at `at`.
    goto: (at) => player.goto(at + 1, false),
    // A Svelte component; its type package is not installed, so its teardown is not in the types.
    destroy: () => (player as unknown as { $destroy(): void }).$destroy(),
  };
}

/**
 * Makes every `[data-replay-at]` link in `root` seek the replay to its moment and bring the player
 * into view. One listener for the whole document, so it works on markup rendered to a string too.
 */
export function bindReplayLinks(root: Document, replay: () => MountedReplay | undefined): () => void {
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('[data-replay-at]');
    if (!link) return;
    const at = Number(link.getAttribute('data-replay-at'));
    const mounted = replay();
    if (!Number.isFinite(at) || !mounted) return;
    event.preventDefault();
    mounted.goto(at);
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
