/** The errors the workspace store throws on purpose; each message is one line a person can act on. */

/** A document id that names no document (deleted meanwhile, e.g. in another window, or never there). */
export class WorkspaceNotFoundError extends Error {
  /** What the API reports as the failure's code (see api-errors.ts). */
  readonly code = 'not-found';
  readonly id: string;

  constructor(id: string) {
    super(`No document in the workspace has the id ${JSON.stringify(id)}; it may have been deleted`);
    this.name = 'WorkspaceNotFoundError';
    this.id = id;
  }
}

/** Something a save may not hold, e.g. two flags with one id. */
export class WorkspaceValidationError extends Error {
  readonly code = 'invalid';

  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceValidationError';
  }
}
