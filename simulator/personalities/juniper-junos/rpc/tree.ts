/**
 * The one document model behind every Junos answer: an element tree, printed either as the XML the
 * REST service relays from mgd (one element per line, no indentation, as NETCONF captures show it)
 * or as Junos JSON (every element an array of objects, text under `data`, attributes under
 * `attributes`, laid out the way Junos lays it out: ` : `, `], ` and 4-space steps).
 */

export interface JunosElement {
  name: string;
  attributes?: ReadonlyArray<readonly [name: string, value: string]>;
  /** Leaf text; `''` is an element with empty content (`<x></x>`, JSON `{ }`). */
  text?: string;
  children?: readonly JunosElement[];
}

/** `<name>text</name>`, with attributes when given (`<age junos:seconds="69">00:01:09</age>`). */
export const leaf = (
  name: string,
  text: string | number,
  attributes?: JunosElement['attributes'],
): JunosElement => (attributes ? { name, attributes, text: String(text) } : { name, text: String(text) });

/** A presence flag, `<none/>` (JSON `"data" : [null]`). */
export const flag = (name: string): JunosElement => ({ name });

export function element(
  name: string,
  children: readonly JunosElement[],
  attributes?: JunosElement['attributes'],
): JunosElement {
  return attributes ? { name, attributes, children } : { name, children };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeXml(text).replace(/"/g, '&quot;');

const attributeText = (node: JunosElement) =>
  (node.attributes ?? []).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');

/**
 * XML as the CLI prints it under `| display xml`: four spaces a level; an element with no children
 * closes on its own line (`<get-software-information>` / `</get-software-information>`).
 */
export function renderXmlIndented(node: JunosElement, depth: number): string[] {
  const at = '    '.repeat(depth);
  const open = `<${node.name}${attributeText(node)}>`;
  if (node.children)
    return [
      `${at}${open}`,
      ...node.children.flatMap((c) => renderXmlIndented(c, depth + 1)),
      `${at}</${node.name}>`,
    ];
  if (node.text === undefined) return [`${at}<${node.name}${attributeText(node)}/>`];
  return [`${at}${open}${escapeXml(node.text)}</${node.name}>`];
}

/** XML as mgd emits it over the REST service: one element per line, no indentation. */
export function renderXml(root: JunosElement): string {
  const lines: string[] = [];
  const visit = (node: JunosElement) => {
    const attributes = attributeText(node);
    if (node.children) {
      lines.push(`<${node.name}${attributes}>`);
      node.children.forEach(visit);
      lines.push(`</${node.name}>`);
    } else if (node.text === undefined) lines.push(`<${node.name}${attributes}/>`);
    else lines.push(`<${node.name}${attributes}>${escapeXml(node.text)}</${node.name}>`);
  };
  visit(root);
  return lines.join('\n') + '\n';
}

const pad = (n: number) => ' '.repeat(n);
const str = (text: string) => JSON.stringify(text);

/**
 * `"attributes" : {"junos:style" : "brief"}`; several wrap under the first, the brace closing
 * one column left of them (as `| display json` prints them).
 */
function renderAttributes(
  attributes: NonNullable<JunosElement['attributes']>,
  indent: number,
  comma: string,
): string {
  const head = `${pad(indent)}"attributes" : {`;
  const pairs = attributes.map(([k, v]) => `${str(k)} : ${str(v)}`);
  if (pairs.length === 1) return `${head}${pairs[0]!}}`;
  const column = head.length;
  return `${head}${pairs.join(`${comma}\n${pad(column)}`)}\n${pad(column - 1)}}`;
}

/**
 * The members of one element's object: attributes, then its children grouped by name; a leaf's
 * `data` comes before its attributes (`"data" : "00:01:09", "attributes" : {"junos:seconds" : "69"}`).
 */
function renderMembers(node: JunosElement, indent: number, comma: string): string[] {
  const members: string[] = [];
  const attributes = node.attributes?.length ? renderAttributes(node.attributes, indent, comma) : undefined;
  if (attributes && node.children) members.push(attributes);
  if (node.children) {
    const groups = new Map<string, JunosElement[]>();
    for (const child of node.children) groups.set(child.name, [...(groups.get(child.name) ?? []), child]);
    for (const [name, items] of groups) {
      const objects = items.map((item) => renderObject(item, indent, comma));
      members.push(`${pad(indent)}${str(name)} : [\n${objects.join(`${comma}\n`)}\n${pad(indent)}]`);
    }
  } else if (node.text === undefined) members.push(`${pad(indent)}"data" : [null]`);
  else if (node.text !== '') members.push(`${pad(indent)}"data" : ${str(node.text)}`);
  if (attributes && !node.children) members.push(attributes);
  return members;
}

function renderObject(node: JunosElement, indent: number, comma: string): string {
  const members = renderMembers(node, indent + 4, comma);
  const body = members.length > 0 ? `${members.join(`${comma}\n`)}\n` : '';
  return `${pad(indent)}{\n${body}${pad(indent)}}`;
}

/**
 * Junos JSON of one reply element, e.g. `{"software-information" : [{"host-name" : [{"data" : …}]}]}`.
 * `comma` ends a member: `, ` on the REST service's JSON, `,` (no trailing space) under the CLI's
 * `| display json` since 17.x (captures of 17.4R1, 18.2R2).
 */
export function renderJunosJson(root: JunosElement, comma = ', '): string {
  return `{\n${renderMembers({ name: '', children: [root] }, 4, comma).join(`${comma}\n`)}\n}\n`;
}
