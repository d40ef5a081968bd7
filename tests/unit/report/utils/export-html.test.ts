import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  exportCsp,
  exportDocument,
  inlineScriptText,
  jsonForScript,
  PAYLOAD_ELEMENT_ID,
  type ExportDocumentParts,
  type ExportPayload,
} from '../../../../utils/report/export-html';

const HOSTILE = '</script><script>alert(1)</script>';

describe('escapeHtml', () => {
  it.each([
    ['&', '&#38;'],
    ['<', '&#60;'],
    ['>', '&#62;'],
    ['"', '&#34;'],
    ["'", '&#39;'],
    ['<a href="x" title=\'y\'>A & B</a>', '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;A &#38; B&#60;/a&#62;'],
    ['&amp;', '&#38;amp;'],
    ['plain text · l’offre', 'plain text · l’offre'],
    ['', ''],
  ])('escapes %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });

  it('leaves none of & < > " \' unescaped', () => {
    expect(escapeHtml(`${HOSTILE} & "a" 'b'`)).not.toMatch(/[<>"']|&(?!#\d+;)/);
  });
});

describe('jsonForScript', () => {
  it.each<[string, unknown]>([
    ['a hostile string', '</script><!-- & \u2028 \u2029'],
    ['an object with a hostile key and value', { '</script>': '<!--', nested: [{ label: HOSTILE }, '&amp;', '\u2028\u2029'] }],
    ['a string with backslashes before the characters it escapes', '\\<\\u003c\\&'],
    ['unicode', 'l’offre · 日本 · 🛒'],
    ['numbers and literals', [0, -1.5, 1e21, true, false, null]],
    ['an empty object', {}],
  ])('round-trips %s through JSON.parse', (_, value) => {
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });

  it('writes no <, >, &, U+2028 or U+2029', () => {
    const out = jsonForScript({ text: '</script><!-- & \u2028 \u2029', [HOSTILE]: HOSTILE });
    for (const c of ['<', '>', '&', '\u2028', '\u2029']) expect(out).not.toContain(c);
  });

  it('writes them as \\u escapes', () => {
    expect(jsonForScript('<>&\u2028\u2029')).toBe('"\\u003c\\u003e\\u0026\\u2028\\u2029"');
  });
});

describe('inlineScriptText', () => {
  it.each([
    ['a closing script tag', 'const a = "</script>";', 'const a = "\\x3C/script>";'],
    ['an upper-case closing tag', 'x("</SCRIPT>")', 'x("\\x3C/SCRIPT>")'],
    ['a mixed-case closing tag', 'x("</ScRiPt >")', 'x("\\x3C/ScRiPt >")'],
    ['several closing tags', '"</script></script>"', '"\\x3C/script>\\x3C/script>"'],
    ['an HTML comment opener', 'x("<!--")', 'x("\\x3C!--")'],
    ['both', '"<!--<script></script>"', '"\\x3C!--<script>\\x3C/script>"'],
  ])('neutralises %s', (_, script, expected) => {
    expect(inlineScriptText(script)).toBe(expected);
  });

  it.each([
    ['a string', 'return "</script><!--";'],
    ['a template', 'return `</SCRIPT>`;'],
    ['a regular expression with the u flag', 'return /<!--|<\\/script/u.source.length > 0 && /<!--/u.test("<!--");'],
  ])('means the same to JavaScript in %s', (_, body) => {
    const run = (code: string): unknown => runInNewContext(`(() => { ${code} })()`);
    expect(run(inlineScriptText(body))).toEqual(run(body));
  });

  it.each([
    ['comparisons', 'if (a < b && c > d) x();'],
    ['other closing tags', 'el.innerHTML = "<div></div></style>";'],
    ['a comment closer', 'x("-->")'],
    ['an almost-comment', 'x("<!-")'],
    ['a broken-up closing tag', 'x("</scr" + "ipt>")'],
    ['empty text', ''],
  ])('leaves %s intact', (_, script) => {
    expect(inlineScriptText(script)).toBe(script);
  });

  it('leaves no </script or <!-- in any case', () => {
    const out = inlineScriptText('a("</script>", "</SCRIPT", "<!--", "</Script")');
    expect(out).not.toMatch(/<\/script|<!--/i);
  });

  it('gives JavaScript the same strings back', () => {
    const script = 'out = ["</script>", "<!--", "</SCRIPT>", `</script>`, "<!--" + "</script>"];';
    const run = (code: string) => {
      const sandbox: { out?: unknown } = {};
      runInNewContext(code, sandbox);
      return sandbox.out;
    };
    expect(run(inlineScriptText(script))).toEqual(run(script));
  });
});

describe('exportCsp', () => {
  const hash = 'q1w2e3r4t5y6u7i8o9p0AbCdEfGhIjKlMnOpQrStUvW=';
  const csp = exportCsp(hash);
  const directives = csp.split('; ');

  it.each([
    [`script-src 'sha256-${hash}'`],
    ["default-src 'none'"],
    ["connect-src 'none'"],
    ["form-action 'none'"],
    ["base-uri 'none'"],
    ["object-src 'none'"],
  ])('has %s', (directive) => {
    expect(directives).toContain(directive);
  });

  it.each([['unsafe-eval'], ['http'], ['*']])('does not contain %j', (text) => {
    expect(csp).not.toContain(text);
  });

  it('allows only the one script, by its hash', () => {
    expect(directives.filter((d) => d.startsWith('script-src'))).toEqual([`script-src 'sha256-${hash}'`]);
    expect(directives.find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline');
  });

  it('names each directive once', () => {
    const names = directives.map((d) => d.split(' ')[0]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('exportDocument', () => {
  const script = inlineScriptText('document.body.dataset.ready = "</script>";');
  const scriptHash = createHash('sha256').update(script).digest('base64');
  const payload: ExportPayload = {
    recording: [{ visitId: 'v1', pageId: 'p1', seq: 0, count: 3, firstTs: 1000, lastTs: 3400, gz: 'H4sIAAAAAAAAA4uOBQApu0wNAgAAAA==' }],
    markers: [
      { at: 0, kind: 'page', label: HOSTILE, refId: 'p1' },
      { at: 1200, kind: 'note', label: '<!-- & \u2028 \u2029 l’offre', refId: 'n1' },
    ],
    assets: [
      { url: `https://shop.test/${HOSTILE}.css`, kind: 'stylesheet', mime: 'text/css', base64: 'PC9zdHlsZT4=' },
      { url: 'https://shop.test/gone.jpg', missing: true, width: 40, height: 30 },
    ],
  };
  const parts: ExportDocumentParts = {
    lang: 'fr',
    title: `<title>${HOSTILE} & "shop"`,
    bodyHtml: '<main><h1>Rapport</h1></main>',
    css: 'body { color: red } /* </style><img src=x onerror=alert(2)> */',
    script,
    scriptHash,
    payload,
  };
  const html = exportDocument(parts);

  const payloadText = () => {
    const open = `<script type="application/json" id="${PAYLOAD_ELEMENT_ID}">`;
    const start = html.indexOf(open);
    expect(start).toBeGreaterThan(-1);
    const from = start + open.length;
    return html.slice(from, html.indexOf('</script>', from));
  };

  it('starts with a doctype and carries the report’s language', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
  });

  it('carries the policy in a meta element, in the head', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    expect(meta).not.toBeNull();
    expect(meta!.index).toBeLessThan(html.indexOf('</head>'));
    expect(meta![1]).toBe(escapeHtml(exportCsp(scriptHash)));
  });

  it('holds a payload element whose text parses back to the payload, hostile labels and all', () => {
    expect(JSON.parse(payloadText())).toEqual(payload);
  });

  it('has exactly two script elements: the JSON data, then the player', () => {
    const tags = html.match(/<script[^>]*>/gi);
    expect(tags).toEqual([`<script type="application/json" id="${PAYLOAD_ELEMENT_ID}">`, '<script>']);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
  });

  it('inlines the player script unchanged, so its hash matches the policy', () => {
    const start = html.lastIndexOf('<script>') + '<script>'.length;
    const inlined = html.slice(start, html.indexOf('</script>', start));
    expect(inlined).toBe(script);
    expect(createHash('sha256').update(inlined).digest('base64')).toBe(scriptHash);
  });

  it('escapes the title', () => {
    expect(html).toContain(`<title>${escapeHtml(parts.title)}</title>`);
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/<\/title>/g)).toHaveLength(1);
  });

  it('keeps the style element closed only by its own end tag', () => {
    expect(html.match(/<\/style/gi)).toHaveLength(1);
    expect(html).toContain('<\\/style><img src=x onerror=alert(2)>');
  });

  it('puts the report markup inside #app as it is', () => {
    expect(html).toContain('<div id="app"><main><h1>Rapport</h1></main></div>');
  });

  it('sends no referrer', () => {
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
  });

  it.each<['fr' | 'en']>([['fr'], ['en']])('writes lang="%s"', (lang) => {
    expect(exportDocument({ ...parts, lang })).toContain(`<html lang="${lang}">`);
  });
});
