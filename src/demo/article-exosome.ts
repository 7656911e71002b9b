import type { DemoArticle } from './types.ts';

const BODY = `Exosome therapy is one of the newest ideas in hair restoration, and one of the most talked about. Before
you book a session, it helps to know what the treatment involves, what it can feel like afterwards, and how it
compares with options that have a longer track record.

## The short answer

The side effects reported so far are **minor and local**: pain, bruising or swelling where the injections went in.
What we do not have yet is a large body of clinical research on the long-term safety of exosome products, and
**no exosome product has been approved by the US Food and Drug Administration (FDA)**. Treat it as a promising but
still-young option.

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
as more people are treated. With no exosome product approved by the FDA yet, caution is the sensible default.

## Before and after your appointment

There are no known groups of people who can never have exosome therapy, but a little preparation helps, and most
people **go back to their daily routine straight away**. Ask your doctor before you stop anything you take for a
medical reason.

[[timeline:Your care plan around an exosome session]]
Before
- 72 hours before | **Stop NSAIDs at least 72 hours before.** Painkillers such as ibuprofen, naproxen and aspirin may blunt the effect of the treatment.
- The day before and on the day | **Drink plenty of water.**
- Before you leave home | **Eat a full meal**, so you do not feel light-headed during the injections.
After
- Straight away | Go back to your usual day: there is little or no downtime.
- For 24 hours | **Avoid alcohol, tobacco, and salty or sugary food for 24 hours.**
- For 24 to 72 hours | **Skip strenuous exercise for 24 to 72 hours** after treatment.
- 3 to 6 months later | **Leave 3 to 6 months between treatments**, so the scalp can recover and results can be judged.
[[/timeline]]

## Everyday support for your hair

Good nutrition is part of looking after your hair between appointments. Our chewable gummies bring biotin, folate,
zinc and vitamins together in one bite, to support healthy hair as part of a balanced diet.*

[[coupon:20OFF|Take 20% off your first order of our Hair Supplement Gummies. The code works for signed-in customers only, so [create an account](/account/register) first.]]

[[product:hair-supplement-gummies]]

## Other hair restoration treatments

If you would rather start with something better established, these are the main alternatives and what they
commonly cause.

[[compare:How the alternatives compare]]
Treatment | How it works | Common side effects
Hair transplant (FUT) | A strip of scalp is removed from the back of the head and its follicles are moved to the thinning area | Scar along the donor strip, soreness, swelling
Hair transplant (FUE) | Follicles are taken one by one through tiny punches and moved to the thinning area | Small dot scars, soreness, swelling
Stem cell therapy | Hair stem cells are cultured from a small scalp sample, concentrated and injected | Mild redness and swelling at the injection sites
PRP | The patient's own blood is spun to concentrate platelets and growth factors, then injected | Injection-site reactions
Laser combs (LLLT) | Low-level laser light stimulates the natural hair growth cycle | Slight tingling and itching of the scalp
Minoxidil and finasteride | Medicines used against pattern hair loss | Acne where applied, mild redness of the scalp
[[/compare]]

A few notes on the comparison:

- **PRP** uses your own blood (it is *autologous*), so there is no donor and no risk of catching a disease from one.
- **Laser combs** are **FDA-cleared** through the 510(k) process: the agency found them substantially equivalent
  to devices already on the market. Clearance is not approval, which is the standard for medicines and the
  highest-risk devices.
- **Minoxidil** is approved for use on the scalp without a prescription. **Finasteride** is approved as a
  prescription tablet for men; the acne and redness above are what people notice with products put on the scalp.

[[product:laser-hair-comb]]

[[product:minoxidil-5-topical-solution]]

## PEP Factor: a needle-free option

Because exosome therapy is so new, some people prefer to begin with a topical product. **PEP Factor** is a
ready-to-use cosmetic serum for fuller-looking hair and skin, with two key ingredients:

- **Basic fibroblast growth factor (bFGF)**, a protein involved in the signals cells use to grow and communicate.
- **Copper peptide**, valued for its antioxidant properties.

It goes on the scalp, not into it, so there are no injection-site reactions to worry about. The side effect
people report is mild redness where it is applied. It can also be combined with **microneedling**, a pairing many
providers offer for hair that looks thicker.

[[product:pep-factor]]

## Frequently asked questions

### Does exosome therapy hurt?

Most people feel the injections as brief pricks. Soreness, bruising or swelling where the needle went in is the
usual reaction and fades on its own.

### How long should I wait between sessions?

Leave 3 to 6 months between treatments, so the scalp can recover and you can judge the result.

### Has the FDA approved any exosome product?

No. No exosome product has been approved by the FDA so far, which is why the products are sold to licensed
professionals only.

## Where FACE Med Store fits in

Exosome therapy has real potential, including more hair in people with androgenetic alopecia, and with a skilled
provider and good aftercare its known side effects are mild. It is still a new regenerative product, though, and
some adverse effects may not be known yet.

We supply beauty and medical products to clinics, med-spas and individual clients, and we are happy to help you
choose.

[[contact:Want to see what is on the shelf today? Ask us for our current stock list]]

[[callout:Prefer to look around first? [Browse the shop](/products).]]

---

*\\* These statements have not been evaluated by the Food and Drug Administration. This product is not intended to
diagnose, treat, cure, or prevent any disease.*

*This article is for informational purposes only. It is not medical or legal advice: please consult a medical
professional about your treatment, or a lawyer about legal questions.*`;

export const EXOSOME_ARTICLE: DemoArticle = {
  slug: 'exosome-hair-therapy-side-effects',
  title: 'Side Effects of Exosome Hair Therapy',
  excerpt:
    'Exosome injections for hair loss usually cause only pain, bruising or swelling where the needle went in, but ' +
    'the FDA has approved no exosome product yet. What to expect, how to prepare and recover, and how the ' +
    'alternatives compare.',
  body: BODY,
  authorName: 'Maya Ortiz',
  coverImage: {
    src: '/assets/demo/cover-exosome-hair-therapy.svg',
    alt: 'Illustration of a glass vial releasing small round exosomes towards strands of hair growing from a scalp',
  },
  tags: ['exosomes', 'hair loss', 'regenerative', 'side effects'],
  status: 'published',
  categories: ['hair-restoration', 'aftercare'],
  seoTitle: 'Exosome Hair Therapy Side Effects, Aftercare and Alternatives',
  seoDescription:
    'What exosome hair treatment can feel like afterwards, how to prepare and recover, why the FDA has approved no ' +
    'exosome product, and how PRP, laser combs, minoxidil and PEP Factor compare.',
  publishedAt: new Date('2025-03-12T15:00:00Z'),
};
