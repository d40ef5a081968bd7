import { describe, expect, it } from 'vitest';
import { jsonErrorLocation, parseChecklistText, syntaxErrorLocation } from '../../../utils/checklist/errors';

/** A small valid file, as an agency would write it; tests break one thing at a time. */
function validFile() {
  const criterion = (id: string, fr: string, en: string) => ({
    id,
    question: { fr, en },
    answer: { kind: 'yes-no' },
    weight: 2,
    knockout: false,
    pages: ['home'],
    references: [{ kind: 'nielsen', code: 'N1' }],
  });
  return {
    format: 'mystere-checklist',
    version: 1,
    id: 'agence-test',
    title: { fr: 'Grille de test', en: 'Test checklist' },
    sections: [
      {
        id: 'home',
        title: { fr: 'Accueil', en: 'Home' },
        weight: 1,
        criteria: [criterion('A01', 'Le logo mène-t-il à l’accueil ?', 'Does the logo lead home?'), criterion('A02', 'Recherche visible ?', 'Search visible?')],
      },
      {
        id: 'cart',
        title: { fr: 'Panier', en: 'Cart' },
        weight: 2,
        criteria: [criterion('P01', 'Total affiché ?', 'Total shown?')],
      },
    ],
  };
}

type File = ReturnType<typeof validFile>;

function problemsOf(file: unknown, lang: 'fr' | 'en' = 'fr') {
  const result = parseChecklistText(typeof file === 'string' ? file : JSON.stringify(file, null, 2), lang);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

function expectText(actual: string | undefined, expected: string | RegExp) {
  if (typeof expected === 'string') expect(actual).toBe(expected);
  else expect(actual).toMatch(expected);
}

function broken(change: (file: File & Record<string, unknown>) => void): File {
  const file = validFile();
  change(file);
  return file;
}

describe('parseChecklistText', () => {
  it('accepts a valid file, also with a byte order mark', () => {
    for (const text of [JSON.stringify(validFile()), `\uFEFF${JSON.stringify(validFile(), null, 2)}`]) {
      const result = parseChecklistText(text, 'fr');
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.checklist.sections.map((section) => section.criteria.length)).toEqual([2, 1]);
    }
  });

  it('names the line and column of a JSON syntax error', () => {
    const text = '{\n  "format": "mystere-checklist",\n  "version": 1\n  "id": "x"\n}';
    const [fr] = problemsOf(text, 'fr');
    expect(fr?.path).toBe('');
    expect(fr?.message).toMatch(/^Le fichier n’est pas du JSON valide \(ligne 4, colonne 3\) : \S/);
    expect(problemsOf(text, 'en')[0]?.message).toMatch(/^The file is not valid JSON \(line 4, column 3\): \S/);
  });

  it('says an empty file is empty', () => {
    expect(problemsOf('  \n', 'fr')).toEqual([{ path: '', message: 'Le fichier est vide.' }]);
    expect(problemsOf('', 'en')).toEqual([{ path: '', message: 'The file is empty.' }]);
  });

  it('says when a file is not a Mystère checklist, and stops there', () => {
    const bundle = broken((file) => {
      file.format = 'mystere-bundle';
      file.sections = [];
    });
    expect(problemsOf(bundle, 'fr')).toEqual([
      { path: '', message: 'Ce fichier n’est pas une grille Mystère : « format » doit valoir « mystere-checklist » (trouvé : « mystere-bundle »).' },
    ]);
    expect(problemsOf({ title: 'x' }, 'en')).toEqual([
      { path: '', message: 'This file is not a Mystère checklist: “format” must be “mystere-checklist”.' },
    ]);
    expect(problemsOf([1, 2], 'en')).toHaveLength(1);
  });

  it('says when a file comes from a newer version of Mystère', () => {
    const newer = broken((file) => {
      file.version = 2;
      file.sections = [];
    });
    expect(problemsOf(newer, 'fr')).toEqual([
      {
        path: '',
        message:
          'Cette grille a été faite par une version plus récente de Mystère (version 2 du format ; celle-ci lit jusqu’à la version 1). Mettez Mystère à jour pour l’importer.',
      },
    ]);
    expect(problemsOf(newer, 'en')[0]?.message).toContain('made by a newer version of Mystère');
  });

  it('names a criterion without a question by its section title and its id', () => {
    const file = broken((f) => {
      delete (f.sections[0]?.criteria[1] as Record<string, unknown>).question;
    });
    expect(problemsOf(file, 'fr')).toEqual([{ path: 'sections[0] « Accueil » › criteria[1] (A02) › question', message: 'champ obligatoire manquant' }]);
    expect(problemsOf(file, 'en')).toEqual([{ path: 'sections[0] “Home” › criteria[1] (A02) › question', message: 'required field missing' }]);
  });

  it('reports a duplicate id with where it was first used', () => {
    const file = broken((f) => {
      if (f.sections[1]?.criteria[0]) f.sections[1].criteria[0].id = 'A02';
    });
    expect(problemsOf(file, 'fr')).toEqual([
      { path: 'sections[1] « Panier » › criteria[0] (A02) › id', message: 'identifiant « A02 » en double (déjà utilisé en sections[0] › criteria[1])' },
    ]);
    expect(problemsOf(file, 'en')[0]?.message).toBe('duplicate identifier “A02” (already used at sections[0] › criteria[1])');
  });

  it('reports a duplicate section id', () => {
    const file = broken((f) => {
      if (f.sections[1]) f.sections[1].id = 'home';
    });
    expect(problemsOf(file, 'fr')).toEqual([{ path: 'sections[1] « Panier » › id', message: 'identifiant « home » en double' }]);
  });

  it('lists the allowed page types for an unknown one', () => {
    const file = broken((f) => {
      if (f.sections[1]?.criteria[0]) f.sections[1].criteria[0].pages = ['cart', 'basket'];
    });
    expect(problemsOf(file, 'fr')).toEqual([
      {
        path: 'sections[1] « Panier » › criteria[0] (P01) › pages[1]',
        message:
          'type de page inconnu « basket » (types possibles : home, listing, search, product, cart, checkout, payment, confirmation, account, contact, other, any)',
      },
    ]);
    expect(problemsOf(file, 'en')[0]?.message).toMatch(/^unknown page type “basket” \(allowed: home, listing, .*, other, any\)$/);
  });

  // [what is broken, change, path after "sections[0] « Accueil » › criteria[0] (A01) › ", fr, en]
  it.each<[string, (criterion: Record<string, unknown>) => void, string, string | RegExp, string | RegExp]>([
    ['empty text', (c) => (c.question = { fr: '   ', en: 'Ok?' }), 'question.fr', 'texte vide', 'empty text'],
    ['wrong type', (c) => (c.knockout = 'no'), 'knockout', 'type incorrect : true ou false attendu, texte trouvé', 'wrong type: expected true or false, found text'],
    ['list instead of text', (c) => (c.question = { fr: ['a'], en: 'b' }), 'question.fr', 'type incorrect : texte attendu, liste [ … ] trouvé', 'wrong type: expected text, found list [ … ]'],
    ['answer kind', (c) => (c.answer = { kind: 'stars' }), 'answer.kind', 'type de réponse inconnu « stars » (possibles : yes-no, scale, number)', 'unknown answer kind “stars” (allowed: yes-no, scale, number)'],
    ['answer kind missing', (c) => (c.answer = {}), 'answer.kind', 'champ obligatoire manquant (type de réponse : yes-no, scale, number)', 'required field missing (answer kind: yes-no, scale, number)'],
    ['reference kind', (c) => (c.references = [{ kind: 'iso', code: '9241' }]), 'references[0].kind', /^type de référence inconnu « iso » \(possibles : bastien-scapin, nielsen, .*, other\)$/, /^unknown reference kind “iso” \(allowed: bastien-scapin, .*\)$/],
    ['suggestion rule', (c) => (c.suggestion = 'magic'), 'suggestion', /^règle de suggestion inconnue « magic » \(possibles : https, search-field, .*, no-failed-requests\)$/, /^unknown suggestion rule “magic” \(allowed: https, .*\)$/],
    ['weight too big', (c) => (c.weight = 5), 'weight', /^poids hors limites : 1, 2 ou 3 attendu/, /^weight out of range: 1, 2 or 3 expected/],
    ['weight not whole', (c) => (c.weight = 1.5), 'weight', /^poids hors limites/, /^weight out of range/],
    ['weight as text', (c) => (c.weight = '2'), 'weight', 'type incorrect : nombre attendu, texte trouvé', 'wrong type: expected number, found text'],
    ['empty pages', (c) => (c.pages = []), 'pages', 'liste vide : au moins un élément attendu', 'empty list: at least one item expected'],
    ['scale bounds', (c) => (c.answer = { kind: 'scale', min: 1, max: 10 }), 'answer.max', 'valeur inattendue « 10 » (attendu : 5)', 'unexpected value “10” (expected: 5)'],
    ['text too long', (c) => (c.question = { fr: 'x'.repeat(1001), en: 'Ok?' }), 'question.fr', 'texte trop long (1000 caractères au plus)', 'text too long (at most 1000 characters)'],
  ])('explains %s in French and English', (_what, change, path, fr, en) => {
    const file = broken((f) => {
      change(f.sections[0]?.criteria[0] as unknown as Record<string, unknown>);
    });
    const [frProblem, ...frRest] = problemsOf(file, 'fr');
    const [enProblem] = problemsOf(file, 'en');
    expect(frRest).toEqual([]);
    expect(frProblem?.path).toBe(`sections[0] « Accueil » › criteria[0] (A01) › ${path}`);
    expect(enProblem?.path).toBe(`sections[0] “Home” › criteria[0] (A01) › ${path}`);
    expectText(frProblem?.message, fr);
    expectText(enProblem?.message, en);
  });

  it('explains an invalid id with its own length limit', () => {
    const file = broken((f) => {
      if (f.sections[0]?.criteria[0]) f.sections[0].criteria[0].id = 'A 01';
      f.id = 'é';
    });
    expect(problemsOf(file, 'fr')).toEqual([
      { path: 'id', message: expect.stringMatching(/^identifiant invalide « é » : .*80 caractères au plus/) as unknown },
      { path: 'sections[0] « Accueil » › criteria[0] (A 01) › id', message: expect.stringMatching(/^identifiant invalide « A 01 » : .*40 caractères au plus/) as unknown },
    ]);
  });

  it('names a section by its id when its title is broken, and a section weight out of range', () => {
    const file = broken((f) => {
      if (f.sections[1]) Object.assign(f.sections[1], { title: 'Panier', weight: 0 });
    });
    expect(problemsOf(file, 'en')).toEqual([
      { path: 'sections[1] (cart) › title', message: 'wrong type: expected object { … }, found text' },
      { path: 'sections[1] (cart) › weight', message: 'weight out of range: a number above 0 and up to 100 expected' },
    ]);
  });

  it('keeps zod’s words for anything else', () => {
    const file = broken((f) => {
      f.version = 0;
    });
    expect(problemsOf(file, 'fr')).toEqual([{ path: 'version', message: 'valeur inattendue « 0 » (attendu : 1)' }]);
  });

  it('stops at 20 problems and counts the rest', () => {
    const file = broken((f) => {
      const first = f.sections[0]?.criteria[0];
      if (!f.sections[0] || !first) return;
      f.sections[0].criteria = Array.from({ length: 25 }, (_, i) => ({ ...first, id: `Q${i}`, question: { fr: '', en: 'x' } }));
    });
    const problems = problemsOf(file, 'fr');
    expect(problems).toHaveLength(21);
    expect(problems[19]?.path).toBe('sections[0] « Accueil » › criteria[19] (Q19) › question.fr');
    expect(problems[20]).toEqual({ path: '', message: '… et 5 autres problèmes' });
    expect(problemsOf(file, 'en')[20]?.message).toBe('… and 5 more problems');
  });
});

describe('syntaxErrorLocation', () => {
  it.each<[string, string, { line: number; column: number } | undefined]>([
    ['a bare word as a value', '{ "format": "mystere-checklist",\n  "version": 1,\n  "id": oops }', { line: 3, column: 9 }],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', { line: 3, column: 3 }],
    ['a trailing comma', '{ "a": [1, 2,] }', { line: 1, column: 14 }],
    ['valid JSON', '{ "a": 1 }', undefined],
  ])('%s', (_what, text, expected) => {
    expect(syntaxErrorLocation(text)).toEqual(expected);
  });
});

describe('jsonErrorLocation', () => {
  const text = '{\n  "a": 1\n  "b": 2\n}';
  it.each<[string, string, { line: number; column: number } | undefined]>([
    ['V8 (position only)', 'Expected \',\' or \'}\' after property value in JSON at position 13', { line: 3, column: 3 }],
    ['V8 (line and column)', 'Expected \',\' or \'}\' after property value in JSON at position 13 (line 3 column 3)', { line: 3, column: 3 }],
    ['Firefox', 'JSON.parse: expected \',\' or \'}\' after property value in object at line 3 column 3 of the JSON data', { line: 3, column: 3 }],
    ['V8 at the very start', 'Unexpected token \'x\' in JSON at position 0', { line: 1, column: 1 }],
    ['Safari (no position)', 'JSON Parse error: Expected \'}\'', undefined],
  ])('%s', (_engine, message, expected) => {
    expect(jsonErrorLocation(message, text)).toEqual(expected);
  });
});
