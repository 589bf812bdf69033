import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { readXml, type XmlElement } from '../../src/core/xml/read-xml';

// The one XML reader (role files, SOAP messages) reads text as XML 1.0 defines it. Its reading is
// checked against saxes, an independent conforming parser, over hand-picked cases and random
// documents: both accept or both refuse, and what both accept reads the same.

type Event = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

/** saxes' reading as events, adjacent text merged; or its first error. */
function saxesReading(text: string): { events?: Event[]; error?: string } {
  const parser = new SaxesParser({ position: true });
  const events: Event[] = [];
  let error: string | undefined;
  let depth = 0;
  const pushText = (t: string) => {
    if (depth === 0) return; // outside the root only white space is allowed; saxes reports the rest
    const last = events[events.length - 1];
    if (last?.[0] === 'text') last[1] += t;
    else events.push(['text', t]);
  };
  parser.on('error', (e) => { error ??= e.message; });
  parser.on('opentag', (t) => { depth++; events.push(['open', t.name, { ...(t.attributes as Record<string, string>) }]); });
  parser.on('text', pushText);
  parser.on('cdata', pushText);
  parser.on('closetag', (t) => { depth--; events.push(['close', t.name]); });
  try {
    parser.write(text).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return error ? { error } : { events };
}

/** Our reading as the same events. */
function ourReading(text: string): { events?: Event[]; error?: string } {
  const read = readXml(text);
  if (read.error) return { error: `${read.error.line}:${read.error.column}: ${read.error.message}` };
  const events: Event[] = [];
  const walk = (e: XmlElement) => {
    events.push(['open', e.name, Object.fromEntries(e.attributes.map((a) => [a.name, a.value]))]);
    for (const c of e.children) {
      if (c.kind === 'element') walk(c);
      else if (c.kind === 'text') {
        const last = events[events.length - 1];
        if (last?.[0] === 'text') last[1] += c.value;
        else events.push(['text', c.value]);
      }
    }
    events.push(['close', e.name]);
  };
  walk(read.root);
  return { events };
}

describe('readXml reads what XML says', () => {
  test.each([
    ['numeric character references', '<p>TRAN_CUSTRFN&#68;</p>', 'TRAN_CUSTRFND'],
    ['hexadecimal references', '<p>&#x54;RAN_SALESOR&#X44;</p>'.replace('&#X44;', '&#x44;'), 'TRAN_SALESORD'],
    ['the five predefined entities', '<p>&lt;&gt;&amp;&apos;&quot;</p>', `<>&'"`],
    ['CDATA sections', '<p><![CDATA[<not a tag> & no ref]]></p>', '<not a tag> & no ref'],
    ['CR LF and lone CR as LF', '<p>a\r\nb\rc</p>', 'a\nb\nc'],
    ['a reference to CR kept', '<p>a&#13;b</p>', 'a\rb'],
    ['comments and PIs are not text', '<p>a<!-- c -->b<?pi x?>c</p>', 'abc'],
    ['a character beyond the BMP', '<p>&#x1F600;</p>', '\u{1F600}'],
  ])('%s', (_name, xml, text) => {
    const read = readXml(xml);
    expect(read.error).toBeUndefined();
    expect(read.root!.children.filter((c) => c.kind === 'text').map((c) => (c as { value: string }).value).join('')).toBe(text);
  });

  test('attribute values are normalised (3.3.3) and decoded', () => {
    const read = readXml('<role scriptid="customrole&#95;x&#10;\ty\r\nz"/>');
    expect(read.root!.attributes).toEqual([{ name: 'scriptid', value: 'customrole_x\n y z', start: 6 }]);
  });

  test('every element knows where its tags stand', () => {
    const xml = '<a>\n  <b x="1">t</b>\n  <c/>\n</a>';
    const a = readXml(xml).root!;
    const [b, c] = a.children.filter((x): x is XmlElement => x.kind === 'element');
    expect(xml.slice(b.start, b.openEnd)).toBe('<b x="1">');
    expect(xml.slice(b.closeStart, b.end)).toBe('</b>');
    expect(xml.slice(c.start, c.end)).toBe('<c/>');
    expect(c.selfClosing).toBe(true);
    expect(xml.slice(a.closeStart, a.end)).toBe('</a>');
  });

  test.each([
    ['a DOCTYPE', '<!DOCTYPE role [<!ENTITY x "TRAN_SALESORD">]>\n<role>&x;</role>', 'DOCTYPE is not allowed', 1, 1],
    ['an undefined entity', '<role>\n  <permkey>&nbsp;</permkey></role>', '&nbsp; is not defined', 2, 12],
    ['a reference to a character XML forbids', '<p>&#0;</p>', '&#0; is not a character XML allows', 1, 4],
    ['a reference to a surrogate', '<p>&#xD800;</p>', 'is not a character XML allows', 1, 4],
    ['a bare ampersand', '<p>a & b</p>', "'&' that starts no reference", 1, 6],
    ['a mismatched end tag', '<a>\n<b></a>', '</a> where </b> was expected (<b> opened at line 2, column 1)', 2, 4],
    ['a missing end tag', '<a><b></b>', 'ends inside an element', 1, 11],
    ['an attribute twice', '<a x="1" x="2"/>', 'the attribute x appears twice', 1, 10],
    ['< in an attribute value', '<a x="<"/>', "'<' inside an attribute value", 1, 7],
    ['an unquoted attribute', '<a x=1/>', 'expected a quoted attribute value', 1, 6],
    ['attributes without space', '<a x="1"y="2"/>', 'expected a space', 1, 9],
    [']]> in text', '<a>]]></a>', "']]>' in text", 1, 4],
    ['-- in a comment', '<a><!-- a -- b --></a>', "'--' inside a comment", 1, 11],
    ['a second root', '<a/><b/>', 'a second root element', 1, 5],
    ['text after the root', '<a/>x', 'text after the root element', 1, 5],
    ['an XML declaration later on', '<a/><?xml version="1.0"?>', 'an XML declaration after the start', 1, 5],
    ['a NUL character', '<a>\u0000</a>', 'U+0000', 1, 4],
    ['a lone surrogate', '<a>\ud800</a>', 'U+D800', 1, 4],
    ['no root at all', '<?xml version="1.0"?>', 'no root element', 1, 22],
    ['nesting past the limit', '<a>'.repeat(101) + '</a>'.repeat(101), 'nested deeper than 100', 1, 301],
  ])('refuses %s, with its position', (_name, xml, message, line, column) => {
    const read = readXml(xml);
    expect(read.root).toBeUndefined();
    expect(read.error!.message).toContain(message);
    expect([read.error!.line, read.error!.column]).toEqual([line, column]);
  });
});

describe('readXml agrees with an independent conforming parser (saxes)', () => {
  const cases: Array<[string, string]> = [
    ['an SDF role', '<?xml version="1.0" encoding="UTF-8"?>\n<role scriptid="customrole_x">\n  <name>A &amp; B</name>\n  <permissions>\n    <permission>\n      <permkey>[appid=com.x, scriptid=customrecord_y]</permkey>\n      <permlevel>VIEW</permlevel>\n    </permission>\n  </permissions>\n</role>\n'],
    ['a SOAP envelope', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><x:r xmlns:x="urn:x" xsi:type="y">1</x:r></soapenv:Body></soapenv:Envelope>'],
    ['a BOM before the declaration', '\ufeff<?xml version="1.0"?><a/>'],
    ['a comment and PI around the root', '<!-- c --><?pi x?><a/><!-- d -->\n'],
    ['references in attributes', `<a b='&#39;&quot;' c="&#x9;&#10;"/>`],
  ];
  test.each(cases)('%s', (_name, xml) => {
    expect(ourReading(xml)).toEqual(saxesReading(xml));
  });

  // Random documents built from XML's pieces (names, attributes, references good and bad, CDATA,
  // comments, PIs, line ends), then randomly damaged: both parsers accept or both refuse, and
  // read the same where they accept.
  const name = fc.constantFrom('a', 'role', 'permkey', 'x:y', 'b-c.d', '_e1', 'é', 'ns:el', '1bad', 'a b');
  const piece = fc.constantFrom(
    'text', ' ', '\n', '\r\n', '\r', '\t', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#68;', '&#x41;', '&#0;', '&#xFFFE;', '&#x1F600;',
    '&nbsp;', '&foo;', '&', '&#;', '<', '>', ']]>', ']', ']]', '<![CDATA[c<&]]>', '<!-- c -->', '<!-- a--b -->', '<?pi data?>', '<?xml v?>',
    '"', "'", '\u0001', '\ud83d\ude00', '\ufffe', 'é',
  );
  const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
  const attrValue = fc.array(fc.constantFrom('v', ' ', '\n', '\t', '&amp;', '&#10;', '&#9;', '<', '&', '"', "'", '&#x22;'), { maxLength: 4 }).map((p) => p.join(''));
  const attr = fc.tuple(name, attrValue, fc.constantFrom('"', "'")).map(([n, v, q]) => ` ${n}=${q}${v}${q}`);
  const element: fc.Memo<string> = fc.memo((depth) => fc.tuple(name, fc.array(attr, { maxLength: 3 }), fc.array(fc.oneof(text, depth > 1 ? element(depth - 1) : text), { maxLength: 4 }), fc.boolean())
    .map(([n, attrs, content, empty]) => (empty && !content.length ? `<${n}${attrs.join('')}/>` : `<${n}${attrs.join('')}>${content.join('')}</${n}>`)));
  const doc = fc.tuple(fc.constantFrom('', '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-8"?>\n', '\ufeff', '<!-- c -->', ' '), element(4), fc.constantFrom('', '\n', '<!-- end -->', 'x', '<b/>'))
    .map(([head, root, tail]) => head + root + tail);
  const damaged = fc.tuple(doc, fc.nat(), fc.constantFrom('', '<', '>', '&', '/', '"', '=', ' '), fc.boolean())
    .map(([d, at, ch, cut]) => { const i = at % (d.length + 1); return d.slice(0, i) + ch + d.slice(cut ? i + 1 : i); });

  test('random documents and damaged ones', () => {
    fc.assert(fc.property(fc.oneof(doc, damaged), (xml) => {
      const ours = ourReading(xml);
      const theirs = saxesReading(xml);
      expect({ xml, ok: !ours.error }).toEqual({ xml, ok: !theirs.error });
      if (!ours.error) expect(ours.events).toEqual(theirs.events);
    }), { seed: 20261203, numRuns: process.env.NS_MUTATION ? 200 : 3000 });
  });
});

test('SOAP answers are read by the same reader: references decoded, namespaces resolved', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseXmlTree, child } = require('../../src/core/xml-tree') as typeof import('../../src/core/xml-tree');
  const { root } = parseXmlTree('<s:Envelope xmlns:s="urn:s"><s:Body><r xmlns="urn:m"><code>INSUFFICIENT&#95;PERMISSION</code><n>&#x31;2</n></r></s:Body></s:Envelope>');
  const r = child(child(root, 'Body'), 'r');
  expect([r?.ns, child(r, 'code')?.text, child(r, 'n')?.text]).toEqual(['urn:m', 'INSUFFICIENT_PERMISSION', '12']);
  expect(parseXmlTree('<a>&nbsp;</a>').error).toMatch(/&nbsp; is not defined .*\(line 1, column 4\)$/);
});

describe('references at the edges of what XML allows (mutants the focused run showed alive)', () => {
  const text = (xml: string) => {
    const read = readXml(xml);
    if (read.error) return { error: read.error.message };
    return { text: read.root.children.map((c) => (c.kind === 'text' ? c.value : '')).join('') };
  };

  test.each([
    ['&lt;', '<'], ['&gt;', '>'], ['&amp;', '&'], ['&apos;', "'"], ['&quot;', '"'],
    ['&#x9;', '\t'], ['&#xA;', '\n'], ['&#xD;', '\r'], ['&#x20;', ' '],
    ['&#xD7FF;', '\ud7ff'], ['&#xE000;', '\ue000'], ['&#xFFFD;', '\ufffd'], ['&#x10000;', '\u{10000}'], ['&#x10FFFF;', '\u{10ffff}'],
  ])('%s is the character it names', (ref, ch) => {
    expect(text(`<a>x${ref}y</a>`)).toEqual({ text: `x${ch}y` });
  });

  test.each([['&#x1F;'], ['&#xD800;'], ['&#xDFFF;'], ['&#xFFFE;'], ['&#xFFFF;'], ['&#x110000;'], ['&#0;'], ['&#x8;']])('%s names a character XML forbids: refused', (ref) => {
    expect(text(`<a>${ref}</a>`).error).toMatch(/is not a character XML allows/);
  });

  test.each([['\ud800'], ['\udc00x'], ['\ufffe'], ['\u0001']])('a raw character XML forbids (%j) is refused', (raw) => {
    expect(text(`<a>${raw}</a>`)).toHaveProperty('error');
  });

  test('a surrogate pair written raw is one character, allowed', () => {
    expect(text('<a>\u{1d11e}</a>')).toEqual({ text: '\u{1d11e}' });
  });

  test('text outside the root is refused and says which side', () => {
    expect(text('x<a/>').error).toMatch(/text before the root element/);
    expect(text('<a/>x').error).toMatch(/text after the root element/);
  });
});
