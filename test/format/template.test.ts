/** The command template language: what renders, what is refused at compile time, and its bounds. */
import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  TemplateRenderError,
  type Catalogue,
  type Scope,
} from '../../simulator/format/template.js';

const CATALOGUE: Catalogue = {
  hostname: 'text',
  up: 'flag',
  labels: 'map',
  ports: { list: { name: 'text', note: 'text', connected: 'flag' } },
};

const SCOPE = {
  hostname: 'r1',
  up: true,
  labels: { role: 'edge' },
  ports: [
    { name: 'Gi1', note: 'uplink', connected: true },
    { name: 'Gi2', note: '', connected: false },
  ],
};

function render(source: string, scope: Scope = SCOPE, max = 10_000): string {
  const { template, problems } = compileTemplate(source, CATALOGUE);
  expect(problems).toEqual([]);
  return template!.render(scope, max);
}

describe('command templates', () => {
  it.each([
    ['plain text', 'no tags at all', 'no tags at all'],
    ['a variable, spaces inside braces allowed', 'host {{ hostname }}!', 'host r1!'],
    ['a map key', 'role={{labels.role}} site={{labels.site}}', 'role=edge site='],
    ['each with fields and @index', '{{#each ports}}{{@index}}:{{name}} {{/each}}', '0:Gi1 1:Gi2 '],
    ['root names inside each', '{{#each ports}}{{hostname}}/{{name}},{{/each}}', 'r1/Gi1,r1/Gi2,'],
    ['if / else on a flag', '{{#each ports}}{{#if connected}}+{{else}}-{{/if}}{{/each}}', '+-'],
    [
      'unless on empty text',
      '{{#each ports}}{{#unless note}}({{name}} bare){{/unless}}{{/each}}',
      '(Gi2 bare)',
    ],
    ['if on a list is "not empty"', '{{#if ports}}has ports{{/if}}', 'has ports'],
    [
      '@first and @last',
      '{{#each ports}}{{#if @first}}[{{/if}}{{name}}{{#if @last}}]{{/if}}{{/each}}',
      '[Gi1Gi2]',
    ],
    ['left and right padding', '|{{left hostname 5}}|{{right hostname 5}}|', '|r1   |   r1|'],
    ['padding never cuts', '{{left hostname 1}}', 'r1'],
    ['comments print nothing', 'a{{! a note }}b', 'ab'],
    ['escaped braces', '\\{{hostname}} is {{hostname}}', '{{hostname}} is r1'],
    ['a flag prints as true/false', '{{up}}', 'true'],
    ['no HTML escaping', '{{hostname}}', '<&>'],
  ])('%s', (_name, source, expected) => {
    const scope = source === '{{hostname}}' ? { ...SCOPE, hostname: '<&>' } : SCOPE;
    expect(render(source, scope)).toBe(expected);
  });

  it('drops lines that hold only a block tag, as Handlebars does', () => {
    const source = 'Ports:\n{{#each ports}}\n  {{name}}\n{{/each}}\nend\n';
    expect(render(source)).toBe('Ports:\n  Gi1\n  Gi2\nend\n');
    expect(render('  {{! note }}\nx')).toBe('x');
  });

  it.each([
    ['{{nope}}', 1, 1, /unknown variable "nope"; valid: hostname, up, labels, ports/],
    ['a\n  {{#each ports}}{{name}}', 2, 3, /\{\{#each\}\} is never closed/],
    ['{{/if}}', 1, 1, /closes nothing/],
    ['{{#each ports}}{{/if}}', 1, 16, /does not close \{\{#each\}\}/],
    ['{{#each hostname}}{{/each}}', 1, 1, /hostname is text, not a list/],
    ['{{ports}}', 1, 1, /ports is a list/],
    ['{{labels}}', 1, 1, /labels is a map/],
    ['{{hostname.x}}', 1, 1, /has no keys/],
    ['{{#each ports}}{{nam}}{{/each}}', 1, 16, /unknown variable "nam" inside \{\{#each ports\}\}/],
    ['{{name}}', 1, 1, /unknown variable "name"/],
    ['{{@index}}', 1, 1, /only has a meaning inside/],
    ['{{#with ports}}{{/with}}', 1, 1, /unknown block/],
    ['{{left hostname 0}}', 1, 1, /width from 1 to 200/],
    ['{{hostname | upper}}', 1, 1, /is not a variable, a block or a helper/],
    ['{{}}', 1, 1, /empty/],
    ['x {{hostname', 1, 3, /never closed by "\}\}"/],
    ['{{else}}', 1, 1, /belongs inside/],
    ['{{constructor}}', 1, 1, /unknown variable "constructor"/],
  ])('refuses %j at %i:%i', (source, line, column, message) => {
    const { template, problems } = compileTemplate(source, CATALOGUE);
    expect(template).toBeUndefined();
    expect(problems[0]).toMatchObject({ line, column });
    expect(problems[0]!.message).toMatch(message);
  });

  it('reads own properties only: prototype names print nothing', () => {
    const { template } = compileTemplate('[{{labels.constructor}}][{{labels.__proto__}}]', CATALOGUE);
    expect(template!.render(SCOPE, 100)).toBe('[][]');
  });

  it('stops a render whose output passes the bound', () => {
    const { template } = compileTemplate(
      '{{#each ports}}{{#each ports}}0123456789{{/each}}{{/each}}',
      CATALOGUE,
    );
    expect(template!.render(SCOPE, 40)).toHaveLength(40);
    expect(() => template!.render(SCOPE, 39)).toThrow(TemplateRenderError);
  });

  it('stops a render that works too long without printing', () => {
    const many = { ...SCOPE, ports: Array.from({ length: 200 }, () => SCOPE.ports[1]) };
    const source = '{{#each ports}}{{#each ports}}{{#each ports}}{{note}}{{/each}}{{/each}}{{/each}}';
    const { template } = compileTemplate(source, CATALOGUE);
    expect(() => template!.render(many, 1000)).toThrow(/steps/);
  });

  it('renders the same bytes every time', () => {
    const source = '{{#each ports}}{{left name 6}}{{right note 8}}\n{{/each}}';
    expect(render(source)).toBe(render(source));
  });
});
