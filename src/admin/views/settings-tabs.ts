import { html, raw } from 'hono/html';
import { hasPermission, type Permission } from '#src/staff/permissions.ts';
import type { StaffUser } from '#src/staff/schema.ts';

export type SettingsTab = 'store' | 'shipping' | 'tax';

const TABS: { id: SettingsTab; href: string; label: string; permission: Permission }[] = [
  { id: 'store', href: '/admin/settings', label: 'Store', permission: 'settings:edit' },
  { id: 'shipping', href: '/admin/settings/shipping', label: 'Shipping', permission: 'settings:manage' },
  { id: 'tax', href: '/admin/settings/tax', label: 'Tax', permission: 'settings:manage' },
];

/** The links between the settings pages a staff member may open, the current one marked. */
export function renderSettingsTabs(staff: Pick<StaffUser, 'role'>, current: SettingsTab) {
  const tabs = TABS.filter((t) => hasPermission(staff.role, t.permission));
  if (tabs.length < 2) return '';
  return html`<nav class="settings-tabs" aria-label="Settings pages">
    <ul>
      ${tabs.map(
        (t) => html`<li><a href="${t.href}"${t.id === current ? raw(' aria-current="page"') : ''}>${t.label}</a></li>`,
      )}
    </ul>
  </nav>`;
}
