import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/errors.ts';
import { type Address, addresses, customers } from '../schema.ts';
import { type AddressInput, type AddressPatch, describeAddressProblems } from '../validators.ts';

export const MAX_ADDRESSES = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DefaultKind = 'shipping' | 'billing';

/** A customer's addresses, defaults first, then oldest first. */
export function listAddresses(db: Db, customerId: string): Promise<Address[]> {
  return db
    .select()
    .from(addresses)
    .where(eq(addresses.customerId, customerId))
    .orderBy(
      desc(addresses.isDefaultShipping),
      desc(addresses.isDefaultBilling),
      asc(addresses.createdAt),
      asc(addresses.id),
    );
}

/**
 * One address of this customer. Another customer's address is "not found", exactly like a missing one, so
 * that nobody learns which ids exist.
 */
export async function findAddress(db: Db, customerId: string, id: string): Promise<Address> {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', 'No such address.');
  const [row] = await db
    .select()
    .from(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.customerId, customerId)));
  if (!row) throw new AppError('NOT_FOUND', 'No such address.');
  return row;
}

// Serialises address changes of one customer, so two requests cannot both leave a default behind.
async function lockCustomer(tx: Db, customerId: string): Promise<void> {
  await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for('update');
}

async function clearDefaults(tx: Db, customerId: string, o: { shipping: boolean; billing: boolean }): Promise<void> {
  if (o.shipping) {
    await tx.update(addresses).set({ isDefaultShipping: false }).where(eq(addresses.customerId, customerId));
  }
  if (o.billing) {
    await tx.update(addresses).set({ isDefaultBilling: false }).where(eq(addresses.customerId, customerId));
  }
}

/** Adds an address; the first one becomes the default for shipping and billing. */
export async function createAddress(db: Db, customerId: string, input: AddressInput): Promise<Address> {
  return db.transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(addresses)
      .where(eq(addresses.customerId, customerId));
    if (n >= MAX_ADDRESSES) {
      throw new AppError(
        'CONFLICT',
        `An address book holds at most ${MAX_ADDRESSES} addresses. Delete one you no longer use.`,
      );
    }
    const isDefaultShipping = input.isDefaultShipping || n === 0;
    const isDefaultBilling = input.isDefaultBilling || n === 0;
    await clearDefaults(tx, customerId, { shipping: isDefaultShipping, billing: isDefaultBilling });
    const [row] = await tx
      .insert(addresses)
      .values({ ...input, customerId, isDefaultShipping, isDefaultBilling })
      .returning();
    return row!;
  });
}

/** Changes some fields of an address; the merged address is validated as a whole. */
export async function updateAddress(db: Db, customerId: string, id: string, patch: AddressPatch): Promise<Address> {
  return db.transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    const current = await findAddress(tx, customerId, id);
    const merged: AddressInput = {
      name: patch.name ?? current.name,
      line1: patch.line1 ?? current.line1,
      line2: patch.line2 ?? current.line2,
      city: patch.city ?? current.city,
      state: patch.state ?? current.state,
      postalCode: patch.postalCode ?? current.postalCode,
      country: patch.country ?? current.country,
      phone: patch.phone ?? current.phone,
      isDefaultShipping: patch.isDefaultShipping ?? current.isDefaultShipping,
      isDefaultBilling: patch.isDefaultBilling ?? current.isDefaultBilling,
    };
    // A default moves to another address rather than vanishing: checkout relies on one of each kind.
    for (const kind of ['Shipping', 'Billing'] as const) {
      if (current[`isDefault${kind}`] && !merged[`isDefault${kind}`]) {
        const message = `This is your default ${kind.toLowerCase()} address. Make another address the default instead.`;
        throw new AppError('VALIDATION', message, { fields: { [`isDefault${kind}`]: message } });
      }
    }
    const problems = describeAddressProblems(merged);
    if (Object.keys(problems).length > 0) {
      throw new AppError('VALIDATION', 'Some fields of the address are invalid.', { fields: problems });
    }
    await clearDefaults(tx, customerId, {
      shipping: merged.isDefaultShipping && !current.isDefaultShipping,
      billing: merged.isDefaultBilling && !current.isDefaultBilling,
    });
    const [row] = await tx
      .update(addresses)
      .set({ ...merged, updatedAt: new Date() })
      .where(eq(addresses.id, current.id))
      .returning();
    return row!;
  });
}

/** Makes one address the default of its kind and clears the previous default, in one transaction. */
export async function setDefaultAddress(db: Db, customerId: string, id: string, kind: DefaultKind): Promise<Address> {
  return updateAddress(
    db,
    customerId,
    id,
    kind === 'shipping' ? { isDefaultShipping: true } : { isDefaultBilling: true },
  );
}

/** Deletes an address; when it was a default, the oldest remaining address takes its place. */
export async function deleteAddress(db: Db, customerId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    const current = await findAddress(tx, customerId, id);
    await tx.delete(addresses).where(eq(addresses.id, current.id));
    if (!current.isDefaultShipping && !current.isDefaultBilling) return;
    const [heir] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(eq(addresses.customerId, customerId))
      .orderBy(asc(addresses.createdAt), asc(addresses.id))
      .limit(1);
    if (!heir) return;
    await tx
      .update(addresses)
      .set({
        ...(current.isDefaultShipping ? { isDefaultShipping: true } : {}),
        ...(current.isDefaultBilling ? { isDefaultBilling: true } : {}),
      })
      .where(eq(addresses.id, heir.id));
  });
}
