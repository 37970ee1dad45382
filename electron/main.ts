/**
 * The Electron shell: wires the plain-Node services to a sandboxed window. No logic lives here;
 * everything it calls is tested without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { registerApiHandlers } from './ipc-router';
import { registerAppScheme, serveRendererFrom } from './app-protocol';
import { findNativeBinding } from './native-binding';
import { createApiHandlers } from './services/api-handlers';
import { GlossaryStore } from './services/glossary/glossary-store';
import { GLOSSARY_FILE_NAME } from './services/user-data';
import { TRANSCRIPT_FILE_FILTERS } from './transcript-file-filters';
import { APP_ENTRY_URL, isAppUrl, mainWindowOptions } from './window-options';

// dist/electron/main.cjs → the app root is two folders up.
const appRoot = join(__dirname, '..', '..');
const nativeDir = app.isPackaged ? join(process.resourcesPath, 'native') : join(appRoot, 'native');

app.setName('Glossa');
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // No page may open windows or navigate away from the app; links open in the system browser.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app
    .whenReady()
    .then(async () => {
      const glossary = GlossaryStore.open(join(app.getPath('userData'), GLOSSARY_FILE_NAME), {
        nativeBinding: findNativeBinding(nativeDir),
      });
      app.on('will-quit', () => glossary.close());

      serveRendererFrom(join(appRoot, 'dist', 'renderer'));
      registerApiHandlers(
        ipcMain,
        createApiHandlers({
          glossary,
          mode: 'electron',
          version: app.getVersion(),
          chooseTranscriptFile: async () => {
            const options = { properties: ['openFile' as const], filters: TRANSCRIPT_FILE_FILTERS };
            const result = mainWindow
              ? await dialog.showOpenDialog(mainWindow, options)
              : await dialog.showOpenDialog(options);
            return result.canceled ? null : (result.filePaths[0] ?? null);
          },
        }),
      );

      mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs')));
      mainWindow.once('ready-to-show', () => mainWindow?.show());
      mainWindow.on('closed', () => (mainWindow = undefined));
      await mainWindow.loadURL(APP_ENTRY_URL);
    })
    .catch((error: unknown) => {
      // One readable line for the person, the details for whoever reads the log.
      console.error(error);
      dialog.showErrorBox('Glossa could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());
}
