import type { DemoProduct } from './types.ts';

export const REGENERATIVE_PRODUCTS: DemoProduct[] = [
  {
    slug: 'pep-factor',
    name: 'PEP Factor',
    brand: 'Cellora Labs',
    sku: 'CEL-PEP-15ML',
    category: 'regenerative',
    summary:
      'A topical serum with basic fibroblast growth factor (bFGF) and copper peptide for fuller-looking hair and skin. 15 mL.',
    description: `PEP Factor is a ready-to-use serum built around two actives: **basic fibroblast growth factor
(bFGF)**, a signalling protein that takes part in the messages cells exchange as they grow and renew, and **copper
peptide (GHK-Cu)**, known for its antioxidant properties.

Because it is applied to the skin rather than injected, there are no needles and no injection-site reactions.
The most common reaction is mild redness where it is applied, which fades on its own. Use it on the scalp for the
look of thicker, denser hair, or on the face and neck as part of an anti-ageing routine.

PEP Factor works well alongside in-clinic treatments. Applied straight after **microneedling**, it reaches the
fresh micro-channels in the skin, and many providers include it in their hair-density protocols.

- Airless pump bottle keeps the growth factor protected from air and light
- Fragrance-free, suitable for all skin types`,
    directions:
      'Apply 3 to 4 pumps to a clean, dry scalp or face twice a day and massage in gently. After microneedling, ' +
      'apply to the treated area straight away, as your provider directs. Avoid the eyes.',
    activeIngredients: [
      { name: 'Basic fibroblast growth factor (bFGF, recombinant)', amount: '10 ppm' },
      { name: 'Copper tripeptide-1 (GHK-Cu)', amount: '1%' },
      { name: 'Sodium hyaluronate', amount: '0.5%' },
    ],
    sideEffects: ['Mild redness at the application site'],
    warnings: [
      {
        topic: 'use',
        text: 'For external use only. Do not apply to broken, infected or irritated skin, except straight after microneedling as your provider directs. Keep out of the eyes.',
      },
    ],
    priceCents: 11900,
    compareAtCents: 13900,
    lots: [
      { lotNumber: 'PEP-24L09', quantity: 12, expiresInDays: 38, receivedDaysAgo: 200 },
      { lotNumber: 'PEP-25F21', quantity: 24, expiresInDays: 420, receivedDaysAgo: 25 },
    ],
    status: 'active',
    isFeatured: true,
    form: 'serum',
    route: 'topical',
    regulatoryStatus: 'cosmetic',
    accessClass: 'open',
    storage: 'ambient',
    imageAlt: 'A slim teal airless pump bottle of PEP Factor serum by Cellora Labs',
  },
  {
    slug: 'exosome-hair-vial',
    name: 'Exosome Hair Vial, 200 Billion',
    brand: 'Quillon Biologics',
    sku: 'QBL-EXO-200B',
    category: 'regenerative',
    summary:
      'A ready-made, single-use vial of about 200 billion exosomes for professional scalp protocols. Ships refrigerated.',
    description: `Each single-use vial holds about **200 billion exosomes**: tiny vesicles that cells release to
carry proteins and genetic messages to their neighbours. They are derived from donated **amniotic fluid and
umbilical cord blood**, collected from screened donors and processed under sterile conditions, so the vial is
ready to use without drawing the patient's blood.

Clinics use exosomes in regenerative protocols for **androgenetic alopecia** (pattern hair loss). The side effects
reported so far are injection-site reactions: pain, bruising or swelling where the product was injected. This is
still a young field, and studies of its long-term safety are ongoing.

**Regulatory status:** no exosome product has been approved by the US Food and Drug Administration, and the FDA
has cautioned the public about unapproved exosome products. This vial is sold to licensed professionals only,
who must decide whether and how to use it within their scope of practice.

- Sold to verified licensed professionals only
- Ships on ice, Monday to Wednesday; refrigerated items cannot be returned`,
    directions:
      'For licensed professional use only, following your clinic protocol. Ask patients to stop NSAIDs at least ' +
      '72 hours before treatment, to drink water and eat a full meal beforehand, and to avoid strenuous activity ' +
      'for 24 to 72 hours afterwards. Space sessions 3 to 6 months apart. Keep at 2-8 °C; do not freeze.',
    activeIngredients: [
      {
        name: 'Exosomes (extracellular vesicles) from donated amniotic fluid and umbilical cord blood',
        amount: 'about 200 billion per vial',
      },
    ],
    sideEffects: ['Pain at the injection site', 'Bruising at the injection site', 'Swelling at the injection site'],
    warnings: [
      {
        topic: 'use',
        text: 'For use only by a licensed professional trained in injections, within their scope of practice. Not FDA-approved: tell patients so before treatment.',
      },
      {
        topic: 'pregnancy',
        text: 'Not studied in pregnancy or breastfeeding: do not treat patients who are pregnant or breastfeeding.',
      },
      {
        topic: 'conditions',
        text: 'Do not treat a patient with an infection at or near the treatment area, or with active cancer.',
      },
      {
        topic: 'handling',
        text: 'Made from donated human birth tissue. Donors are screened and processing is sterile, but no screening can rule out every infection. Use each vial once, for one patient, and discard what is left.',
      },
    ],
    priceCents: 39500,
    lots: [{ lotNumber: 'QX-2510-03', quantity: 4, expiresInDays: 150, receivedDaysAgo: 15 }],
    status: 'active',
    isFeatured: true,
    form: 'vial',
    route: 'injectable',
    regulatoryStatus: 'not-fda-approved',
    accessClass: 'professional',
    storage: 'refrigerated',
    imageAlt:
      'A small glass vial with a violet cap and a Quillon Biologics label reading Exosome 200B, on a bed of ice',
  },
  {
    slug: 'prp-kit',
    isFeatured: true,
    name: 'PRP Preparation Kit',
    brand: 'Centrivo',
    sku: 'CTV-PRP-KIT1',
    category: 'regenerative',
    summary: "A sterile single-spin kit to prepare platelet-rich plasma from the patient's own blood in the clinic.",
    description: `Platelet-rich plasma (PRP) is made from the patient's own blood: a small sample is drawn, spun in
a centrifuge to concentrate the platelets and the growth factors they carry, and the concentrate is injected
where hair is thinning. Because it is **autologous** (from the same person), there is no risk of passing on a
donor's disease.

This kit holds everything for one preparation: a collection tube with separator gel and anticoagulant, a
transfer device and the syringes to draw off the concentrated plasma. It fits standard clinical centrifuges with
a 15 mL swing-out rotor.

The side effects patients notice are injection-site reactions: soreness, swelling, some bruising and tenderness
that usually settle within a few days.

- Sterile, single use, latex-free
- Sold to licensed professionals only`,
    directions:
      'For licensed professional use only. Draw blood into the kit tube, invert gently, and spin following the ' +
      'centrifuge settings on the package insert. Use the PRP within the time the insert states. Dispose of sharps safely.',
    activeIngredients: [{ name: 'Anticoagulant citrate dextrose solution A (ACD-A)', amount: '1.5 mL per tube' }],
    sideEffects: [
      'Pain or soreness at the injection sites',
      'Swelling and tenderness of the scalp',
      'Bruising at the injection sites',
    ],
    warnings: [
      {
        topic: 'conditions',
        text: 'Assess each patient first: PRP is not suitable with a low platelet count, a platelet or clotting disorder, blood-thinning medicine, an infection at the treatment area, or active cancer.',
      },
      {
        topic: 'handling',
        text: 'Single use: one kit for one patient. Never reuse or re-sterilise any part. Wear gloves, and put the needles, syringes and tube in a sharps container after use.',
      },
    ],
    priceCents: 7900,
    lots: [{ lotNumber: 'PRP-2503-114', quantity: 60, expiresInDays: 480, receivedDaysAgo: 90 }],
    status: 'active',
    form: 'kit',
    route: 'injectable',
    regulatoryStatus: 'fda-cleared',
    accessClass: 'professional',
    storage: 'ambient',
    imageAlt: 'An open white kit box showing a blood collection tube with a red cap, a syringe and a transfer needle',
  },
];
