/**
 * The schema pieces every file format shares (topology, drift, faults): strict objects and
 * durations. Kept apart from the topology schema so that it can include the formats built on them.
 */
import { z } from 'zod';
import { checkDuration, DURATION_HINT } from './duration.js';

/** A strict object whose unknown-key error lists the keys that are valid there. */
export function strictObject<T extends z.ZodRawShape>(shape: T) {
  const valid = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `valid keys here: ${valid}` : undefined),
  });
}

/** A custom issue carrying its diagnostic code. */
export const tagged = (code: string, message: string) => ({
  code: 'custom' as const,
  message,
  params: { code },
});

export const DurationSchema = z
  .union([z.number(), z.string()], { error: `expected ${DURATION_HINT}` })
  .superRefine((value, ctx) => {
    const checked = checkDuration(value);
    if ('error' in checked) ctx.addIssue(tagged('DURATION_INVALID', checked.error));
  })
  .meta({ id: 'Duration', description: DURATION_HINT });
