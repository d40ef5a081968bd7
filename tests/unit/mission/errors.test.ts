import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMissionText } from '../../../utils/mission/errors';
import { broken, validMissionFile, type MissionFile } from './fixtures';

function problemsOf(file: unknown, lang: 'fr' | 'en' = 'fr', document?: Document) {
  const result = parseMissionText(typeof file === 'string' ? file : JSON.stringify(file, null, 2), lang, { document });
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

function expectText(actual: string | undefined, expected: string | RegExp) {
  if (typeof expected === 'string') expect(actual).toBe(expected);
  else expect(actual).toMatch(expected);
}

const record = (value: unknown) => value as Record<string, unknown>;

describe('parseMissionText: a valid file', () => {
  it('accepts it, also with a byte order mark, and fills in the defaults', () => {
    const file = broken((f) => {
      delete record(f.steps[0]).required;
      delete (f as Record<string, unknown>).privacy;
      f.sites = ['HTTPS://Shop.Example/'];
    });
    for (const text of [JSON.stringify(file), `\uFEFF${JSON.stringify(file, null, 2)}`]) {
      const result = parseMissionText(text, 'fr');
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.mission.steps.map((step) => step.required)).toEqual([true, true, true]);
      expect(result.mission.privacy).toEqual({ maskSelectors: [], blockSelectors: [], keepSearchTerms: false });
      expect(result.mission.sites).toEqual(['https://shop.example']);
    }
  });

  it('takes a deadline in UTC or with an offset, with fractions of a second', () => {
    for (const deadline of ['2025-07-14T16:00:00Z', '2025-07-14T18:00:00.5+02:00']) {
      expect(parseMissionText(JSON.stringify({ ...validMissionFile(), deadline }), 'en').ok).toBe(true);
    }
  });

  it('ignores fields it does not know, such as $schema', () => {
    const result = parseMissionText(JSON.stringify({ $schema: './mission.schema.json', ...validMissionFile() }), 'en');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.mission).not.toHaveProperty('$schema');
  });
});

describe('parseMissionText: the file as a whole', () => {
  it('names the line and column of a JSON syntax error', () => {
    const text = '{\n  "format": "mystere-mission",\n  "version": 1\n  "id": "x"\n}';
    const [fr, ...more] = problemsOf(text, 'fr');
    expect(more).toEqual([]);
    expect(fr?.path).toBe('');
    expect(fr?.message).toMatch(/^Le fichier n’est pas du JSON valide \(ligne 4, colonne 3\) : \S/);
    expect(problemsOf(text, 'en')[0]?.message).toMatch(/^The file is not valid JSON \(line 4, column 3\): \S/);
  });

  it('says an empty file is empty', () => {
    expect(problemsOf(' \n', 'fr')).toEqual([{ path: '', message: 'Le fichier est vide.' }]);
    expect(problemsOf('', 'en')).toEqual([{ path: '', message: 'The file is empty.' }]);
  });

  it('says when a file is not a mission (a checklist, say), and stops there', () => {
    const checklist = broken((f) => {
      f.format = 'mystere-checklist';
      f.steps = [];
    });
    expect(problemsOf(checklist, 'fr')).toEqual([
      { path: '', message: 'Ce fichier n’est pas une mission Mystère : « format » doit valoir « mystere-mission » (trouvé : « mystere-checklist »).' },
    ]);
    expect(problemsOf([1], 'en')).toEqual([{ path: '', message: 'This file is not a Mystère mission: “format” must be “mystere-mission”.' }]);
  });

  it('says when a file was made for a newer version', () => {
    const newer = broken((f) => {
      f.version = 2;
    });
    expect(problemsOf(newer, 'fr')[0]?.message).toContain('version plus récente de Mystère (version 2 du format');
    expect(problemsOf(newer, 'en')).toEqual([
      { path: '', message: 'This mission was made for a newer version of Mystère (format version 2; this one reads up to version 1). Update Mystère to import it.' },
    ]);
  });

  it('stops at 20 problems and counts the rest', () => {
    const file = broken((f) => {
      f.requiredEvidence = [];
      f.steps = Array.from({ length: 25 }, (_, i) => ({ ...f.steps[0]!, id: `s${i}`, instruction: { fr: '', en: 'x' } }));
    });
    const problems = problemsOf(file, 'fr');
    expect(problems).toHaveLength(21);
    expect(problems[19]?.path).toBe('steps[19] (s19) › instruction.fr');
    expect(problems[20]).toEqual({ path: '', message: '… et 5 autres problèmes' });
  });
});

// [what is broken, change, path, fr, en]: each refused alone, with the place named, in both languages.
describe.each<[string, (f: MissionFile & Record<string, unknown>) => void, string, string | RegExp, string | RegExp]>([
  [
    'an unknown step condition',
    (f) => (f.steps[1]!.reached = [{ kind: 'visited', page: 'product' }]),
    'steps[1] (product) › reached[0].kind',
    'condition d’étape inconnue « visited » (conditions possibles : pageType, stage, url, text)',
    'unknown step condition “visited” (allowed conditions: pageType, stage, url, text)',
  ],
  [
    'a condition without a kind',
    (f) => (f.steps[1]!.reached = [{ pageType: 'product' }]),
    'steps[1] (product) › reached[0].kind',
    'champ obligatoire manquant (condition d’étape : pageType, stage, url, text)',
    'required field missing (step condition: pageType, stage, url, text)',
  ],
  [
    'a step without instruction',
    (f) => delete record(f.steps[2]).instruction,
    'steps[2] (basket) › instruction',
    'champ obligatoire manquant',
    'required field missing',
  ],
  [
    'a step with an empty instruction',
    (f) => (f.steps[0]!.instruction = { fr: '  ', en: 'Home' }),
    'steps[0] (home) › instruction.fr',
    'texte vide',
    'empty text',
  ],
  [
    'a step without a condition',
    (f) => (f.steps[0]!.reached = []),
    'steps[0] (home) › reached',
    'liste vide : au moins un élément attendu',
    'empty list: at least one item expected',
  ],
  [
    'a duplicate step id',
    (f) => {
      f.steps[2]!.id = 'home';
      f.requiredEvidence[0]!.stepId = 'home';
    },
    'steps[2] (home) › id',
    'identifiant « home » en double (déjà utilisé en steps[0])',
    'duplicate identifier “home” (already used at steps[0])',
  ],
  [
    'a duplicate evidence id',
    (f) => (f.requiredEvidence[1]!.id = 'basket-shot'),
    'requiredEvidence[1] (basket-shot) › id',
    'identifiant « basket-shot » en double (déjà utilisé en requiredEvidence[0])',
    'duplicate identifier “basket-shot” (already used at requiredEvidence[0])',
  ],
  [
    'evidence referring to an unknown step',
    (f) => (f.requiredEvidence[0]!.stepId = 'cart'),
    'requiredEvidence[0] (basket-shot) › stepId',
    'étape inconnue « cart » (étapes de la mission : home, product, basket)',
    'unknown step “cart” (the mission’s steps: home, product, basket)',
  ],
  [
    'a site without a scheme',
    (f) => (f.sites = ['shop.example']),
    'sites[0]',
    'site non valide « shop.example » : il doit commencer par https:// ou http://',
    'invalid site “shop.example”: it must start with https:// or http://',
  ],
  [
    'a site with a path',
    (f) => (f.sites = ['https://shop.example', 'https://shop.example/fr/']),
    'sites[1]',
    'site non valide « https://shop.example/fr/ » : le site seul, sans chemin ni paramètres (« /fr/ » est de trop), par exemple https://boutique.example',
    'invalid site “https://shop.example/fr/”: the site alone, without a path or parameters (“/fr/” is too much), such as https://shop.example',
  ],
  [
    'a site of another scheme',
    (f) => (f.sites = ['ftp://shop.example']),
    'sites[0]',
    /^site non valide « ftp:\/\/shop\.example » : il doit commencer par https:\/\//,
    /^invalid site “ftp:\/\/shop\.example”: it must start with https:\/\//,
  ],
  [
    'a site with credentials',
    (f) => (f.sites = ['https://me:secret@shop.example']),
    'sites[0]',
    /pas de nom d’utilisateur ni de mot de passe/,
    /no user name or password/,
  ],
  [
    'a site given twice',
    (f) => (f.sites = ['https://shop.example', 'https://SHOP.example/']),
    'sites[1]',
    'site « https://shop.example » en double (déjà donné en sites[0])',
    'duplicate site “https://shop.example” (already given at sites[0])',
  ],
  [
    'a deadline without a time zone',
    (f) => (f.deadline = '2025-07-14T18:00:00'),
    'deadline',
    /^date limite non valide « 2025-07-14T18:00:00 » : date et heure ISO 8601 avec fuseau attendues/,
    /^invalid deadline “2025-07-14T18:00:00”: an ISO 8601 date and time with its time zone is expected/,
  ],
  [
    'a deadline on a day that does not exist',
    (f) => (f.deadline = '2025-02-30T18:00:00Z'),
    'deadline',
    /^date limite non valide « 2025-02-30T18:00:00Z »/,
    /^invalid deadline “2025-02-30T18:00:00Z”/,
  ],
  [
    'an unknown page type',
    (f) => (f.steps[0]!.reached = [{ kind: 'pageType', pageType: 'basket' }]),
    'steps[0] (home) › reached[0].pageType',
    /^type de page inconnu « basket » \(types possibles : home, listing, .*, other\)$/,
    /^unknown page type “basket” \(allowed: home, listing, .*, other\)$/,
  ],
  [
    'an unknown stage',
    (f) => (f.steps[1]!.reached = [{ kind: 'stage', stage: 'basket' }]),
    'steps[1] (product) › reached[0].stage',
    'étape du tunnel inconnue « basket » (possibles : landing, browse, product, cart, checkout, payment, confirmation)',
    'unknown funnel stage “basket” (allowed: landing, browse, product, cart, checkout, payment, confirmation)',
  ],
  [
    'a full address as a URL pattern',
    (f) => (f.steps[2]!.reached = [{ kind: 'url', pattern: 'https://shop.example/panier' }]),
    'steps[2] (basket) › reached[0].pattern',
    /^motif d’adresse non valide « https:\/\/shop\.example\/panier » : écrivez le chemin seul/,
    /^invalid address pattern “https:\/\/shop\.example\/panier”: write the path alone/,
  ],
  [
    'a URL pattern with a hash',
    (f) => (f.steps[2]!.reached = [{ kind: 'url', pattern: '/#/panier' }]),
    'steps[2] (basket) › reached[0].pattern',
    /la partie après « # » n’est pas comparée/,
    /the part after “#” is not compared/,
  ],
  [
    'a text condition of one letter',
    (f) => (f.steps[2]!.reached = [{ kind: 'text', text: 'a' }]),
    'steps[2] (basket) › reached[0].text',
    'texte trop court (au moins 2 caractères)',
    'text too short (at least 2 characters)',
  ],
  [
    'a target time that is not whole',
    (f) => Object.assign(record(f.steps[0]), { targetSeconds: 2.5 }),
    'steps[0] (home) › targetSeconds',
    'nombre entier attendu',
    'whole number expected',
  ],
  [
    'a step id with a space',
    (f) => (f.steps[0]!.id = 'page d’accueil'),
    'steps[0] (page d’accueil) › id',
    /^identifiant invalide « page d’accueil » : .*40 caractères au plus/,
    /^invalid identifier “page d’accueil”: .*at most 40 characters/,
  ],
  [
    'an unknown built-in checklist',
    (f) => (f.checklist = { builtIn: 'mystere-express' }),
    'checklist.builtIn',
    'grille intégrée inconnue « mystere-express » (grilles intégrées : mystere-ecommerce, mystere-quick)',
    'unknown built-in checklist “mystere-express” (built-in checklists: mystere-ecommerce, mystere-quick)',
  ],
  [
    'a checklist given as a bare id',
    (f) => Object.assign(f, { checklist: 'mystere-quick' }),
    'checklist',
    /^grille attendue : \{ "builtIn": "<identifiant>" \}/,
    /^checklist expected: \{ "builtIn": "<id>" \}/,
  ],
  [
    'a checklist both built-in and embedded',
    (f) => Object.assign(f, { checklist: { builtIn: 'mystere-quick', embedded: {} } }),
    'checklist',
    '« builtIn » ou « embedded », pas les deux',
    '“builtIn” or “embedded”, not both',
  ],
  [
    'a country written in lower case',
    (f) => (f.persona.country = 'fr'),
    'persona.country',
    'code pays inconnu « fr » : deux lettres majuscules ISO 3166-1, par exemple FR, BE, CH, GB',
    'unknown country code “fr”: two capital letters from ISO 3166-1, such as FR, BE, CH, GB',
  ],
  [
    'a country that is not ISO (UK)',
    (f) => (f.persona.country = 'UK'),
    'persona.country',
    /^code pays inconnu « UK »/,
    /^unknown country code “UK”/,
  ],
  [
    'a withdrawn currency',
    (f) => (f.persona.currency = 'HRK'),
    'persona.currency',
    /^code devise inconnu « HRK » : trois lettres majuscules ISO 4217/,
    /^unknown currency code “HRK”: three capital letters from ISO 4217/,
  ],
  [
    'an unknown device',
    (f) => (f.persona.device = 'phone'),
    'persona.device',
    'appareil inconnu « phone » (possibles : desktop, mobile, tablet)',
    'unknown device “phone” (allowed: desktop, mobile, tablet)',
  ],
  [
    'a viewport too small',
    (f) => Object.assign(f.persona, { viewport: { width: 100, height: 800 } }),
    'persona.viewport.width',
    'nombre trop petit (au moins 240)',
    'number too small (at least 240)',
  ],
  [
    'a selector that cannot parse',
    (f) => (f.privacy.maskSelectors = ['.ok', 'div[data-x']),
    'privacy.maskSelectors[1]',
    'sélecteur CSS non valide « div[data-x »',
    'invalid CSS selector “div[data-x”',
  ],
  [
    'an unknown evidence kind',
    (f) => (f.requiredEvidence[1]!.kind = 'video'),
    'requiredEvidence[1] (delivery-note) › kind',
    'type de preuve inconnu « video » (possibles : screenshot, note, answer)',
    'unknown evidence kind “video” (allowed: screenshot, note, answer)',
  ],
  [
    'evidence in two places',
    (f) => Object.assign(record(f.requiredEvidence[0]), { pageType: 'cart' }),
    'requiredEvidence[0] (basket-shot) › pageType',
    'un seul endroit par preuve : « stepId » et « pageType » sont donnés ensemble',
    'one place per piece of evidence: “stepId” and “pageType” are given together',
  ],
  [
    'an answer without its criterion',
    (f) => f.requiredEvidence.push({ id: 'answer', kind: 'answer', label: { fr: 'Réponse', en: 'Answer' } } as never),
    'requiredEvidence[2] (answer) › criterionId',
    'champ obligatoire manquant : une preuve de type « answer » nomme le critère à répondre',
    'required field missing: evidence of kind “answer” names the criterion to answer',
  ],
  [
    'an answer to a criterion the checklist does not have',
    (f) => f.requiredEvidence.push({ id: 'answer', kind: 'answer', criterionId: 'Z99', label: { fr: 'Réponse', en: 'Answer' } } as never),
    'requiredEvidence[2] (answer) › criterionId',
    'critère inconnu « Z99 » dans la grille « mystere-quick »',
    'unknown criterion “Z99” in the checklist “mystere-quick”',
  ],
  [
    'a criterion on a screenshot',
    (f) => Object.assign(record(f.requiredEvidence[0]), { criterionId: 'D01' }),
    'requiredEvidence[0] (basket-shot) › criterionId',
    '« criterionId » ne vaut que pour une preuve de type « answer » (celle-ci est de type « screenshot »)',
    '“criterionId” is only for evidence of kind “answer” (this one is “screenshot”)',
  ],
])('%s', (_what, change, path, fr, en) => {
  it('is refused with the place named, in French and English', () => {
    const file = broken(change);
    const [frProblem, ...frRest] = problemsOf(file, 'fr');
    const [enProblem, ...enRest] = problemsOf(file, 'en');
    expect(frRest).toEqual([]);
    expect(enRest).toEqual([]);
    expect(frProblem?.path).toBe(path);
    expect(enProblem?.path).toBe(path);
    expectText(frProblem?.message, fr);
    expectText(enProblem?.message, en);
  });
});

describe('parseMissionText: an embedded checklist', () => {
  const criterion = { id: 'Q1', question: { fr: 'Prix clair ?', en: 'Clear price?' }, answer: { kind: 'yes-no' }, weight: 2, knockout: false, pages: ['product'], references: [{ kind: 'other', code: 'AG-1' }] };
  const checklist = (change: (c: Record<string, unknown>) => void = () => undefined) => {
    const c: Record<string, unknown> = {
      format: 'mystere-checklist',
      version: 1,
      id: 'agence-test',
      title: { fr: 'Grille de l’agence', en: 'Agency checklist' },
      sections: [{ id: 'product', title: { fr: 'Fiche produit', en: 'Product page' }, weight: 1, criteria: [criterion] }],
    };
    change(c);
    return c;
  };
  const withChecklist = (embedded: unknown, evidence: unknown[] = []) =>
    broken((f) => {
      Object.assign(f, { checklist: { embedded } });
      f.requiredEvidence.push(...(evidence as never[]));
    });

  it('is accepted, and answers may be required of its criteria', () => {
    const result = parseMissionText(JSON.stringify(withChecklist(checklist(), [{ id: 'q1', kind: 'answer', criterionId: 'Q1', label: { fr: 'Q1', en: 'Q1' } }])), 'en');
    expect(result.ok).toBe(true);
  });

  it('has its problems told as a checklist import tells them, under checklist.embedded', () => {
    const file = withChecklist(checklist((c) => ((c.sections as { criteria: unknown[] }[])[0]!.criteria = [{ ...criterion, pages: ['basket'] }])));
    expect(problemsOf(file, 'fr')).toEqual([
      {
        path: 'checklist.embedded › sections[0] « Fiche produit » › criteria[0] (Q1) › pages[0]',
        message: expect.stringMatching(/^type de page inconnu « basket »/) as unknown,
      },
    ]);
    expect(problemsOf(withChecklist(checklist((c) => delete c.format)), 'en')).toEqual([
      { path: 'checklist.embedded', message: 'This file is not a Mystère checklist: “format” must be “mystere-checklist”.' },
    ]);
  });

  it('may not take a built-in checklist’s id', () => {
    const file = withChecklist(checklist((c) => (c.id = 'mystere-quick')));
    expect(problemsOf(file, 'fr')).toEqual([
      {
        path: 'checklist.embedded › id',
        message: 'l’identifiant « mystere-quick » est celui d’une grille intégrée : pour l’utiliser, écrivez { "builtIn": "mystere-quick" } ; pour joindre la vôtre, donnez-lui un autre identifiant',
      },
    ]);
  });

  it('names an unknown field beside builtIn', () => {
    const file = broken((f) => Object.assign(f, { checklist: { builtIn: 'mystere-quick', version: 2 } }));
    expect(problemsOf(file, 'en')).toEqual([{ path: 'checklist', message: 'unknown field here: “version” (only “builtIn” or “embedded”)' }]);
  });
});

describe('parseMissionText: privacy selectors with a document', () => {
  const window = new Window({ url: 'https://shop.example/' });
  const doc = window.document as unknown as Document;
  afterAll(() => window.happyDOM.close());

  it('asks the document’s CSS parser, once the file is otherwise right', () => {
    // `a[href=x y]` is balanced and named, so only a real parser sees that the value needs quotes.
    const file = broken((f) => (f.privacy.blockSelectors = ['.ok', 'a[href=x y]']));
    expect(parseMissionText(JSON.stringify(file), 'en').ok).toBe(true);
    expect(problemsOf(file, 'en', doc)).toEqual([{ path: 'privacy.blockSelectors[1]', message: 'invalid CSS selector “a[href=x y]”' }]);
    expect(parseMissionText(JSON.stringify(validMissionFile()), 'en', { document: doc }).ok).toBe(true);
  });
});
