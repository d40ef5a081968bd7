import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withTimeout } from '../../../utils/timeout';
import { FIREFOX_EXTENSION, FIREFOX_PATH } from '../../../scripts/automation/paths';

/** The extension's internal UUID, fixed by a preference so that its pages have a known address. */
export const FIREFOX_EXTENSION_UUID = '6b3f0d2e-7a41-4c55-9a1e-2f6f3d9c1a11';
export const FIREFOX_EXTENSION_ID = 'mystere@mystere.app';
/** The key WebDriver names an element reference by. */
const WEB_ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/**
 * Firefox ESR driven through Marionette, its own automation protocol (length-prefixed JSON over TCP).
 * WebDriver BiDi, which puppeteer speaks to Firefox, refuses to open extension pages; Marionette,
 * with its privileged context, can, as the toolbar button would for a person.
 */
export class Firefox {
  // Lengths are in bytes: keep bytes until a whole message is in.
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: unknown[]) => void>();

  private constructor(
    private readonly process: ChildProcess,
    private readonly socket: net.Socket,
    private readonly profile: string,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const colon = this.buffer.indexOf(':');
        if (colon < 0) return;
        const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
        if (this.buffer.length < colon + 1 + length) return;
        const body = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as unknown;
        this.buffer = this.buffer.subarray(colon + 1 + length);
        if (Array.isArray(body) && body[0] === 1) this.waiting.get(body[1] as number)?.(body);
      }
    });
  }

  static async launch(): Promise<Firefox> {
    const profile = await mkdtemp(path.join(tmpdir(), 'mystere-firefox-'));
    const port = await freePort();
    const prefs: Record<string, unknown> = {
      'marionette.port': port,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
      'browser.shell.checkDefaultBrowser': false,
      'browser.startup.homepage_override.mstone': 'ignore',
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
      'app.update.disabledForTesting': true,
      'network.captive-portal-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
    };
    await writeFile(
      path.join(profile, 'user.js'),
      Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'),
    );
    const child = spawn(FIREFOX_PATH, ['--headless', '--marionette', '-remote-allow-system-access', '--no-remote', '--profile', profile, '--width=1280', '--height=900'], {
      stdio: 'ignore',
    });
    const socket = await connectWithRetry(port, 30_000);
    const firefox = new Firefox(child, socket, profile);
    await new Promise((r) => socket.once('data', r)); // Marionette's greeting
    await firefox.send('WebDriver:NewSession', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    return firefox;
  }

  async send(command: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    const body = JSON.stringify([0, id, command, params]);
    const reply = new Promise<unknown[]>((resolve) => this.waiting.set(id, resolve));
    this.socket.write(`${Buffer.byteLength(body)}:${body}`);
    const [, , error, result] = await withTimeout(reply, 30_000, () => {
      throw new Error(`${command}: no answer from Firefox in 30 s`);
    }).finally(() => this.waiting.delete(id));
    if (error) throw new Error(`${command}: ${JSON.stringify(error).slice(0, 500)}`);
    return result;
  }

  /** Installs the built extension as a temporary add-on. */
  async installExtension(dir = FIREFOX_EXTENSION): Promise<void> {
    await this.send('Addon:Install', { path: dir, temporary: true });
  }

  async navigate(url: string): Promise<void> {
    await this.send('WebDriver:Navigate', { url });
  }

  /**
   * Runs `script` (a function body; `arguments` holds args) in the current tab and awaits a returned
   * promise. It runs in a privileged sandbox: the page's own globals (an extension page's `browser`,
   * its IndexedDB) are reached through `window.wrappedJSObject`.
   */
  async run<T>(script: string, ...args: unknown[]): Promise<T> {
    return valueOf<T>(await this.send('WebDriver:ExecuteScript', { script, args, sandbox: 'system' }));
  }

  /** The WebDriver reference of the first element matching `selector` in the current tab. */
  async element(selector: string): Promise<string> {
    const found = (await this.send('WebDriver:FindElement', { using: 'css selector', value: selector })) as Record<string, unknown>;
    return ((found.value ?? found) as Record<string, string>)[WEB_ELEMENT]!;
  }

  /** Clicks an element as a person does (real pointer events, after scrolling it into view). */
  async click(selector: string): Promise<void> {
    await this.send('WebDriver:ElementClick', { id: await this.element(selector) });
  }

  /** Types into an element with real key events. */
  async type(selector: string, text: string): Promise<void> {
    await this.send('WebDriver:ElementSendKeys', { id: await this.element(selector), text });
  }

  /** Polls a script until it returns a truthy value. */
  async waitFor<T>(script: string, what: string, timeoutMs = 20_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.run<T>(script).catch(() => undefined);
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async windowHandle(): Promise<string> {
    return valueOf<string>(await this.send('WebDriver:GetWindowHandle'));
  }

  /** Makes `handle` the window scripts run in; `focus` also brings it to the front. */
  async switchTo(handle: string, focus = true): Promise<void> {
    await this.send('WebDriver:SwitchToWindow', { handle, focus });
  }

  /**
   * Opens one of the extension's pages in a window of its own, beside the shop's (as the panel is
   * used: the shop's tab stays visible and active all along), and switches to it. Returns its handle.
   */
  async openExtensionWindow(pagePath: string): Promise<string> {
    const before = valueOf<string[]>(await this.send('WebDriver:GetWindowHandles'));
    await this.send('Marionette:SetContext', { value: 'chrome' });
    try {
      await this.send('WebDriver:ExecuteScript', {
        script: `const w = Services.wm.getMostRecentWindow('navigator:browser');
          w.openDialog(AppConstants.BROWSER_CHROME_URL, '_blank', 'chrome,all,dialog=no,width=420,height=900', arguments[0]);`,
        args: [`moz-extension://${FIREFOX_EXTENSION_UUID}/${pagePath}`],
      });
    } finally {
      await this.send('Marionette:SetContext', { value: 'content' });
    }
    let handle: string | undefined;
    const end = Date.now() + 20_000;
    while (!handle) {
      const after = valueOf<string[]>(await this.send('WebDriver:GetWindowHandles'));
      handle = after.find((h) => !before.includes(h));
      if (handle) break;
      if (Date.now() > end) throw new Error(`the window of ${pagePath} did not open`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await this.switchTo(handle, false);
    await this.waitFor(`return document.readyState === 'complete' && window.wrappedJSObject.browser && document.querySelector('main')`, pagePath);
    return handle;
  }

  /**
   * Opens the panel in a window beside the shop's, following the shop's tab, and starts a visit
   * there; then goes back to the shop's tab (which never stopped being shown), its window focused
   * again as when the shopper clicks back into the shop. Returns the handles of both and the shop
   * tab's id in the browser. Reading the panel afterwards (`runIn`) leaves the focus where it is.
   */
  async startVisitBeside(shopOrigin: string): Promise<{ shopTab: string; panel: string; tabId: number }> {
    const shopTab = await this.windowHandle();
    const panel = await this.openExtensionWindow('sidepanel.html');
    const tabId = await this.run<number>(
      `const page = window.wrappedJSObject;
       return page.browser.tabs.query(new page.Object()).then((tabs) => Array.from(tabs).find((t) => t.url.startsWith(arguments[0])).id)`,
      shopOrigin,
    );
    await this.run(`location.search = '?tabId=' + arguments[0]`, tabId);
    await this.waitFor(`return document.querySelector('[data-testid=visit-start]:not([disabled])')`, 'the start button');
    await this.run(`document.querySelector('[data-testid=visit-start]').click()`);
    await this.waitFor(`return document.querySelector('[data-testid=visit-status][data-state=recording]')`, 'recording');
    await this.switchTo(shopTab, true);
    return { shopTab, panel, tabId };
  }

  /** Stops the visit with the panel's button in its window `panel`, and waits until the panel says so. */
  async stopVisit(panel: string): Promise<void> {
    await this.runIn(panel, `document.querySelector('[data-testid=visit-stop]').click()`);
    const end = Date.now() + 20_000;
    while (!(await this.runIn<boolean>(panel, `return !!document.querySelector('[data-testid=visit-start]')`))) {
      if (Date.now() > end) throw new Error('timed out waiting for the visit to stop');
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Runs `script` in the window `handle`, then comes back to the one that was current. */
  async runIn<T>(handle: string, script: string, ...args: unknown[]): Promise<T> {
    const back = await this.windowHandle();
    await this.switchTo(handle, false);
    try {
      return await this.run<T>(script, ...args);
    } finally {
      await this.switchTo(back, false);
    }
  }

  async close(): Promise<void> {
    await this.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
    this.socket.destroy();
    if (this.process.exitCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      await withTimeout(exited, 5000, () => this.process.kill('SIGKILL'));
    }
    await rm(this.profile, { recursive: true, force: true });
  }
}

/** Marionette wraps some results in `{ value }` and not others. */
function valueOf<T>(result: unknown): T {
  return (result && typeof result === 'object' && !Array.isArray(result) && 'value' in result ? result.value : result) as T;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function connectWithRetry(port: number, timeoutMs: number): Promise<net.Socket> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await new Promise<net.Socket>((resolve, reject) => {
        const s = net.connect(port, '127.0.0.1', () => resolve(s));
        s.once('error', reject);
      });
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
