import { toBase64 } from '../../utils/recording/codec';

/** base64 SHA-256 of a text, as a Content-Security-Policy hash source wants it. */
export async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return toBase64(new Uint8Array(digest));
}
