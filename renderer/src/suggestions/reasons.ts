import type { SuggestionReason } from '../../../shared/engine/suggestion';

/** How each reason reads in the panel and on cards. */
export const REASON_LABELS: Record<SuggestionReason, string> = {
  variant: 'known mishearing',
  sound: 'sounds like',
  spelling: 'spelled like',
  acronym: 'acronym letters',
  consistency: 'spelled differently elsewhere',
};

export function formatScore(score: number): string {
  return `${Math.round(score * 100)}%`;
}
