/**
 * A request body the schema refused, said as one line that names the field and what is valid.
 * The validator (ajv, verbose) reports every branch of a union it tried; the branch the body meant
 * (of its type, with the key that names it: `unplug`, `swap`, …) is the one worth reporting.
 */

/** What the validator reports per problem (ajv's ErrorObject with `verbose`). */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
  data?: unknown;
  /** The keyword's value: for `anyOf`, the branches. */
  schema?: unknown;
  parentSchema?: Record<string, unknown>;
}

/** `root` names the body in paths: `drift[1].unplug`, or `kind` when empty. */
export function describeSchemaErrors(errors: readonly SchemaError[], root: string): string {
  const error = mostSpecific(errors);
  return error ? describe(error, root) : 'the request body is not valid';
}

function mostSpecific(errors: readonly SchemaError[]): SchemaError | undefined {
  const unions = errors.filter((e) => e.keyword === 'anyOf');
  if (unions.length === 0) return errors[0];
  // The outermost union: its branches hold the others.
  const union = unions.reduce((a, b) => (b.schemaPath.length < a.schemaPath.length ? b : a));
  // The branch the body meant: of its type, with its required keys (`unplug`, `swap`, …).
  const branches = Array.isArray(union.schema) ? (union.schema as Array<Record<string, unknown>>) : [];
  const meant = branches.flatMap((branch, i) => (fits(branch, union.data) ? [i] : []));
  if (meant.length !== 1) return union;
  const prefix = `${union.schemaPath}/${meant[0]}/`;
  return mostSpecific(errors.filter((e) => e.schemaPath.startsWith(prefix))) ?? union;
}

function fits(branch: Record<string, unknown>, data: unknown): boolean {
  if (branch.type === 'array') return Array.isArray(data);
  if (branch.type === 'object' || branch.required)
    return (
      typeof data === 'object' &&
      data !== null &&
      !Array.isArray(data) &&
      ((branch.required as string[] | undefined) ?? []).every((key) => key in data)
    );
  // A union of unions (an item, or an array of them): an object body means the item.
  return Array.isArray(branch.anyOf) && typeof data === 'object' && data !== null && !Array.isArray(data);
}

function describe(error: SchemaError, root: string): string {
  const path = renderPointer(error.instancePath, root);
  const at = path ? `${path}: ` : '';
  const schema = error.parentSchema ?? {};
  switch (error.keyword) {
    case 'required':
      return `${at}${String(error.params.missingProperty)} is missing`;
    case 'additionalProperties': {
      const valid = Object.keys((schema.properties as object | undefined) ?? {});
      return `${at}unknown field "${String(error.params.additionalProperty)}"; valid fields here: ${valid.join(', ')}`;
    }
    case 'enum':
      return `${at}${JSON.stringify(error.data)} is not valid; valid: ${(error.params.allowedValues as unknown[]).join(', ')}`;
    case 'minItems':
    case 'maxItems':
      return `${at}expected ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${String(error.params.limit)} item(s), got ${Array.isArray(error.data) ? error.data.length : 0}`;
    case 'type':
      return `${at}expected ${String(error.params.type)}, got ${typeName(error.data)}`;
    case 'anyOf':
      return `${at}${typeof schema.description === 'string' ? `expected ${schema.description}` : 'matches none of the valid forms'}`;
    default:
      return `${at}${error.message ?? 'is not valid'}`;
  }
}

/** `/0/move/from` under `drift` → `drift[0].move.from`. */
function renderPointer(pointer: string, root: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  let out = root;
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
