/**
 * `show configuration | display set|xml|json`: the statement tree of configuration.ts in Junos's
 * other forms. Set lines and XML element names follow `display set` / `display xml` captures
 * (`set interfaces ge-0/0/1 unit 0 family inet address …`; `<interface><name>…</name>`,
 * `<configuration junos:commit-seconds=… junos:commit-localtime=… junos:commit-user=…>`).
 */
import type { ConfigStatement, JunosConfiguration } from './configuration.js';
import { statementWords } from './configuration.js';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function setLines(s: ConfigStatement, path: string): string[] {
  const words = s.folded ? s.name : statementWords(s);
  const here = path ? `${path} ${words}` : words;
  if (!s.children || s.children.length === 0) return [`set ${here}`];
  return s.children.flatMap((c) => setLines(c, here));
}

/** `| display set`: one `set` line per leaf, flag and empty container, in configuration order. */
export function renderConfigurationSet(config: JunosConfiguration): string {
  const entered = config.entered.filter((l) => l.startsWith('set '));
  return [...config.statements.flatMap((s) => setLines(s, '')), ...entered].join('\n');
}

function xmlLines(s: ConfigStatement, depth: number): string[] {
  const at = '    '.repeat(depth);
  if (s.value !== undefined) return [`${at}<${s.name}>${escapeXml(s.value)}</${s.name}>`];
  if (!s.children) return [`${at}<${s.name}/>`];
  const key = s.key === undefined ? [] : [`${at}    <name>${escapeXml(s.key)}</name>`];
  return [
    `${at}<${s.name}>`,
    ...key,
    ...s.children.flatMap((c) => xmlLines(c, depth + 1)),
    `${at}</${s.name}>`,
  ];
}

/**
 * The `<configuration>` element as `| display xml` prints it inside `<rpc-reply>`: its statements
 * one level deeper than the element itself (12 spaces where 8 would be expected, as every capture has it).
 */
export function configurationXmlLines(config: JunosConfiguration): string[] {
  const { seconds, localtime, user } = config.commit;
  return [
    `    <configuration junos:commit-seconds="${seconds}" junos:commit-localtime="${localtime}" junos:commit-user="${user}">`,
    ...config.statements.flatMap((s) => xmlLines(s, 3)),
    '    </configuration>',
  ];
}

const pad = (n: number) => ' '.repeat(n);
const str = (text: string) => JSON.stringify(text);

/** One statement's member of its parent's JSON object; siblings of one list share an array. */
function jsonMembers(statements: readonly ConfigStatement[], indent: number): string[] {
  const groups = new Map<string, ConfigStatement[]>();
  for (const s of statements) groups.set(s.name, [...(groups.get(s.name) ?? []), s]);
  return [...groups].map(([name, items]) => {
    const first = items[0]!;
    const head = `${pad(indent)}${str(name)} : `;
    if (first.value !== undefined) return `${head}${str(first.value)}`;
    if (!first.children) return `${head}[null]`;
    if (first.key === undefined) return `${head}${jsonObject(first.children, [], indent)}`;
    const entries = items.map(
      (item) =>
        `${pad(indent)}${jsonObject(item.children ?? [], [`${pad(indent + 4)}"name" : ${str(item.key!)}`], indent)}`,
    );
    return `${head}[\n${entries.join(',\n')}\n${pad(indent)}]`;
  });
}

function jsonObject(children: readonly ConfigStatement[], first: string[], indent: number): string {
  const members = [...first, ...jsonMembers(children, indent + 4)];
  return members.length === 0 ? `{\n${pad(indent)}}` : `{\n${members.join(',\n')}\n${pad(indent)}}`;
}

/** `| display json`: Junos's configuration JSON (attributes under `"@"`, lists as arrays, flags `[null]`). */
export function renderConfigurationJson(config: JunosConfiguration): string {
  const { seconds, localtime, user } = config.commit;
  const attributes = [
    `${pad(8)}"@" : {`,
    `${pad(12)}"junos:commit-seconds" : ${str(String(seconds))},`,
    `${pad(12)}"junos:commit-localtime" : ${str(localtime)},`,
    `${pad(12)}"junos:commit-user" : ${str(user)}`,
    `${pad(8)}}`,
  ].join('\n');
  return `{\n${pad(4)}"configuration" : ${jsonObject(config.statements, [attributes], 4)}\n}`;
}
