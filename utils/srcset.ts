/** One candidate of a `srcset`, with the text around it, so that joining every part gives the attribute back. */
export type SrcsetPart = { lead: string; url: string; trailing: string; descriptor: string };

/**
 * The candidates of a `srcset` ("a.jpg?w=400 400w, b.jpg 800w"), parsed as browsers do: an address
 * runs to the next white space (it may hold commas; trailing commas end the candidate), then its
 * descriptors run to the comma that ends it (none inside parentheses). `lead` is the white space and
 * commas before the address; `lead + url + trailing + descriptor`, part after part, is the input.
 */
export function srcsetParts(srcset: string): SrcsetPart[] {
  const parts: SrcsetPart[] = [];
  let i = 0;
  while (i < srcset.length) {
    const lead = /^[\s,]*/.exec(srcset.slice(i))![0];
    i += lead.length;
    if (i >= srcset.length) {
      if (lead) parts.push({ lead, url: '', trailing: '', descriptor: '' });
      break;
    }
    const word = /^\S+/.exec(srcset.slice(i))![0];
    i += word.length;
    const trailing = /,+$/.exec(word)?.[0] ?? '';
    const url = word.slice(0, word.length - trailing.length);
    let descriptor = '';
    if (!trailing) {
      let depth = 0;
      const start = i;
      while (i < srcset.length && !(srcset[i] === ',' && depth === 0)) {
        if (srcset[i] === '(') depth++;
        else if (srcset[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptor = srcset.slice(start, i);
    }
    parts.push({ lead, url, trailing, descriptor });
  }
  return parts;
}
