import type { TypedMatcher } from '../../utils/privacy/typed';
import { sensitiveSpans } from '../../utils/screenshots/sensitive-text';

/**
 * The slow part of measuring a screenshot, done in slices: a walk of every node of the page — its
 * shadow roots, open or closed, and its readable same-origin frames — that finds the shadow roots,
 * the frames' documents and the text nodes with something to hide. Nothing is measured here: the
 * boxes are read afterwards in one go, right before the capture, so they all describe one moment.
 */

/** An element's shadow root, open or closed (content scripts may read closed ones), or null. */
export type ShadowRootOf = (el: Element) => ShadowRoot | null;

/** How the measurer meets the page. */
export type PageWorld = {
  shadowRootOf: ShadowRootOf;
  /** Resolves once the page has had a turn: a walk of a huge page is no long task. */
  pause: () => Promise<void>;
  /** Nodes visited between two pauses. */
  sliceNodes: number;
};

/** What the walk found in one document. */
export type WalkedDocument = {
  /** The document and every shadow root found in it, open or closed. */
  roots: (Document | ShadowRoot)[];
  /** Text nodes whose text had something to hide when they were read. */
  texts: Set<Text>;
  /** False when the page kept changing under the walk: what it shows cannot be vouched for. */
  complete: boolean;
};

type Options = {
  world: PageWorld;
  /** What was typed in the visit, as the privacy pass finds its echoes. */
  typed: TypedMatcher;
  /** A same-origin frame's document to walk, or undefined for a frame hidden whole. */
  frameDocument: (frame: HTMLIFrameElement) => Document | undefined;
  maxFrameDepth: number;
};

/** Subtrees without visible text of their own (a field's value is hidden whole anyway). */
const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'IFRAME']);
/** The elements a shadow root can be attached to (DOM standard, `attachShadow`), custom ones aside. */
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);
/**
 * Walks again over what the page changed during the previous walk, at most this often; a page still
 * changing after that is reported incomplete.
 */
const MAX_ROUNDS = 8;

type Item = { doc: Document; root: Document | ShadowRoot; start: Node };

/**
 * Walks `doc` and what it contains, pausing every `world.sliceNodes` nodes. The page may change
 * during a pause: what it adds, moves or rewrites meanwhile is walked again (mutation observers on
 * every root), so no text present at the end escapes the walk.
 */
export async function walkPage(doc: Document, o: Options): Promise<Map<Document, WalkedDocument>> {
  const walk = new Walk(o);
  try {
    return await walk.run(doc);
  } finally {
    walk.stop();
  }
}

class Walk {
  private readonly docs = new Map<Document, WalkedDocument>();
  private readonly depth = new Map<Document, number>();
  private readonly observers: { doc: Document; root: Document | ShadowRoot; observer: MutationObserver; records: MutationRecord[] }[] = [];
  private readonly seenRoots = new Set<Document | ShadowRoot>();
  private queue: Item[] = [];
  private later: Item[] = [];
  private sincePause = 0;

  constructor(private readonly o: Options) {}

  async run(top: Document): Promise<Map<Document, WalkedDocument>> {
    this.addDocument(top, 0);
    for (let round = 0; ; round++) {
      for (let item = this.queue.shift(); item; item = this.queue.shift()) await this.walkItem(item);
      this.takeChanges();
      if (this.later.length === 0) return this.docs;
      if (round >= MAX_ROUNDS) {
        for (const item of this.later) this.docs.get(item.doc)!.complete = false;
        return this.docs;
      }
      [this.queue, this.later] = [this.later, []];
    }
  }

  stop(): void {
    for (const { observer } of this.observers) observer.disconnect();
  }

  private addDocument(doc: Document, depth: number): void {
    if (this.docs.has(doc)) return;
    this.docs.set(doc, { roots: [], texts: new Set(), complete: true });
    this.depth.set(doc, depth);
    this.addRoot(doc, doc);
  }

  private addRoot(doc: Document, root: Document | ShadowRoot): void {
    if (this.seenRoots.has(root)) return;
    this.seenRoots.add(root);
    this.docs.get(doc)!.roots.push(root);
    // Records delivered during a pause are kept; those not delivered yet are taken between rounds.
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((delivered) => records.push(...delivered));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.observers.push({ doc, root, observer, records });
    this.queue.push({ doc, root, start: root });
  }

  /** What the page added or rewrote since it was last asked, to walk in the next round. */
  private takeChanges(): void {
    for (const { doc, root, observer, records } of this.observers) {
      records.push(...observer.takeRecords());
      for (const record of records.splice(0)) {
        if (record.type === 'characterData') this.later.push({ doc, root, start: record.target });
        for (const node of record.addedNodes) this.later.push({ doc, root, start: node });
      }
    }
  }

  private async walkItem(item: Item): Promise<void> {
    const { doc, root, start } = item;
    if (!within(start, root)) return; // removed since: nothing of it shows
    if (start.nodeType === Node.TEXT_NODE) {
      this.readText(doc, start as Text);
      return;
    }
    if (start.nodeType === Node.ELEMENT_NODE && !this.readElement(doc, start as Element)) return;
    const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        // Elements are handed to the loop too: they count in a slice (reading a closed root has a cost).
        return this.readElement(doc, node as Element) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) this.readText(doc, node as Text);
      if (++this.sincePause < this.o.world.sliceNodes) continue;
      this.sincePause = 0;
      await this.o.world.pause();
      if (!within(start, root)) return;
      // The node the walker stands on was taken out: where the rest of `start` is cannot be told.
      if (!start.contains(walker.currentNode)) {
        this.later.push(item);
        return;
      }
    }
  }

  private readText(doc: Document, text: Text): void {
    if (sensitiveSpans(text.data, this.o.typed).length > 0) this.docs.get(doc)!.texts.add(text);
  }

  /** Notes the element's shadow root and frame; says whether its subtree may show text. */
  private readElement(doc: Document, el: Element): boolean {
    const name = el.localName;
    if (el.shadowRoot || name.includes('-') || SHADOW_HOSTS.has(name)) {
      const shadow = this.o.world.shadowRootOf(el);
      if (shadow) this.addRoot(doc, shadow);
    }
    if (name === 'iframe') {
      const depth = this.depth.get(doc)! + 1;
      const inner = depth <= this.o.maxFrameDepth ? this.o.frameDocument(el as HTMLIFrameElement) : undefined;
      if (inner) this.addDocument(inner, depth);
    }
    return !NO_TEXT.has(el.tagName.toUpperCase());
  }
}

/** Is the node still where it was found: in `root`'s tree? */
function within(node: Node, root: Document | ShadowRoot): boolean {
  return node === root || (node.isConnected && node.getRootNode() === root);
}
