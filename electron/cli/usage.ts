/** The CLI's help text and its usage error (exit code 2). */
export const USAGE = `glossa — check machine transcripts against a glossary of correctly spelled names

Usage:
  glossa check FILE [--glossary G] [--format text|json]
      Suggest corrections for FILE. G is a glossary .db, .csv or .json
      (default: the app's glossary).
  glossa convert FILE --to json|txt [-o OUT]
      Write the transcript as Glossa's lossless JSON or as readable text.
  glossa export FILE --to txt|md|html|docx|srt|vtt|json [-o OUT] [--no-speakers]
                [--timestamps none|paragraph|segment] [--no-header] [--clean] [--drop-flagged]
      Export a transcript (a Glossa JSON file brings its fact-check flags). Without -o, the
      export is written beside FILE with the format's extension. --clean drops fillers and
      stutters; --drop-flagged leaves flagged passages out.
  glossa report CORRECTED --original ORIGINAL [--glossary G] [--format csv|html] [-o OUT]
      The corrections report for fact-checkers: every change from ORIGINAL to CORRECTED
      (time, heard, corrected, glossary entry and its source). Without -o, printed.
  glossa names FILE [--glossary G] [--format text|json]
      List the capitalised names in FILE that are neither in the glossary nor ordinary
      English words, with counts: the candidates to add to the glossary.
  glossa glossary import FILE [--lang L] [--db PATH]
      Import a glossary, merged by term, all or nothing: .csv, .json, TBX (.tbx/.xml; the
      language L, default en, or each entry's first), a Vale substitution rule (.yml/.yaml;
      swaps become variants) or a Vale vocabulary's accept.txt (.txt; lines become terms).
  glossa glossary export [--format csv|json|tbx|vale|vale-vocab] [--lang L] [-o OUT] [--db PATH]
      tbx: TBX-Basic (xml:lang L, default en); vale: a substitution rule (variant → term);
      vale-vocab: accept.txt (terms and forms, regex-escaped).
  glossa glossary list [--category C] [--db PATH]
  glossa glossary search QUERY [--limit N] [--db PATH]
  glossa glossary add TERM [--category C] [--forms "A|B"] [--variants "X|Y"]
                           [--notes TEXT] [--source URL] [--db PATH]
  glossa glossary remove TERM [--db PATH]
  glossa glossary sync (--folder DIR | --postgres URL) [--as NAME] [--db PATH] [--format text|json]
      One team sync round: publish this glossary's changes, merge everyone else's, print what
      changed and the open conflicts. DIR is a shared folder (network drive, Dropbox, Syncthing);
      URL is postgres://USER@HOST:PORT/DATABASE[?sslmode=require|verify-full] (password in the
      URL or PGPASSWORD). --as NAME is the name your changes carry.
  glossa accept HEARD --term TERM [--db PATH] [--undo]
      Record that HEARD (as the transcript had it) meant TERM (the entry's term or id):
      HEARD becomes a variant of TERM, so the next check suggests it. --undo takes one back.
  glossa reject HEARD --term TERM [--db PATH] [--undo]
      Record that HEARD is not TERM: it is not suggested again (and stops being a variant
      of TERM). --undo withdraws the rejection.

Formats read: plain text (incl. podcast pages), speaker-block text, SRT, WebVTT,
Whisper / WhisperX / whisper.cpp JSON, Glossa JSON.
Without --db, the glossary is the app's own (GLOSSA_USER_DATA overrides its folder).`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure a person can act on, said in one line (exit code 1): an unknown term, nothing to undo, … */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}
