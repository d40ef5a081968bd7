import { checklistEn } from './checklist-messages';
import type { ReportMessages } from './report-fr';
import { RGAA_CREDIT } from '../audit/rgaa-credit';

/** The words the report model is written with, in English, in the French catalogue's shape. */

const enPlural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const enQuote = (s: string) => `“${s}”`;

export const reportEn: ReportMessages = {
  quote: enQuote,
  quickVisit: 'Quick visit',
  unknownBrowser: 'Unknown browser',
  notAudited: 'not audited',
  notMeasured: 'not measured',
  severities: { critical: 'Critical', major: 'Major', minor: 'Minor' },
  states: {
    yes: checklistEn.answers.yes,
    no: checklistEn.answers.no,
    na: checklistEn.naTitle,
    unchecked: checklistEn.answers.unchecked,
    unanswered: 'Unanswered',
  },
  scaleValue: checklistEn.scaleValue,
  numberValue: checklistEn.numberValue,
  pageLabel: (type: string, title: string) => (title ? `${type} · ${title}` : type),
  answerLabel: (criterionId: string, state: string) => `${criterionId} · ${state}`,
  caption: (kind: string, page: string, time: string) => `${kind} · ${page} · ${time}`,

  questions: {
    orders: 'Why are orders not completed?',
    'first-seconds': 'Why do visitors leave in the first seconds?',
    product: 'Why does a product not sell?',
    return: 'Why would a new customer not come back?',
  },
  firstSeconds: {
    overlay: (kind: string, percent: string, duration: string) =>
      `On arrival, a window (${kind}) covered ${percent} of the screen for ${duration}.`,
    slow: (duration: string) => `On arrival, the main content took ${duration} to appear.`,
  },
  diagnosis: {
    unknownPage: 'a page not recorded',
    pageName: (type: string, title: string) => (title ? `“${title}” (${type})` : `the “${type}” page`),
    left: (at: string, reason: string, comment: string) => `The shopper would have left ${at}: ${reason}${comment ? ` (${comment})` : ''}.`,
    signal: (type: string, page: string, detail: string, n: number) => `${type} on ${page}: ${detail}${n > 1 ? ` (${n} times)` : ''}.`,
    loop: (n: number, page: string, detail: string) => `The form showed an error ${n} times in a row on ${page}: ${detail}.`,
    forcedAccount: (from: string, page: string) => `From ${from}, the visit was sent to ${page} to log in, and never reached payment.`,
    shifts: (page: string, cls: string, rating: string) => `On arrival, ${page} moved while it loaded (CLS ${cls}, ${rating}).`,
    speed: (page: string, verdict: string, reasons: string) => `Speed of ${page}: “${verdict}”${reasons ? `; ${reasons}` : ''}.`,
    reasonSeparator: '; ',
    paint: (page: string, duration: string, rating: string) => `On arrival on ${page}, the main content took ${duration} to appear (${rating}).`,
    criterion: (id: string, question: string, state: string, page: string, comment: string) =>
      `${id} “${question}”: “${state}” on ${page}${comment ? `, ${comment}` : ''}.`,
    accessibility: (title: string, nodes: number, pages: string) => `Accessibility: ${title} (${enPlural(nodes, 'element', 'elements')}, ${pages}).`,
    likely: (text: string) => `Most likely cause: ${text}`,
    couldStop: (text: string) => `What could stop other shoppers: ${text}`,
    converted: 'The order went through.',
    noOutcome: 'The visit has no known outcome.',
    endedAt: (at: string) => `The visit stopped ${at}, without an order.`,
    clear: {
      orders: 'Nothing seen from the cart to the payment stops a shopper.',
      'first-seconds': 'The first pages appeared with nothing that makes a visitor leave at once.',
      product: 'Nothing seen on the product pages prevents the purchase.',
      return: 'Nothing seen after the purchase, in the contact pages or the account puts a new customer off.',
    },
    notReached: {
      orders: 'The visit did not reach the cart: it cannot tell why an order would not be completed.',
      'first-seconds': 'The first seconds of the first pages were not measured: the visit cannot tell why visitors would leave at once.',
      product: 'The visit opened no product page: it cannot tell why a product would not sell.',
      return: 'The visit saw no confirmation, contact, returns or account page: it cannot tell why a customer would not come back.',
    },
    ordersNotReachedAt: (at: string) => `The visit stopped ${at}, before the cart: it cannot tell why an order would not be completed.`,
    alsoSpeed: (n: number) => `The speed of ${enPlural(n, 'other page', 'other pages')} here needs attention (below).`,
    barriers: (n: number) => `Still, ${enPlural(n, 'accessibility problem', 'accessibility problems')} can stop shoppers who use a keyboard or a screen reader (below).`,
    seen: (names: string) => `Seen in this visit: ${names}.`,
    ordersNotSeen: 'No cart, checkout or payment page was viewed in this visit.',
    firstPages: (names: string) => (names ? `First pages: ${names}.` : 'No page recorded.'),
    notMeasured: 'Their first seconds were not measured.',
    productNotSeen: 'No product page was viewed in this visit.',
    returnPages: { contact: 'contact', returns: 'delivery and returns', account: 'account' },
    returnNotSeen: (missing: string) => `No ${missing} page was viewed in this visit.`,
    orWord: ' or ',
  },

  atStage: {
    landing: 'on arrival',
    browse: 'while browsing',
    product: 'on the product page',
    cart: 'at the cart',
    checkout: 'at checkout',
    payment: 'at payment',
    confirmation: 'at confirmation',
  },
  outcome: {
    converted: 'Converted: the order was confirmed.',
    abandoned: (at: string, reason: string) => `Abandoned ${at}: ${reason}.`,
    ended: (at: string) => `Abandoned ${at}: the visit stopped there, without an order.`,
    interrupted: 'Outcome unknown: the visit was interrupted before its end.',
    unknown: 'Outcome unknown: the visit has not ended.',
  },

  findings: {
    signalTitle: (type: string, page: string) => `${type} — ${page}`,
    signalDetail: (n: number, first: string) => (n > 1 ? `${n} times. The first: ${first}.` : `${first}.`),
    a11yDetail: (nodes: number, pages: number) => `${enPlural(nodes, 'element', 'elements')} on ${enPlural(pages, 'page', 'pages')}`,
    speedTitle: (verdict: string, page: string) => `${verdict}: ${page}`,
    overlayTitle: (kind: string, percent: string, duration: string) => `${kind}: covers ${percent} of the screen for ${duration}`,
    overlayDetail: (page: string, selector: string) => `On ${page}, element ${enQuote(selector)}.`,
    slowTitle: (duration: string) => `Main content shown after ${duration}`,
    shiftsTitle: 'The page moves while it loads',
  },
  signalDetails: {
    rage: (clicks: number, duration: string, label?: string) =>
      `${enPlural(clicks, 'click', 'clicks')} in ${duration}${label ? ` on ${enQuote(label)}` : ''}`,
    dead: (label?: string) => (label ? `click with no effect on ${enQuote(label)}` : 'click with no effect'),
    jsError: (message: string) => `error ${enQuote(message)}`,
    failed: (request: string, status: number) => (status === 0 ? `${request}: network error` : `${request}: answered ${status}`),
    form: (text: string) => `the form showed ${enQuote(text)}`,
    wait: (duration: string, action?: string) => `${duration} wait${action ? ` after a ${action}` : ''}`,
    shift: (value: string) => `shift of ${value}`,
    fallback: 'detected automatically',
  },

  method: {
    recorded: (browser: string) => `An evaluator made the visit in their own browser (${browser}), recorded page by page.`,
    privacy:
      'Nothing typed was kept, even where the shop showed it again; e-mail addresses, numbers and tokens were masked and page addresses kept without parameters; payment fields and the shop’s private zones were left out, and screenshots hide them.',
    dropped: (forged: number, excess: number) =>
      `While recording, ${forged} forged and ${excess} excess message(s) from the pages were dropped: they are not in the replay.`,
    customerTime:
      'Durations are given in customer time — the time a customer would have spent on the shop: the evaluator’s work in the panel (answering, writing, capturing, annotating) and the pauses are left out — with the wall time beside them.',
    delivery: (h: { retried: number; fellBack: number; lost: number }) =>
      `Recording health: ${h.retried} message(s) from the pages reached the extension after a retry, ${h.fellBack} through the extension’s storage when messaging failed, and ${h.lost} were lost${h.lost > 0 ? ': what they held is not in the replay' : ''}.`,
    uncollected: (tabs: number, messages: number) =>
      `When the visit was stopped, ${tabs} tab(s) did not hand over everything they held within the wait (${messages} message(s)): the end of the last page may be missing.`,
    ignored: (what: string) =>
      `Browser warnings, errors of the evaluator’s extensions and requests the browser makes or cancels by itself do not count as friction: ${what}.`,
    axe: (version: string) => `Accessibility was tested automatically by axe-core ${version}, mapped to WCAG and RGAA 4.1.2.`,
    noAxe: 'No accessibility audit was run during this visit.',
    speed: 'Speed was measured once per page and rated with the web-vitals thresholds.',
    score: 'Score: each criterion earns its weight on “Yes”, a 1–5 rating a share of it, and sections combine by their weights.',
    noScore: 'No checklist was used: the visit has no score.',
    degraded: (pages: number) =>
      `On ${pages} page(s) too busy to record in full, the recording was lightened so as not to slow the shop down (mouse and scroll recorded less often, or paused then resumed from a fresh snapshot): the journey says where and when.`,
    budget: (budget: string, time: string) =>
      `The visit’s storage space (${budget}) was reached at ${time}: the video recording stopped there; pages, answers, notes and screenshots went on being saved.`,
  },
  degraded: {
    sampled: (time: string, why: string) => `Recording lightened from ${time} (${why}): mouse and scroll recorded less often.`,
    paused: (from: string, to: string, why: string) => `Recording paused from ${from} to ${to} (${why}), resumed from a fresh snapshot.`,
    pausedToEnd: (from: string, why: string) => `Recording paused from ${from} (${why}).`,
    budget: (time: string) => `Recording stopped at ${time}: the visit’s storage space was full.`,
    more: (n: number) => `And ${n} more pause(s).`,
    why: {
      mutations: (changes: string, seconds: string) => `mutation storm: ${changes} changes in ${seconds} s`,
      events: (events: string, seconds: string) => `${events} events in ${seconds} s`,
      volume: (mb: string, seconds: string) => `${mb} MB of changes in ${seconds} s`,
      backlog: (batches: number) => `sending fell behind: ${batches} batch(es) dropped`,
    },
  },
  attributions: {
    checklist: (text: string) => text,
    axe: 'Deque Systems, MPL-2.0 licence',
    rgaa: RGAA_CREDIT,
    opquast: 'Opquast, CC BY-SA 4.0 (rule numbers only)',
    webVitals: 'Google, Apache-2.0 licence',
    rrweb: 'rrweb, MIT licence',
  },
  glossary: [
    { term: 'Visit', definition: 'One evaluator’s recorded run on the site, from start to end.' },
    { term: 'Page', definition: 'One page seen during the visit, with its timings, type and audits.' },
    { term: 'Stage', definition: 'A step of the purchase, from landing to confirmation, derived from the page types.' },
    { term: 'Signal', definition: 'A friction detected automatically: repeated clicks, error, failed request, long wait…' },
    { term: 'Rage click', definition: 'Three clicks or more within a second in one place: a sign of impatience.' },
    { term: 'Dead click', definition: 'A click on something that looks clickable, after which nothing happens.' },
    { term: 'Knock-out criterion', definition: 'A criterion whose “No” is flagged whatever the score.' },
    { term: 'LCP', definition: 'When the largest element of the page appeared (Largest Contentful Paint).' },
    { term: 'CLS', definition: 'The sum of the layout’s unexpected shifts (Cumulative Layout Shift).' },
    { term: 'INP', definition: 'How long the page took to respond to actions (Interaction to Next Paint).' },
    { term: 'TTFB', definition: 'When the server’s first response arrived (Time To First Byte).' },
    { term: 'Replay', definition: 'The visit played back like a film, rebuilt from the recording, without the site’s scripts.' },
  ],
};
