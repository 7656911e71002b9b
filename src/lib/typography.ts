// A number and its unit read as one value ("2-8 °C", "60 mL", "72 hours"): a line must never end between them.
const NUMBER_BEFORE_UNIT =
  /(\d)[ \t]+(?=(?:°[CF]?|%|mg|mcg|µg|g|kg|mL|ml|L|IU|nm|mm|cm|ppm|DFE|RAE|billion|million|hours?|minutes?|days?|weeks?|months?|years?)(?![\p{L}\d]))/gu;

/** Joins each number to the unit after it with a no-break space, so a measured value never wraps inside. */
export function keepUnitsTogether(text: string): string {
  return text.replace(NUMBER_BEFORE_UNIT, '$1\u00a0');
}
