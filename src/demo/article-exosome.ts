import type { DemoArticle } from './types.ts';

const BODY = `Exosome therapy is one of the newest ideas in hair restoration, and one of the most talked about. Before
you book a session, it helps to know what the treatment involves, what it can feel like afterwards, and how it
compares with options that have a longer track record.

## The short answer

The side effects reported so far are **minor and local**: pain, bruising or swelling where the injections went in.
What we do not have yet is a large body of clinical research on the long-term safety of exosome products, and
**no exosome product has been approved by the US Food and Drug Administration (FDA)**. Treat it as a promising but
still-young option.

[[coupon:20OFF|Take 20% off your first order of our Hair Supplement Gummies: all the vitamins and minerals your hair needs, in one chewable bite. The code works for signed-in customers only, so create an account first.]]

[[product:hair-supplement-gummies]]

## How safe is exosome therapy?

Exosomes are tiny vesicles that cells release to pass messages to one another. The vials used in clinics come
**ready-made**: each holds around **200 billion exosomes**, derived from donated **amniotic fluid and umbilical cord
blood**. Because nothing needs to be drawn from the patient, a provider can use a vial for anyone it suits, most
often people with **androgenetic alopecia** (hereditary pattern hair loss).

When the material is collected and processed properly, with screened donors and sterile handling, the chance of
passing on an infection or other disease from the donor should be very small.

The only side effects known so far are **injection-site reactions**:

- pain or tenderness where the needle went in,
- bruising,
- swelling of the treated area.

Keep in mind that this is a new technology. Studies are still under way, and rarer effects may only come to light
as more people are treated. With no FDA-approved exosome product on the market, caution is the sensible default.

## Before your appointment

There are no known groups of people who can never have exosome therapy, but a little preparation helps:

1. **Stop NSAIDs at least 72 hours before.** Anti-inflammatory painkillers such as ibuprofen, naproxen and aspirin
   may blunt the effect of the treatment. Ask your doctor before stopping anything you take for a medical reason.
2. **Drink plenty of water** the day before and on the day.
3. **Eat a full meal** beforehand, so you do not feel light-headed during the injections.

## After your appointment

Most people have little or no downtime and **go back to their daily routine straight away**. For the best
recovery:

- **Skip strenuous exercise for 24 to 72 hours** after treatment.
- **Avoid alcohol, tobacco, and salty or sugary food for 24 hours.**
- **Leave 3 to 6 months between treatments**, so the scalp can recover and results can be judged.

## Other hair restoration treatments

If you would rather start with something better established, these are the main alternatives and what they
commonly cause.

| Treatment | How it works | Common side effects |
|---|---|---|
| Hair transplant (FUT) | A strip of scalp is removed from the back of the head and its follicles are moved to the thinning area | Scar along the donor strip, soreness, swelling |
| Hair transplant (FUE) | Follicles are taken one by one through tiny punches and moved to the thinning area | Small dot scars, soreness, swelling |
| Stem cell therapy | Hair stem cells are cultured from a small scalp sample, concentrated and injected | Mild redness and swelling at the injection sites |
| PRP | The patient's own blood is spun to concentrate platelets and growth factors, then injected | Injection-site reactions |
| Laser combs (LLLT) | Low-level laser light stimulates the natural hair growth cycle | Slight tingling and itching of the scalp |
| Minoxidil and finasteride | Medicines used against pattern hair loss | Acne where applied, mild redness of the scalp |

A few notes on the table:

- **PRP** uses your own blood (it is *autologous*), so there is no donor and no risk of catching a disease from one.
- **Laser combs** are often described as "FDA-approved", but that is not the right word for a device. They are
  **FDA-cleared** through the 510(k) process: the agency found them substantially equivalent to devices already
  on the market. Approval is the standard for medicines and the highest-risk devices.
- **Minoxidil** is approved for use on the scalp without a prescription. **Finasteride** is approved as a
  prescription tablet for men; the acne and redness above are what people notice with products put on the scalp.

[[product:laser-hair-comb]]

[[product:minoxidil-5-topical-solution]]

## PEP Factor: a needle-free option

Because exosome therapy is so new, some people prefer to begin with a topical product. **PEP Factor** is a
ready-to-use serum for hair thinning and other aesthetic concerns, with two key ingredients:

- **Basic fibroblast growth factor (bFGF)**, a protein involved in the signals cells use to grow and communicate.
- **Copper peptide**, valued for its antioxidant properties.

It goes on the scalp, not into it, so there are no injection-site reactions to worry about. The side effect
people report is mild redness where it is applied. It can also be combined with regenerative treatments such as
**microneedling**, a pairing many providers use to improve hair density.

[[product:pep-factor]]

## Where FACE Med Store fits in

Exosome therapy has real potential, including more hair in people with androgenetic alopecia, and with a skilled
provider and good aftercare its known side effects are mild. It is still a new regenerative product, though, and
some adverse effects may not be known yet.

We supply beauty and medical products to clinics, med-spas and individual clients, and we are happy to help you
choose.

[[callout:Want to see what is on the shelf today? Call us at (800) 770-9083 for our current stock list, or [browse the shop](/products).]]`;

export const EXOSOME_ARTICLE: DemoArticle = {
  slug: 'exosome-hair-therapy-side-effects',
  title: 'Side Effects of Exosome Hair Therapy',
  excerpt:
    'Exosome injections for hair loss usually cause only pain, bruising or swelling where the needle went in, but ' +
    'no exosome product is FDA-approved yet. What to expect, how to prepare and recover, and how the alternatives compare.',
  body: BODY,
  authorName: 'Maya Ortiz',
  coverImage: {
    src: '/assets/demo/cover-exosome-hair-therapy.svg',
    alt: 'Illustration of a glass vial releasing small round exosomes towards strands of hair growing from a scalp',
  },
  tags: ['exosomes', 'hair loss', 'regenerative', 'side effects'],
  status: 'published',
  seoTitle: 'Exosome Hair Therapy Side Effects, Aftercare and Alternatives',
  seoDescription:
    'What exosome hair treatment can feel like afterwards, how to prepare and recover, why no exosome product is ' +
    'FDA-approved, and how PRP, laser combs, minoxidil and PEP Factor compare.',
  publishedAt: new Date('2025-03-12T15:00:00Z'),
};
