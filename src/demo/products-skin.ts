import type { DemoProduct } from './types.ts';

export const SKIN_PRODUCTS: DemoProduct[] = [
  {
    slug: 'hyaluronic-acid-serum',
    name: 'Hyaluronic Acid Hydrating Serum',
    brand: 'Verity Skin',
    sku: 'VRS-HA-30',
    category: 'skin-care',
    summary:
      'Three weights of hyaluronic acid with panthenol for plump, comfortable skin, before and after treatments. 30 mL.',
    description: `Hyaluronic acid holds many times its weight in water. This serum combines **three molecular
weights**: large ones that sit on the surface and smooth, smaller ones that hydrate the upper layers of the skin.
**Panthenol** soothes and helps the skin keep its moisture.

It is a favourite between aesthetic treatments, when skin needs water and calm rather than strong actives, and
under moisturiser as part of a daily routine.

- Fragrance-free, alcohol-free
- Suitable for sensitive skin`,
    directions: 'Apply 2 to 3 drops to clean, slightly damp skin morning and evening, then follow with a moisturiser.',
    activeIngredients: [
      { name: 'Sodium hyaluronate (three molecular weights)', amount: '2%' },
      { name: 'Panthenol', amount: '1%' },
    ],
    sideEffects: ['Rarely, mild irritation in very sensitive skin'],
    priceCents: 3800,
    lots: [{ lotNumber: 'HA-2311-02', quantity: 6, expiresInDays: -10, receivedDaysAgo: 400 }],
    status: 'active',
    isFeatured: false,
    form: 'serum',
    route: 'topical',
    regulatoryStatus: 'cosmetic',
    accessClass: 'open',
    storage: 'ambient',
    imageAlt: 'A clear glass dropper bottle of hydrating serum with a sky-blue Verity Skin label',
  },
  {
    slug: 'recovery-balm',
    name: 'Post-Procedure Recovery Balm',
    brand: 'Verity Skin',
    sku: 'VRS-BALM-50',
    category: 'aftercare',
    summary:
      'A rich, fragrance-free balm with centella, ceramides and panthenol for skin after microneedling or injections. 50 g.',
    description: `The first days after microneedling, PRP or other in-clinic treatments are when skin most needs
protection. This balm forms a breathable, comforting layer that locks in moisture while the skin settles.

**Centella asiatica** calms visible redness, **ceramides** and **squalane** restore the skin's barrier, and a high
level of **panthenol** soothes tightness and flaking.

- Fragrance-free, no essential oils
- Hygienic tube, safe to share within a clinic when dispensed onto a spatula`,
    directions:
      'From the evening after treatment, or as your provider advises, apply a thin layer to clean skin two to three ' +
      'times a day until it feels comfortable again. Do not apply to open wounds.',
    activeIngredients: [
      { name: 'Panthenol', amount: '5%' },
      { name: 'Centella asiatica extract', amount: '1%' },
      { name: 'Ceramide NP', amount: '0.2%' },
      { name: 'Squalane', amount: '10%' },
    ],
    sideEffects: ['Rarely, mild irritation or clogged pores in oily skin'],
    warnings: [
      {
        topic: 'use',
        text: 'For external use only. Do not apply to open wounds or to skin that is still bleeding.',
      },
    ],
    priceCents: 3200,
    lots: [{ lotNumber: 'RB-2508-11', quantity: 70, expiresInDays: 600, receivedDaysAgo: 45 }],
    status: 'active',
    isFeatured: false,
    form: 'cream',
    route: 'topical',
    regulatoryStatus: 'cosmetic',
    accessClass: 'open',
    storage: 'ambient',
    imageAlt: 'A soft white squeeze tube of recovery balm with a peach band, lying on its side',
  },
  {
    slug: 'growth-factor-serum',
    isFeatured: true,
    name: 'Stem Cell-Derived Growth Factor Serum',
    brand: 'Auxera',
    sku: 'AUX-GF-30',
    category: 'skin-care',
    summary:
      'A professional serum of growth factors and cytokines from cultured human stem cells, for use with microneedling. 30 mL.',
    description: `This serum is made from the **conditioned medium** of cultured human mesenchymal stem cells: the
liquid the cells grow in, rich in the growth factors and cytokines they release. It contains no living cells.

Providers apply it during and after microneedling to support the look of skin renewal, tone and texture. Reported
reactions are mild redness and swelling, usually gone within a day or two; stop use if a rash or itching
develops.

**Regulatory status:** this product is not FDA-approved, and no claim is made that it treats any disease. It is
sold to licensed professionals, kept cold, and ships on ice.

- Sold to licensed professionals only
- Refrigerated: ships Monday to Wednesday and cannot be returned`,
    directions:
      'For licensed professional use. Apply to the treatment area during and straight after microneedling. Keep ' +
      'refrigerated at 2-8 °C and use within 30 days of opening.',
    activeIngredients: [
      { name: 'Human mesenchymal stem cell conditioned medium', amount: '20%' },
      { name: 'Sodium hyaluronate', amount: '1%' },
    ],
    sideEffects: ['Mild redness', 'Mild swelling', 'Rarely, an allergic skin reaction'],
    warnings: [
      { topic: 'use', text: 'For licensed professional use only. Not FDA-approved.' },
      {
        topic: 'allergy',
        text: 'Stop use if a rash, itching or swelling develops: it may be an allergic reaction.',
      },
      {
        topic: 'pregnancy',
        text: 'Not studied in pregnancy or breastfeeding: do not use on patients who are pregnant or breastfeeding.',
      },
      { topic: 'conditions', text: 'Do not apply to infected skin, or on or near a skin cancer.' },
    ],
    priceCents: 16500,
    lots: [{ lotNumber: 'GF-2509-12', quantity: 18, expiresInDays: 95, receivedDaysAgo: 20 }],
    status: 'active',
    form: 'serum',
    route: 'topical',
    regulatoryStatus: 'not-fda-approved',
    accessClass: 'professional',
    storage: 'refrigerated',
    imageAlt:
      'An amber glass dropper bottle with a silver cap and a white Auxera label, next to a snowflake cold-chain sticker',
  },
];
