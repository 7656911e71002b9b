import { describe, expect, it } from 'vitest';
import { keepUnitsTogether } from './typography.ts';

// Shown with visible stand-ins: ~ for a no-break space, ^ for a word joiner.
const shown = (text: string) =>
  keepUnitsTogether(text)
    .replace(/\u00a0/g, '~')
    .replace(/\u2060/g, '^');

describe('keepUnitsTogether', () => {
  it.each([
    ['Keep at 2-8 °C; do not freeze.', 'Keep at 2-^8~°C; do not freeze.'],
    ['Refrigerated (2-8 °C / 36-46 °F)', 'Refrigerated (2-^8~°C / 36-^46~°F)'],
    ['Three 60 mL bottles, 25 mcg (1,000 IU)', 'Three 60~mL bottles, 25~mcg (1,000~IU)'],
    [
      'Avoid strenuous activity for 24 to 72 hours; space sessions 3-6 months apart',
      'Avoid strenuous activity for 24 to 72~hours; space sessions 3-^6~months apart',
    ],
    ['about 200 billion per vial, 0.25 to 2.5 mm', 'about 200~billion per vial, 0.25 to 2.5~mm'],
  ])('binds %j', (text, expected) => {
    expect(shown(text)).toBe(expected);
  });

  it.each(['SKU HBG-FIN1-90', 'Call (800) 770-9083', 'Expires 2027-03-01', '5 good reasons', '10 grams', '3 Larks'])(
    'leaves %j as it is',
    (text) => {
      expect(keepUnitsTogether(text)).toBe(text);
    },
  );
});
