import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * pino's destination: synchronous appends (a line logged before a crash is on disk), rotated
 * by size: kiosk.log → kiosk.log.1 → … → kiosk.log.<keep>, the oldest dropped, so months of
 * uptime cannot fill the disk.
 */
export class RotatingFile {
  #written: number;

  constructor(
    readonly file: string,
    private readonly maxBytes: number,
    private readonly keep: number,
    private readonly echo?: (line: string) => void,
  ) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 }); // owner-only (issue 14)
    this.#written = existsSync(file) ? statSync(file).size : 0;
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.#written > 0 && this.#written + bytes > this.maxBytes) this.#rotate();
    appendFileSync(this.file, line, { mode: 0o600 }); // owner-only
    this.#written += bytes;
    this.echo?.(line);
  }

  #rotate(): void {
    rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) if (existsSync(`${this.file}.${i}`)) renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
    renameSync(this.file, `${this.file}.1`);
    this.#written = 0;
  }
}
