import { readFileSync } from 'node:fs';
import { TERM_CATEGORIES, type GlossaryEntry, type TermCategory } from '../../../shared/glossary/types';
import {
  GLOSSARY_EXPORT_FORMATS,
  type GlossaryExportFormat,
} from '../../../shared/api/contract-glossary-exchange';
import { writeFileAtomic } from '../../services/atomic-write';
import { exportGlossaryFile, importGlossaryFile } from '../../services/glossary/glossary-exchange';
import type { GlossaryStore } from '../../services/glossary/glossary-store';
import type { CommandContext } from '../context';
import { glossarySyncCommand } from './glossary-sync';
import { openGlossary } from '../glossary-source';
import { UsageError } from '../usage';

type Action = (ctx: CommandContext, store: GlossaryStore, args: string[]) => number;

const ACTIONS: Record<string, Action> = {
  import(ctx, store, [file]) {
    if (!file)
      throw new UsageError('glossary import: which file? (.csv, .json, .tbx, Vale .yml or accept.txt)');
    const text = readFileSync(file, 'utf8');
    const lang = ctx.option('lang');
    const summary = importGlossaryFile(store, text, file, lang === undefined ? {} : { lang });
    ctx.out(
      `${file}: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged (${store.count()} entries in ${store.path})`,
    );
    return 0;
  },
  export(ctx, store) {
    const format = ctx.option('format') ?? 'csv';
    if (!isExportFormat(format))
      throw new UsageError(`glossary export: --format must be one of ${GLOSSARY_EXPORT_FORMATS.join(', ')}`);
    const lang = ctx.option('lang');
    const { text: output, warnings } = exportGlossaryFile(store, format, lang === undefined ? {} : { lang });
    const target = ctx.option('o');
    if (target) writeFileAtomic(target, output);
    else ctx.out(output.replace(/\n$/, ''));
    for (const warning of warnings) process.stderr.write(`glossa: warning: ${warning}\n`);
    return 0;
  },
  list(ctx, store) {
    const category = ctx.option('category');
    if (category !== undefined && !isCategory(category)) throw new UsageError(categoryMessage(category));
    printEntries(ctx, store.list(category ? { category } : {}));
    return 0;
  },
  search(ctx, store, words) {
    const query = words.join(' ').trim();
    if (!query) throw new UsageError('glossary search: what to search for?');
    const limit = Number(ctx.option('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError('glossary search: --limit must be a positive whole number');
    printEntries(ctx, store.search(query, limit));
    return 0;
  },
  add(ctx, store, words) {
    const term = words.join(' ').trim();
    if (!term) throw new UsageError('glossary add: which term?');
    const category = ctx.option('category');
    if (category !== undefined && !isCategory(category)) throw new UsageError(categoryMessage(category));
    const entry = store.add({
      term,
      category,
      forms: splitList(ctx.option('forms')),
      variants: splitList(ctx.option('variants')),
      notes: ctx.option('notes'),
      source: ctx.option('source'),
    });
    ctx.out(`added ${entry.term} (${entry.category}) ${entry.id}`);
    return 0;
  },
  remove(ctx, store, words) {
    const termOrId = words.join(' ').trim();
    if (!termOrId) throw new UsageError('glossary remove: which term?');
    const entry = store.findByTerm(termOrId) ?? store.get(termOrId);
    if (!entry || !store.remove(entry.id)) {
      ctx.out(`${termOrId}: not in the glossary`);
      return 1;
    }
    ctx.out(`removed ${entry.term}`);
    return 0;
  },
};

export async function glossaryCommand(ctx: CommandContext): Promise<number> {
  const [actionName, ...args] = ctx.positionals;
  if (actionName === 'sync') return glossarySyncCommand(ctx);
  const action = actionName ? ACTIONS[actionName] : undefined;
  if (!action) {
    throw new UsageError(
      `glossary: expected one of ${[...Object.keys(ACTIONS), 'sync'].join(', ')}${actionName ? `, not "${actionName}"` : ''}`,
    );
  }
  const store = openGlossary(ctx.option('db'), { mustExist: false });
  try {
    return action(ctx, store, args);
  } finally {
    store.close();
  }
}

function printEntries(ctx: CommandContext, entries: GlossaryEntry[]): void {
  for (const entry of entries) {
    const extras = [
      entry.forms.length ? `forms: ${entry.forms.join(', ')}` : '',
      entry.variants.length ? `variants: ${entry.variants.map((v) => v.text).join(', ')}` : '',
    ].filter(Boolean);
    ctx.out(`${entry.term}\t${entry.category}${extras.length ? `\t${extras.join('; ')}` : ''}`);
  }
  ctx.out(entries.length === 1 ? '1 entry' : `${entries.length} entries`);
}

function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split('|')
    .map((item) => item.trim())
    .filter(Boolean);
}

function isExportFormat(value: string): value is GlossaryExportFormat {
  return (GLOSSARY_EXPORT_FORMATS as readonly string[]).includes(value);
}

function isCategory(value: string): value is TermCategory {
  return (TERM_CATEGORIES as readonly string[]).includes(value);
}

function categoryMessage(value: string): string {
  return `unknown category "${value}": use one of ${TERM_CATEGORIES.join(', ')}`;
}
