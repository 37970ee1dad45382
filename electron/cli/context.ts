/** What a command gets: its words, its options, and where to write. */
export interface CommandContext {
  positionals: string[];
  option(name: string): string | undefined;
  out(text: string): void;
}
