/** Splits a text area into selectors, one per line, and names the first line that does not parse. */
export function parseSelectorLines(
  text: string,
  isValid: (selector: string) => boolean,
): { selectors: string[] } | { line: number; selector: string } {
  const selectors: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!.trim();
    if (!s) continue;
    if (!isValid(s)) return { line: i + 1, selector: s };
    selectors.push(s);
  }
  return { selectors };
}
