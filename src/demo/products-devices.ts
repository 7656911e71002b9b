import type { DemoProduct } from './types.ts';

export const DEVICE_PRODUCTS: DemoProduct[] = [
  {
    slug: 'laser-hair-comb',
    name: 'Low-Level Laser Hair Comb',
    brand: 'Lumifol',
    sku: 'LMF-COMB-9',
    category: 'devices',
    summary:
      'A cordless comb with nine low-level laser diodes for at-home light therapy of thinning areas. FDA-cleared.',
    description: `Low-level laser therapy (LLLT) shines gentle red light on the scalp to stimulate the natural growth
cycle of hair follicles. This comb carries **nine 650 nm laser diodes** between rows of teeth that part the hair,
so the light reaches the scalp instead of the strands.

The comb is **FDA-cleared** through the 510(k) process for the treatment of androgenetic alopecia: the FDA found
it substantially equivalent to laser devices already on the market. (A device is cleared, not approved: approval
is the word for medicines and high-risk devices.)

Sessions take about ten minutes, three times a week. Most people need three to six months of regular use before
they see a change, and results last only while treatment continues. Side effects are uncommon and mild: a slight
tingling or itching of the scalp.

- Rechargeable battery, about 10 sessions per charge
- Beeps every few seconds to tell you when to move to the next area
- Comes with a charging stand and travel case`,
    directions:
      'Use on a clean, dry scalp. Glide the comb slowly from the front of the scalp to the back, moving about ' +
      'one centimetre at each beep, for 8 to 15 minutes, three times a week. Do not look into the light or shine it at the eyes.',
    activeIngredients: [],
    sideEffects: ['Slight tingling of the scalp', 'Itching of the scalp'],
    warnings: [
      {
        topic: 'use',
        text: "Laser light can harm the eyes: never look into the diodes or shine them at anyone's eyes.",
      },
      {
        topic: 'conditions',
        text: 'Do not use on sunburned, broken or irritated skin, or while taking a medicine that makes your skin sensitive to light; ask your pharmacist if unsure.',
      },
      { topic: 'children', text: 'Cleared for adults. Not for use on children; keep it out of their reach.' },
    ],
    priceCents: 29900,
    compareAtCents: 34900,
    lots: [{ lotNumber: 'LC-2406-118', quantity: 22, expiresInDays: null, receivedDaysAgo: 120 }],
    status: 'active',
    isFeatured: true,
    form: 'device',
    route: 'device',
    regulatoryStatus: 'fda-cleared',
    accessClass: 'open',
    storage: 'ambient',
    imageAlt:
      'A white handheld laser comb with a row of small red lights between its teeth, lying beside its charging stand',
  },
  {
    slug: 'microneedling-pen',
    isFeatured: true,
    name: 'Microneedling Pen Pro',
    brand: 'Dermaline',
    sku: 'DML-PEN-PRO',
    category: 'microneedling',
    summary:
      'A professional cordless microneedling pen with needle depth from 0.25 to 2.5 mm. FDA-cleared; sold to professionals.',
    description: `Microneedling makes thousands of controlled micro-channels in the skin, which sets off the skin's
own repair response. On the scalp, providers combine it with topical serums or PRP; on the face, it is used for
the look of fine lines, acne scars and uneven texture.

The Pen Pro holds a steady speed under load and adjusts its needle depth in **0.25 mm steps from 0.25 to 2.5 mm**.
Its single-use cartridges have a built-in barrier that keeps fluid from flowing back into the handpiece.

After a session, skin looks and feels like a mild sunburn: redness, some swelling, and tiny pinpoint bleeding
that stops quickly. Dryness and light flaking can follow for a few days.

- Cordless, with two batteries for a full clinic day
- Uses Dermaline sterile 12-needle cartridges (sold separately)
- Sold to licensed professionals only`,
    directions:
      'For trained, licensed professionals. Cleanse and disinfect the area, attach a new sterile cartridge, set ' +
      'the depth for the area treated and glide in overlapping passes. Discard the cartridge in a sharps container after each patient.',
    activeIngredients: [],
    sideEffects: [
      'Temporary redness, like a mild sunburn',
      'Pinpoint bleeding during treatment',
      'Swelling for a day or two',
      'Dryness and light flaking for a few days',
    ],
    warnings: [
      { topic: 'use', text: 'For trained, licensed professionals only.' },
      {
        topic: 'conditions',
        text: 'Do not treat over active acne, cold sores or other infections, open wounds or raised moles, or a patient who forms keloid scars or took isotretinoin in the last six months.',
      },
      {
        topic: 'handling',
        text: 'Clean and disinfect the handpiece between patients, and fit a new sterile cartridge for every patient.',
      },
    ],
    priceCents: 64900,
    lots: [{ lotNumber: 'DP-24-0913', quantity: 9, expiresInDays: null, receivedDaysAgo: 80 }],
    status: 'active',
    form: 'device',
    route: 'device',
    regulatoryStatus: 'fda-cleared',
    accessClass: 'professional',
    storage: 'ambient',
    imageAlt: 'A slim dark-grey microneedling pen with a clear cartridge tip and a depth dial',
  },
  {
    slug: 'microneedling-cartridges',
    name: 'Sterile Microneedling Cartridges, 12-Needle (Box of 10)',
    brand: 'Dermaline',
    sku: 'DML-CART12-10',
    category: 'microneedling',
    summary: 'Individually sealed, sterile single-use 12-needle cartridges for the Microneedling Pen Pro. Box of 10.',
    description: `Each cartridge is sterilised and sealed in its own blister pack, and is meant for **one patient,
one session**. Twelve fine stainless-steel needles are arranged in a ring to give an even pattern of micro-channels.

A flexible membrane in every cartridge stops serum and blood from travelling back into the pen, which protects
the handpiece and the next patient. Cartridges fit the Dermaline Microneedling Pen Pro and are part of its
cleared system.

- Sterilised with ethylene oxide
- Expiry date printed on every blister
- Sold to licensed professionals only`,
    directions:
      'Open the blister only when ready to treat. Click the cartridge onto the pen until it locks. Never re-use ' +
      'or re-sterilise; dispose of used cartridges in a sharps container.',
    activeIngredients: [],
    sideEffects: [],
    warnings: [
      {
        topic: 'handling',
        text: 'Sterile and single use: never reuse, re-sterilise or share a cartridge. Do not use one whose blister is open or damaged, or that is past the expiry date printed on it.',
      },
      { topic: 'handling', text: 'Put used cartridges straight into a sharps container.' },
    ],
    priceCents: 4500,
    lots: [
      { lotNumber: 'DC-2411-07', quantity: 40, expiresInDays: 45, receivedDaysAgo: 100 },
      { lotNumber: 'DC-2509-22', quantity: 80, expiresInDays: 700, receivedDaysAgo: 20 },
    ],
    status: 'active',
    isFeatured: false,
    form: 'device',
    route: 'device',
    regulatoryStatus: 'fda-cleared',
    accessClass: 'professional',
    storage: 'ambient',
    imageAlt: 'A blue box of ten sealed microneedling cartridges, with one cartridge shown in its clear blister pack',
  },
];
