#!/usr/bin/env node
// The `glossa` command. It runs the TypeScript sources through tsx, so the CLI is always the code
// in the checkout, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
