/** What a command gets: its words, its options, and where to write. */
export interface CommandContext {
  positionals: string[];
  option(name: string): string | undefined;
  /** True when a boolean option (e.g. --undo) was given. */
  flag(name: string): boolean;
  out(text: string): void;
}
