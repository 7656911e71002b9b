import type { StorePageTexts } from '#src/web/store-pages.ts';

// The demo store's policy pages, in Markdown. Written for a US supplier that sells to consumers and to licensed
// professionals, ships refrigerated biologics and keeps lot records: the facts a buyer checks before ordering.

const SHIPPING = `We ship from our warehouse in Scottsdale, Arizona, to addresses in the United States. Orders
placed on a business day before **1 pm Arizona time** leave the same day; later orders leave the next business day.
Arizona does not change its clocks, so in summer 1 pm here is 1 pm in California and 4 pm in New York.

## Delivery options and costs

| Service | Usual transit time | Cost |
| --- | --- | --- |
| Ground | 2 to 5 business days | $8.95, free on orders over $150 |
| Two-day | 2 business days | $18.50 |
| Overnight | next business day, by 3 pm in most areas | $34.00 |

The cost of your order, shipping included, is shown before you confirm it. Ground shipping reaches the 48
contiguous states; addresses in Alaska and Hawaii receive ambient products by
two-day air. Each parcel is tracked, and the tracking link is emailed to you when it leaves us.

## Refrigerated products: how the cold chain works

Some products, such as exosome vials and growth-factor serums, must stay between **2 and 8 °C** (36 to 46 °F)
from our refrigerator to yours. Their product pages say *Keep refrigerated*. For these we:

- ship **overnight only**, and only **Monday to Wednesday**, so that no parcel waits in a depot over a weekend;
  an order placed from Wednesday afternoon to Sunday ships on the next Monday;
- pack them in an insulated shipper with conditioned gel packs, which our supplier has tested to hold 2 to 8 °C
  for 48 hours in summer and winter conditions;
- put a temperature indicator in every cold box: it changes colour if the contents warmed above 8 °C on the way;
- add a cold-chain charge of **$25 per shipment**, which covers the insulated packaging and the overnight service;
- ship to the 48 contiguous states only, where overnight delivery is reliable.

If your order also holds ambient products, they travel in the same parcel unless you ask us to send them ahead.

**When the parcel arrives**, open it straight away, check the indicator and move the products to a refrigerator
at 2 to 8 °C. Do not freeze them. Please make sure someone can receive the parcel on the delivery day: a clinic
address during opening hours is best.

**If the indicator has changed colour or the contents feel warm**, do not use the products. Take a photo of the
indicator and the labels, and call or email us within 24 hours of delivery. We replace the products at no charge.

## Professional and prescription products

Products marked *Professional* are sent only to customers whose licence we have verified, and we ship them to the
practice address on that licence or to an address the licence holder has confirmed with us. Products marked
*Rx only* are released only against a valid prescription or to a verified prescriber. If a licence lapses while an
order is open, we hold the order and contact you.

## Lots and expiry dates

We ship the lot that expires first, and we do not knowingly send a product with less than six months left
before its expiry date without telling you first. The packing slip lists the lot number and expiry date of every
item, so that you can find them again if a lot is ever recalled.

## Damaged or missing parcels

If a parcel arrives damaged or does not arrive within two business days of the expected date, contact us within
five days of the expected delivery. We will open a claim with the carrier and send a replacement without waiting
for its outcome.
`;

const RETURNS = `We want you to be sure of what you buy, and we also have to be sure of everything we sell. That is
why medical and temperature-sensitive products follow stricter rules than, say, clothing.

## What you can return

Within the return window stated at the top of this page, you may return products for a refund of their price
if they are:

- unopened, with every seal and the original packaging intact;
- products that are stored at room temperature;
- in the condition we sent them, with the lot label still readable.

Unused devices such as the laser hair comb and the microneedling pen can be returned on the same terms, in their
original box with every accessory.

## What cannot be returned, and why

- **Refrigerated products** (exosome vials, growth-factor serums and anything marked *Keep refrigerated*). Once
  they leave our cold chain, nobody can show that they stayed between 2 and 8 °C. We could neither sell them to
  another customer nor be sure they are safe, so we do not take them back.
- **Opened, used or unsealed products**, including skin care, serums, shampoos and supplements whose seal is
  broken. We cannot check that an opened product was not contaminated or tampered with.
- **Sterile single-use items** whose packaging has been opened, such as microneedling cartridges and PRP tubes:
  sterility cannot be restored.
- **Prescription medicines** (products marked *Rx only*). Pharmacy rules do not allow a dispensed medicine to be
  put back into stock.
- **Products sold as short-dated**, which are marked as such on the product page and in your order.

## When something is wrong with your order

None of the limits above apply if we made a mistake or the product failed. If you received the **wrong item**, a
**damaged or defective product**, or a cold parcel whose **temperature indicator shows it warmed**, tell us within
48 hours of delivery (within 24 hours for refrigerated products) with a photo and the lot number. We replace the
product or refund it in full, including shipping and the cold-chain charge, and we collect anything that needs to
come back at our cost.

Devices carry the manufacturer's warranty against defects (one year unless the product page says otherwise). We
handle warranty claims for you: contact us rather than the manufacturer.

## Recalls

When a manufacturer or the FDA recalls a lot, we write to every customer who bought it, using the lot numbers we
record for each order, and we refund or replace the product whatever this policy says about returns.

## How to return a product

1. Contact us with your order number and the products you want to return. We reply within one business day with
   a return authorisation number and the address to send them to.
2. Pack the products securely and write the authorisation number on the outside. Parcels sent without one may be
   refused.
3. Return shipping is at your cost unless the return is our mistake. We recommend a tracked service.

We refund to the original payment method within five business days of receiving the return. Business accounts on
net terms receive a credit note instead.
`;

const PRIVACY = `This notice explains what FACE Med Store collects about you, why, who sees it and how long we keep it.

## Who we are

FACE Med Store, 2150 Larkspur Commons, Suite 310, Scottsdale, AZ 85251, USA, is responsible for the personal
information described here. Questions about privacy go to care@facemedstore.example or (800) 770-9083.

We are a retailer of medical and aesthetic supplies, not a doctor, clinic or health plan, so the HIPAA privacy rule
does not usually apply to us. We know, though, that what you buy can say something about your health, and we treat
your purchase history as sensitive information.

## What we collect

- **Your account**: name, email address, password (stored only as a one-way hash), account type, and for a business
  its company name and phone number. We also record when you agreed to our terms and to this notice.
- **Addresses** you save for shipping and billing.
- **Orders**: what you bought, when, at what price, and the lot number of each item we shipped.
- **Licences** for professional accounts: licence type, number, issuing state, expiry date, holder name and the
  document you upload. We need them to decide whether we may sell you professional or prescription products.
- **Messages** you send us, and the emails we send you.
- **Technical data**: a session cookie that keeps you signed in and a cookie that protects our forms against
  forgery. We use no advertising cookies and no third-party tracking.

We never see or store full payment card numbers: card payments are handled by our payment processor.

## Why we use it

- to run your account, deliver your orders and answer your questions;
- to verify licences and prescriptions, as the law and the manufacturers of professional products require;
- to contact you about a **recall** or safety notice affecting a lot you bought;
- to keep the tax, accounting and product-safety records the law requires;
- to protect the store and our customers against fraud and abuse, for example by limiting sign-in attempts.

We send marketing emails only to customers who ask for them, and every such email lets you stop them.

## Who sees it

We **do not sell** your personal information, and we do not share it for targeted advertising. We share only what
each needs with the carrier that delivers your parcel, our payment processor, the service that sends our emails,
and the state licensing boards we check licences with. We disclose information to public authorities when the law
requires it, for example to answer a lawful order or to report a product safety problem.

## How long we keep it

- Your account and addresses: while your account is open.
- Orders and invoices: seven years, for tax and accounting.
- Lot records of what you bought: for the shelf life of the product plus two years, so that a recall can reach you.
- Licence documents: while the licence is on file and for three years after it expires or is replaced.

## Your choices and rights

Signed in, you can open **Your account, Privacy** to download a copy of your data or to delete your account. When
you delete it, we erase or anonymise everything except the records we must keep by law (tax and safety records),
which are kept apart and used for nothing else.

Depending on where you live (for example California, Colorado, Virginia or Texas), you may also have the right to
know what we hold, to correct it, to have it deleted and to appeal our answer. Write to us and we will answer within
45 days. We will not treat you differently for using these rights.

Our store is meant for adults. We do not knowingly collect information from anyone under 18.

## Changes

When we change this notice we publish the new version here, and if the change matters for how we use your
information, we tell account holders by email before it takes effect.
`;

const TERMS = `These terms apply when you use the FACE Med Store website and when you buy from us. By creating an
account you accept them, together with our [privacy notice](/privacy); we record the date you did.

## Who can buy

You must be at least 18 and buy for delivery in the United States. Client accounts are for personal purchases.
Business accounts are for clinics, med-spas, practitioners and other businesses; the person who opens one
confirms that they may act for the business.

Keep your password to yourself. You are responsible for orders placed with your account until you tell us it has
been misused.

## Professional and prescription products

Every product shows who may buy it:

- **Open**: anyone with an account.
- **Professional**: only customers whose professional licence we have verified.
- **Rx only**: only against a valid prescription or to a verified prescriber.

By buying a professional or prescription product you confirm that you will use, administer or dispense it only
within the scope of your licence and the laws of your state. We may refuse or cancel an order if a licence cannot
be verified, has lapsed or does not cover the product.

## Product information

We describe each product's regulatory status exactly: FDA-approved, FDA-cleared (510(k)), De Novo, cosmetic,
dietary supplement, or not FDA-approved. Product pages and articles inform; they are **not medical advice** and do
not replace the judgement of a licensed professional who knows you. Read the label and the directions before use.

## Prices, orders and payment

Prices are in US dollars and include no sales tax, which is added where it applies. An order is accepted when we
confirm that it has shipped. If a price on the site is clearly wrong, or a product turns out to be unavailable, we
may cancel the affected items before they ship and refund anything you paid for them. We may limit the quantities
sold to one customer.

Business customers may apply for net payment terms; the credit limit and due dates are agreed in writing.

Coupons work as their own conditions say (for example first order only, once per customer, or signed-in customers
only), cannot be exchanged for cash and do not combine unless stated.

## Shipping and returns

Delivery is described on our [shipping page](/shipping) and returns on our [returns page](/returns). Refrigerated,
opened and prescription products cannot be returned, for the safety reasons given there.

## Our responsibility

We supply the products as described and in date, and we stand behind that. We are not responsible for the outcome
of a treatment, which depends on the person treated and the person treating. Unless the law provides otherwise, our
liability for a product is limited to the price you paid for it. Nothing in these terms limits rights you have as
a consumer that cannot be limited by contract.

## Law and changes

These terms are governed by the laws of the State of Arizona. We may update them; the version that applies to an
order is the one published when you placed it.
`;

const ABOUT = `FACE Med Store supplies hair-restoration, regenerative and aesthetic products to clinics, med-spas and
practitioners, and to the people they care for. We started in Scottsdale, Arizona, with a simple idea: people
buying treatments for their hair and skin deserve the same plain facts a professional buyer expects.

## What that means in practice

- **Honest labels.** Every product carries its regulatory status. We say "FDA-approved" only when it is true, and we
  say plainly when no product of a kind has been approved, as is the case for exosomes today.
- **Who may buy what.** Professional and prescription products stay visible, with the reason they are restricted,
  but we sell them only to verified licence holders and prescribers.
- **Traceable stock.** We record the lot and expiry date of every item we ship, send the oldest stock first, and
  can reach every buyer of a lot if it is recalled.
- **A real cold chain.** Refrigerated products ship overnight, early in the week, in tested insulated packaging with
  a temperature indicator.
- **Learning before buying.** Our [knowledge blog](/blog) explains treatments, their side effects and their
  aftercare, and tells you when to talk to a doctor instead of to a shop.

## Who we serve

Clients buy supplements, scalp care, skin care and home devices for themselves. Businesses open an account to see
professional products, receive prices for their tier, request quotes and order from their history. If you run a
clinic, call us to see our full stock list.
`;

const CONTACT = `Our team answers by phone **Monday to Friday, 8 am to 5 pm Arizona time**, and by email within one
business day.

## We can help with

- **Orders and deliveries**: have your order number ready. For a refrigerated parcel that arrived warm, call us
  the same day.
- **Returns**: ask for a return authorisation number before sending anything back (see [returns](/returns)).
- **Business accounts**: our stock list, quotes, bulk orders, net terms and licence verification.
- **Product questions**: ingredients, storage, regulatory status and what each product is meant for.

We cannot give medical advice or tell you whether a treatment is right for you: please ask a licensed medical
professional. **In an emergency, call 911.** If you think a product caused a side effect, talk to your doctor and
tell us the product and lot number, so that we can inform the manufacturer; you can also report it to the FDA
through MedWatch.
`;

// Trimmed as the settings form saves them, so that an operator's first save changes only what they edited.
export const DEMO_PAGES: StorePageTexts = {
  shipping: SHIPPING.trim(),
  returns: RETURNS.trim(),
  privacy: PRIVACY.trim(),
  terms: TERMS.trim(),
  about: ABOUT.trim(),
  contact: CONTACT.trim(),
};
