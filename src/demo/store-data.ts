import type { writeShippingSettings } from '#src/shipping/methods.ts';
import type { StoreSettings } from '#src/store/schema.ts';
import { DEMO_PAGES } from './store-pages.ts';
import type { DemoCategory } from './types.ts';

export const DEMO_SETTINGS: Omit<StoreSettings, 'id' | 'updatedAt'> = {
  name: 'FACE Med Store',
  tagline: 'Hair restoration, regenerative and aesthetic supplies for clinics, med-spas and the people they care for.',
  phone: '(800) 770-9083',
  email: 'care@facemedstore.example',
  address: '2150 Larkspur Commons, Suite 310, Scottsdale, AZ 85251, USA',
  // Scottsdale keeps Mountain Standard Time all year; Arizona does not change its clocks.
  timeZone: 'America/Phoenix',
  currency: 'USD',
  bankAccountHolder: 'FACE Med Store LLC',
  bankName: 'Desert Commerce Bank',
  bankAccountLines: 'Routing number (ABA): 122105155\nAccount number: 4410 2873 9916',
  returnWindowDays: 30,
  disclaimer:
    'Everything on this site is provided for informational purposes only. It is not medical advice and not ' +
    'legal advice. Before you start, stop or combine any treatment, consult a qualified medical professional; ' +
    'for legal questions, consult a lawyer.',
  heroHeading: 'Fuller-looking hair, backed by plain facts',
  heroText:
    'PEP Factor growth-factor serum, exosome and PRP supplies for clinics, and everyday scalp care for everyone. ' +
    'Every product shows its regulatory status, storage and who may buy it, so you know exactly what you are ordering.',
  heroProductSlug: 'pep-factor',
  pages: DEMO_PAGES,
};

// Parents come before their children: the seed inserts in this order.
export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    slug: 'hair-care',
    name: 'Hair care',
    description: 'Shampoos, scalp serums and everyday care for thinning hair and a healthy scalp.',
    position: 1,
  },
  {
    slug: 'hair-loss-treatments',
    name: 'Hair-loss treatments',
    description:
      'Medicines with an FDA-approved use against pattern hair loss, sold over the counter or on prescription.',
    parent: 'hair-care',
    position: 1,
  },
  {
    slug: 'supplements',
    name: 'Supplements',
    description: 'Vitamins and minerals that support healthy hair, skin and nails.',
    position: 2,
  },
  {
    slug: 'regenerative',
    name: 'Regenerative',
    description: 'Growth-factor, exosome and platelet-rich plasma (PRP) products used in regenerative aesthetics.',
    position: 3,
  },
  {
    slug: 'devices',
    name: 'Devices',
    description: 'Low-level laser therapy and other devices for use at home or in the clinic.',
    position: 4,
  },
  {
    slug: 'microneedling',
    name: 'Microneedling',
    description: 'Professional microneedling pens and the sterile single-use cartridges they need.',
    parent: 'devices',
    position: 1,
  },
  {
    slug: 'aesthetics',
    name: 'Aesthetics',
    description: 'Skin care and aftercare that go with aesthetic procedures.',
    position: 5,
  },
  {
    slug: 'skin-care',
    name: 'Skin care',
    description: 'Serums that hydrate and support the skin before and after treatments.',
    parent: 'aesthetics',
    position: 1,
  },
  {
    slug: 'aftercare',
    name: 'Post-procedure care',
    description: 'Gentle balms and recovery products for the days after microneedling, PRP and injections.',
    parent: 'aesthetics',
    position: 2,
  },
];

/** The demo store's shipping, as its shipping page describes it: ground, two-day, and the cold chain. */
export const DEMO_SHIPPING: Parameters<typeof writeShippingSettings>[1] = {
  methods: {
    standard: {
      name: 'Ground',
      description: '2 to 5 business days to the 48 contiguous states. Free on orders over $150.',
      rateCents: 895,
      freeAboveCents: 15000,
      surchargeCents: 0,
      isActive: true,
      position: 1,
    },
    express: {
      name: 'Two-day',
      description: '2 business days by air, to every state including Alaska and Hawaii.',
      rateCents: 1850,
      freeAboveCents: null,
      surchargeCents: 0,
      isActive: true,
      position: 2,
    },
    // The page's cold-chain charge covers the insulated packaging and the overnight service: it is the whole price.
    refrigerated: {
      name: 'Refrigerated overnight',
      description: 'Overnight at 2 to 8 °C with a temperature indicator, shipped Monday to Wednesday.',
      rateCents: 0,
      freeAboveCents: null,
      surchargeCents: 2500,
      isActive: true,
      position: 3,
    },
  },
  // "Before 1 pm Arizona time", as the shipping page says.
  cutoffHour: 13,
};

/**
 * Arizona's state rate of transaction privilege tax on retail sales, shipping not taxed when charged separately;
 * the demo store collects in its home state only. City and county rates add to it where they apply.
 */
export const DEMO_TAX_RATES = [{ state: 'AZ', ratePer100k: 5600, isShippingTaxed: false }] as const;
