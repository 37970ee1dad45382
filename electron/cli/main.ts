/**
 * The `glossa` command line. Errors a person can act on go to stderr as one line with exit code 1;
 * usage mistakes exit 2; an unexpected failure also prints one line (set GLOSSA_DEBUG=1 for the
 * stack).
 */
import { parseArgs } from 'node:util';
import { checkCommand } from './commands/check';
import { convertCommand } from './commands/convert';
import { acceptCommand, rejectCommand } from './commands/decide';
import { exportCommand } from './commands/export';
import { glossaryCommand } from './commands/glossary';
import { namesCommand } from './commands/names';
import { reportCommand } from './commands/report';
import type { CommandContext } from './context';
import { toApiFailure } from '../services/api-errors';
import { CommandError, USAGE, UsageError } from './usage';

const COMMANDS: Record<string, (ctx: CommandContext) => Promise<number>> = {
  check: checkCommand,
  convert: convertCommand,
  export: exportCommand,
  report: reportCommand,
  glossary: glossaryCommand,
  names: namesCommand,
  accept: acceptCommand,
  reject: rejectCommand,
};

const OPTIONS = {
  glossary: { type: 'string' },
  format: { type: 'string' },
  to: { type: 'string' },
  o: { type: 'string', short: 'o' },
  output: { type: 'string' },
  db: { type: 'string' },
  category: { type: 'string' },
  forms: { type: 'string' },
  variants: { type: 'string' },
  notes: { type: 'string' },
  source: { type: 'string' },
  limit: { type: 'string' },
  term: { type: 'string' },
  undo: { type: 'boolean' },
  original: { type: 'string' },
  timestamps: { type: 'string' },
  'no-speakers': { type: 'boolean' },
  'no-header': { type: 'boolean' },
  clean: { type: 'boolean' },
  'drop-flagged': { type: 'boolean' },
  lang: { type: 'string' },
  folder: { type: 'string' },
  postgres: { type: 'string' },
  as: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(argv);
    const [commandName, ...rest] = positionals;
    if (values.help || !commandName) {
      io.stdout(USAGE);
      return values.help ? 0 : 2;
    }
    const command = COMMANDS[commandName];
    if (!command) throw new UsageError(`unknown command "${commandName}"`);
    const options = values as Record<string, string | boolean | undefined>;
    return await command({
      positionals: rest,
      option: (name) => {
        const value = options[name] ?? (name === 'o' ? options.output : undefined);
        return typeof value === 'string' ? value : undefined;
      },
      flag: (name) => options[name] === true,
      out: io.stdout,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`glossa: ${error.message}\nRun "glossa --help" for usage.`);
      return 2;
    }
    if (error instanceof CommandError) {
      io.stderr(`glossa: ${error.message}`);
      return 1;
    }
    if (process.env.GLOSSA_DEBUG) console.error(error);
    io.stderr(`glossa: ${readableMessage(error)}`);
    return 1;
  }
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** File-system errors name the file; our own errors already say what and where. */
function readableMessage(error: unknown): string {
  if (error instanceof Error && 'code' in error && 'path' in error && typeof error.path === 'string') {
    const reasons: Record<string, string> = {
      ENOENT: 'no such file or folder',
      EACCES: 'permission denied',
      EISDIR: 'is a folder, not a file',
      ENOSPC: 'the disk is full',
    };
    const reason = reasons[String(error.code)];
    if (reason) return `${error.path}: ${reason}`;
  }
  return toApiFailure(error, () => undefined).message;
}
