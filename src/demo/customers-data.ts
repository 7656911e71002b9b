import type { LicenceType } from '#src/licences/schema.ts';

/**
 * A customer of the demo store, so that the admin area has people and licences to show. The passwords are
 * printed in the README: these accounts exist only in a demo store, never in production.
 */
export type DemoCustomer = {
  email: string;
  password: string;
  name: string;
  accountType: 'client' | 'business';
  companyName: string;
  phone: string;
  address: { line1: string; line2?: string; city: string; state: string; postalCode: string };
  licence?: {
    type: LicenceType;
    number: string;
    holderName: string;
    issuingState: string;
    /** The licence runs out this many days after the demo store is loaded. */
    validForDays: number;
    status: 'approved' | 'pending';
  };
};

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    email: 'olivia.bennett@example.com',
    password: 'olivia-demo-2026',
    name: 'Olivia Bennett',
    accountType: 'client',
    companyName: '',
    phone: '(602) 555-0142',
    address: { line1: '1427 East Palm Lane', city: 'Phoenix', state: 'AZ', postalCode: '85006' },
  },
  {
    email: 'priya.raman@saguaroclinic.example',
    password: 'saguaro-demo-2026',
    name: 'Dr. Priya Raman',
    accountType: 'business',
    companyName: 'Saguaro Skin & Hair Clinic',
    phone: '(480) 555-0187',
    address: {
      line1: '7301 East Shoeman Lane',
      line2: 'Suite 120',
      city: 'Scottsdale',
      state: 'AZ',
      postalCode: '85251',
    },
    licence: {
      type: 'MD',
      number: 'MD-58214',
      holderName: 'Priya Raman',
      issuingState: 'AZ',
      validForDays: 700,
      status: 'approved',
    },
  },
  {
    email: 'jordan.ellis@coppercanyonspa.example',
    password: 'copper-demo-2026',
    name: 'Jordan Ellis',
    accountType: 'business',
    companyName: 'Copper Canyon Med Spa',
    phone: '(520) 555-0119',
    address: { line1: '2950 North Swan Road', city: 'Tucson', state: 'AZ', postalCode: '85712' },
    licence: {
      type: 'esthetician',
      number: 'EST-30917',
      holderName: 'Jordan Ellis',
      issuingState: 'AZ',
      validForDays: 400,
      status: 'pending',
    },
  },
];
