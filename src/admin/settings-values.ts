import type { StoreSettings } from '#src/store/schema.ts';
import type { FormValues } from '#src/web/forms.ts';
import { STORE_PAGE_KEYS } from '#src/web/store-pages.ts';

/** The settings as the form shows them and the audit log compares them: every field by its name, as text. */
export function valuesOf(s: StoreSettings): FormValues {
  const values: FormValues = {
    name: s.name,
    tagline: s.tagline,
    phone: s.phone,
    email: s.email,
    address: s.address,
    timeZone: s.timeZone,
    currency: s.currency,
    disclaimer: s.disclaimer,
    bankAccountHolder: s.bankAccountHolder,
    bankName: s.bankName,
    bankAccountLines: s.bankAccountLines,
    returnWindowDays: String(s.returnWindowDays),
    heroHeading: s.heroHeading,
    heroText: s.heroText,
    heroProductSlug: s.heroProductSlug,
  };
  for (const key of STORE_PAGE_KEYS) values[key] = s.pages[key] ?? '';
  return values;
}
