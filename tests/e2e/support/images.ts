import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Width and height from a JPEG's start-of-frame marker. */
export function jpegSize(jpeg: Buffer): { width: number; height: number } {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  let i = 2;
  while (i + 9 < jpeg.length) {
    if (jpeg[i] !== 0xff) throw new Error(`bad JPEG marker at ${i}`);
    const marker = jpeg[i + 1]!;
    const length = jpeg.readUInt16BE(i + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: jpeg.readUInt16BE(i + 5), width: jpeg.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  throw new Error('no frame header in the JPEG');
}

/** What Tesseract reads in an image (French and English words are both in its Latin model). */
export function ocr(image: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'mystere-ocr-'));
  try {
    const file = join(dir, 'shot.jpg');
    writeFileSync(file, image);
    const run = spawnSync(process.env.TESSERACT_PATH ?? 'tesseract', [file, 'stdout', '-l', 'eng', '--psm', '11'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`tesseract failed: ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `ocr` without blocking: several images can be read at once (one Tesseract process each). */
export function ocrAsync(image: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.TESSERACT_PATH ?? 'tesseract', ['stdin', 'stdout', '-l', 'eng', '--psm', '11']);
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`tesseract failed: ${err}`))));
    child.stdin.end(image);
  });
}
