import type { StaffRole } from './schema.ts';

export const PERMISSIONS = [
  'licences:review',
  'outbox:read',
  // Reading the emailed links (password reset, email confirmation) of mails kept in the outbox: whoever holds
  // a live reset link can take over that customer's account, so only owners may, and only without SMTP.
  'outbox:read-links',
  'customers:read',
  // Granting a business invoice terms and setting its credit limit.
  'customers:manage',
  'staff:manage',
  'audit:read',
  // The store's settings: name, contact, currency, bank details, return window, home page hero and store pages.
  'settings:edit',
  // The catalogue: products (their facts, pictures, publishing and archiving) and the category tree.
  'catalog:manage',
  // Stock: receiving lots, adjusting and quarantining them, and each product's stock rules; these staff also
  // receive the low-stock mail.
  'inventory:manage',
  // What an order costs beyond its items: shipping methods, their rates and cut-off, and tax rates by state.
  'settings:manage',
  // Orders: reading them (lists, details, packing slips) and moving them (mark paid, ship, deliver, cancel).
  'orders:read',
  'orders:manage',
  // Articles: writing, scheduling and publishing them, their revisions, and accepting compliance findings.
  'content:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do; every admin page and API call checks one of these on the server. */
export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: [
    'licences:review',
    'outbox:read',
    'customers:read',
    'customers:manage',
    'settings:edit',
    'settings:manage',
    'catalog:manage',
    'inventory:manage',
    'orders:read',
    'orders:manage',
    'content:manage',
  ],
  staff: ['licences:review', 'outbox:read', 'orders:read'],
};

export const ROLE_LABELS: Record<StaffRole, string> = {
  owner: 'Owner: everything, including staff, the audit log and the links in kept mail',
  admin:
    "Admin: orders, licences, outbox, customers and their credit, categories, inventory, articles, and the store's settings, shipping and tax",
  staff: 'Staff: licences, outbox, and reading orders',
};

export function hasPermission(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
