import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, isMenuCommand } from '../../../shared/api/menu-commands';

describe('menu commands', () => {
  it('recognises exactly the listed commands', () => {
    for (const command of MENU_COMMANDS) expect(isMenuCommand(command)).toBe(true);
    for (const other of [
      '',
      'Open',
      'toString',
      '__proto__',
      'constructor',
      1,
      null,
      undefined,
      {},
      ['open'],
    ]) {
      expect(isMenuCommand(other)).toBe(false);
    }
  });

  it('has no duplicates', () => {
    expect(new Set(MENU_COMMANDS).size).toBe(MENU_COMMANDS.length);
  });
});
