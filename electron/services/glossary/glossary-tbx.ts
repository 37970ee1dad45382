/**
 * TBX (TermBase eXchange, ISO 30042), the termbase format of translation tools, read and written.
 *
 * Read: TBX v2 (`<martif>`, TBX-Basic/TBX-Core) and v3 (`<tbx>`, ISO 30042:2019, DCA style and the
 * DCT style's prefixed elements). Each `termEntry`/`conceptEntry` is one glossary entry, taken
 * from the `langSet`/`langSec` in the chosen language (or the entry's first). Its terms map by
 * administrative status: preferred (or, without one, the first term) → term; admitted → forms;
 * deprecated, superseded, forbidden, obsolete → variants. Definitions and notes → notes; sources
 * and cross-references → source; a subject field that names a Glossa category → category (any
 * other subject field is kept as a line of the notes).
 *
 * Written: TBX-Basic v2, one termEntry per entry, which reads back to the same entries.
 */
import type { GlossaryEntry } from '../../../shared/glossary/types';
import { GlossaryImportError } from './glossary-errors';
import type { ImportedEntry } from './glossary-import';
import { isTermCategory } from './glossary-validation';
import { childElements, readXmlDocument, textContent, type XmlElement } from './glossary-xml';

export interface TbxOptions {
  /** The language to read or write (BCP 47, e.g. "en" or "en-GB"); default "en". */
  lang?: string;
}

export const DEFAULT_TBX_LANG = 'en';

type TermRole = 'term' | 'form' | 'variant';

/** Administrative status values (with or without the "-admn-sts" suffix, any case) → role. */
const STATUS_ROLES: Readonly<Record<string, TermRole>> = {
  preferredterm: 'term',
  standardizedterm: 'term',
  admittedterm: 'form',
  legalterm: 'form',
  regulatedterm: 'form',
  deprecatedterm: 'variant',
  supersededterm: 'variant',
  forbidden: 'variant',
  forbiddenterm: 'variant',
  obsolete: 'variant',
  obsoleteterm: 'variant',
};

const STATUS_TYPES = new Set(['administrativeStatus', 'normativeAuthorization']);
const NOTE_TYPES = new Set(['definition', 'note', 'explanation']);

/** What the non-term elements of an entry, a language section or a term say. */
interface EntryInfo {
  notes: string[];
  sources: string[];
  subjectFields: string[];
}

interface TbxTerm {
  text: string;
  role: TermRole | undefined;
  info: EntryInfo;
}

export function parseGlossaryTbx(text: string, file: string, options: TbxOptions = {}): ImportedEntry[] {
  const root = readXmlDocument(text, file);
  if (root.name !== 'martif' && root.name !== 'tbx') {
    throw new GlossaryImportError(
      { file, line: root.line },
      `Not a TBX file: the root element is <${root.name}>, expected <martif> (TBX v2) or <tbx> (TBX v3)`,
    );
  }
  const body = childElements(root, 'text').flatMap((textElement) => childElements(textElement, 'body'))[0];
  if (!body) throw new GlossaryImportError({ file, line: root.line }, 'Not a TBX file: no <text><body>');
  const wanted = (options.lang ?? DEFAULT_TBX_LANG).toLowerCase();
  const fileLang = root.attributes['xml:lang'] ?? '';
  return childElements(body, 'termEntry', 'conceptEntry').map((entry) =>
    readEntry(entry, { file, wanted, fileLang }),
  );
}

function readEntry(
  entry: XmlElement,
  context: { file: string; wanted: string; fileLang: string },
): ImportedEntry {
  const location = { file: context.file, line: entry.line };
  const langSets = childElements(entry, 'langSet', 'langSec');
  const chosen =
    langSets.find((langSet) =>
      langMatches(langSet.attributes['xml:lang'] ?? context.fileLang, context.wanted),
    ) ?? langSets[0];
  if (!chosen) throw new GlossaryImportError(location, `<${entry.name}> has no <langSet> (or <langSec>)`);
  const terms = childElements(chosen, 'tig', 'ntig', 'termSec').map((group) => readTerm(group, context.file));
  const preferred =
    terms.find((term) => term.role === 'term') ??
    terms.find((term) => term.role === undefined) ??
    terms.find((term) => term.role === 'form');
  if (!preferred) {
    throw new GlossaryImportError(
      { file: context.file, line: chosen.line },
      terms.length === 0
        ? 'This language section has no term'
        : 'Every term here is deprecated or superseded; one must be preferred or admitted',
    );
  }
  const others = terms.filter((term) => term !== preferred);
  const info = mergeInfo([readInfo(entry), readInfo(chosen), preferred.info]);
  const categoryField = info.subjectFields.find((field) => isTermCategory(field.trim().toLowerCase()));
  const otherFields = info.subjectFields.filter((field) => field !== categoryField);
  return {
    fields: {
      term: preferred.text,
      category: categoryField ?? '',
      forms: others.filter((term) => term.role !== 'variant').map((term) => term.text),
      variants: others
        .filter((term) => term.role === 'variant')
        .map((term) => ({ text: term.text, acceptedCount: 0 })),
      notes: [...info.notes, ...otherFields.map((field) => `Subject field: ${field}`)].join('\n'),
      source: info.sources.join('; '),
    },
    location,
  };
}

/** "en" matches "en", "EN", "en-GB"; "en-GB" matches only itself. */
function langMatches(lang: string, wanted: string): boolean {
  const actual = lang.toLowerCase();
  return actual === wanted || actual.startsWith(`${wanted}-`);
}

function readTerm(group: XmlElement, file: string): TbxTerm {
  // ntig holds its term and status in a termGrp; tig and termSec hold them directly.
  const parts = [group, ...childElements(group, 'termGrp')];
  const termElement = parts.flatMap((part) => childElements(part, 'term'))[0];
  if (!termElement)
    throw new GlossaryImportError({ file, line: group.line }, `<${group.name}> has no <term>`);
  let role: TermRole | undefined;
  for (const part of parts) {
    for (const element of childElements(part)) {
      const category = dataCategory(element);
      if (category === undefined || !STATUS_TYPES.has(category)) continue;
      role = statusRole(textContent(element), file, element.line);
    }
  }
  return { text: textContent(termElement), role, info: mergeInfo(parts.map(readInfo)) };
}

function statusRole(raw: string, file: string, line: number): TermRole {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/-admn-sts$/u, '');
  const role = STATUS_ROLES[key];
  if (role) return role;
  throw new GlossaryImportError(
    { file, line },
    `Unknown administrative status "${raw.trim()}"; expected preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts`,
  );
}

/**
 * The data category an element carries: `<descrip type="definition">` (TBX v2, v3 DCA) or
 * `<basic:definition>` (TBX v3 DCT, prefix already dropped); `<note>` and `<xref>` are their own.
 */
function dataCategory(element: XmlElement): string | undefined {
  if (['descrip', 'admin', 'termNote', 'ref'].includes(element.name)) return element.attributes.type;
  if (
    ['term', 'termGrp', 'descripGrp', 'adminGrp', 'transacGrp', 'langSet', 'langSec'].includes(element.name)
  ) {
    return undefined;
  }
  return element.name;
}

/** Notes, sources and subject fields among an element's children (descripGrp/adminGrp included). */
function readInfo(element: XmlElement): EntryInfo {
  const info: EntryInfo = { notes: [], sources: [], subjectFields: [] };
  for (const child of childElements(element)) {
    if (child.name === 'descripGrp' || child.name === 'adminGrp') {
      const inner = readInfo(child);
      info.notes.push(...inner.notes);
      info.sources.push(...inner.sources);
      info.subjectFields.push(...inner.subjectFields);
      continue;
    }
    const category = dataCategory(child);
    const value = textContent(child).trim();
    if (category === 'xref') {
      const target = (child.attributes.target ?? '').trim();
      if (target !== '' || value !== '') info.sources.push(target || value);
    } else if (value === '') continue;
    else if (category !== undefined && NOTE_TYPES.has(category)) info.notes.push(value);
    else if (category === 'source') info.sources.push(value);
    else if (category === 'subjectField') info.subjectFields.push(value);
  }
  return info;
}

function mergeInfo(parts: readonly EntryInfo[]): EntryInfo {
  return {
    notes: parts.flatMap((part) => part.notes),
    sources: parts.flatMap((part) => part.sources),
    subjectFields: parts.flatMap((part) => part.subjectFields),
  };
}

/** TBX-Basic v2 (`<martif>`); entries in the order given. */
export function formatGlossaryTbx(entries: readonly GlossaryEntry[], options: TbxOptions = {}): string {
  const lang = escapeXml(options.lang ?? DEFAULT_TBX_LANG);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">',
    `<martif type="TBX-Basic" xml:lang="${lang}">`,
    '  <martifHeader>',
    '    <fileDesc>',
    '      <sourceDesc>',
    '        <p>Exported from Glossa</p>',
    '      </sourceDesc>',
    '    </fileDesc>',
    '    <encodingDesc>',
    '      <p type="XCSURI">TBXBasicXCSV02.xcs</p>',
    '    </encodingDesc>',
    '  </martifHeader>',
    '  <text>',
    '    <body>',
    ...entries.flatMap((entry) => formatEntry(entry, lang)),
    '    </body>',
    '  </text>',
    '</martif>',
  ];
  return `${lines.join('\n')}\n`;
}

function formatEntry(entry: GlossaryEntry, lang: string): string[] {
  const tig = (text: string, status: string) =>
    `          <tig><term>${escapeXml(text)}</term><termNote type="administrativeStatus">${status}</termNote></tig>`;
  return [
    // An xml:id must not start with a digit, as a UUID may.
    `      <termEntry id="glossa-${escapeXml(entry.id)}">`,
    ...(entry.category === 'other'
      ? []
      : [`        <descrip type="subjectField">${escapeXml(entry.category)}</descrip>`]),
    ...(entry.notes === '' ? [] : [`        <note>${escapeXml(entry.notes)}</note>`]),
    ...(entry.source === '' ? [] : [`        <admin type="source">${escapeXml(entry.source)}</admin>`]),
    `        <langSet xml:lang="${lang}">`,
    tig(entry.term, 'preferredTerm-admn-sts'),
    ...entry.forms.map((form) => tig(form, 'admittedTerm-admn-sts')),
    ...entry.variants.map((variant) => tig(variant.text, 'deprecatedTerm-admn-sts')),
    '        </langSet>',
    '      </termEntry>',
  ];
}

/** Escapes text for element content and double-quoted attributes alike. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&apos;');
}
