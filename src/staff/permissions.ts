import type { StaffRole } from './schema.ts';

export const PERMISSIONS = ['licences:review', 'outbox:read', 'customers:read', 'staff:manage', 'audit:read'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do; every admin page and API call checks one of these on the server. */
export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: ['licences:review', 'outbox:read', 'customers:read'],
  staff: ['licences:review', 'outbox:read'],
};

export const ROLE_LABELS: Record<StaffRole, string> = {
  owner: 'Owner: everything, including staff and the audit log',
  admin: 'Admin: licences, outbox and customers',
  staff: 'Staff: licences and outbox',
};

export function hasPermission(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
