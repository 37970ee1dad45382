/** macOS shows ⌘ and uses Cmd where other systems use Ctrl. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
