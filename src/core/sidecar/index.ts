/**
 * Sidecar (`<article>.annotations.yaml`) parsing, validation and deterministic serialisation.
 * (Implementation in progress: see issue on sidecars.)
 */
import type { Annotation } from '../model';

export const SIDECAR_VERSION = 1;

export interface Sidecar {
  version: number;
  /** File name of the article. */
  article: string;
  /** SHA-256 (hex) of the article text the offsets refer to. */
  articleSha256?: string;
  annotations: Annotation[];
}

export interface SidecarProblem {
  message: string;
  /** 1-based line in the sidecar, when known. */
  line?: number;
  /** JSON-pointer-like path of the failing field, e.g. `/annotations/3/start`. */
  path?: string;
}

export type SidecarParseResult =
  | { ok: true; sidecar: Sidecar; /** opaque handle used to preserve comments on rewrite */ source: unknown }
  | { ok: false; problems: SidecarProblem[] };

export interface ParseOptions {
  /** Refuse texts longer than this many bytes (default 10 MB). */
  maxBytes?: number;
}

export function parseSidecar(text: string, options: ParseOptions = {}): SidecarParseResult {
  void text;
  void options;
  return { ok: false, problems: [{ message: 'not implemented' }] };
}

/** Serialises deterministically (sorted by start then id, stable key order, LF); keeps comments and unknown keys of `previous`. */
export function serializeSidecar(sidecar: Sidecar, previous?: SidecarParseResult): string {
  void previous;
  return JSON.stringify(sidecar);
}
