/** An article or data file that cannot become an entry: names the file and the reason. */
export class IngestError extends Error {
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.file = file;
    this.reason = reason;
    this.name = 'IngestError';
  }
}
