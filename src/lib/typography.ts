// Units a number may carry. A number and its unit read as one value ("2-8 °C", "60 mL", "72 hours"), and so
// does a range with a unit: a line must never end inside one.
const UNIT = String.raw`(?:°[CF]?|%|mg|mcg|µg|g|kg|mL|ml|L|IU|nm|mm|cm|ppm|DFE|RAE|billion|million|hours?|minutes?|days?|weeks?|months?|years?)(?![\p{L}\d])`;
const NUMBER_BEFORE_UNIT = new RegExp(String.raw`(\d)[ \t]+(?=${UNIT})`, 'gu');
// Browsers break after the hyphen of "2-8"; a word joiner after it forbids that and keeps the plain hyphen, so
// the text still copies and searches as typed. Only ranges followed by a unit: SKUs and dates stay as they are.
const RANGE_BEFORE_UNIT = new RegExp(String.raw`(\d)-(?=\d+(?:\.\d+)?[ \t]*${UNIT})`, 'gu');

/** Keeps each measured value on one line: no break inside a range, nor between a number and its unit. */
export function keepUnitsTogether(text: string): string {
  return text.replace(RANGE_BEFORE_UNIT, '$1-\u2060').replace(NUMBER_BEFORE_UNIT, '$1\u00a0');
}
