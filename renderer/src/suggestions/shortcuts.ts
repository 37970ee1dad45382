/**
 * The shortcut table moved to ../shortcuts/ (table.ts for the defaults, store.ts for the keymap in
 * effect with the person's changes). Kept for the modules that only need the platform.
 */
export { isMac } from '../shortcuts/platform';
