/** The API handlers for the glossary's exchange formats, spread into createApiHandlers. */
import type { ApiHandlers } from '../../../shared/api/contract';
import type { GlossaryStore } from './glossary-store';
import { exportGlossaryFile } from './glossary-exchange';

type ExchangeHandlers = Pick<ApiHandlers, 'exportGlossary'>;

export function createGlossaryExchangeHandlers(glossary: GlossaryStore): ExchangeHandlers {
  return {
    async exportGlossary({ format, lang }) {
      const file = exportGlossaryFile(glossary, format, lang === undefined ? {} : { lang });
      return { fileName: file.fileName, bytes: new TextEncoder().encode(file.text), warnings: file.warnings };
    },
  };
}
