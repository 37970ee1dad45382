/**
 * The Electron shell: wires the plain-Node services to a sandboxed window. No logic lives here;
 * everything it calls is tested without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, screen, shell } from 'electron';
import { join } from 'node:path';
import { MENU_COMMAND_CHANNEL } from '../shared/api/menu-commands';
import { registerApiHandlers } from './ipc-router';
import { registerAppScheme, serveRendererFrom } from './app-protocol';
import { buildMenuTemplate } from './menu-template';
import { findNativeBinding } from './native-binding';
import { createApiHandlers } from './services/api-handlers';
import { GlossaryStore } from './services/glossary/glossary-store';
import { createKeychainSecretStore, TEAM_SECRETS_FILE_NAME } from './services/team/secret-store';
import { TEAM_SETTINGS_FILE_NAME } from './services/team/team-settings';
import { TeamSyncService } from './services/team/team-sync-service';
import { mediaSourceOf } from './services/media/media-source';
import { MediaService } from './services/media/media-service';
import { GLOSSARY_FILE_NAME, WORKSPACE_FILE_NAME } from './services/user-data';
import { WorkspaceStore } from './services/workspace/workspace-store';
import { createWindowStateSaver, loadWindowState, WINDOW_STATE_FILE_NAME } from './services/window-state';
import { MEDIA_FILE_FILTERS, TRANSCRIPT_FILE_FILTERS } from './transcript-file-filters';
import { guardWebContents } from './web-contents-guard';
import { APP_ENTRY_URL, mainWindowOptions } from './window-options';

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
    guardWebContents(contents, (url) => void shell.openExternal(url));
  });

  app
    .whenReady()
    .then(async () => {
      const nativeBinding = findNativeBinding(nativeDir);
      const glossary = GlossaryStore.open(join(app.getPath('userData'), GLOSSARY_FILE_NAME), {
        nativeBinding,
      });
      app.on('will-quit', () => glossary.close());
      const workspace = WorkspaceStore.open(join(app.getPath('userData'), WORKSPACE_FILE_NAME), {
        nativeBinding,
      });
      app.on('will-quit', () => workspace.close());
      // Team sync: the server password is encrypted by the OS keychain (safeStorage), never stored as text.
      const teamSync = new TeamSyncService({
        glossary,
        settingsPath: join(app.getPath('userData'), TEAM_SETTINGS_FILE_NAME),
        secrets: createKeychainSecretStore(
          join(app.getPath('userData'), TEAM_SECRETS_FILE_NAME),
          safeStorage,
        ),
      });
      app.on('before-quit', () => void teamSync.close());
      void teamSync.start();

      const media = new MediaService({ workspace, uploadsDir: join(app.getPath('userData'), 'media') });
      serveRendererFrom(join(appRoot, 'dist', 'renderer'), mediaSourceOf(media));
      registerApiHandlers(
        ipcMain,
        createApiHandlers({
          glossary,
          workspace,
          mode: 'electron',
          version: app.getVersion(),
          media,
          teamSync,
          chooseTranscriptFile: async () => {
            const options = { properties: ['openFile' as const], filters: TRANSCRIPT_FILE_FILTERS };
            const result = mainWindow
              ? await dialog.showOpenDialog(mainWindow, options)
              : await dialog.showOpenDialog(options);
            return result.canceled ? null : (result.filePaths[0] ?? null);
          },
          chooseMediaFile: async () => {
            const options = { properties: ['openFile' as const], filters: MEDIA_FILE_FILTERS };
            const result = mainWindow
              ? await dialog.showOpenDialog(mainWindow, options)
              : await dialog.showOpenDialog(options);
            return result.canceled ? null : (result.filePaths[0] ?? null);
          },
          chooseSavePath: async (suggestedName) => {
            const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
            const result = mainWindow
              ? await dialog.showSaveDialog(mainWindow, options)
              : await dialog.showSaveDialog(options);
            return result.canceled ? null : (result.filePath ?? null);
          },
        }),
      );

      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            platform: process.platform,
            appName: app.name,
            isPackaged: app.isPackaged,
            send: (command) => mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command),
          }),
        ),
      );

      // The window opens where it was last closed (or centred on the primary display).
      const windowStatePath = join(app.getPath('userData'), WINDOW_STATE_FILE_NAME);
      const primaryDisplay = screen.getPrimaryDisplay();
      const otherDisplays = screen.getAllDisplays().filter((display) => display.id !== primaryDisplay.id);
      const windowState = loadWindowState(
        windowStatePath,
        [primaryDisplay, ...otherDisplays].map((display) => display.workArea),
      );
      const win = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs'), windowState.bounds));
      mainWindow = win;
      const windowStateSaver = createWindowStateSaver({
        path: windowStatePath,
        read: () => ({ bounds: win.getNormalBounds(), maximized: win.isMaximized() }),
        onError: (error) => console.error('Could not save the window position:', error),
      });
      const saveWindowStateSoon = () => windowStateSaver.schedule();
      win.on('resize', saveWindowStateSoon);
      win.on('move', saveWindowStateSoon);
      win.on('maximize', saveWindowStateSoon);
      win.on('unmaximize', saveWindowStateSoon);
      // A move or resize still waiting to be saved is saved while the window still exists.
      win.on('close', () => windowStateSaver.flush());
      win.once('ready-to-show', () => {
        if (windowState.maximized) win.maximize();
        win.show();
      });
      win.on('closed', () => {
        windowStateSaver.cancel();
        mainWindow = undefined;
      });
      await win.loadURL(APP_ENTRY_URL);
    })
    .catch((error: unknown) => {
      // One readable line for the person, the details for whoever reads the log.
      console.error(error);
      dialog.showErrorBox('Glossa could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());
}
