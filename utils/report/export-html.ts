import type { ReplayMarker, ReportLang } from './model-types';
import type { ExportAsset } from './export-assets';
import type { RecordingPart } from './visit-data';

/**
 * The exported report: one HTML file that opens offline by double-click. Everything is inline
 * (CSS, the player script, images as data: URLs, the recording), and a strict Content-Security-Policy
 * allows only that one script (by its hash): no request can leave the file, so opening a report
 * never pings the audited site, and nothing recorded from it can run.
 */

/**
 * What the export's player script reads from the file: the recording batches, the markers, and the
 * copies of the shop's images, fonts and sheets its replay shows.
 */
export interface ExportPayload {
  recording: (RecordingPart & { gz: string })[];
  markers: ReplayMarker[];
  assets: ExportAsset[];
}

export const PAYLOAD_ELEMENT_ID = 'mystere-replay-data';

/** The policy of an exported report; `scriptHash` is the base64 SHA-256 of its one script. */
export function exportCsp(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    "frame-src 'self' blob: about:",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON safe inside a `<script type="application/json">`: `<` is written `\u003c`, so no text from the
 * site (a title holding `</script>`) can close the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A script's text made safe to inline: a `</script` or `<!--` inside one of its strings or regular
 * expressions would end or confuse the element. `\x3C` is the same `<` to JavaScript in a string, a
 * template and a regular expression (with or without the `u` flag).
 */
export function inlineScriptText(script: string): string {
  return script.replace(/<(\/script|!--)/gi, '\\x3C$1');
}

export interface ExportDocumentParts {
  lang: ReportLang;
  title: string;
  /** The report's markup, rendered from the same components as the report page (already escaped). */
  bodyHtml: string;
  css: string;
  /** The player script, already passed through `inlineScriptText`. */
  script: string;
  /** base64 SHA-256 of `script`. */
  scriptHash: string;
  payload: ExportPayload;
}

/** Assembles the exported file. */
export function exportDocument(parts: ExportDocumentParts): string {
  return [
    '<!doctype html>',
    `<html lang="${parts.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(exportCsp(parts.scriptHash))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${parts.css.replace(/<\/(style)/gi, '<\\/$1')}</style>`,
    '</head>',
    '<body class="report-export">',
    `<div id="app">${parts.bodyHtml}</div>`,
    `<script type="application/json" id="${PAYLOAD_ELEMENT_ID}">${jsonForScript(parts.payload)}</script>`,
    `<script>${parts.script}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
