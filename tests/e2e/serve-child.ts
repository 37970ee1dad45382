/**
 * Browser mode exactly as `npm run web` runs it (runBrowserMode), for the end-to-end tests that
 * kill the server mid-edit: `GLOSSA_USER_DATA=<dir> node --import tsx tests/e2e/serve-child.ts`.
 * It prints "Glossa is running at <url>" once it listens.
 */
import { runBrowserMode } from '../../electron/web/run-browser-mode';

await runBrowserMode();
