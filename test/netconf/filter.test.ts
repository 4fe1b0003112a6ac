/** Subtree filters on RFC 6241 §6.4's own examples, list keys, and the XPath subset. */
import { describe, expect, it } from 'vitest';
import { applySubtree, xpathToSubtree } from '../../simulator/netconf/filter.js';
import { parseXml, renderXml, type XmlElement } from '../../simulator/netconf/xml.js';

const NS = 'http://example.com/schema/1.2/config';

/** RFC 6241 §6.4.1's data, with `user` entries keyed by `name` (as yang-xml marks list entries). */
const DATA = `<top xmlns="${NS}"><users>
<user><name>root</name><type>superuser</type><full-name>Charlie Root</full-name>
  <company-info><dept>1</dept><id>1</id></company-info></user>
<user><name>fred</name><type>admin</type><full-name>Fred Flintstone</full-name>
  <company-info><dept>2</dept><id>2</id></company-info></user>
<user><name>barney</name><type>admin</type><full-name>Barney Rubble</full-name>
  <company-info><dept>2</dept><id>3</id></company-info></user>
</users><interfaces><interface ifName="eth0"><ifInOctets>45621</ifInOctets></interface>
<interface ifName="eth1"><ifInOctets>7</ifInOctets></interface></interfaces></top>`;

const keyed = (node: XmlElement): XmlElement => ({
  ...node,
  ...(node.name === 'user' ? { keys: ['name'] } : {}),
  children: node.children.map(keyed),
});
const parse = (text: string): XmlElement => {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.root;
};
const data = [keyed(parse(DATA))];
/** The filter's top-level nodes, as `<filter>`'s children arrive. */
const filter = (body: string) =>
  parse(`<filter xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">${body}</filter>`).children;
const run = (body: string) =>
  applySubtree(data, filter(body))
    .map((n) => renderXml(n))
    .join('');
const top = (inner: string) => `<top xmlns="${NS}">${inner}</top>`;

describe('subtree filters (RFC 6241 §6.4)', () => {
  it('§6.4.2: an empty filter selects nothing', () => {
    expect(applySubtree(data, filter(''))).toEqual([]);
  });

  it('§6.4.3: a selection node takes the whole subtree', () => {
    const out = run(top('<users/>'));
    expect(out).toContain('<full-name>Barney Rubble</full-name>');
    expect(out).not.toContain('interfaces');
  });

  it('§6.4.4: selecting one leaf of every entry', () => {
    expect(run(top('<users><user><name/></user></users>'))).toBe(
      top(
        '<users><user><name>root</name></user><user><name>fred</name></user><user><name>barney</name></user></users>',
      ),
    );
  });

  it('§6.4.5: a content match on the key alone takes the whole entry', () => {
    const out = run(top('<users><user><name>fred</name></user></users>'));
    expect(out).toContain(
      '<full-name>Fred Flintstone</full-name><company-info><dept>2</dept><id>2</id></company-info>',
    );
    expect(out).not.toContain('root');
  });

  it('§6.4.6: a content match with selections takes those leaves of that entry', () => {
    expect(run(top('<users><user><name>fred</name><type/><full-name/></user></users>'))).toBe(
      top(
        '<users><user><name>fred</name><type>admin</type><full-name>Fred Flintstone</full-name></user></users>',
      ),
    );
  });

  it('§6.4.7: several subtrees, each entry asked by its key', () => {
    const out = run(
      top(
        '<users><user><name>root</name><company-info/></user>' +
          '<user><name>fred</name><company-info><id/></company-info></user>' +
          '<user><name>barney</name><type>superuser</type><company-info/></user></users>',
      ),
    );
    expect(out).toBe(
      top(
        '<users><user><name>root</name><company-info><dept>1</dept><id>1</id></company-info></user>' +
          '<user><name>fred</name><company-info><id>2</id></company-info></user></users>',
      ),
    );
  });

  it('§6.2.5: selecting inside list entries returns each entry with its key leaves', () => {
    expect(run(top('<users><user><company-info><dept/></company-info></user></users>'))).toBe(
      top(
        '<users><user><name>root</name><company-info><dept>1</dept></company-info></user>' +
          '<user><name>fred</name><company-info><dept>2</dept></company-info></user>' +
          '<user><name>barney</name><company-info><dept>2</dept></company-info></user></users>',
      ),
    );
  });

  it('several content matches must all hold', () => {
    expect(run(top('<users><user><name>fred</name><type>admin</type><id/></user></users>'))).toBe('');
    expect(run(top('<users><user><type>admin</type><dept/><full-name/></user></users>'))).toBe(
      top(
        '<users><user><name>fred</name><type>admin</type><full-name>Fred Flintstone</full-name></user>' +
          '<user><name>barney</name><type>admin</type><full-name>Barney Rubble</full-name></user></users>',
      ),
    );
  });

  it('§6.2.2: an attribute match keeps only the nodes carrying that value', () => {
    expect(run(top('<interfaces><interface ifName="eth0"><ifInOctets/></interface></interfaces>'))).toBe(
      top('<interfaces><interface ifName="eth0"><ifInOctets>45621</ifInOctets></interface></interfaces>'),
    );
    expect(run(top('<interfaces><interface ifName="eth9"/></interfaces>'))).toBe('');
  });

  it('a namespace that differs selects nothing; no namespace (or the inherited base one) matches any', () => {
    expect(run('<top xmlns="http://example.com/other"><users/></top>')).toBe('');
    expect(run('<top><users><user><name>root</name><type/></user></users></top>')).toBe(
      top('<users><user><name>root</name><type>superuser</type></user></users>'),
    );
    expect(applySubtree(data, [parse('<top xmlns=""><users/></top>')])).toHaveLength(1);
  });

  it('a filter that matches nothing selects nothing', () => {
    expect(run(top('<users><user><name>wilma</name></user></users>'))).toBe('');
    expect(run(top('<groups/>'))).toBe('');
    expect(run(top('<users><user><nickname/></user></users>'))).toBe('');
  });
});

describe('XPath filters as subtree filters', () => {
  const ns = new Map([
    ['t', NS],
    ['o', 'http://example.com/other'],
  ]);
  const xpath = (select: string) => {
    const converted = xpathToSubtree(select, ns);
    if (!converted.ok) throw new Error(converted.message);
    return applySubtree(data, converted.filter)
      .map((n) => renderXml(n))
      .join('');
  };

  it('child steps with an equality predicate select like the subtree filter would', () => {
    expect(xpath("/t:top/t:users/t:user[t:name='fred']/t:type")).toBe(
      top('<users><user><name>fred</name><type>admin</type></user></users>'),
    );
    expect(xpath('/t:top/users/user[name="barney"][type="admin"]/full-name')).toBe(
      top(
        '<users><user><name>barney</name><type>admin</type><full-name>Barney Rubble</full-name></user></users>',
      ),
    );
  });

  it('a union of paths under one top node is one filter', () => {
    const converted = xpathToSubtree('/t:top/t:users/t:user/t:name | /t:top/t:interfaces', ns);
    expect(converted.ok && converted.filter).toHaveLength(1);
    const out = xpath('/t:top/t:users/t:user/t:name | /t:top/t:interfaces');
    expect(out).toContain('<name>barney</name>');
    expect(out).toContain('ifInOctets');
  });

  it('a slash or a bar inside a quoted key value is part of the value, not a step', () => {
    const converted = xpathToSubtree("/t:top/t:interfaces/t:interface[t:name='eth0/1|x']/t:type", ns);
    expect(converted.ok).toBe(true);
    const key = converted.ok ? converted.filter[0]!.children[0]!.children[0]!.children[0] : undefined;
    expect(key).toMatchObject({ name: 'name', text: 'eth0/1|x' });
  });

  it('a path into another namespace selects nothing', () => {
    expect(xpath('/o:top/o:users')).toBe('');
  });

  it.each([
    ['//user', /absolute path/],
    ['t:top/t:users', /absolute path/],
    ['/t:top/t:users/t:user[1]', /predicate/],
    ["/t:top/t:users/t:user[contains(t:name,'f')]", /not a step|predicate/],
    ['count(/t:top/t:users/t:user)', /absolute path/],
    ['/x:top', /prefix "x" is not declared/],
    ['/t:top/../t:users', /not a step/],
    ['/t:top/*', /not a step/],
  ])('refuses %s, saying what is served', (select, why) => {
    const converted = xpathToSubtree(select, ns);
    expect(converted.ok).toBe(false);
    if (!converted.ok) expect(converted.message).toMatch(why);
  });
});
