import { RGAA_CREDIT } from '../../audit/rgaa-credit';
import {
  CHECKLIST_FORMAT,
  CHECKLIST_VERSION,
  type AnswerKind,
  type Checklist,
  type Criterion,
  type CriterionPage,
  type Localized,
  type Reference,
  type SuggestionRule,
} from '../schema';

/**
 * The default e-commerce checklist: the whole shopping journey, from the homepage to after-sales.
 * Ids, weights, knock-outs and references follow shared/reference/checklist-research.md, part (b).
 * Questions and help texts are our own words. Opquast is cited by rule number only: V4 number,
 * then the V5 number.
 */

// ——— Small builders, to keep one criterion to a few lines ———

const t = (fr: string, en: string): Localized => ({ fr, en });

const bs = (code: string): Reference => ({ kind: 'bastien-scapin', code });
const n = (num: number): Reference => ({ kind: 'nielsen', code: `N${num}` });
const opq = (v4: number, v5: number): Reference => ({ kind: 'opquast', code: `${v4} (V5 ${v5})` });
const wcag = (code: string): Reference => ({ kind: 'wcag', code });
const rgaa = (code: string): Reference => ({ kind: 'rgaa', code });
const law = (code: string): Reference => ({ kind: 'law', code });
const conso = (article: string): Reference => law(`Code de la consommation ${article}`);
const baymard = (code: string, label: string): Reference => ({ kind: 'baymard', code, label });
const other = (code: string, label: string): Reference => ({ kind: 'other', code, label });

// Baymard figures carry their edition year.
const ABANDON = 'Checkout abandonment reasons, 2024';
const extraCosts = baymard(ABANDON, 'Extra costs too high: 48 %');
const forcedAccount = baymard(ABANDON, 'Forced account creation: 26 %');
const cardTrust = baymard(ABANDON, 'Did not trust the site with card details: 25 %');
const slowDelivery = baymard(ABANDON, 'Delivery too slow: 23 %');
const tooLong = baymard(ABANDON, 'Checkout too long or complicated: 22 %');
const totalHidden = baymard(ABANDON, 'Could not see the total up front: 21 %');
const returnsPolicy = baymard(ABANDON, 'Returns policy not satisfactory: 18 %');
const siteErrors = baymard(ABANDON, 'Site had errors or crashed: 17 %');
const fewPayments = baymard(ABANDON, 'Not enough payment methods: 13 %');
const cardDeclined = baymard(ABANDON, 'Card declined: 9 %');
const checkoutLength = baymard('Checkout length, 2024', '11.3 form fields on average; about 8 is achievable');

const mysteryMeasure = (label: string): Reference => other('Mystery-shopping measure', label);
const perception = other('Mystery-shopping perception', 'Evaluator’s impression on a 1–5 scale');

const SCALE: AnswerKind = { kind: 'scale', min: 1, max: 5 };
const number = (fr: string, en: string): AnswerKind => ({ kind: 'number', unit: t(fr, en) });

interface Spec {
  q: Localized;
  help: Localized;
  refs: Reference[];
  answer?: AnswerKind;
  knockout?: boolean;
  suggestion?: SuggestionRule;
}

/** A criterion: yes/no and not knock-out unless said otherwise. */
function crit(id: string, weight: 1 | 2 | 3, pages: CriterionPage[], spec: Spec): Criterion {
  return {
    id,
    question: spec.q,
    help: spec.help,
    answer: spec.answer ?? { kind: 'yes-no' },
    weight,
    knockout: spec.knockout ?? false,
    pages,
    references: spec.refs,
    ...(spec.suggestion ? { suggestion: spec.suggestion } : {}),
  };
}

// ——— The checklist ———

export const ECOMMERCE_CHECKLIST: Checklist = {
  format: CHECKLIST_FORMAT,
  version: CHECKLIST_VERSION,
  id: 'mystere-ecommerce',
  title: t('Visite e-commerce', 'E-commerce visit'),
  description: t(
    'Le parcours d’achat complet, de la page d’accueil au service après-vente, en 13 étapes. Les questions notées « après la visite » se remplissent à réception des e-mails, du colis ou des réponses.',
    'The whole shopping journey, from the homepage to after-sales, in 13 stages. Questions marked “after the visit” are answered when the emails, the parcel or the replies arrive.',
  ),
  author: 'Mystère',
  attribution:
    `References: Bastien & Scapin (INRIA RT-0156, 1993); Nielsen (1994, NN/g); Opquast « The Opquast Digital Quality Framework » (CC BY-SA 4.0), rule numbers only; RGAA 4.1.2 (${RGAA_CREDIT}); WCAG 2.2 (W3C); Baymard Institute statistics (cited). Questions and help texts written by Mystère.`,
  sections: [
    {
      id: 'A',
      title: t('Accueil & première impression', 'Homepage & first impression'),
      weight: 6,
      criteria: [
        crit('A01', 2, ['home'], {
          q: t('Comprend-on en quelques secondes ce que vend le site, et à qui ?', 'Within a few seconds, can you tell what the site sells and to whom?'),
          help: t(
            'Sans faire défiler : le bandeau, les titres et les visuels disent-ils l’offre, la clientèle visée et le positionnement ?',
            'Without scrolling: do the banner, headings and pictures make the offer, the target customers and the positioning clear?',
          ),
          refs: [bs('1.1'), bs('8'), n(2), opq(94, 99)],
        }),
        crit('A02', 2, ['home'], {
          q: t('Le vendeur est-il clairement identifié dès l’accueil (nom, logo) ?', 'Is the seller clearly identified on the homepage (name, logo)?'),
          help: t(
            'Le nom de l’enseigne ou de la société et son logo sont visibles en haut de page ; on sait à qui l’on achète, y compris sur une place de marché.',
            'The brand or company name and its logo are visible at the top; you know who you are buying from, marketplace sellers included.',
          ),
          refs: [bs('1.1'), n(2), opq(96, 101), law('LCEN art. 6-III')],
        }),
        crit('A03', 2, ['home'], {
          q: t(
            'Accède-t-on au contenu sans être bloqué par une fenêtre non sollicitée (newsletter, application, promotion) ?',
            'Can you reach the content without an unrequested pop-up (newsletter, app, promotion) blocking it?',
          ),
          help: t(
            'Le bandeau cookies mis à part : une fenêtre qui s’ouvre seule et couvre la page vaut « non ». Noter si elle se ferme facilement.',
            'Leaving the cookie banner aside: a window that opens by itself and covers the page means “no”. Note whether it is easy to close.',
          ),
          refs: [bs('3.1'), bs('3.2'), n(3), n(8), opq(149, 154)],
          suggestion: 'no-blocking-overlay',
        }),
        crit('A04', 3, ['home'], {
          q: t(
            'Le bandeau cookies permet-il de refuser aussi facilement que d’accepter, en expliquant les finalités ?',
            'Does the cookie banner let you refuse as easily as accept, and does it explain what the cookies are for?',
          ),
          help: t(
            'Un bouton « Tout refuser » ou « Continuer sans accepter » au même niveau que « Accepter », sans passer par les paramètres ; les finalités sont décrites.',
            'A “Reject all” or “Continue without accepting” button on the same level as “Accept”, without going into the settings; the purposes are described.',
          ),
          refs: [bs('3.2'), bs('3.1'), n(3), opq(28, 29), law('CNIL, lignes directrices et recommandation cookies (sept. 2020)')],
          suggestion: 'cookie-refuse-choice',
        }),
        crit('A05', 2, ['home'], {
          q: t('Les grandes catégories de produits sont-elles visibles depuis l’accueil ?', 'Are the main product categories visible from the homepage?'),
          help: t(
            'Un menu principal ou des blocs de catégories visibles sans chercher, avec des intitulés dans les mots d’un client.',
            'A main menu or category blocks visible without searching, with labels in a customer’s words.',
          ),
          refs: [bs('1.2.1'), bs('2.2'), n(6)],
        }),
      ],
    },
    {
      id: 'B',
      title: t('Navigation & cohérence', 'Navigation & consistency'),
      weight: 5,
      criteria: [
        crit('B01', 1, ['any'], {
          q: t(
            'Peut-on revenir à l’accueil depuis n’importe quelle page (par exemple en cliquant sur le logo) ?',
            'Can you get back to the homepage from any page (e.g. by clicking the logo)?',
          ),
          help: t('Essayer depuis une fiche produit et depuis le panier.', 'Try it from a product page and from the cart.'),
          refs: [bs('3.2'), bs('6'), n(3), opq(150, 155)],
          suggestion: 'home-link',
        }),
        crit('B02', 1, ['listing', 'product'], {
          q: t(
            'Chaque page indique-t-elle où l’on se trouve (fil d’Ariane, rubrique active du menu) ?',
            'Does each page show where you are (breadcrumb, highlighted menu item)?',
          ),
          help: t(
            'Sur les listes et les fiches : un fil d’Ariane ou la rubrique du menu mise en évidence situe la page dans le catalogue.',
            'On lists and product pages: a breadcrumb or the highlighted menu item shows where the page sits in the catalogue.',
          ),
          refs: [bs('1.1'), n(1), opq(151, 156), opq(152, 157)],
          suggestion: 'breadcrumb',
        }),
        crit('B03', 2, ['any'], {
          q: t(
            'En-tête, menus, pied de page et boutons principaux sont-ils au même endroit et du même style sur toutes les pages ?',
            'Are the header, menus, footer and key buttons in the same place and style on every page?',
          ),
          help: t(
            'Comparer accueil, liste, fiche et panier : rien ne change de place ni d’aspect sans raison.',
            'Compare the home, list, product and cart pages: nothing moves or changes look without reason.',
          ),
          refs: [bs('6'), bs('1.2.2'), n(4), opq(153, 158), opq(175, 180), rgaa('12.2'), wcag('3.2.3'), wcag('3.2.4')],
        }),
        crit('B04', 2, ['any'], {
          q: t(
            'Sur smartphone, le site s’utilise-t-il sans défilement horizontal, avec le zoom autorisé et des zones tactiles assez grandes ?',
            'On a smartphone, can you use the site with no horizontal scrolling, with zoom allowed and tap targets large enough?',
          ),
          help: t(
            'Sur un téléphone ou en vue mobile du navigateur : le zoom à deux doigts marche, rien ne déborde sur le côté, les boutons se touchent sans erreur.',
            'On a phone or in the browser’s mobile view: pinch-zoom works, nothing overflows sideways, buttons can be tapped without mistakes.',
          ),
          refs: [
            bs('4.1'), bs('8'), bs('1.4'), n(7),
            opq(181, 186), opq(188, 193), opq(189, 194),
            rgaa('10.4'), rgaa('10.11'), wcag('1.4.4'), wcag('1.4.10'), wcag('2.5.8'),
          ],
          suggestion: 'zoom-allowed',
        }),
      ],
    },
    {
      id: 'C',
      title: t('Recherche & listes de produits', 'Search & product lists'),
      weight: 10,
      criteria: [
        crit('C01', 2, ['home', 'listing'], {
          q: t('Un champ de recherche est-il visible sans action supplémentaire ?', 'Is a search field visible without any extra click?'),
          help: t(
            'Une zone de saisie visible dans l’en-tête, pas seulement une loupe qu’il faut d’abord ouvrir.',
            'A text box visible in the header, not only a magnifier icon that must be opened first.',
          ),
          refs: [bs('1.1'), bs('4.1'), n(7), n(6), opq(163, 168), rgaa('12.1'), rgaa('12.5'), wcag('2.4.5'), wcag('3.2.3')],
          suggestion: 'search-field',
        }),
        crit('C02', 3, ['search'], {
          q: t(
            'La recherche d’un produit que le site vend le fait-elle apparaître en première page de résultats ?',
            'When you search for a product the site sells, does it appear on the first page of results?',
          ),
          help: t(
            'Chercher le produit du scénario par son nom courant, pas par sa référence exacte ; noter les mots saisis.',
            'Search for the scenario’s product by its everyday name, not its exact reference; note the words you typed.',
          ),
          refs: [bs('8'), bs('2.1.2'), n(2), baymard('On-site search research', 'Search must match the words customers use')],
        }),
        crit('C03', 2, ['search'], {
          q: t('La recherche tolère-t-elle une faute de frappe, un pluriel ou un synonyme ?', 'Does search cope with a typo, a plural or a synonym?'),
          help: t(
            'Refaire la recherche avec une faute (par ex. « chausure »), au pluriel, puis avec un synonyme : les résultats restent-ils pertinents ?',
            'Search again with a typo (e.g. “sneeker”), in the plural, then with a synonym: are the results still relevant?',
          ),
          refs: [bs('5.1'), bs('4.1'), n(5), n(7)],
        }),
        crit('C04', 1, ['search'], {
          q: t(
            'La page de résultats rappelle-t-elle la requête et le nombre de résultats, et permet-elle de relancer ou d’affiner la recherche ?',
            'Does the results page repeat the query, show how many results there are, and let you search again or refine?',
          ),
          help: t(
            'Les mots cherchés restent dans le champ ou dans le titre, et un nombre de résultats est affiché.',
            'The words searched stay in the box or the heading, and a result count is shown.',
          ),
          refs: [bs('1.3'), bs('3.2'), n(1), n(3), opq(13, 13), opq(165, 170)],
        }),
        crit('C05', 2, ['search'], {
          q: t(
            'Quand rien n’est trouvé, des alternatives sont-elles proposées (suggestions, catégories, aide) ?',
            'When nothing is found, are alternatives offered (suggestions, categories, help)?',
          ),
          help: t('Chercher un mot absurde : la page ne doit pas être une impasse.', 'Search for a nonsense word: the page should not be a dead end.'),
          refs: [bs('5.2'), bs('5.3'), n(9), n(10)],
        }),
        crit('C06', 2, ['listing', 'search'], {
          q: t(
            'Peut-on filtrer et trier (prix, taille, disponibilité…), voir les filtres actifs et les retirer facilement ?',
            'Can you filter and sort (price, size, availability…), see the active filters and clear them easily?',
          ),
          help: t(
            'Appliquer deux filtres puis un tri : les filtres choisis restent visibles et se retirent un par un ou tous à la fois.',
            'Apply two filters and a sort: the chosen filters stay visible and can be removed one by one or all at once.',
          ),
          refs: [bs('4.1'), bs('3.2'), bs('1.1'), n(7), n(3), baymard('Product lists research', 'Filtering and sorting')],
        }),
        crit('C07', 2, ['listing', 'search'], {
          q: t(
            'Chaque article listé montre-t-il image, nom, prix et disponibilité, avec les ruptures signalées autrement que par la couleur ?',
            'Does each listed item show image, name, price and availability, with out-of-stock items marked by more than colour alone?',
          ),
          help: t(
            'Une rupture se lit en toutes lettres ou par une icône explicite, pas seulement par un prix grisé.',
            'Out of stock is said in words or with a clear icon, not only by a greyed-out price.',
          ),
          refs: [bs('2.2'), bs('1.2.2'), n(6), opq(33, 34), opq(64, 65), opq(176, 181), rgaa('3.1'), wcag('1.4.1')],
        }),
        crit('C08', 1, ['product'], {
          q: t('Combien de secondes a-t-il fallu pour trouver le produit du scénario ?', 'How many seconds did it take to find the scenario’s product?'),
          help: t(
            'De la première page du site jusqu’à la bonne fiche produit. C’est une mesure, non notée.',
            'From the site’s first page to the right product page. This is a measure, not scored.',
          ),
          answer: number('secondes', 'seconds'),
          refs: [bs('2.1.2'), n(7), mysteryMeasure('Time to find the target product')],
        }),
      ],
    },
    {
      id: 'D',
      title: t('Fiche produit', 'Product page'),
      weight: 14,
      criteria: [
        crit('D01', 3, ['product'], {
          q: t('Le prix est-il clair, avec sa devise, et affiché toutes taxes comprises ?', 'Is the price clear, with its currency, and shown with all taxes included?'),
          help: t(
            'Un prix lisible près du bouton d’ajout, avec € (ou la devise) et la mention TTC ou équivalente ; jamais un prix hors taxes seul.',
            'One readable price near the add-to-cart button, with € (or the currency) and “incl. VAT” or similar; never a pre-tax price alone.',
          ),
          refs: [bs('7'), bs('8'), n(2), opq(55, 56), conso('L112-1')],
          suggestion: 'price-with-currency',
        }),
        crit('D02', 3, ['product'], {
          q: t(
            'Les caractéristiques essentielles sont-elles données (dimensions, matière ou composition, compatibilité, guide des tailles…) ?',
            'Are the essential characteristics given (dimensions, material or composition, compatibility, size guide…)?',
          ),
          help: t(
            'Tout ce qu’il faut pour décider sans contacter le vendeur, selon le type de produit.',
            'Everything needed to decide without asking the seller, for this kind of product.',
          ),
          refs: [bs('8'), bs('2.2'), n(2), opq(38, 39), conso('L111-1'), conso('L221-5')],
        }),
        crit('D03', 2, ['product'], {
          q: t('Y a-t-il plusieurs images nettes du produit, avec zoom ou agrandissement ?', 'Are there several sharp product images, with zoom or an enlarged view?'),
          help: t(
            'Plusieurs angles en bonne définition ; un clic ou un geste montre les détails.',
            'Several angles at good resolution; a click or a gesture shows the details.',
          ),
          refs: [bs('1.4'), n(6), baymard('Product page research', 'Product images')],
        }),
        crit('D04', 2, ['product'], {
          q: t(
            'La disponibilité et un délai ou une date de livraison estimés sont-ils indiqués avant l’ajout au panier ?',
            'Are stock availability and an estimated delivery date or lead time shown before adding to cart?',
          ),
          help: t(
            'Sur la fiche : « en stock », « expédié sous 48 h », « livré le … » ou équivalent.',
            'On the product page: “in stock”, “ships within 48 h”, “delivered by …” or similar.',
          ),
          refs: [bs('1.1'), n(1), opq(33, 34), opq(34, 35), slowDelivery, conso('L221-5')],
          suggestion: 'product-availability-data',
        }),
        crit('D05', 3, ['product'], {
          q: t(
            'Les frais de livraison, ou le seuil de livraison gratuite, sont-ils annoncés avant le panier ?',
            'Are delivery costs, or the free-delivery threshold, announced before the cart?',
          ),
          help: t(
            'Sur la fiche ou dans un bandeau du site : un montant ou « livraison offerte dès … », pas seulement « calculés à l’étape suivante ».',
            'On the product page or a site-wide banner: an amount or “free delivery from …”, not just “calculated at the next step”.',
          ),
          refs: [bs('1.1'), n(1), opq(35, 36), extraCosts, totalHidden],
          suggestion: 'product-shipping-data',
        }),
        crit('D06', 2, ['product'], {
          q: t(
            'Les conditions de retour (délai, coût, qui paie) sont-elles accessibles depuis la fiche produit ?',
            'Can you reach the return conditions (period, cost, who pays) from the product page?',
          ),
          help: t(
            'Un lien ou un encart sur la fiche, sans devoir lire les conditions générales de vente en entier.',
            'A link or a box on the product page, without having to read the full terms of sale.',
          ),
          refs: [bs('1.1'), n(10), opq(50, 51), opq(51, 52), returnsPolicy],
          suggestion: 'return-policy-link',
        }),
        crit('D07', 2, ['product', 'listing'], {
          q: t(
            'En cas de promotion, le prix de référence, la durée et les conditions sont-ils indiqués ?',
            'If a discount is advertised, are the reference price, the period and the conditions stated?',
          ),
          help: t(
            'Prix barré expliqué (prix antérieur le plus bas), dates de l’offre, exclusions. Répondre « sans objet » s’il n’y a pas de promotion.',
            'Crossed-out price explained (lowest earlier price), offer dates, exclusions. Answer “not applicable” if there is no discount.',
          ),
          refs: [bs('7'), n(2), opq(39, 40), conso('L112-1-1')],
        }),
        crit('D08', 1, ['product'], {
          q: t(
            'Les avis clients indiquent-ils leur nombre, la note moyenne, leurs dates et la façon dont ils sont vérifiés ?',
            'Do customer reviews show how many there are, the average rating, their dates and how they are checked?',
          ),
          help: t(
            'Chercher une mention comme « avis vérifiés » avec un lien qui explique le contrôle. Sans objet s’il n’y a pas d’avis.',
            'Look for a note such as “verified reviews” with a link explaining the checks. Not applicable if there are no reviews.',
          ),
          refs: [bs('8'), conso('L111-7-2')],
        }),
        crit('D09', 2, ['product'], {
          q: t(
            'Les options obligatoires (taille, couleur) doivent-elles être choisies avant l’ajout, avec un message clair si l’une manque ?',
            'Must required options (size, colour) be chosen before adding, with a clear message if one is missing?',
          ),
          help: t(
            'Cliquer sur « Ajouter au panier » sans choisir de taille : le message dit quoi faire, près de l’option.',
            'Click “Add to cart” without choosing a size: the message says what to do, next to the option.',
          ),
          refs: [bs('5.1'), bs('5.2'), n(5), n(9), opq(77, 79), opq(78, 80), rgaa('11.10'), wcag('3.3.1')],
        }),
        crit('D10', 3, ['product'], {
          q: t(
            'Le bouton d’ajout au panier est-il bien visible, et l’ajout est-il confirmé tout de suite (message, compteur du panier) ?',
            'Is the add-to-cart button prominent, and is adding confirmed at once (message, cart counter)?',
          ),
          help: t(
            'Le bouton se voit sans chercher ; après le clic, un message, un panneau ou le compteur change aussitôt.',
            'The button stands out; after the click, a message, a panel or the cart counter changes straight away.',
          ),
          refs: [bs('1.1'), bs('1.3'), n(1), rgaa('7.5'), wcag('4.1.3')],
        }),
      ],
    },
    {
      id: 'E',
      title: t('Panier', 'Cart'),
      weight: 9,
      criteria: [
        crit('E01', 2, ['cart'], {
          q: t(
            'Le panier détaille-t-il chaque article (image, nom, options choisies, prix unitaire, quantité), avec un lien vers sa fiche ?',
            'Does the cart list each item with image, name, chosen options, unit price and quantity, linked to its product page?',
          ),
          help: t(
            'Vérifier que la taille ou la couleur choisie apparaît et que le nom ramène à la fiche.',
            'Check that the chosen size or colour shows and that the name leads back to the product page.',
          ),
          refs: [bs('1.2.1'), bs('6'), n(6), opq(30, 31)],
        }),
        crit('E02', 3, ['cart'], {
          q: t(
            'Peut-on modifier les quantités et supprimer un article, avec mise à jour immédiate du total ?',
            'Can you change quantities and remove items, with the total updating immediately?',
          ),
          help: t(
            'Passer une quantité à 2 puis supprimer une ligne : le total suit, sans perdre le reste du panier.',
            'Set a quantity to 2, then remove a line: the total follows, without losing the rest of the cart.',
          ),
          refs: [bs('3.2'), bs('1.3'), n(3), n(1), opq(37, 38)],
        }),
        crit('E03', 3, ['cart'], {
          q: t(
            'Un sous-total détaillé (articles, livraison, taxes, remises) et le total final sont-ils visibles avant de passer commande ?',
            'Are a detailed subtotal (items, delivery, taxes, discounts) and the final total visible before checkout?',
          ),
          help: t(
            'Dans le panier : la livraison est chiffrée (ou estimée) et le total à payer est affiché, sans surprise à l’étape suivante.',
            'In the cart: delivery is priced (or estimated) and the total to pay is shown, with no surprise at the next step.',
          ),
          refs: [bs('1.1'), bs('2.2'), n(1), opq(40, 41), totalHidden],
          suggestion: 'delivery-cost-before-cart',
        }),
        crit('E04', 3, ['cart', 'checkout', 'confirmation'], {
          q: t(
            'Rien n’a-t-il été ajouté ou pré-coché sans votre action (produit, assurance, garantie, don, inscription) ?',
            'Was nothing added or pre-ticked without your action (product, insurance, warranty, donation, sign-up)?',
          ),
          help: t(
            'Comparer le panier et le récapitulatif à vos choix, et repérer les cases déjà cochées. Un « non » est signalé dans le rapport.',
            'Compare the cart and the summary with what you chose, and look for boxes ticked in advance. A “no” is flagged in the report.',
          ),
          refs: [bs('3.1'), n(3), opq(31, 32), opq(32, 33), law('Directive 2011/83/UE art. 22')],
          knockout: true,
        }),
      ],
    },
    {
      id: 'F',
      title: t('Tunnel de commande', 'Checkout'),
      weight: 13,
      criteria: [
        crit('F01', 3, ['checkout'], {
          q: t('Peut-on commander sans créer de compte ?', 'Can you order as a guest, without creating an account?'),
          help: t(
            'Une option « commande invité » ou « sans compte » dès l’entrée du tunnel. Proposer un compte après la commande reste acceptable.',
            'A “guest checkout” or “no account” option at the start of checkout. Offering an account after the order is fine.',
          ),
          refs: [bs('2.1.2'), bs('4.1'), n(7), opq(29, 30), forcedAccount],
          suggestion: 'guest-checkout',
        }),
        crit('F02', 2, ['checkout'], {
          q: t('Les étapes de la commande sont-elles annoncées, avec l’étape en cours mise en évidence ?', 'Are the checkout steps listed, with the current step highlighted?'),
          help: t(
            'Par exemple « Livraison › Paiement › Confirmation » ou « étape 2 sur 4 ».',
            'For example “Delivery › Payment › Confirmation” or “step 2 of 4”.',
          ),
          refs: [bs('1.1'), bs('1.3'), n(1), opq(85, 87), opq(86, 88)],
          suggestion: 'checkout-steps',
        }),
        crit('F03', 2, ['checkout'], {
          q: t('Peut-on revenir à l’étape précédente sans perdre ce qui a été saisi ?', 'Can you go back a step without losing what you have already entered?'),
          help: t(
            'Utiliser le lien de retour du tunnel, puis le bouton Précédent du navigateur : l’adresse saisie est-elle conservée ?',
            'Use the checkout’s back link, then the browser’s Back button: is the address you typed still there?',
          ),
          refs: [bs('3.2'), bs('5.3'), n(3), opq(87, 89), opq(89, 91), wcag('3.3.7')],
        }),
        crit('F04', 2, ['checkout'], {
          q: t(
            'Le formulaire ne demande-t-il que le nécessaire (pas de téléphone ni de date de naissance obligatoires sans explication) et reste-t-il court ?',
            'Does the form ask only for what is needed (no unexplained mandatory phone number or birth date) and stay short?',
          ),
          help: t(
            'Chaque champ obligatoire a une raison évidente ou expliquée ; les champs facultatifs sont signalés ou repliés.',
            'Each mandatory field has an obvious or stated reason; optional fields are marked or tucked away.',
          ),
          refs: [bs('2.1.1'), bs('2.1.2'), n(8), checkoutLength],
        }),
        crit('F05', 2, ['checkout'], {
          q: t(
            'Les champs obligatoires et les formats attendus sont-ils indiqués avant la saisie, et le remplissage automatique du navigateur fonctionne-t-il ?',
            'Are required fields and expected formats shown before you type, and does the browser’s autofill work?',
          ),
          help: t(
            'Astérisque expliqué ou mention « obligatoire » ; format du téléphone ou du code postal précisé ; l’auto-remplissage remplit les bons champs.',
            'An explained asterisk or “required”; phone or postcode format given; autofill puts values in the right fields.',
          ),
          refs: [
            bs('1.1'), bs('5.1'), bs('2.1.2'), n(5), n(7),
            opq(69, 71), opq(70, 72), opq(93, 95),
            rgaa('11.1'), rgaa('11.10'), rgaa('11.13'), wcag('3.3.2'), wcag('1.3.5'),
          ],
        }),
        crit('F06', 3, ['checkout'], {
          q: t(
            'Après une erreur de saisie, le champ fautif est-il signalé avec un message qui dit comment corriger, sans effacer les autres champs ?',
            'After an input error, is the faulty field pointed out with a message saying how to fix it, without clearing the other fields?',
          ),
          help: t(
            'Saisir exprès un code postal ou un e-mail erroné, puis valider.',
            'Deliberately type a wrong postcode or email address, then submit.',
          ),
          refs: [bs('5.2'), bs('5.3'), n(9), opq(77, 79), opq(78, 80), opq(79, 81), rgaa('11.10'), rgaa('11.11'), wcag('3.3.1'), wcag('3.3.3')],
        }),
        crit('F08', 3, ['checkout'], {
          q: t(
            'Plusieurs modes de livraison sont-ils proposés avant le paiement, chacun avec son prix et sa date estimée ?',
            'Are several delivery methods offered before payment, each with its price and estimated date?',
          ),
          help: t(
            'Domicile, point relais, retrait en magasin… : chaque option affiche un prix (ou « gratuit ») et un délai ou une date.',
            'Home, pick-up point, click and collect…: each option shows a price (or “free”) and a lead time or date.',
          ),
          refs: [bs('1.1'), bs('4.1'), n(1), n(7), opq(34, 35), opq(35, 36), opq(46, 47), slowDelivery, conso('L216-1')],
        }),
        crit('F09', 3, ['checkout'], {
          q: t(
            'Les conditions générales de vente sont-elles accessibles dans le tunnel, et faut-il les accepter avant de commander ?',
            'Are the terms of sale linked in the checkout, and must you accept them before ordering?',
          ),
          help: t(
            'Un lien vers les CGV près du bouton de commande, et une acceptation explicite (case non pré-cochée ou mention claire).',
            'A link to the terms near the order button, and an explicit acceptance (a box not ticked in advance, or a clear statement).',
          ),
          refs: [bs('3.1'), n(10), opq(45, 46), conso('L221-5'), law('Code civil 1127-1')],
        }),
        crit('F10', 1, ['checkout'], {
          q: t(
            'Combien de champs de formulaire visibles compte le tunnel de commande, toutes étapes confondues ?',
            'How many visible form fields does the checkout have, all steps together?',
          ),
          help: t(
            'Compter zones de saisie, listes et cases, facultatives comprises, sans les données de carte. C’est une mesure, non notée.',
            'Count text boxes, drop-downs and checkboxes, optional ones included, card details excluded. This is a measure, not scored.',
          ),
          answer: number('champs', 'fields'),
          refs: [bs('2.1.1'), checkoutLength],
        }),
      ],
    },
    {
      id: 'G',
      title: t('Paiement', 'Payment'),
      weight: 10,
      criteria: [
        crit('G01', 2, ['cart', 'payment'], {
          q: t(
            'Les moyens de paiement acceptés sont-ils annoncés avant l’étape de paiement, et au moins deux sont-ils proposés ?',
            'Are the accepted payment methods shown before the payment step, and are at least two offered?',
          ),
          help: t(
            'Logos ou liste dans le panier, le pied de page ou l’aide ; puis compter les moyens réellement proposés au paiement.',
            'Logos or a list in the cart, the footer or the help pages; then count the methods actually offered at payment.',
          ),
          refs: [bs('4.1'), bs('1.1'), n(7), opq(47, 48), opq(57, 58), fewPayments],
          suggestion: 'payment-methods',
        }),
        crit('G02', 3, ['payment'], {
          q: t(
            'La page de paiement est-elle en HTTPS, sur le domaine du marchand ou d’un prestataire de paiement identifié, sans alerte de sécurité ?',
            'Is the payment page on HTTPS, on the merchant’s domain or an identified payment provider’s, with no security warning?',
          ),
          help: t(
            'Regarder la barre d’adresse : https://, nom de domaine reconnaissable. Une alerte du navigateur ou un domaine inconnu vaut « non ».',
            'Look at the address bar: https://, a recognisable domain. A browser warning or an unknown domain means “no”.',
          ),
          refs: [bs('8'), n(1), opq(48, 49), opq(192, 197), opq(195, 200), cardTrust],
          knockout: true,
          suggestion: 'https',
        }),
        crit('G03', 2, ['payment'], {
          q: t(
            'Des informations sur la sécurité du paiement sont-elles données (paiement sécurisé, étape 3-D Secure annoncée) ?',
            'Is information about payment security given (secure payment, 3-D Secure step announced)?',
          ),
          help: t(
            'Mention du prestataire, du chiffrement ou de l’authentification forte, sans jargon excessif.',
            'A mention of the provider, encryption or strong authentication, without heavy jargon.',
          ),
          refs: [bs('1.1'), n(10), n(1), opq(203, 208), cardTrust],
        }),
        crit('G04', 2, ['payment'], {
          q: t(
            'La carte n’est-elle enregistrée que si vous le choisissez (pas de case « mémoriser ma carte » pré-cochée) ?',
            'Are card details saved only if you choose it (no pre-ticked “save my card” box)?',
          ),
          help: t('Regarder les cases sous le formulaire de carte avant de payer.', 'Look at the boxes under the card form before paying.'),
          refs: [bs('3.1'), n(3), opq(58, 59)],
        }),
        crit('G05', 3, ['payment'], {
          q: t(
            'Avant le clic final, un récapitulatif complet (articles, adresse, livraison, total) est-il présenté, et peut-on encore le corriger ?',
            'Before the final click, is there a full summary (items, address, delivery, total) that you can still correct?',
          ),
          help: t(
            'Le récapitulatif est visible juste avant le bouton final, avec des liens pour modifier.',
            'The summary is visible just before the final button, with links to change things.',
          ),
          refs: [bs('5.1'), bs('3.2'), n(5), n(3), opq(81, 83), rgaa('11.12'), wcag('3.3.4'), conso('L221-14'), law('Code civil 1127-2')],
        }),
        crit('G06', 3, ['payment'], {
          q: t(
            'Le bouton final indique-t-il clairement que vous vous engagez à payer (« Commander avec obligation de paiement », « Payer ») ?',
            'Does the final button clearly say that you are committing to pay (e.g. “Order with obligation to pay”, “Pay now”)?',
          ),
          help: t(
            'Un simple « Valider » ou « Continuer » sur le dernier bouton vaut « non ».',
            'A plain “Submit” or “Continue” on the last button means “no”.',
          ),
          refs: [bs('3.1'), bs('7'), n(2), conso('L221-14')],
          knockout: true,
          suggestion: 'pay-button-wording',
        }),
        crit('G07', 2, ['payment'], {
          q: t(
            'Si le paiement échoue, la cause est-elle expliquée, et peut-on réessayer ou changer de moyen sans tout ressaisir ?',
            'If the payment fails, is the reason explained, and can you retry or switch method without re-entering everything?',
          ),
          help: t(
            'Seulement si le scénario prévoit un échec (carte refusée) ; sinon « sans objet ».',
            'Only if the scenario includes a failure (declined card); otherwise “not applicable”.',
          ),
          refs: [bs('5.2'), bs('5.3'), n(9), cardDeclined],
        }),
        crit('G08', 1, ['payment'], {
          q: t(
            'Quelle confiance accordez-vous au site pour payer ? (1 = aucune, 5 = totale)',
            'How far do you trust the site with your payment? (1 = not at all, 5 = fully)',
          ),
          help: t(
            'Votre ressenti au moment de payer : sérieux, clarté, sécurité perçue. Dire en commentaire ce qui explique la note.',
            'How you feel when paying: how serious, clear and safe the site seems. Say in the comment what explains the mark.',
          ),
          answer: SCALE,
          refs: [perception, cardTrust],
        }),
      ],
    },
    {
      id: 'H',
      title: t('Confirmation & e-mails', 'Confirmation & emails'),
      weight: 7,
      criteria: [
        crit('H01', 3, ['confirmation'], {
          q: t(
            'Après la commande, une page de confirmation affiche-t-elle un numéro de commande et un récapitulatif ?',
            'After ordering, does a confirmation page show an order number and a summary?',
          ),
          help: t(
            'Noter le numéro ; le récapitulatif reprend articles, adresse, livraison et montant payé.',
            'Write down the number; the summary repeats the items, address, delivery and amount paid.',
          ),
          refs: [bs('1.3'), n(1), opq(60, 61)],
          suggestion: 'order-number',
        }),
        crit('H02', 3, ['any'], {
          q: t(
            'Après la visite : un e-mail de confirmation (référence et détail de la commande) est-il arrivé rapidement ? Noter le délai en minutes.',
            'After the visit: did a confirmation email with the order reference and details arrive quickly? Note the delay in minutes.',
          ),
          help: t(
            'Regarder aussi les indésirables. Joindre l’e-mail ou sa capture avec l’heure de réception.',
            'Check the spam folder too. Attach the email or a screenshot showing when it arrived.',
          ),
          refs: [bs('1.3'), n(1), opq(65, 66), conso('L221-13')],
          knockout: true,
        }),
        crit('H03', 2, ['any'], {
          q: t(
            'Après la visite : cet e-mail donne-t-il un moyen de contacter le vendeur, ainsi que les CGV et le formulaire de rétractation ?',
            'After the visit: does that email give a way to contact the seller, plus the terms of sale and the withdrawal form?',
          ),
          help: t('Dans le texte, en lien ou en pièce jointe.', 'In the text, as links or as attachments.'),
          refs: [bs('1.1'), n(10), opq(106, 111), conso('L221-13')],
        }),
        crit('H04', 2, ['any'], {
          q: t(
            'Après la visite : l’expédition est-elle annoncée avec un lien de suivi, et la facture est-elle disponible (e-mail ou compte) ?',
            'After the visit: is the shipment announced with a tracking link, and is the invoice available (email or account)?',
          ),
          help: t('À remplir à réception de l’avis d’expédition.', 'Fill in when the shipping notice arrives.'),
          refs: [bs('1.3'), n(1), opq(61, 62), opq(62, 63)],
        }),
        crit('H05', 1, ['confirmation'], {
          q: t(
            'Dans l’ensemble, commander a-t-il été facile ? (1 = très difficile, 5 = très facile)',
            'Overall, how easy was it to place the order? (1 = very hard, 5 = very easy)',
          ),
          help: t(
            'Du panier à la confirmation : longueur, clarté, obstacles rencontrés. Expliquer la note en commentaire.',
            'From the cart to the confirmation: length, clarity, obstacles met. Explain the mark in the comment.',
          ),
          answer: SCALE,
          refs: [perception, bs('2.1.2'), tooLong],
        }),
      ],
    },
    {
      id: 'I',
      title: t('Livraison & retours', 'Delivery & returns'),
      weight: 9,
      criteria: [
        crit('I01', 3, ['any'], {
          q: t(
            'Après la visite : le colis est-il arrivé à la date annoncée ? Noter la date promise et la date réelle.',
            'After the visit: did the parcel arrive by the announced date? Note the promised and actual dates.',
          ),
          help: t(
            'Comparer à la date ou au délai affiché au moment de la commande.',
            'Compare with the date or lead time shown when ordering.',
          ),
          refs: [opq(34, 35), conso('L216-1')],
        }),
        crit('I02', 3, ['any'], {
          q: t(
            'Après la visite : le produit reçu est-il conforme à la description et à la commande (modèle, taille, état, quantité) ?',
            'After the visit: does the item received match the description and the order (model, size, condition, quantity)?',
          ),
          help: t('Photographier le colis et le produit à l’ouverture.', 'Take photos of the parcel and the item when opening it.'),
          refs: [opq(38, 39), law('Code de la consommation, garantie légale de conformité')],
        }),
        crit('I03', 2, ['any'], {
          q: t(
            'Après la visite : la procédure de retour est-elle claire (portail ou étiquette, adresse, délai, frais) ?',
            'After the visit: is the return procedure clear (portal or label, address, deadline, cost)?',
          ),
          help: t(
            'Dans le compte, le colis ou l’e-mail : on sait comment renvoyer, avant quand, et qui paie.',
            'In the account, the parcel or the email: you know how to send it back, by when, and who pays.',
          ),
          refs: [bs('1.1'), n(10), opq(50, 51), opq(51, 52), returnsPolicy],
        }),
        crit('I04', 3, ['any'], {
          q: t(
            'Après la visite : en cas de retour ou de rétractation, la demande a-t-elle été accusée et le remboursement fait dans les délais légaux ?',
            'After the visit: if you returned the item or withdrew, was it acknowledged and refunded within the legal time limit?',
          ),
          help: t(
            'Seulement si le scénario prévoit un retour. Noter les dates (envoi, accusé, remboursement) : le remboursement est dû sous 14 jours après la rétractation, le vendeur pouvant attendre le retour du bien.',
            'Only if the scenario includes a return. Note the dates (sent, acknowledged, refunded): the refund is due within 14 days of the withdrawal, though the seller may wait for the item to come back.',
          ),
          refs: [bs('5.3'), opq(53, 54), opq(66, 67), conso('L221-24')],
        }),
      ],
    },
    {
      id: 'J',
      title: t('Compte client', 'Customer account'),
      weight: 3,
      criteria: [
        crit('J01', 1, ['account'], {
          q: t(
            'Les règles de mot de passe sont-elles annoncées à l’avance, le mot de passe peut-il être affiché pendant la saisie, et peut-on le réinitialiser en ligne ?',
            'Are password rules stated up front, can you show the password while typing, and can you reset it online?',
          ),
          help: t(
            'À la création du compte ou à la connexion : règles visibles avant toute erreur, bouton « afficher », lien « mot de passe oublié ».',
            'When signing up or logging in: rules visible before any error, a “show” button, a “forgot password” link.',
          ),
          refs: [bs('1.1'), bs('5.1'), n(5), n(9), opq(73, 75), opq(74, 76), opq(199, 204), wcag('3.3.8')],
        }),
        crit('J02', 1, ['account'], {
          q: t('Le compte affiche-t-il l’historique et le statut des commandes ?', 'Does the account show order history and order status?'),
          help: t(
            'La commande de la visite y figure avec son statut (en préparation, expédiée…).',
            'This visit’s order is listed with its status (being prepared, shipped…).',
          ),
          refs: [bs('1.1'), n(1), n(6)],
        }),
      ],
    },
    {
      id: 'K',
      title: t('Contact & service client', 'Contact & customer service'),
      weight: 7,
      criteria: [
        crit('K01', 2, ['contact'], {
          q: t(
            'Au moins deux moyens de contact sont-ils proposés (par ex. formulaire et téléphone, chat ou e-mail) ?',
            'Are at least two ways to get in touch offered (e.g. a form plus phone, chat or email)?',
          ),
          help: t(
            'Sur la page contact ou d’aide. Noter en commentaire un numéro surtaxé.',
            'On the contact or help page. Note a premium-rate number in the comment.',
          ),
          refs: [bs('4.1'), n(10), opq(102, 107)],
          suggestion: 'contact-means',
        }),
        crit('K02', 3, ['contact'], {
          q: t(
            'L’adresse postale complète et le numéro de téléphone de la société sont-ils indiqués ?',
            'Are the company’s full postal address and phone number given?',
          ),
          help: t(
            'Une adresse géographique (pas seulement une boîte postale) et un téléphone, sur la page contact ou dans les mentions légales.',
            'A street address (not only a PO box) and a phone number, on the contact page or in the legal notice.',
          ),
          refs: [bs('1.1'), n(10), opq(100, 105), law('LCEN art. 19'), conso('L221-5')],
        }),
        crit('K04', 2, ['contact'], {
          q: t(
            'L’envoi du formulaire de contact donne-t-il une confirmation à l’écran et un accusé de réception par e-mail ?',
            'Does sending the contact form give an on-screen confirmation and an email acknowledgement?',
          ),
          help: t(
            'Envoyer la question du scénario et noter l’heure d’envoi, pour mesurer ensuite le délai de réponse.',
            'Send the scenario’s question and note the time, to measure the reply delay later.',
          ),
          refs: [bs('1.3'), n(1), opq(83, 85), opq(105, 110), rgaa('7.5'), wcag('4.1.3')],
        }),
        crit('K05', 3, ['any'], {
          q: t(
            'Après la visite : la réponse est-elle arrivée dans le délai annoncé, complète, exacte et personnalisée ? Noter le délai en heures.',
            'After the visit: was your question answered within the announced time, completely, correctly and personally? Note the delay in hours.',
          ),
          help: t(
            'Comparer au délai affiché sur la page contact, s’il y en a un. Joindre la réponse.',
            'Compare with the delay stated on the contact page, if any. Attach the answer.',
          ),
          refs: [opq(103, 108), mysteryMeasure('Response time and accuracy')],
        }),
        crit('K06', 2, ['contact'], {
          q: t(
            'La procédure de réclamation et le médiateur de la consommation sont-ils indiqués ?',
            'Are the complaint procedure and the consumer mediator stated?',
          ),
          help: t(
            'Sur la page contact, la FAQ ou les CGV : comment se plaindre, et quel médiateur saisir en cas de litige.',
            'On the contact page, FAQ or terms: how to complain, and which mediator to turn to in a dispute.',
          ),
          refs: [bs('1.1'), n(10), opq(49, 50), opq(52, 53), conso('L211-3'), conso('L616-1')],
        }),
      ],
    },
    {
      id: 'L',
      title: t('Confiance & mentions légales', 'Trust, legal & privacy'),
      weight: 4,
      criteria: [
        crit('L01', 3, ['any'], {
          q: t(
            'Les mentions légales (raison sociale, forme juridique, RCS ou SIREN, n° de TVA, hébergeur) sont-elles accessibles depuis toutes les pages ?',
            'Can you reach the legal notice (company name, legal form, RCS or SIREN number, VAT number, host) from every page?',
          ),
          help: t(
            'Un lien en pied de page ; ouvrir la page et vérifier que ces informations y sont.',
            'A footer link; open the page and check that these details are there.',
          ),
          refs: [bs('1.1'), n(10), opq(96, 101), opq(101, 106), law('LCEN art. 6-III')],
          knockout: true,
          suggestion: 'legal-notice-link',
        }),
        crit('L02', 2, ['any'], {
          q: t(
            'La politique de confidentialité et les informations sur les cookies sont-elles accessibles depuis toutes les pages ?',
            'Can you reach the privacy policy and cookie information from every page?',
          ),
          help: t(
            'Liens en pied de page ; les choix de cookies restent modifiables après le premier.',
            'Footer links; the cookie choices can still be changed after the first one.',
          ),
          refs: [bs('1.1'), n(10), opq(14, 15), opq(28, 29), law('RGPD art. 12-13')],
        }),
        crit('L03', 2, ['any'], {
          q: t('Les conditions générales de vente sont-elles accessibles depuis toutes les pages ?', 'Can you reach the terms of sale from every page?'),
          help: t(
            'Un lien « CGV » ou « Conditions générales de vente », en général en pied de page.',
            'A “Terms of sale” link (« CGV » on French sites), usually in the footer.',
          ),
          refs: [bs('1.1'), n(10), opq(45, 46)],
          suggestion: 'terms-link',
        }),
        crit('L04', 3, ['checkout', 'any'], {
          q: t(
            'Le droit de rétractation de 14 jours et ses exceptions sont-ils expliqués avant la commande ?',
            'Are the 14-day right of withdrawal and its exceptions explained before ordering?',
          ),
          help: t(
            'Dans les CGV, une page d’aide ou le tunnel : le délai, la démarche, les produits exclus.',
            'In the terms, a help page or the checkout: the period, how to withdraw, the excluded products.',
          ),
          refs: [bs('1.1'), n(10), opq(53, 54), conso('L221-5'), conso('L221-18')],
        }),
      ],
    },
    {
      id: 'M',
      title: t('Accessibilité & performance', 'Accessibility & performance'),
      weight: 3,
      criteria: [
        crit('M01', 2, ['any'], {
          q: t('Le texte est-il suffisamment contrasté avec son fond ?', 'Does text have enough contrast with its background?'),
          help: t(
            'Regarder les prix, les petites lignes et le texte posé sur une image ou une couleur vive.',
            'Look at prices, small print and text over a picture or a bright colour.',
          ),
          refs: [bs('1.4'), opq(177, 182), rgaa('3.2'), wcag('1.4.3')],
        }),
        crit('M02', 2, ['home', 'listing', 'product'], {
          q: t(
            'Les images porteuses d’information (photos de produits, icônes) ont-elles une alternative textuelle pertinente ?',
            'Do informative images (product photos, icons) have a relevant text alternative?',
          ),
          help: t(
            'La présence des alternatives se vérifie automatiquement ; à vous de juger si le texte décrit l’image (le nom du produit, pas « photo1.jpg »).',
            'Whether alternatives exist is checked automatically; you judge whether the text describes the picture (the product name, not “photo1.jpg”).',
          ),
          refs: [bs('7'), opq(113, 118), rgaa('1.1'), rgaa('1.3'), wcag('1.1.1')],
          suggestion: 'images-have-alt',
        }),
        crit('M03', 2, ['checkout', 'search', 'contact'], {
          q: t(
            'Les champs de formulaire et les boutons ont-ils une étiquette ou un intitulé accessible ?',
            'Do form fields and buttons have an accessible label or name?',
          ),
          help: t(
            'Chaque champ garde un libellé visible (pas seulement un texte indicatif qui disparaît à la saisie) ; les boutons à icône ont un nom.',
            'Every field keeps a visible label (not just placeholder text that vanishes as you type); icon buttons have a name.',
          ),
          refs: [bs('1.1'), bs('7'), n(6), opq(67, 69), rgaa('11.1'), rgaa('11.9'), wcag('1.3.1'), wcag('3.3.2'), wcag('4.1.2')],
          suggestion: 'form-labels',
        }),
        crit('M04', 1, ['any'], {
          q: t('Chaque page déclare-t-elle sa langue ?', 'Does each page declare its language?'),
          help: t(
            'Vérification technique, surtout automatique (attribut lang) : la langue déclarée doit être celle du texte, pour les lecteurs d’écran et la traduction.',
            'A technical check, mostly automatic (the lang attribute): the declared language must be that of the text, for screen readers and translation.',
          ),
          refs: [opq(125, 130), rgaa('8.3'), wcag('3.1.1')],
          suggestion: 'page-language',
        }),
        crit('M05', 2, ['product', 'checkout'], {
          q: t(
            'Le parcours d’achat est-il réalisable au clavier seul, avec un focus toujours visible et jamais masqué ?',
            'Can the purchase be completed with the keyboard only, with a focus that is always visible and never hidden?',
          ),
          help: t(
            'Avec Tab, Maj+Tab et Entrée : choisir une option, ajouter au panier, remplir l’adresse. Noter tout blocage.',
            'With Tab, Shift+Tab and Enter: pick an option, add to cart, fill in the address. Note anywhere you get stuck.',
          ),
          refs: [
            bs('4.1'), n(7), opq(160, 165), opq(161, 166), opq(162, 167),
            rgaa('7.3'), rgaa('10.7'), rgaa('12.8'), rgaa('12.9'),
            wcag('2.1.1'), wcag('2.1.2'), wcag('2.4.3'), wcag('2.4.7'), wcag('2.4.11'),
          ],
        }),
        crit('M06', 1, ['any'], {
          q: t(
            'Une déclaration ou une page d’information sur l’accessibilité est-elle publiée ?',
            'Is an accessibility statement or accessibility information page published?',
          ),
          help: t(
            'Souvent un lien « Accessibilité » en pied de page, qui indique le niveau de conformité.',
            'Often an “Accessibility” footer link that states the level of compliance.',
          ),
          refs: [law('Loi 2005-102 art. 47'), law('Directive (UE) 2019/882 (European Accessibility Act)')],
        }),
        crit('M07', 2, ['home', 'listing', 'product'], {
          q: t('Le contenu principal s’affiche-t-il vite (LCP observé ≤ 2,5 s) ?', 'Does the main content appear quickly (observed LCP ≤ 2.5 s)?'),
          help: t(
            'Mesuré pendant la visite, sur votre appareil : un seul échantillon, pas la moyenne des visiteurs. Noter aussi une lenteur ressentie.',
            'Measured during the visit on your device: a single sample, not the average across visitors. Also note any slowness you feel.',
          ),
          refs: [
            bs('1.3'), n(1),
            other('Core Web Vitals: LCP ≤ 2.5 s', 'Google web.dev thresholds'),
            other('Google/DoubleClick, 2016', '53 % of mobile visits abandoned when loading takes over 3 s'),
          ],
          suggestion: 'lcp-good',
        }),
        crit('M09', 1, ['any'], {
          q: t(
            'La mise en page reste-t-elle stable pendant le chargement (CLS observé ≤ 0,1, pas de bouton qui se déplace) ?',
            'Does the layout stay stable while loading (observed CLS ≤ 0.1, no buttons jumping)?',
          ),
          help: t(
            'Des éléments qui bougent au moment du clic font cliquer à côté.',
            'Things moving just as you click make you click the wrong thing.',
          ),
          refs: [bs('3.1'), bs('5.1'), n(5), other('Core Web Vitals: CLS ≤ 0.1', 'Google web.dev thresholds')],
          suggestion: 'cls-good',
        }),
        crit('M10', 1, ['any'], {
          q: t('Chaque page a-t-elle un titre distinct et parlant (onglet du navigateur) ?', 'Does each page have a distinct, meaningful title (browser tab)?'),
          help: t(
            'L’onglet nomme la page (produit, catégorie, étape de commande), pas le même titre partout.',
            'The tab names the page (product, category, checkout step), not the same title everywhere.',
          ),
          refs: [bs('1.1'), opq(97, 102), opq(98, 103), rgaa('8.5'), rgaa('8.6'), wcag('2.4.2')],
          suggestion: 'page-title',
        }),
        crit('M11', 1, ['any'], {
          q: t(
            'Le contenu de chaque page est-il organisé par des titres hiérarchisés (un titre principal, puis des sous-titres) ?',
            'Is each page’s content organised with a hierarchy of headings (one main heading, then sub-headings)?',
          ),
          help: t(
            'Surtout automatique ; à l’œil, le titre principal nomme la page (produit, catégorie, étape).',
            'Mostly automatic; by eye, the main heading names the page (product, category, step).',
          ),
          refs: [bs('1.2.1'), opq(227, 234), rgaa('9.1'), wcag('1.3.1')],
          suggestion: 'single-h1',
        }),
        crit('M12', 2, ['any'], {
          q: t(
            'Le site a-t-il fonctionné sans erreur visible ni fonction en panne (message d’erreur, bouton sans effet, zone vide) ?',
            'Did the site work without visible errors or broken features (error messages, buttons that do nothing, blank areas)?',
          ),
          help: t(
            'Sur toute la visite. Les erreurs de script relevées par l’extension aident à expliquer un « non » ; décrire ce qui n’a pas marché.',
            'Over the whole visit. Script errors picked up by the extension help explain a “no”; describe what did not work.',
          ),
          refs: [siteErrors],
          suggestion: 'no-js-errors',
        }),
        crit('M13', 2, ['any'], {
          q: t(
            'Les pages et leurs contenus se sont-ils chargés entièrement (pas de page d’erreur, ni d’image, de prix ou de mise en forme manquants) ?',
            'Did the pages and their content load fully (no error page, and no missing images, prices or styling)?',
          ),
          help: t(
            'Les chargements en échec relevés par l’extension donnent des pistes ; noter les pages touchées.',
            'Failed loads picked up by the extension give leads; note the pages affected.',
          ),
          refs: [siteErrors],
          suggestion: 'no-failed-requests',
        }),
      ],
    },
  ],
};
