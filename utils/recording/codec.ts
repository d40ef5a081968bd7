/** gzip and base64 with the platform's own streams: no library in the content script. */

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  // Written straight into the stream: wrapping the bytes in a Blob first cost a copy per batch.
  const writer = stream.writable.getWriter();
  void writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  return ownBytes(new Uint8Array(await new Response(stream.readable).arrayBuffer()));
}

/**
 * The bytes copied into this world's own array, one by one. In a Firefox content script the
 * platform's streams hand back the page's objects behind a wrapper, on which `subarray` throws
 * "Permission denied to access property constructor"; reading by index is allowed.
 */
export function ownBytes(view: ArrayLike<number>): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(view.length);
  for (let i = 0; i < view.length; i++) out[i] = view[i]!;
  return out;
}

export function gzip(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return pipe(data, new CompressionStream('gzip'));
}

export function gunzip(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return pipe(data, new DecompressionStream('gzip'));
}

export async function gzipText(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return gzip(new TextEncoder().encode(text));
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
