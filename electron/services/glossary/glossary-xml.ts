/**
 * A small, safe XML reader for glossary files (TBX): fast-xml-parser's validator for well-formedness
 * (it names the line), then a plain element tree with every element's line.
 *
 * Safety: no entity declarations are honoured. A DOCTYPE with an internal subset (where entities
 * are declared: billion laughs, external entities) is refused; a DOCTYPE that only names a DTD is
 * allowed and never fetched. Only the five predefined entities and character references are decoded,
 * by us rather than the parser, so no expansion can grow the text.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { GlossaryImportError } from './glossary-errors';
import { LineIndex } from './line-index';

export interface XmlElement {
  /** The element's name without a namespace prefix ("basic:administrativeStatus" → "administrativeStatus"). */
  name: string;
  /** Attribute values, decoded; names as written ("xml:lang", "type"). */
  attributes: Readonly<Record<string, string>>;
  children: readonly XmlNode[];
  /** 1-based line of the element's start tag. */
  line: number;
}

export type XmlNode = XmlElement | { text: string };

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** One item of fast-xml-parser's preserveOrder output: { tag: children, ':@': attributes }. */
type OrderedItem = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false, // decoded by decodeText: predefined entities and character references only
  htmlEntities: false,
  captureMetaData: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: '#cdata',
  commentPropName: false,
});
// Typed as the Symbol wrapper object by the library; it is a symbol primitive.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** Parses a whole XML document and returns its root element; throws GlossaryImportError with the line. */
export function readXmlDocument(text: string, file: string): XmlElement {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (withoutBom.trim() === '') throw new GlossaryImportError({ file }, 'The file is empty');
  const lines = new LineIndex(withoutBom);
  refuseEntityDeclarations(withoutBom, file, lines);
  const valid = XMLValidator.validate(withoutBom);
  if (valid !== true) {
    throw new GlossaryImportError({ file, line: valid.err.line }, `Not well-formed XML: ${valid.err.msg}`);
  }
  const items = parser.parse(withoutBom) as OrderedItem[];
  const roots = items.flatMap((item) => {
    const element = toElement(item, file, lines);
    return element ? [element] : [];
  });
  const [root, second] = roots;
  if (!root) throw new GlossaryImportError({ file }, 'The file has no root element');
  if (second) {
    throw new GlossaryImportError({ file, line: second.line }, 'A second root element; an XML file has one');
  }
  return root;
}

/** The element children named (prefix-free) one of `names`. */
export function childElements(element: XmlElement, ...names: string[]): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => 'name' in child && (names.length === 0 || names.includes(child.name)),
  );
}

/** All text inside an element, inline markup (e.g. TBX `<hi>`) included. */
export function textContent(element: XmlElement): string {
  return element.children.map((child) => ('name' in child ? textContent(child) : child.text)).join('');
}

function toElement(item: OrderedItem, file: string, lines: LineIndex): XmlElement | undefined {
  const tag = Object.keys(item).find((key) => key !== ':@');
  // Processing instructions ("?xml") and text between top-level nodes are not elements.
  if (tag === undefined || tag.startsWith('?') || tag.startsWith('#')) return undefined;
  const meta = (item as Record<symbol, { startIndex?: number } | undefined>)[META];
  const line = lines.lineAt(meta?.startIndex ?? 0);
  const rawAttributes = (item[':@'] ?? {}) as Record<string, string>;
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawAttributes)) {
    attributes[name] = decodeText(String(value), file, line);
  }
  const children: XmlNode[] = [];
  for (const child of (item[tag] ?? []) as OrderedItem[]) {
    if ('#text' in child) children.push({ text: decodeText(String(child['#text']), file, line) });
    else if ('#cdata' in child) children.push({ text: cdataText(child['#cdata']) });
    else {
      const element = toElement(child, file, lines);
      if (element) children.push(element);
    }
  }
  return { name: localName(tag), attributes, children, line };
}

function cdataText(value: unknown): string {
  return Array.isArray(value) ? value.map((part: OrderedItem) => String(part['#text'] ?? '')).join('') : '';
}

function localName(tag: string): string {
  const colon = tag.indexOf(':');
  return colon === -1 ? tag : tag.slice(colon + 1);
}

/** Decodes `&amp;`-style entities and `&#8217;`/`&#x2019;`; any other named entity is refused. */
function decodeText(raw: string, file: string, line: number): string {
  return raw.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z_][\w.-]*));/gu, (match, hex, dec, name) => {
    if (typeof name === 'string') {
      const value = PREDEFINED_ENTITIES[name];
      if (value === undefined) {
        throw new GlossaryImportError(
          { file, line },
          `Unknown entity ${match}; only &amp; &lt; &gt; &quot; &apos; and character references are read`,
        );
      }
      return value;
    }
    const code = typeof hex === 'string' ? Number.parseInt(hex, 16) : Number.parseInt(String(dec), 10);
    if (!Number.isSafeInteger(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) {
      throw new GlossaryImportError({ file, line }, `${match} is not a valid character reference`);
    }
    return String.fromCodePoint(code);
  });
}

/** Entity declarations live in a DOCTYPE's internal subset ("[ … ]"); refusing it refuses them all. */
function refuseEntityDeclarations(text: string, file: string, lines: LineIndex): void {
  const doctype = /<!DOCTYPE\b[^[>]*\[/iu.exec(text);
  const entity = /<!ENTITY\b/iu.exec(text);
  const found = doctype ?? entity;
  if (!found) return;
  throw new GlossaryImportError(
    { file, line: lines.lineAt(entity?.index ?? found.index) },
    'The DOCTYPE declares entities; such files are refused (they can expand without limit or read other files)',
  );
}
