/**
 * The glossary's exchange formats (CSV, Glossa JSON, TBX, Vale), named once for the API, the CLI and
 * the renderer. No zod here, so the renderer can import it without the contract's schemas.
 */

/** What the glossary can be exported as. */
export const GLOSSARY_EXPORT_FORMATS = ['csv', 'json', 'tbx', 'vale', 'vale-vocab'] as const;
export type GlossaryExportFormat = (typeof GLOSSARY_EXPORT_FORMATS)[number];

/** What imports read, told apart by extension: .tbx/.xml TBX, .yml/.yaml a Vale rule, .txt a Vale accept.txt. */
export const GLOSSARY_IMPORT_EXTENSIONS = ['.csv', '.json', '.tbx', '.xml', '.yml', '.yaml', '.txt'] as const;

/** How each export format is named to a person. */
export const GLOSSARY_EXPORT_LABELS: Readonly<Record<GlossaryExportFormat, string>> = {
  csv: 'CSV (spreadsheet)',
  json: 'Glossa JSON (keeps accepted counts)',
  tbx: 'TBX (translation tools)',
  vale: 'Vale substitution rule (.yml)',
  'vale-vocab': 'Vale vocabulary (accept.txt)',
};
