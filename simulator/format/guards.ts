/**
 * Type guards for parsed JSON, shared by the simulator's REST APIs and the client's REST drivers.
 * Imports nothing, so either side may use it.
 */

/** A JSON object: a mapping of names to values not yet checked. */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not null, not an array). */
export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The objects of a JSON array; nothing when the value is not an array. */
export const objectsIn = (value: unknown): JsonObject[] =>
  Array.isArray(value) ? value.filter(isObject) : [];

/** The value when it is a string. */
export const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
