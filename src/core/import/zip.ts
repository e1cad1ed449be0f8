/**
 * Reading the entries of a zip in memory with bounded expansion: the inflated size is counted
 * while inflating (the sizes a zip declares may lie), so a zip bomb stops at the limit instead of
 * filling memory. Entry names are only looked up, never used as paths: an entry named
 * `../../x` or `/etc/x` is reported and skipped. Pure: no I/O.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';

export interface ZipLimits {
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all the entries read may inflate to together. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 50_000_000, maxTotalBytes: 200_000_000 };

/** Why a zip entry name is unsafe to use (absolute, drive letter, `..`, backslash, NUL), or undefined. */
export function unsafeEntryName(name: string): string | undefined {
  if (name.includes('\0')) return 'a NUL character';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.includes('\\')) return 'a backslash';
  if (name.split('/').includes('..')) return 'a “..” segment (outside the archive)';
  return undefined;
}

export class ZipLimitError extends Error {}

/**
 * The entries of `bytes` that `wanted(name)` asks for, inflated. Unsafe names go to `problems`
 * and are skipped. Throws ZipLimitError when an entry or the total goes over the limits, and
 * Error when the zip is broken or an entry uses an unknown compression.
 */
export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, problems: string[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let failure: Error | undefined;
  let sawEntry = false;
  const unzip = new Unzip((file) => {
    sawEntry = true;
    const unsafe = unsafeEntryName(file.name);
    if (unsafe) return void problems.push(`entry “${file.name.slice(0, 80)}” has ${unsafe}; skipped`);
    if (!wanted(file.name) || out.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) return void (failure = new Error(`entry ${file.name}: ${err.message}`));
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes) return void (failure = new ZipLimitError(`entry ${file.name} expands to more than ${limits.maxEntryBytes} bytes (a zip bomb?); not read`));
      if (total > limits.maxTotalBytes) return void (failure = new ZipLimitError(`the entries expand to more than ${limits.maxTotalBytes} bytes in all (a zip bomb?); not read`));
      chunks.push(chunk);
      if (final) {
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        out.set(file.name, all);
      }
    };
    try {
      file.start();
    } catch (e) {
      failure = new Error(`entry ${file.name}: ${(e as Error).message} (compression method ${file.compression})`);
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  // Small pieces: one piece of deflate can inflate to about 1000 times its size, so the count
  // above stops a bomb after at most ~16 MB more than the limit.
  const PIECE = 16_384;
  try {
    for (let at = 0; at < bytes.length && !failure; at += PIECE) unzip.push(bytes.subarray(at, Math.min(bytes.length, at + PIECE)), at + PIECE >= bytes.length);
  } catch (e) {
    failure ??= new Error((e as Error).message);
  }
  if (failure) throw failure;
  if (!sawEntry) throw new Error('not a zip archive (no entries found)');
  return out;
}
