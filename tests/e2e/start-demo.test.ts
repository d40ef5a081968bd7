import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ABANDONMENT, DEMO_ANSWERS, DEMO_NOTES } from '../../scripts/automation/demo-answers';
import { ROOT } from '../../scripts/automation/paths';

/**
 * `npm start` on a machine without a display (as CI is): the scripted visit answers part of the
 * checklist, writes notes, declares an abandonment, and prints the report's first page.
 * (`npm start` builds first; here the build of the test run is used: `tsx scripts/start.ts`.)
 */
describe('npm start without a display', () => {
  let output = '';
  let code: number | null = null;

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawn('npx', ['tsx', 'scripts/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  }, 240_000);

  it('ends well', () => {
    expect({ code, tail: code === 0 ? '' : output.slice(-3000) }).toEqual({ code: 0, tail: '' });
  });

  it('answers a realistic part of the checklist, with a comment on each "no", writes notes and declares an abandonment', () => {
    const said = [...output.matchAll(/answered (\d+) criteria \((\d+) "no"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const planned = Object.values(DEMO_ANSWERS).map((as) => [as.length, as.filter((a) => a.state === 'no').length]);
    expect(said).toEqual(planned);
    expect(said.reduce((n, [a]) => n + a!, 0)).toBeGreaterThanOrEqual(20);
    expect(output.match(/wrote a note/g)).toHaveLength(Object.keys(DEMO_NOTES).length);
    expect(output).toContain(`declare "I would leave here" (${DEMO_ABANDONMENT.reason})`);
  });

  it('prints the report’s score, its outcome and its three top findings', () => {
    const first = output.slice(output.indexOf('The report’s first page:'));
    expect(first).toMatch(/Score: \d+([.,]\d)? \/ 100/);
    // The customer's time leaves out the evaluator's work in the panel, and is not all of it.
    const [, customer] = /Visit: .*· (.+) customer time · (.+) wall time/.exec(first) ?? [];
    expect(customer).toBeDefined();
    expect(customer).not.toMatch(/^0 s$/);
    expect(first).toMatch(/Outcome: .*(payment|paiement)/i);
    const findings = [...first.matchAll(/^ {4}(\d)\. (.+)$/gm)].map((m) => m[2]);
    expect(findings).toHaveLength(3);
    for (const f of findings) expect(f!.length).toBeGreaterThan(10);
  });
});
