import type { DemoProduct } from './types.ts';

export const HAIR_PRODUCTS: DemoProduct[] = [
  {
    slug: 'minoxidil-5-topical-solution',
    name: 'Minoxidil 5% Topical Solution for Men, 3-Month Supply',
    brand: 'Harbor Generics',
    sku: 'HBG-MNX5-3M',
    category: 'hair-loss-treatments',
    summary:
      'Extra-strength minoxidil for hereditary hair loss at the top of the scalp. Three 60 mL bottles with droppers.',
    description: `Minoxidil is one of the few medicines with an **FDA-approved** use against hereditary hair loss
(androgenetic alopecia), and at 5% it is sold over the counter. Applied to the scalp twice a day, it lengthens the
growth phase of the hair cycle and can regrow hair on the crown.

Give it time: new growth usually shows after two to four months, and the first weeks can bring extra shedding as
old hairs make way for new ones. Results last only as long as you keep using it.

The side effects people notice most are at the application site: acne, mild redness, itching or flaking. Stop
and see a doctor if you feel chest pain, a fast heartbeat, faintness or sudden weight gain.

- 3 bottles of 60 mL, one month each
- Graduated dropper for an exact 1 mL dose`,
    directions:
      'Apply 1 mL with the dropper to the thinning area of a dry scalp twice a day and spread with your fingertips. ' +
      'Wash your hands afterwards. Do not use more, or more often. For external use only; flammable.',
    activeIngredients: [{ name: 'Minoxidil', amount: '5% w/v' }],
    sideEffects: [
      'Acne at the application site',
      'Mild redness of the scalp',
      'Itching or flaking',
      'Unwanted hair growth where the solution runs onto the face',
    ],
    warnings: [
      {
        topic: 'pregnancy',
        text: 'For men only. Women should not use this 5% solution, and it must not be used during pregnancy or while breastfeeding.',
      },
      {
        topic: 'conditions',
        text: 'Ask a doctor before use if you have heart disease. Do not use it if your hair loss is sudden or patchy, or on a scalp that is red, inflamed, infected, irritated or painful.',
      },
      {
        topic: 'use',
        text: 'Stop use and see a doctor if you have chest pain, a fast heartbeat, faintness or dizziness, sudden unexplained weight gain, or swollen hands or feet.',
      },
      {
        topic: 'handling',
        text: 'Extremely flammable until dry: keep away from fire and flame, and do not smoke while applying it or straight afterwards.',
      },
      {
        topic: 'handling',
        text: 'Highly toxic to cats, even in the small amounts left on skin, hands or bedding: keep pets from licking treated areas.',
      },
      {
        topic: 'children',
        text: 'Keep out of reach of children. If swallowed, get medical help or call a Poison Control Center (1-800-222-1222) at once.',
      },
    ],
    priceCents: 2999,
    compareAtCents: 3499,
    lots: [
      { lotNumber: 'MX5-24K017', quantity: 25, expiresInDays: 50, receivedDaysAgo: 300 },
      { lotNumber: 'MX5-25C102', quantity: 60, expiresInDays: 500, receivedDaysAgo: 30 },
    ],
    status: 'active',
    isFeatured: true,
    form: 'solution',
    route: 'topical',
    regulatoryStatus: 'fda-approved',
    accessClass: 'open',
    storage: 'ambient',
    imageAlt: 'Three navy bottles of minoxidil 5% topical solution with white dropper caps, standing in a row',
  },
  {
    slug: 'finasteride-1mg-tablets',
    name: 'Finasteride 1 mg Tablets (90 count)',
    brand: 'Harbor Generics',
    sku: 'HBG-FIN1-90',
    category: 'hair-loss-treatments',
    summary: 'Prescription finasteride 1 mg for male pattern hair loss. 90 film-coated tablets, a three-month supply.',
    description: `Finasteride 1 mg is an **FDA-approved** prescription medicine for male pattern hair loss. It lowers
the level of dihydrotestosterone (DHT), the hormone that shrinks hair follicles on the crown and mid-scalp in men
who are genetically prone to it.

It takes three months or more of daily use to see results, and the benefit fades within a year of stopping. A
prescriber will discuss whether it suits you: it is for men only.

Side effects are uncommon but can include lower sex drive, erection difficulties and less ejaculate; breast
tenderness and mood changes, including depression, have also been reported. Tell your prescriber about any of
them.

**Women who are or may become pregnant must not handle crushed or broken tablets.**`,
    directions:
      'Take one tablet a day, with or without food, exactly as prescribed. Swallow whole. Sold only against a valid ' +
      'prescription from a verified prescriber.',
    activeIngredients: [{ name: 'Finasteride', amount: '1 mg per tablet' }],
    sideEffects: [
      'Decreased sex drive',
      'Erection difficulties',
      'Decreased volume of ejaculate',
      'Breast tenderness or enlargement',
      'Mood changes, including depression',
    ],
    warnings: [
      {
        topic: 'pregnancy',
        text: "Women who are or may become pregnant must not handle crushed or broken tablets: finasteride can pass through the skin and may harm the development of a male baby's genitals. Whole tablets are film-coated, which prevents contact with the medicine in normal handling.",
      },
      { topic: 'use', text: 'For men only. Finasteride is not for use by women or children.' },
      {
        topic: 'use',
        text: 'Do not donate blood while taking finasteride or for one month after the last dose, so that it cannot reach a pregnant woman through a transfusion.',
      },
      {
        topic: 'interactions',
        text: 'Finasteride lowers the result of the PSA blood test for prostate cancer by about half. Tell your doctor that you take it before any PSA test.',
      },
      {
        topic: 'conditions',
        text: 'Contact your prescriber promptly if you notice low mood, depression or thoughts of harming yourself.',
      },
    ],
    priceCents: 3600,
    lots: [{ lotNumber: 'FN1-25A331', quantity: 48, expiresInDays: 600, receivedDaysAgo: 40 }],
    status: 'active',
    isFeatured: false,
    form: 'tablet',
    route: 'oral',
    regulatoryStatus: 'fda-approved',
    accessClass: 'rx-only',
    storage: 'ambient',
    imageAlt:
      'A white prescription bottle of finasteride 1 mg tablets with an Rx label and two small tablets beside it',
  },
  {
    slug: 'ketoconazole-2-shampoo',
    name: 'Ketoconazole 2% Shampoo',
    brand: 'Harbor Generics',
    sku: 'HBG-KETO2-120',
    category: 'hair-care',
    summary: 'Prescription-strength antifungal shampoo for dandruff and seborrhoeic dermatitis of the scalp. 120 mL.',
    description: `Ketoconazole 2% is an **FDA-approved** prescription antifungal shampoo for seborrhoeic dermatitis and
stubborn dandruff. A calm, flake-free scalp is a good starting point for any hair-loss plan, and prescribers often
add it to routines that include minoxidil or finasteride.

The lather needs a few minutes on the scalp to work. Most people use it twice a week for a month, then once a week
or as the prescriber advises.

- 120 mL bottle
- Sold only against a valid prescription from a verified prescriber`,
    directions:
      'Wet the hair, massage the shampoo into the scalp, leave for 3 to 5 minutes and rinse well. Use twice a week ' +
      'for up to 4 weeks, or as prescribed. Keep out of the eyes.',
    activeIngredients: [{ name: 'Ketoconazole', amount: '2% w/w' }],
    sideEffects: ['Scalp irritation or itching', 'Dry or oily hair', 'A change in hair texture'],
    warnings: [
      {
        topic: 'allergy',
        text: 'Do not use if you have had an allergic reaction to ketoconazole or to another azole antifungal.',
      },
      {
        topic: 'use',
        text: 'For use on the scalp only. Keep it out of the eyes; if it gets in, rinse them well with water.',
      },
    ],
    priceCents: 2700,
    lots: [{ lotNumber: 'KT2-25B019', quantity: 30, expiresInDays: 400, receivedDaysAgo: 60 }],
    status: 'active',
    isFeatured: false,
    form: 'other',
    route: 'topical',
    regulatoryStatus: 'fda-approved',
    accessClass: 'rx-only',
    storage: 'ambient',
    imageAlt: 'A coral-red shampoo bottle with a flip cap labelled Ketoconazole 2% and an Rx mark',
  },
  {
    slug: 'caffeine-peptide-scalp-serum',
    name: 'Caffeine + Peptide Scalp Serum',
    brand: 'Crown & Scalp',
    sku: 'CRS-SCALP-50',
    category: 'hair-care',
    summary:
      'A lightweight leave-on serum with caffeine, peptides and niacinamide for a healthy scalp and fuller-looking hair. 50 mL.',
    description: `A weightless, non-greasy serum for daily use on the scalp. **Caffeine** gives an invigorating feel,
**peptides** help condition the roots, and **niacinamide** and **panthenol** support a comfortable, balanced scalp.

It dries in a minute without stiffness or residue, so you can style as usual. Use it on its own or alongside
minoxidil at a different time of day.

- Nozzle applicator to part the hair and reach the scalp
- Fragrance-free, vegan, not tested on animals`,
    directions:
      'Part dry or towel-dried hair and apply 8 to 10 drops along the partings once a day. Massage in; do not rinse.',
    activeIngredients: [
      { name: 'Caffeine', amount: '2%' },
      { name: 'Niacinamide', amount: '2%' },
      { name: 'Panthenol', amount: '1%' },
      { name: 'Acetyl tetrapeptide-3', amount: '0.5%' },
    ],
    sideEffects: ['Mild tingling after application', 'Irritation if used on broken skin'],
    priceCents: 5800,
    lots: [{ lotNumber: 'CPS-2507-04', quantity: 44, expiresInDays: 330, receivedDaysAgo: 50 }],
    status: 'active',
    isFeatured: false,
    form: 'serum',
    route: 'topical',
    regulatoryStatus: 'cosmetic',
    accessClass: 'open',
    storage: 'ambient',
    imageAlt: 'A frosted glass bottle with a long nozzle applicator and a gold Crown & Scalp label',
  },
  {
    slug: 'thickening-shampoo',
    name: 'Volumizing Thickening Shampoo',
    brand: 'Crown & Scalp',
    sku: 'CRS-SHMP-250',
    category: 'hair-care',
    summary: 'A gentle sulfate-free shampoo with caffeine and biotin that lifts fine hair for a fuller look. 250 mL.',
    description: `A daily shampoo for fine or thinning hair. Mild, sulfate-free cleansers wash away oil and product
build-up without stripping the scalp, while **caffeine**, **biotin** and **panthenol** leave hair looking thicker
and feeling stronger.

It is gentle enough to use alongside topical treatments: wash, dry, then apply your serum or solution to a clean
scalp.

- Sulfate-free and colour-safe
- Light mint scent`,
    directions:
      'Massage into wet hair and scalp, leave for one minute and rinse. Use daily or as often as you wash your hair.',
    activeIngredients: [
      { name: 'Caffeine', amount: '0.5%' },
      { name: 'Panthenol', amount: '0.5%' },
      { name: 'Biotin', amount: '0.1%' },
    ],
    sideEffects: ['Eye irritation if it gets into the eyes'],
    priceCents: 2400,
    lots: [{ lotNumber: 'TS-2506-A', quantity: 95, expiresInDays: 540, receivedDaysAgo: 70 }],
    status: 'active',
    isFeatured: false,
    form: 'other',
    route: 'topical',
    regulatoryStatus: 'cosmetic',
    accessClass: 'open',
    storage: 'ambient',
    imageAlt: 'A tall sage-green shampoo bottle with a pump, labelled Volumizing Thickening Shampoo',
  },
];
