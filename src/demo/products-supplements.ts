import type { DemoProduct } from './types.ts';

export const SUPPLEMENT_PRODUCTS: DemoProduct[] = [
  {
    slug: 'hair-supplement-gummies',
    name: 'Hair Supplement Gummies',
    brand: 'Northleaf Nutrition',
    sku: 'NLN-GUM-60',
    category: 'supplements',
    summary:
      'A chewable blend of biotin, folate, zinc and vitamins that supports healthy hair from within. 60 gummies.',
    description: `Everything your hair needs from a daily multivitamin, in two berry-flavoured gummies. Each serving
combines **biotin**, **folate** and **zinc** with vitamins A, C, D, E and B12: nutrients that hair follicles use
while they grow new strands.

A healthy scalp grows healthier hair. These gummies are made for people who notice thinning or shedding and want
to be sure their diet is not part of the problem. They pair well with topical care such as a scalp serum, and they
are free from gelatin, gluten and artificial colours.

- 30-day supply: 60 gummies, two a day
- Pectin-based, suitable for vegetarians
- Made in a facility that follows current good manufacturing practice (cGMP)`,
    directions:
      'Adults: chew two gummies once a day, with or without food. Do not take more than the daily serving. ' +
      'If you are pregnant, nursing, taking medication or have a medical condition, ask your doctor first.',
    activeIngredients: [
      { name: 'Biotin', amount: '5,000 mcg' },
      { name: 'Folate', amount: '400 mcg DFE' },
      { name: 'Zinc (as zinc citrate)', amount: '7.5 mg' },
      { name: 'Vitamin A (as beta-carotene)', amount: '450 mcg RAE' },
      { name: 'Vitamin C (as ascorbic acid)', amount: '60 mg' },
      { name: 'Vitamin D3 (as cholecalciferol)', amount: '25 mcg (1,000 IU)' },
      { name: 'Vitamin E (as d-alpha tocopherol)', amount: '15 mg' },
      { name: 'Vitamin B12 (as methylcobalamin)', amount: '6 mcg' },
    ],
    sideEffects: ['Mild stomach upset in some people'],
    warnings: [
      {
        topic: 'interactions',
        text: 'High-dose biotin can make some laboratory tests read falsely high or low, including thyroid tests and the troponin test used to diagnose a heart attack. Tell your clinician and the laboratory that you take it before any blood test.',
      },
      {
        topic: 'pregnancy',
        text: 'If you are pregnant or breastfeeding, ask your doctor before taking these gummies.',
      },
      {
        topic: 'children',
        text: 'Keep out of reach of children: the gummies look and taste like sweets, and too many vitamins and minerals can harm a child.',
      },
    ],
    priceCents: 3400,
    compareAtCents: 4200,
    lots: [
      { lotNumber: 'NLN-G-2409', quantity: 40, expiresInDays: 28, receivedDaysAgo: 250 },
      { lotNumber: 'NLN-G-2507', quantity: 100, expiresInDays: 440, receivedDaysAgo: 35 },
    ],
    status: 'active',
    isFeatured: true,
    form: 'gummy',
    route: 'oral',
    regulatoryStatus: 'dietary-supplement',
    accessClass: 'open',
    storage: 'ambient',
    imageAlt:
      'A white jar of pink hair supplement gummies with a green Northleaf Nutrition label, a few gummies beside it',
  },
  {
    slug: 'biotin-10000-capsules',
    name: 'Biotin 10,000 mcg Capsules',
    brand: 'Northleaf Nutrition',
    sku: 'NLN-BIO10K-120',
    category: 'supplements',
    summary: 'High-potency biotin in a small vegetarian capsule, one a day. 120 capsules, a four-month supply.',
    description: `Biotin (vitamin B7) helps the body turn food into energy and is used by the cells that build
keratin, the protein hair and nails are made of. A single capsule gives 10,000 mcg, for people who want biotin on
its own rather than as part of a multivitamin.

Most people get enough biotin from food; a supplement can help when the diet falls short. If you already take
our Hair Supplement Gummies, you do not need this product as well.

**Before a blood test**, tell your clinician that you take biotin: in high amounts it can make some laboratory
results read falsely high or low.`,
    directions:
      'Adults: take one capsule a day with water, preferably with a meal. Do not exceed the recommended serving.',
    activeIngredients: [{ name: 'Biotin (as d-biotin)', amount: '10,000 mcg' }],
    sideEffects: ['Occasional mild nausea'],
    warnings: [
      {
        topic: 'interactions',
        text: 'Biotin at this strength can make some laboratory tests read falsely high or low, including thyroid tests and the troponin test used to diagnose a heart attack. Tell your clinician and the laboratory that you take it before any blood test.',
      },
      {
        topic: 'pregnancy',
        text: 'If you are pregnant or breastfeeding, ask your doctor before taking biotin supplements.',
      },
      { topic: 'children', text: 'Keep out of reach of children.' },
    ],
    priceCents: 1450,
    lots: [{ lotNumber: 'BIO-2506-30', quantity: 200, expiresInDays: 700, receivedDaysAgo: 60 }],
    status: 'active',
    isFeatured: false,
    form: 'capsule',
    route: 'oral',
    regulatoryStatus: 'dietary-supplement',
    accessClass: 'open',
    storage: 'ambient',
    imageAlt: 'An amber capsule bottle labelled Biotin 10,000 mcg with two white capsules in front of it',
  },
];
