/** A boot failure with a one-line, operator-facing explanation (printed without a stack trace). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
