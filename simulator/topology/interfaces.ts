/**
 * Interface names: parsing, normalisation both ways (Gi1/0/1 ≡ GigabitEthernet1/0/1) and
 * model port patterns. Shared by the simulator (rendering) and the client (verifying).
 */
import type { InterfaceType, ModelSpec } from './kinds/types.js';

const NAME = /^([A-Za-z][A-Za-z-]*?)\s*(\d[\d/.:]*)$/;

/** Splits `Gig 1/0/1` into its type token and numbering, or returns undefined. */
export function splitInterfaceName(raw: string): { token: string; numbering: string } | undefined {
  const match = NAME.exec(raw.trim());
  return match ? { token: match[1]!, numbering: match[2]! } : undefined;
}

/** Finds the interface type a token names: exact name or alias first, then a unique prefix. */
export function findInterfaceType(token: string, types: readonly InterfaceType[]): InterfaceType | undefined {
  const lower = token.toLowerCase();
  const exact = types.find(
    (t) => t.name.toLowerCase() === lower || t.aliases.some((a) => a.toLowerCase() === lower),
  );
  if (exact || lower.length < 2 || lower.endsWith('-')) return exact;
  const byPrefix = types.filter((t) => !t.name.endsWith('-') && t.name.toLowerCase().startsWith(lower));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

/** A parsed interface name with its type. */
export interface InterfaceName {
  type: InterfaceType;
  numbering: string;
  /** Canonical full name, e.g. `GigabitEthernet1/0/1`. */
  full: string;
}

/** Parses any accepted spelling of an interface name against a platform's types. */
export function parseInterfaceName(raw: string, types: readonly InterfaceType[]): InterfaceName | undefined {
  const split = splitInterfaceName(raw);
  if (!split) return undefined;
  const type = findInterfaceType(split.token, types);
  if (!type) return undefined;
  return { type, numbering: split.numbering, full: type.name + split.numbering };
}

/** Full canonical name, or the input trimmed when no type matches (so unknown names still compare). */
export function normalizeInterfaceName(raw: string, types: readonly InterfaceType[]): string {
  return parseInterfaceName(raw, types)?.full ?? raw.trim();
}

/** `GigabitEthernet1/0/1` → `Gi1/0/1`. */
export function shortInterfaceName(full: string, types: readonly InterfaceType[]): string {
  const name = parseInterfaceName(full, types);
  return name ? name.type.short + name.numbering : full;
}

/** `GigabitEthernet1/0/1` → `Gig 1/0/1`, the form of IOS's `show cdp neighbors`. */
export function cdpInterfaceName(full: string, types: readonly InterfaceType[]): string {
  const name = parseInterfaceName(full, types);
  return name ? name.type.cdp + name.numbering : full;
}

interface CompiledPattern {
  source: string;
  regex: RegExp;
  ranges: Array<[number, number]>;
}

const BRACE = /\{(\d+)-(\d+)\}/g;

function compilePattern(pattern: string): CompiledPattern {
  const ranges: Array<[number, number]> = [];
  let regex = '^';
  let last = 0;
  for (const match of pattern.matchAll(BRACE)) {
    regex += escapeRegex(pattern.slice(last, match.index)) + '(\\d+)';
    ranges.push([Number(match[1]), Number(match[2])]);
    last = match.index + match[0].length;
  }
  regex += escapeRegex(pattern.slice(last)) + '$';
  return { source: pattern, regex: new RegExp(regex), ranges };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const compiledByModel = new WeakMap<ModelSpec, CompiledPattern[]>();

function compiledPorts(model: ModelSpec): CompiledPattern[] {
  let compiled = compiledByModel.get(model);
  if (!compiled) {
    compiled = model.ports.map(compilePattern);
    compiledByModel.set(model, compiled);
  }
  return compiled;
}

/** True when the canonical name is one of the model's physical ports (its management port included). */
export function modelHasPort(model: ModelSpec, full: string): boolean {
  if (full === model.mgmt) return true;
  return compiledPorts(model).some((p) => {
    const match = p.regex.exec(full);
    if (!match) return false;
    return p.ranges.every(([lo, hi], i) => {
      const digits = match[i + 1]!;
      const n = Number(digits);
      return String(n) === digits && n >= lo && n <= hi;
    });
  });
}

const expandedByModel = new WeakMap<ModelSpec, readonly string[]>();

/** Every port of the model, in the order its patterns list them (computed once per model). */
export function expandModelPorts(model: ModelSpec): readonly string[] {
  let ports = expandedByModel.get(model);
  if (!ports) {
    ports = Object.freeze(expandPatterns(model));
    expandedByModel.set(model, ports);
  }
  return ports;
}

function expandPatterns(model: ModelSpec): string[] {
  const out: string[] = [];
  for (const pattern of compiledPorts(model)) {
    const parts = pattern.source.split(BRACE);
    // split with two capture groups yields [text, lo, hi, text, lo, hi, text]
    const walk = (i: number, prefix: string): void => {
      if (i >= parts.length - 1) {
        out.push(prefix + (parts[i] ?? ''));
        return;
      }
      const lo = Number(parts[i + 1]);
      const hi = Number(parts[i + 2]);
      for (let n = lo; n <= hi; n++) walk(i + 3, prefix + parts[i]! + n);
    };
    walk(0, '');
  }
  return out;
}

/** Human list of a model's ports for error messages: `GigabitEthernet1/0/{1-48}, …`. */
export function describeModelPorts(model: ModelSpec): string {
  return [...model.ports, model.mgmt].join(', ');
}
