/**
 * What the XML reader says when it refuses, and where: each malformed form with its message, line
 * and column, and the details of what it reads (references, line ends, the declaration). The
 * agreement tests in xml-reader.test.ts check accept-or-refuse against saxes; these pin our own
 * words and places, which are what a user reads. Written against the mutants of
 * src/core/xml/read-xml.ts that the agreement tests leave alive.
 */
import { ownText, readXml, xmlEscape } from '../../src/core/xml/read-xml';

const said = (text: string) => {
  const r = readXml(text);
  return r.error ? `${r.error.line}:${r.error.column} ${r.error.message}` : `ok ${JSON.stringify(ownText(r.root))}`;
};

test.each([
  ['<?xml version="1.0"', '1:1 an XML declaration that does not end'],
  ['<?xml version="2.0"?><a/>', '1:1 a malformed XML declaration'],
  ['<?xml version="1.0"standalone="yes"?><a/>', '1:1 a malformed XML declaration'],
  ['<?xml version="1.0" standalone="maybe"?><a/>', '1:1 a malformed XML declaration'],
  ['<?xml version="1.0" encoding="-x"?><a/>', '1:1 a malformed XML declaration'],
  ['<?xml version="1.0" encoding="latin1"?><a/>', '1:21 the document declares encoding "latin1"; only UTF-8 is read (SDF files are UTF-8): save it as UTF-8 and change the declaration'],
  ['<?xml version="1.0" encoding="UTF-16"?><a/>', '1:21 the document declares encoding "UTF-16"; only UTF-8 is read (SDF files are UTF-8): save it as UTF-8 and change the declaration'],
  ['<!-- open <a/>', '1:1 a comment that does not end'],
  ['<?pi x', '1:1 a processing instruction that does not end'],
  ['<?pi!x?><a/>', '1:5 expected a space after the processing instruction target'],
  ['<a b="1', '1:8 an attribute value that does not end'],
  ['<a><![CDATA[x</a>', '1:4 a CDATA section that does not end'],
  ['<a><!DOCTYPE x></a>', '1:4 a declaration inside an element'],
  ['<a>x &bogus; y</a>', '1:6 &bogus; is not defined (XML defines &lt; &gt; &amp; &apos; &quot; and numeric references; a document without a DTD can use no other)'],
  ['<a>x & y</a>', "1:6 '&' that starts no reference (write &amp;)"],
  [`<a>&${'x'.repeat(45)};</a>`, "1:4 '&' that starts no reference (write &amp;)"],
  ['<a>&#xZZ;</a>', '1:4 &#xZZ; is not a character XML allows'],
  ['<a>&#;</a>', '1:4 &#; is not a character XML allows'],
  ['<a>x ]]> y</a>', "1:6 ']]>' in text (write ]]&gt;)"],
  ['<a></b>', '1:4 </b> where </a> was expected (<a> opened at line 1, column 1)'],
  ['<a b>', "1:5 expected '=' after the attribute b"],
  ['</a>', '1:2 expected an element name after <'],
  ['<?xml version="1.0"?>\n<a>\n  <b>&nope;</b>\n</a>', '3:6 &nope; is not defined (XML defines &lt; &gt; &amp; &apos; &quot; and numeric references; a document without a DTD can use no other)'],
  ['<a\n  b="1"\n  c>', "3:4 expected '=' after the attribute c"],
])('%j is refused: %s', (text, message) => {
  expect(said(text)).toBe(message);
});

test.each([
  ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a/>', 'ok ""'],
  ["<?xml version='1.1' encoding='us-ascii'?><a/>", 'ok ""'],
  ['<?xml  version = "1.0"  encoding = "utf8" ?><a/>', 'ok ""'],
  ['<?pi?><a/>', 'ok ""'],
  ['<?pi\tdata?><a>x</a>', 'ok "x"'],
  ['<a><!-- x -->y</a>', 'ok "y"'],
  ['<a><![CDATA[x<&]]>y</a>', 'ok "x<&y"'],
  ['<a>&#x41;&#66;&lt;&gt;&amp;&apos;&quot;</a>', 'ok "AB<>&\'\\""'],
  ['<a>\r\nx\ry\r\n</a>', 'ok "\\nx\\ny\\n"'],
  ['<a>x<b>inner</b>y</a>', 'ok "xy"'],
])('%j is read: %s', (text, reading) => {
  expect(said(text)).toBe(reading);
});

test('attribute values: line ends and tabs become spaces, references decoded', () => {
  const r = readXml('<a b="1\r\n2\r3\t4&amp;5"/>');
  expect(r.root?.attributes).toEqual([{ name: 'b', value: '1 2 3 4&5', start: 3 }]);
});

test('children keep each text run, element, comment and instruction with their places', () => {
  const r = readXml('<a>x<!--c--><?p d?><b/>y</a>');
  expect(r.root?.children.map((c) => `${c.kind}@${c.start}`)).toEqual(['text@3', 'comment@4', 'pi@12', 'element@19', 'text@23']);
});

test('xmlEscape writes the five characters as references and drops what XML cannot hold', () => {
  expect(xmlEscape('a&b<c>d"e\u0001f\uffffg\'h')).toBe('a&amp;b&lt;c&gt;d&quot;efg\'h');
});
