/**
 * Vale (the prose linter) files, read and written:
 * - a substitution rule (`extends: substitution`, `swap: { heard: term }`): each known mishearing of
 *   a term becomes a swap from its (escaped) spelling to the term; reading, every swap key's
 *   spellings become variants of the value's term;
 * - a vocabulary's accept.txt (`styles/config/vocabularies/<Name>/accept.txt`): one term or form a
 *   line, escaped; reading, each line's spellings become terms.
 * Keys and lines are regular expressions to Vale; see vale-regex for which ones read as spellings.
 */
import {
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  YAMLException,
  dump,
  getScalarValue,
  parseEvents,
  type Event,
} from 'js-yaml';
import type { GlossaryEntry } from '../../../shared/glossary/types';
import { GlossaryImportError } from './glossary-errors';
import type { ImportedEntry } from './glossary-import';
import { textKey } from './glossary-text';
import { LineIndex } from './line-index';
import { ValeRegexError, escapeValeRegex, literalAlternatives } from './vale-regex';

export interface FormattedExport {
  text: string;
  /** What did not fit the format, said in one line each. */
  warnings: string[];
}

export const VALE_SUBSTITUTION_MESSAGE = "Use '%s' instead of '%s'.";

/** Each variant → its term, as a Vale substitution rule (save as e.g. styles/Glossa/Names.yml). */
export function formatValeSubstitution(entries: readonly GlossaryEntry[]): FormattedExport {
  const swap: Record<string, string> = {};
  const owners = new Map<string, string>();
  const warnings: string[] = [];
  for (const entry of entries) {
    for (const variant of entry.variants) {
      // ignorecase: true, so spellings that differ only in case are one key to Vale.
      const key = textKey(variant.text);
      const owner = owners.get(key);
      if (owner !== undefined) {
        if (owner !== entry.term) {
          warnings.push(
            `"${variant.text}" is a variant of both "${owner}" and "${entry.term}"; the rule suggests "${owner}"`,
          );
        }
        continue;
      }
      owners.set(key, entry.term);
      swap[escapeValeRegex(variant.text)] = entry.term;
    }
  }
  const rule = {
    extends: 'substitution',
    message: VALE_SUBSTITUTION_MESSAGE,
    level: 'error',
    ignorecase: true,
    action: { name: 'replace' },
    swap,
  };
  const header =
    '# Vale substitution rule exported by Glossa: each known mishearing → the correct spelling.\n';
  return { text: header + dump(rule, { quoteStyle: 'single', lineWidth: -1 }), warnings };
}

/** Terms and forms, one escaped spelling a line, as a Vale vocabulary's accept.txt. */
export function formatValeVocabulary(entries: readonly GlossaryEntry[]): FormattedExport {
  const lines = new Set(entries.flatMap((entry) => [entry.term, ...entry.forms]).map(escapeValeRegex));
  return { text: [...lines].map((line) => `${line}\n`).join(''), warnings: [] };
}

/** Reads an accept.txt: each line's spellings become terms. Blank lines and "#" comments are skipped. */
export function parseValeVocabulary(text: string, file: string): ImportedEntry[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const entries: ImportedEntry[] = [];
  withoutBom.split(/\r\n?|\n/u).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const location = { file, line: index + 1 };
    for (const term of spellings(line, location)) {
      entries.push({ fields: plainFields(term), location });
    }
  });
  if (entries.length === 0) throw new GlossaryImportError({ file }, 'The file lists no terms');
  return entries;
}

/** Reads a substitution rule: every swap key's spellings become variants of the value's term. */
export function parseValeSubstitution(text: string, file: string): ImportedEntry[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (withoutBom.trim() === '') throw new GlossaryImportError({ file }, 'The file is empty');
  const lines = new LineIndex(withoutBom);
  const root = readYaml(withoutBom, file, lines);
  const at = (node: YamlNode) => ({ file, line: lines.lineAt(node.start) });
  if (root.kind !== 'mapping') {
    throw new GlossaryImportError(at(root), 'Not a Vale rule: expected keys such as "extends" and "swap"');
  }
  const extendsNode = valueOf(root, 'extends');
  if (extendsNode?.kind !== 'scalar' || extendsNode.value !== 'substitution') {
    const found = extendsNode?.kind === 'scalar' ? ` (this rule extends ${extendsNode.value})` : '';
    throw new GlossaryImportError(
      extendsNode ? at(extendsNode) : { file },
      `Not a Vale substitution rule${found}: expected "extends: substitution"`,
    );
  }
  const swap = valueOf(root, 'swap');
  if (swap?.kind !== 'mapping') {
    throw new GlossaryImportError(
      swap ? at(swap) : { file },
      'The rule has no "swap" map of heard: term pairs',
    );
  }
  return swap.pairs.map(([key, value]) => {
    const location = at(key);
    if (key.kind !== 'scalar' || value.kind !== 'scalar') {
      throw new GlossaryImportError(location, 'Each swap pair must be text: heard text → term');
    }
    const term = readReplacement(value.value, location);
    const variants = spellings(key.value, location).map((variant) => ({ text: variant, acceptedCount: 0 }));
    return { fields: { ...plainFields(term), variants }, location };
  });
}

function readReplacement(value: string, location: { file: string; line: number }): string {
  if (value.trim() === '') {
    throw new GlossaryImportError(location, 'An empty replacement (a deletion) names no term');
  }
  if (value.includes('|')) {
    throw new GlossaryImportError(
      location,
      `"${value}" suggests several replacements; a glossary variant has one term`,
    );
  }
  if (/\$\d/u.test(value)) {
    throw new GlossaryImportError(location, `"${value}" uses a capture group ($1…), which names no term`);
  }
  return value;
}

function spellings(pattern: string, location: { file: string; line: number }): string[] {
  try {
    return literalAlternatives(pattern);
  } catch (error) {
    if (!(error instanceof ValeRegexError)) throw error;
    throw new GlossaryImportError(location, `Cannot read "${pattern}" as spellings: ${error.message}`);
  }
}

function plainFields(term: string) {
  return { term, category: '', forms: [], variants: [], notes: '', source: '' };
}

/** A YAML node with where it starts, built from js-yaml's event stream (aliases are refused). */
type YamlNode =
  | { kind: 'scalar'; value: string; start: number }
  | { kind: 'mapping'; pairs: Array<[YamlNode, YamlNode]>; start: number }
  | { kind: 'sequence'; start: number };

function valueOf(mapping: Extract<YamlNode, { kind: 'mapping' }>, key: string): YamlNode | undefined {
  return mapping.pairs.find(([name]) => name.kind === 'scalar' && name.value === key)?.[1];
}

function readYaml(text: string, file: string, lines: LineIndex): YamlNode {
  let events: Event[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: 20 });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const line = error.mark ? error.mark.line + 1 : undefined;
    throw new GlossaryImportError({ file, line }, `Not valid YAML: ${error.reason}`);
  }
  const documents = events.filter((event) => event.type === EVENT_DOCUMENT).length;
  if (documents !== 1) throw new GlossaryImportError({ file }, 'Expected one YAML document (one rule)');
  let position = 1; // after the document event
  const next = (): YamlNode => {
    const event = events[position++];
    if (!event) throw new GlossaryImportError({ file }, 'The YAML ends too early');
    switch (event.type) {
      case EVENT_SCALAR:
        return { kind: 'scalar', value: getScalarValue(text, event), start: event.valueStart };
      case EVENT_MAPPING: {
        const pairs: Array<[YamlNode, YamlNode]> = [];
        while (events[position]?.type !== EVENT_POP) pairs.push([next(), next()]);
        position++;
        return { kind: 'mapping', pairs, start: event.start };
      }
      case EVENT_SEQUENCE: {
        while (events[position]?.type !== EVENT_POP) next();
        position++;
        return { kind: 'sequence', start: event.start };
      }
      case EVENT_ALIAS:
        // A rule file needs no aliases, and refusing them rules out alias bombs.
        throw new GlossaryImportError(
          { file, line: lines.lineAt(event.anchorStart) },
          'YAML aliases (*name) are not read in a glossary rule',
        );
      default:
        throw new GlossaryImportError({ file }, 'Unexpected YAML structure');
    }
  };
  return next();
}
