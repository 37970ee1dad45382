/** Something that went wrong, as the error alert shows it: what failed, then why. */
export interface Problem {
  /** What could not be done, e.g. "Could not import the glossary." */
  title: string;
  /** Why, in the words of the Node side (file and line included where there is one). */
  message: string;
}

export function toProblem(title: string, caught: unknown): Problem {
  return { title, message: caught instanceof Error ? caught.message : String(caught) };
}
