import type { DemoArticle } from './types.ts';

const PRP_BODY = `Platelet-rich plasma (PRP) is one of the most common in-clinic treatments for thinning hair. Here is what a
session involves and how to look after your scalp in the days that follow.

## What happens during a session

Your provider draws a small amount of your blood, much like a routine blood test. The tube goes into a centrifuge,
which separates the platelets and the growth factors they carry from the rest of the blood. That concentrate is
then injected in a grid pattern into the areas where hair is thinning. The whole visit usually takes under an hour.

Because PRP comes from your own body, there is no donor material involved.

[[product:prp-kit]]

## What is normal afterwards

Expect the scalp to feel sore or tight for a day or two. Swelling, tenderness and small bruises at the injection
points are common and fade on their own. A mild headache the same evening is not unusual.

Call your provider if you notice spreading redness, warmth, pus or a fever, or if the pain gets worse instead of
better.

## Aftercare, day by day

- **The first day:** leave the scalp alone. No hair washing, no hats that press on the treated area, no hair dye or
  styling products.
- **For 48 to 72 hours:** skip hard workouts, saunas and hot tubs. Heat and heavy sweating can add to swelling.
- **Pain relief:** ask your provider what to take. Anti-inflammatory painkillers (NSAIDs) are often avoided for a
  few days, because platelets rely on the same inflammatory signals those drugs dampen.
- **Gentle care:** when you wash again, use a mild, sulfate-free shampoo and pat dry.

[[callout:Your provider's written aftercare instructions always come first. The tips here are general and may not fit your treatment plan.]]

## How many sessions?

A typical plan is three sessions about a month apart, followed by maintenance treatments every few months. Hair
grows slowly, so it usually takes three to six months before a change is easy to see.

[[product:thickening-shampoo]]`;

const REGULATORY_BODY = `Hair-loss products carry very different regulatory labels, and the differences matter. Here is what
each one means, with examples from our shelves.

## FDA-approved

**Approval** is the standard for medicines (and for the highest-risk devices). The maker has shown the FDA evidence
from clinical studies that the product is safe and effective for a specific use.

- **Minoxidil** for use on the scalp is approved and sold over the counter.
- **Finasteride 1 mg** is approved as a prescription tablet for male pattern hair loss.

[[product:minoxidil-5-topical-solution]]

## FDA-cleared (510(k))

Most medical devices are **cleared**, not approved. Through a 510(k) submission, the maker shows that the device is
substantially equivalent to one already legally on the market. Low-level laser combs for pattern hair loss and
most professional microneedling pens reach the market this way.

Calling a cleared device "FDA-approved" is a common mistake, and a misleading one.

[[product:laser-hair-comb]]

## De Novo

A **De Novo** authorisation is for a new kind of low-to-moderate-risk device with nothing similar already on the
market. Once granted, it can serve as the comparison for later 510(k) clearances.

## Cosmetics

Cosmetics such as shampoos, scalp serums and most skin serums do **not** need FDA approval before they are sold.
They must be safe and properly labelled, and they may claim to improve how hair or skin *looks*, but not to treat
a disease.

## Dietary supplements

Supplements are not approved by the FDA either. Their labels may describe how a nutrient supports the body, and
when they do, they must carry a statement that the FDA has not evaluated the claim and that the product is not
meant to diagnose, treat, cure or prevent any disease.

## Not FDA-approved

Some products used in clinics, such as **exosome products**, have no FDA approval at all. They are sold to licensed
professionals only, and a provider who uses them should say so plainly.

[[callout:Every product page in our shop shows its regulatory status in the same words used here, so you can always tell approved, cleared and unapproved products apart.]]`;

export const GUIDE_ARTICLES: DemoArticle[] = [
  {
    slug: 'prp-hair-treatment-aftercare',
    title: 'PRP for Hair: What to Expect and How to Care for Your Scalp',
    excerpt:
      'How a platelet-rich plasma session works, which reactions are normal in the days after, and simple aftercare ' +
      'steps that help the scalp settle.',
    body: PRP_BODY,
    authorName: 'Daniel Reyes',
    coverImage: {
      src: '/assets/demo/cover-prp-aftercare.svg',
      alt: 'Illustration of a centrifuge tube separated into a golden plasma layer above a red layer, beside a drop of blood',
    },
    tags: ['PRP', 'aftercare', 'hair loss'],
    categories: ['hair-restoration', 'aftercare'],
    status: 'published',
    seoTitle: 'PRP Hair Treatment Aftercare: What Is Normal and What to Avoid',
    seoDescription:
      'What happens in a PRP hair session, the soreness and swelling to expect afterwards, and day-by-day aftercare tips.',
    publishedAt: new Date('2025-02-18T15:00:00Z'),
  },
  {
    slug: 'fda-approved-vs-cleared',
    title: 'FDA-Approved, Cleared, or Neither? Reading the Labels on Hair-Loss Products',
    excerpt:
      'Approved, cleared, De Novo, cosmetic, supplement, not approved: what each regulatory label means and which hair-loss ' +
      'products carry it.',
    body: REGULATORY_BODY,
    authorName: 'Priya Natarajan',
    coverImage: {
      src: '/assets/demo/cover-fda-approved-vs-cleared.svg',
      alt: 'Illustration of a clipboard with three checklist rows marked approved, cleared and cosmetic',
    },
    tags: ['regulation', 'FDA', 'buying guide'],
    categories: ['regulation'],
    status: 'published',
    seoTitle: 'FDA-Approved vs FDA-Cleared: What Hair-Loss Product Labels Mean',
    seoDescription:
      'The difference between FDA approval, 510(k) clearance, De Novo, cosmetics, supplements and unapproved products, with examples.',
    publishedAt: new Date('2025-01-22T15:00:00Z'),
  },
];
