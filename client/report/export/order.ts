/** The one order every export writes names in, so the same cabling gives the same file. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Name order with numbers compared as numbers (`leaf2` before `leaf10`); ties by code units. */
export const byName = (a: string, b: string): number =>
  collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
