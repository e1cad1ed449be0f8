/**
 * What "Set Up Git Merging of Sidecars" writes, without I/O: the `.gitattributes` line and the
 * merge driver's command line for git's config.
 */

export const GITATTRIBUTES_LINE = '*.annotations.yaml merge=article-annotator';
export const DRIVER_NAME = 'Article Annotator sidecars (merge by annotation id)';

/** A word for the POSIX shell git runs the driver with (also Git for Windows' sh). */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The driver's command: the runtime that runs the extension (VS Code's own executable runs as
 * Node with ELECTRON_RUN_AS_NODE=1; a plain Node ignores the variable) and the extension's
 * dist/cli.js, so that no global install of the CLI (or of Node) is needed.
 */
export function driverCommand(runtime: string, cliPath: string): string {
  return `ELECTRON_RUN_AS_NODE=1 ${shellQuote(runtime)} ${shellQuote(cliPath)} merge-driver %O %A %B %P`;
}

/**
 * `.gitattributes` with our line added, or undefined when it is already there (idempotent).
 * Another `merge=` setting for sidecars is left as it is, and reported through `conflicting`.
 */
export function withMergeAttribute(existing: string | undefined): { text?: string; conflicting?: string } {
  const lines = (existing ?? '').split(/\r?\n/);
  if (lines.some((l) => l.trim().split(/\s+/).join(' ') === GITATTRIBUTES_LINE)) return {};
  const other = lines.find((l) => /^\s*\*\.annotations\.yaml\s/.test(l) && /\smerge(=|\s|$)/.test(l));
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
  const base = existing ?? '';
  const text = `${base}${base && !base.endsWith('\n') ? eol : ''}${GITATTRIBUTES_LINE}${eol}`;
  return other ? { text, conflicting: other.trim() } : { text };
}
