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
