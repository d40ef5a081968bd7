/**
 * The SHA-256 of some bytes as 64 lowercase hex digits, with the platform's Web Crypto (extension
 * pages, workers and Node 20 all have `crypto.subtle`; no library to ship).
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Web Crypto's types take bytes on a plain ArrayBuffer; a view on a shared one is copied first.
  const view = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', view));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
