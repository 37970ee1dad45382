/**
 * Team sync in the app (issue 7): keeps the local glossary in step with the team's shared folder
 * or PostgreSQL server. One round runs on start, then on a timer and soon after the shared folder
 * changes; never two at once. A failed round keeps its reason (one line) for the status and is
 * retried by the timer; local changes not yet published stay queued in the glossary meanwhile.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type {
  SyncReportSummary,
  TeamSyncConfigureResult,
  TeamSyncMode,
  TeamSyncStatus,
} from '../../../shared/api/contract-team';
import type { SyncReport } from '../../../shared/glossary/sync-types';
import type { GlossaryStore } from '../glossary/glossary-store';
import type { SyncTransport } from '../glossary/sync/transport';
import type { SecretStore } from './secret-store';
import {
  loadTeamSettings,
  postgresSecretName,
  saveTeamSettings,
  splitPostgresUrl,
  type TeamSettings,
} from './team-settings';
import { realSyncMachinery, type TeamSyncMachinery } from './team-transports';

/** A team sync problem said in one line for the person (never a stack trace or a password). */
export class TeamSyncError extends Error {
  override readonly name = 'TeamSyncError';
}

export interface TeamSyncServiceOptions {
  glossary: GlossaryStore;
  /** team-sync.json in the user-data folder. */
  settingsPath: string;
  secrets: SecretStore;
  machinery?: TeamSyncMachinery;
  /** Quiet time after a shared-folder change before the round (default 500 ms). */
  folderDebounceMs?: number;
  /** Delay before publishing a resolution or a verified mark (default 300 ms). */
  publishSoonMs?: number;
}

export interface TeamSyncConfiguration {
  author: string;
  mode: TeamSyncMode;
  folder?: string;
  postgresUrl?: string;
  /** Absent or '' keeps the saved password. */
  password?: string;
  forgetPassword?: boolean;
  intervalSeconds?: number;
}

export class TeamSyncService {
  private readonly glossary: GlossaryStore;
  private readonly secrets: SecretStore;
  private readonly machinery: TeamSyncMachinery;
  private readonly settingsPath: string;
  private readonly folderDebounceMs: number;
  private readonly publishSoonMs: number;
  private settings: TeamSettings;
  private transport: SyncTransport | null = null;
  private stopWatching: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private running: Promise<SyncReport> | null = null;
  private queued: Promise<SyncReport> | null = null;
  /** New settings being put in place (configure). */
  private switching: Promise<void> | null = null;
  private lastSyncAt: string | null = null;
  private lastError: string | null = null;
  private lastReport: SyncReportSummary | null = null;
  private merges = 0;
  /** The open-conflict count and the glossary stamp it was counted at (the panel polls status). */
  private conflictCount: { stamp: string; open: number } | null = null;
  /**
   * Whether the server's password is saved, for the status the panel polls every few seconds: a
   * keychain read decrypts a file, so it is asked once per server address and after each change.
   */
  private passwordSaved: { url: string; saved: boolean } | null = null;
  private closed = false;

  constructor(options: TeamSyncServiceOptions) {
    this.glossary = options.glossary;
    this.secrets = options.secrets;
    this.settingsPath = options.settingsPath;
    this.machinery = options.machinery ?? realSyncMachinery;
    this.folderDebounceMs = options.folderDebounceMs ?? 500;
    this.publishSoonMs = options.publishSoonMs ?? 300;
    this.settings = loadTeamSettings(this.settingsPath);
    if (this.settings.author !== '') this.glossary.setAuthor(this.settings.author);
  }

  /** Starts the timer and the folder watcher and runs the first round (its failure lands in the status). */
  async start(): Promise<void> {
    this.schedule();
    if (this.settings.mode !== 'off') await this.round().catch(() => undefined);
  }

  status(): TeamSyncStatus {
    const { author, device } = this.glossary.identity();
    const { mode, folder, postgresUrl, intervalSeconds } = this.settings;
    const glossaryStamp = this.glossary.changeStamp();
    return {
      available: true,
      author,
      device,
      mode,
      folder,
      postgresUrl,
      intervalSeconds,
      passwordSaved: this.isPasswordSaved(postgresUrl),
      secretsAvailable: this.secrets.available(),
      connectedTo: this.transport?.description ?? null,
      syncing: this.running !== null,
      lastSyncAt: this.lastSyncAt,
      lastError: this.lastError,
      lastReport: this.lastReport,
      openConflicts: this.openConflicts(glossaryStamp),
      merges: this.merges,
      glossaryStamp,
    };
  }

  /** Listing the conflicts scans the entries for duplicate terms: counted again only when the glossary changed. */
  private openConflicts(stamp: string): number {
    if (this.conflictCount?.stamp !== stamp) {
      this.conflictCount = { stamp, open: this.glossary.conflicts().length };
    }
    return this.conflictCount.open;
  }

  /**
   * Checks and saves new settings (the password to the SecretStore only), reconnects, and tries
   * one round. Bad settings throw and change nothing; a failed round keeps the settings.
   */
  async configure(input: TeamSyncConfiguration): Promise<TeamSyncConfigureResult> {
    const next = this.checkSettings(input);
    // Rounds asked for meanwhile wait, so none runs on the old connection as it closes.
    const switching = this.switchTo(next, input);
    this.switching = switching;
    try {
      await switching;
    } finally {
      if (this.switching === switching) this.switching = null;
    }
    let report: SyncReport | null = null;
    if (next.mode !== 'off') report = await this.round().catch(() => null);
    return { status: this.status(), report };
  }

  private async switchTo(next: TeamSettings, input: TeamSyncConfiguration): Promise<void> {
    await this.disconnect();
    if (next.postgresUrl !== null) this.keepPassword(next.postgresUrl, input);
    saveTeamSettings(this.settingsPath, next);
    this.settings = next;
    this.glossary.setAuthor(next.author);
    this.lastError = null;
    this.lastReport = null;
    this.schedule();
  }

  /** One round now; when one is running, the next one after it. Throws TeamSyncError on failure. */
  syncNow(): Promise<SyncReport> {
    return this.round();
  }

  /** After a team action (a resolution, a verified mark): publish it soon rather than at the next tick. */
  publishSoon(): void {
    if (this.settings.mode === 'off' || this.closed) return;
    if (this.soon) clearTimeout(this.soon);
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.round().catch(() => undefined);
    }, this.publishSoonMs);
    this.soon.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.disconnect();
  }

  /** Never two rounds at once: a call during a round gets the one queued after it. */
  private round(): Promise<SyncReport> {
    if (this.closed) return Promise.reject(new TeamSyncError('team sync has stopped'));
    if (this.switching) return this.switching.catch(() => undefined).then(() => this.round());
    if (!this.running) {
      this.running = this.runRound().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.round();
      });
    return this.queued;
  }

  private async runRound(): Promise<SyncReport> {
    try {
      const transport = await this.connect();
      const report = await this.machinery.round(this.glossary, transport);
      this.lastSyncAt = new Date().toISOString();
      this.lastError = null;
      this.lastReport = summarize(report);
      if (report.changedEntries.length > 0) this.merges += 1;
      return report;
    } catch (error) {
      this.lastError = this.describe(error);
      // Reconnect next time: a server that went away needs a fresh connection.
      await this.dropTransport();
      throw new TeamSyncError(this.lastError);
    }
  }

  private async connect(): Promise<SyncTransport> {
    if (this.transport) return this.transport;
    const { mode, folder, postgresUrl } = this.settings;
    const { author, device } = this.glossary.identity();
    if (mode === 'folder' && folder !== null) {
      this.transport = await this.machinery.openFolder(folder, device, author);
    } else if (mode === 'postgres' && postgresUrl !== null) {
      const password = this.secrets.load(postgresSecretName(postgresUrl)) ?? undefined;
      this.transport = await this.machinery.openPostgres(postgresUrl, password, device);
    } else {
      throw new TeamSyncError('team sync is off: choose a shared folder or a server in Team sync…');
    }
    return this.transport;
  }

  private checkSettings(input: TeamSyncConfiguration): TeamSettings {
    const author = input.author.replace(/\s+/g, ' ').trim();
    if (author === '') throw new TeamSyncError('give your name: it is written into every change you make');
    const next: TeamSettings = {
      author,
      mode: input.mode,
      folder: this.settings.folder,
      postgresUrl: this.settings.postgresUrl,
      intervalSeconds: input.intervalSeconds ?? this.settings.intervalSeconds,
    };
    if (input.mode === 'folder' || (input.folder !== undefined && input.folder !== '')) {
      if (!input.folder) throw new TeamSyncError('choose the shared folder');
      const folder = resolve(input.folder);
      if (!isDirectory(folder)) throw new TeamSyncError(`${folder} is not a folder that exists here`);
      try {
        this.machinery.checkFolder(folder, this.glossary.path);
      } catch (error) {
        throw new TeamSyncError(this.describe(error));
      }
      next.folder = folder;
    }
    if (input.mode === 'postgres' || (input.postgresUrl !== undefined && input.postgresUrl !== '')) {
      if (!input.postgresUrl)
        throw new TeamSyncError('give the server address (postgres://user@host/database)');
      const split = splitPostgresUrl(input.postgresUrl);
      if (!split)
        throw new TeamSyncError('the server address must look like postgres://user@host:5432/database');
      next.postgresUrl = split.url;
    }
    return next;
  }

  /** A password typed (or inside the URL) goes to the SecretStore; the settings never see it. */
  private keepPassword(urlWithoutPassword: string, input: TeamSyncConfiguration): void {
    this.passwordSaved = null;
    const name = postgresSecretName(urlWithoutPassword);
    if (input.forgetPassword) this.secrets.remove(name);
    const fromUrl = input.postgresUrl ? splitPostgresUrl(input.postgresUrl)?.password : null;
    const password = input.password || fromUrl;
    if (password) this.secrets.save(name, password);
  }

  private isPasswordSaved(postgresUrl: string | null): boolean {
    if (postgresUrl === null) return false;
    if (this.passwordSaved?.url !== postgresUrl) {
      const saved = this.secrets.load(postgresSecretName(postgresUrl)) !== null;
      this.passwordSaved = { url: postgresUrl, saved };
    }
    return this.passwordSaved.saved;
  }

  /** Restarts the timer and the folder watcher for the current settings. */
  private schedule(): void {
    this.unschedule();
    if (this.closed || this.settings.mode === 'off') return;
    this.timer = setInterval(() => {
      if (!this.running) void this.round().catch(() => undefined);
    }, this.settings.intervalSeconds * 1000);
    this.timer.unref();
    const { folder } = this.settings;
    if (this.settings.mode === 'folder' && folder !== null) {
      const { device } = this.glossary.identity();
      // This device's own log and card change with every round it publishes: not news.
      const own = new Set([`${device}.jsonl`, `${device}.json`]);
      const stop = this.machinery.watch(
        folder,
        () => {
          if (!this.closed) void this.round().catch(() => undefined);
        },
        (name) => own.has(name),
      );
      this.stopWatching = stop;
    }
  }

  private unschedule(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.timer = null;
    this.soon = null;
    this.stopWatching?.();
    this.stopWatching = null;
  }

  /** Stops timers and watchers, lets a running round finish, and closes the connection. */
  private async disconnect(): Promise<void> {
    this.unschedule();
    // A round queued behind it runs after the switch, on the new settings (see round()).
    await this.running?.catch(() => undefined);
    await this.dropTransport();
  }

  private async dropTransport(): Promise<void> {
    const transport = this.transport;
    this.transport = null;
    await transport?.close().catch(() => undefined);
  }

  /** One line, with any password the person gave cut out, however the error quoted it. */
  private describe(error: unknown): string {
    let text = error instanceof Error ? error.message : String(error);
    text = text.split('\n', 1)[0] ?? text;
    text = text.replace(/(postgres(?:ql)?:\/\/[^:/@\s]*):[^@\s]*@/gi, '$1@');
    const { postgresUrl } = this.settings;
    const password = postgresUrl ? this.secrets.load(postgresSecretName(postgresUrl)) : null;
    if (password) text = text.split(password).join('•••');
    return text.length > 300 ? `${text.slice(0, 299)}…` : text;
  }
}

function summarize(report: SyncReport): SyncReportSummary {
  return {
    published: report.published,
    received: report.received,
    changedEntries: report.changedEntries.length,
    conflicts: report.conflicts.length,
    skipped: report.skipped.length,
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
