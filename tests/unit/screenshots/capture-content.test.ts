// @vitest-environment happy-dom
// @vitest-environment-options {"url":"https://shop.test/checkout","settings":{"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerCapture, measure } from '../../../entrypoints/capture/answer';
import type { PageWorld } from '../../../entrypoints/capture/walk';
import { parseCaptureReply, parseMeasurement, parseScrollPosition, type Rect } from '../../../utils/messaging/capture-page';

// happy-dom lays nothing out: every box is placed by hand, and a text range's boxes are looked up
// by the text it covers.
const textBoxes = new Map<string, Rect[]>();
/** The text of every range measured, in order. */
const asked: string[] = [];

function place(el: Element, x: number, y: number, width: number, height: number): void {
  el.getBoundingClientRect = () => new DOMRect(x, y, width, height);
}

function byId(id: string, root: ParentNode = document): Element {
  const el = root.querySelector(`#${id}`);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

/** Closed shadow roots, which the page cannot read back: the world hands them to the measurer. */
const closedRoots = new Map<Element, ShadowRoot>();
/** Runs at each pause of the walk, with the pause's number (from 1): the page's turn. */
let onPause: ((n: number) => void) | undefined;
let pauses = 0;

function world(sliceNodes = 50): PageWorld {
  return {
    shadowRootOf: (el) => closedRoots.get(el) ?? el.shadowRoot,
    pause: () => {
      pauses++;
      onPause?.(pauses);
      return Promise.resolve();
    },
    sliceNodes,
  };
}

async function rectsOf(selectors: string[] = [], typed: string[] = []): Promise<Rect[]> {
  return (await measure(window, selectors, typed, world())).rects;
}

beforeEach(() => {
  textBoxes.clear();
  asked.length = 0;
  closedRoots.clear();
  onPause = undefined;
  pauses = 0;
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    asked.push(this.toString());
    return (textBoxes.get(this.toString()) ?? []).map((r) => new DOMRect(r.x, r.y, r.width, r.height)) as unknown as DOMRectList;
  });
  document.body.innerHTML = '';
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('measure: fields', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <label for="card">Card number</label>
      <input id="card" value="4111 1111 1111 1111">
      <input id="email" type="email" value="jane@example.com">
      <input id="weird" type="CrEdIt">
      <input id="submit" type="submit" value="Pay">
      <input id="button" type="BUTTON" value="Back">
      <input id="check" type="checkbox">
      <input id="radio" type="radio">
      <input id="range" type="range">
      <input id="color" type="color">
      <input id="image" type="image">
      <input id="reset" type="reset">
      <textarea id="area">my address</textarea>
      <select id="choice"><option>Mr</option></select>
      <div id="editor" contenteditable>draft</div>
      <div id="frozen" contenteditable="false">read only</div>
      <div id="plain" contenteditable="plaintext-only">draft</div>
      <canvas id="drawing"></canvas>
      <p id="note">Delivery notes</p>`;
    let y = 0;
    for (const el of document.body.querySelectorAll('[id]')) place(el, 10, (y += 30), 200, 20);
  });

  it('hides every field that can show a value, and nothing else', async () => {
    const hidden = (await rectsOf()).map((r) => r.y);
    const expected = ['card', 'email', 'weird', 'area', 'choice', 'editor', 'plain', 'drawing'].map((id) => byId(id).getBoundingClientRect().y);
    expect(hidden.sort((a, b) => a - b)).toEqual(expected);
  });

  it("hides what the caller's selectors name, and skips a selector the browser rejects", async () => {
    const note = byId('note').getBoundingClientRect();
    const rects = await rectsOf(['#note', 'p[', '#nothing']);
    expect(rects).toContainEqual({ x: note.x, y: note.y, width: note.width, height: note.height });
  });

  it('hides a checkbox the caller names', async () => {
    const check = byId('check').getBoundingClientRect();
    expect((await rectsOf(['#check'])).map((r) => r.y)).toContain(check.y);
  });
});

describe('measure: frames', () => {
  // happy-dom loads no page from an address: the frames get a `srcdoc` (which a browser would show
  // instead of `src`), so the rule on the address is what decides.
  it("hides a payment provider's frame whole, even while its document is readable", async () => {
    document.body.innerHTML = `<iframe id="pay" src="https://js.pay.example/card" srcdoc="<p>loading</p>"></iframe>
      <iframe id="data" src="data:text/html,x" srcdoc=""></iframe>`;
    place(byId('pay'), 0, 100, 400, 200);
    place(byId('data'), 0, 400, 300, 50);
    expect(await rectsOf()).toEqual([
      { x: 0, y: 100, width: 400, height: 200 },
      { x: 0, y: 400, width: 300, height: 50 },
    ]);
  });

  it('hides a frame whose document cannot be read (sandboxed)', async () => {
    document.body.innerHTML = `<iframe id="boxed" srcdoc="<input>"></iframe>`;
    const frame = byId('boxed');
    Object.defineProperty(frame, 'contentDocument', { value: null });
    place(frame, 0, 100, 400, 200);
    expect(await rectsOf()).toEqual([{ x: 0, y: 100, width: 400, height: 200 }]);
  });

  it('measures inside a same-origin frame, shifted by where the frame is', async () => {
    document.body.innerHTML = `<iframe id="own" srcdoc="<label>Name</label><input id=name value=Jane>"></iframe>`;
    const frame = byId('own') as HTMLIFrameElement;
    const inner = frame.contentDocument;
    if (!inner) throw new Error('the frame has no document');
    place(frame, 50, 100, 300, 200);
    Object.defineProperty(frame, 'offsetWidth', { value: 300 });
    Object.defineProperty(frame, 'offsetHeight', { value: 200 });
    Object.defineProperty(frame, 'clientWidth', { value: 300 });
    Object.defineProperty(frame, 'clientHeight', { value: 200 });
    place(byId('name', inner), 10, 20, 100, 20);
    expect(await rectsOf()).toEqual([{ x: 60, y: 120, width: 100, height: 20 }]);
  });

  it('hides a transformed same-origin frame whole: its inside cannot be mapped', async () => {
    document.body.innerHTML = `<iframe id="own" srcdoc="<input>"></iframe>`;
    const frame = byId('own') as HTMLIFrameElement;
    place(frame, 50, 100, 600, 400);
    Object.defineProperty(frame, 'offsetWidth', { value: 300 });
    Object.defineProperty(frame, 'offsetHeight', { value: 200 });
    expect(await rectsOf()).toEqual([{ x: 50, y: 100, width: 600, height: 400 }]);
  });
});

describe('measure: text', () => {
  it('hides e-mail addresses and long numbers, only the matched part', async () => {
    document.body.innerHTML = `
      <p>Confirmation sent to jane.doe@example.com today</p>
      <p>Paid with 4111 1111 1111 1111, thank you</p>
      <p>Call 06-12-34-56-78</p>
      <p>Sizes 36 38 40, 1 299,00 €, order of 12/03/2024</p>`;
    textBoxes.set('jane.doe@example.com', [{ x: 150, y: 10, width: 160, height: 18 }]);
    // A number wrapped over two lines has two boxes.
    textBoxes.set('4111 1111 1111 1111', [
      { x: 700, y: 40, width: 300, height: 18 },
      { x: 0, y: 60, width: 40, height: 18 },
    ]);
    textBoxes.set('06-12-34-56-78', [{ x: 40, y: 90, width: 120, height: 18 }]);
    expect(await rectsOf()).toEqual([
      { x: 150, y: 10, width: 160, height: 18 },
      { x: 700, y: 40, width: 300, height: 18 },
      { x: 0, y: 60, width: 40, height: 18 },
      { x: 40, y: 90, width: 120, height: 18 },
    ]);
    expect(asked).toEqual(['jane.doe@example.com', '4111 1111 1111 1111', '06-12-34-56-78']);
  });

  it('hides the page’s echoes of what the person typed, whatever their case', async () => {
    document.body.innerHTML = `<p>Bonjour JANE, votre colis part demain</p><p>Rien à cacher ici</p>`;
    textBoxes.set('JANE', [{ x: 70, y: 10, width: 40, height: 18 }]);
    expect(await rectsOf([], ['jane'])).toEqual([{ x: 70, y: 10, width: 40, height: 18 }]);
    expect(asked).toEqual(['JANE']);
  });

  it('reads what was typed from the recorder of the same page', async () => {
    document.body.innerHTML = `<p>Merci Canary</p>`;
    textBoxes.set('Canary', [{ x: 60, y: 10, width: 50, height: 18 }]);
    const g = globalThis as { __mystereTyped?: () => Iterable<string> };
    g.__mystereTyped = () => ['Jane Canary'];
    try {
      const reply = await answerCapture({ type: 'capture/measure', maskSelectors: [], blockSelectors: [], typed: [], search: [] }, window, world());
      expect(reply.ok && 'rects' in reply.value ? reply.value.rects : []).toEqual([{ x: 60, y: 10, width: 50, height: 18 }]);
    } finally {
      delete g.__mystereTyped;
    }
  });

  it('skips scripts and styles, and reads open shadow roots', async () => {
    document.body.innerHTML = `<script>var a = "x@y.com"</script><style>/* 12345678 */</style><div id="host"></div>`;
    const shadow = byId('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = `<span>mail me: bob@shop.test</span><input id="inner" value="secret">`;
    place(byId('inner', shadow), 5, 5, 50, 10);
    textBoxes.set('x@y.com', [{ x: 0, y: 0, width: 10, height: 10 }]);
    textBoxes.set('12345678', [{ x: 0, y: 0, width: 10, height: 10 }]);
    textBoxes.set('bob@shop.test', [{ x: 100, y: 200, width: 90, height: 16 }]);
    expect(await rectsOf()).toEqual([
      { x: 5, y: 5, width: 50, height: 10 },
      { x: 100, y: 200, width: 90, height: 16 },
    ]);
  });

  it('reads every text node of a huge page, giving the page a turn between slices', async () => {
    const filler = Array.from({ length: 25_000 }, () => '<i>word</i>').join('');
    document.body.innerHTML = `<b>first@shop.test</b>${filler}<b>last@shop.test</b>`;
    textBoxes.set('first@shop.test', [{ x: 1, y: 1, width: 10, height: 10 }]);
    textBoxes.set('last@shop.test', [{ x: 2, y: 2, width: 10, height: 10 }]);
    const rects = (await measure(window, [], [], world(1_000))).rects;
    expect(rects).toEqual([
      { x: 1, y: 1, width: 10, height: 10 },
      { x: 2, y: 2, width: 10, height: 10 },
    ]);
    // 50 004 nodes (elements and their text), 1 000 per slice.
    expect(pauses).toBe(50);
  });
});

describe('measure: closed shadow roots', () => {
  it('hides the fields and sensitive text of a closed shadow root, nested ones too', async () => {
    document.body.innerHTML = `<p>Newsletter</p><news-letter id="widget"></news-letter>`;
    const host = byId('widget');
    const outer = host.attachShadow({ mode: 'closed' });
    outer.innerHTML = `<label>E-mail <input id="mail" value="jane@shop.test"></label><div id="inner-host"></div>`;
    const inner = byId('inner-host', outer).attachShadow({ mode: 'closed' });
    inner.innerHTML = `<p>Écrivez à help@shop.test</p><canvas id="sketch"></canvas>`;
    closedRoots.set(host, outer);
    closedRoots.set(byId('inner-host', outer), inner);
    place(byId('mail', outer), 10, 40, 200, 20);
    place(byId('sketch', inner), 10, 120, 300, 150);
    textBoxes.set('help@shop.test', [{ x: 90, y: 80, width: 100, height: 16 }]);
    expect(await rectsOf()).toEqual(
      expect.arrayContaining([
        { x: 10, y: 40, width: 200, height: 20 },
        { x: 10, y: 120, width: 300, height: 150 },
        { x: 90, y: 80, width: 100, height: 16 },
      ]),
    );
    expect(asked).toEqual(['help@shop.test']);
  });

  it('asks for the shadow root of elements that can carry one only', async () => {
    document.body.innerHTML = `<ul><li><a href="#">x</a></li></ul><div></div><x-card></x-card><svg><g></g></svg>`;
    const asked: string[] = [];
    const w = world();
    await measure(window, [], [], { ...w, shadowRootOf: (el) => (asked.push(el.localName), null) });
    expect(asked).toEqual(['body', 'div', 'x-card']);
  });
});

describe('measure: a page changing during the walk', () => {
  it('finds text the page adds, behind the walk, while it has its turn', async () => {
    const filler = Array.from({ length: 200 }, () => '<i>word</i>').join('');
    document.body.innerHTML = `<div id="top"></div>${filler}`;
    onPause = (n) => {
      if (n === 2) byId('top').innerHTML = '<b>late@shop.test</b>';
    };
    textBoxes.set('late@shop.test', [{ x: 3, y: 3, width: 10, height: 10 }]);
    expect(await rectsOf()).toEqual([{ x: 3, y: 3, width: 10, height: 10 }]);
  });

  it('finds text rewritten behind the walk', async () => {
    const filler = Array.from({ length: 200 }, () => '<i>word</i>').join('');
    document.body.innerHTML = `<p id="line">Votre reçu</p>${filler}`;
    onPause = (n) => {
      if (n === 1) byId('line').firstChild!.textContent = 'Reçu envoyé à late@shop.test';
    };
    textBoxes.set('late@shop.test', [{ x: 4, y: 4, width: 10, height: 10 }]);
    expect(await rectsOf()).toEqual([{ x: 4, y: 4, width: 10, height: 10 }]);
  });

  it('walks again a part whose node under the walk was taken out, and reads what follows it', async () => {
    const filler = Array.from({ length: 120 }, (_, i) => `<i id="w${i}">word</i>`).join('');
    document.body.innerHTML = `<section>${filler}</section><b>end@shop.test</b>`;
    onPause = (n) => {
      // The walker stands on the 25th <i>'s text after 50 nodes: take out what holds it.
      if (n === 1) byId('w24').remove();
    };
    textBoxes.set('end@shop.test', [{ x: 5, y: 5, width: 10, height: 10 }]);
    expect(await rectsOf()).toEqual([{ x: 5, y: 5, width: 10, height: 10 }]);
  });

  it('hides the whole viewport of a page that never stops changing under the walk', async () => {
    const filler = Array.from({ length: 200 }, () => '<i>word</i>').join('');
    document.body.innerHTML = `<div id="ticker"></div>${filler}`;
    onPause = (n) => {
      byId('ticker').innerHTML = filler + `<b>${n}</b>`;
    };
    expect(await rectsOf()).toEqual([{ x: 0, y: 0, width: window.innerWidth, height: window.innerHeight }]);
  });

  it('hides the whole viewport of a document editable as a whole', async () => {
    document.body.innerHTML = `<p>Bonjour</p>`;
    document.designMode = 'on';
    try {
      expect(await rectsOf()).toEqual([{ x: 0, y: 0, width: window.innerWidth, height: window.innerHeight }]);
    } finally {
      document.designMode = 'off';
    }
  });
});

describe('measure: viewport', () => {
  it('keeps only what meets the viewport, cut at its edges', async () => {
    document.body.innerHTML = `<input id="above"><input id="edge"><input id="below"><input id="gone" type="hidden">`;
    place(byId('above'), 0, -50, 100, 20);
    place(byId('edge'), window.innerWidth - 40, 10, 100, 20);
    place(byId('below'), 0, window.innerHeight + 5, 100, 20);
    place(byId('gone'), 0, 0, 0, 0);
    expect(await rectsOf()).toEqual([{ x: window.innerWidth - 40, y: 10, width: 40, height: 20 }]);
  });
});

describe('answerCapture', () => {
  it('answers a measure in the shape the background parses', async () => {
    document.body.innerHTML = `<input id="card">`;
    place(byId('card'), 10, 10, 100, 20);
    const reply = await answerCapture({ type: 'capture/measure', maskSelectors: [], blockSelectors: [], typed: [], search: [] }, window, world());
    const parsed = parseCaptureReply(reply, parseMeasurement);
    expect(parsed).toMatchObject({
      ok: true,
      value: { rects: [{ x: 10, y: 10, width: 100, height: 20 }], viewportWidth: window.innerWidth, viewportHeight: window.innerHeight },
    });
  });

  it('scrolls instantly, waits for the page to paint, and says where it is', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo');
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    const reply = await answerCapture({ type: 'capture/scroll', y: 800 }, window);
    expect(scrollTo).toHaveBeenCalledWith({ left: window.scrollX, top: 800, behavior: 'instant' });
    expect(frames).toHaveBeenCalledTimes(2);
    expect(parseCaptureReply(reply, parseScrollPosition)).toEqual({ ok: true, value: { scrollY: window.scrollY } });
  });

  it('answers a scroll within 100 ms in a page that does not paint', async () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    const started = performance.now();
    const reply = await answerCapture({ type: 'capture/scroll', y: 0 }, window);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parseCaptureReply(reply, parseScrollPosition)?.ok).toBe(true);
  });

  it('restores the scroll position', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo');
    const reply = await answerCapture({ type: 'capture/restore', x: 5, y: 640 }, window);
    expect(scrollTo).toHaveBeenCalledWith({ left: 5, top: 640, behavior: 'instant' });
    expect(parseCaptureReply(reply, parseScrollPosition)?.ok).toBe(true);
  });
});
