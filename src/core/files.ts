/**
 * Pure decisions of the workspace's file-event hub: which path is an article, a sidecar or
 * something else under the article glob, what a watcher event means, and what a folder rename or
 * delete moves or drops. Paths are workspace-relative with `/` separators and no leading slash.
 */

export const SIDECAR_SUFFIX = '.annotations.yaml';

/**
 * A file an export writes at the top of the folder it fills (brat: copies of the articles' text):
 * no `.txt` under a folder that holds it is an article, so that an export inside the articles
 * (with a glob that reaches it, such as every `.txt` of the workspace) does not list copies of them.
 */
export const EXPORT_MARKER = '.article-annotator-export';
export const EXPORT_MARKER_TEXT =
  'Written by Article Annotator with an export. The .txt files under this folder are copies of\n' +
  'articles, so Article Annotator does not list them as articles. Delete this file to annotate them.\n';

/** Is `path` in (or under) one of the folders holding an export marker? */
export function inExportFolder(path: string, exportFolders: Iterable<string>): boolean {
  for (const f of exportFolders) if (isInside(path, f) && path !== f) return true;
  return false;
}

/** Converts a simple glob (`**`, `*`, `?`, `{a,b}`) to a regular expression over relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export type PathKind = 'article' | 'sidecar' | 'other';

/**
 * An article matches the glob (and is not itself a sidecar); a sidecar is `<article>.annotations.yaml`
 * of a path that would be an article. `isArticle` answers for the glob (and may also know open
 * documents of the article language).
 */
export function classifyPath(rel: string, isArticle: (rel: string) => boolean): PathKind {
  if (rel.endsWith(SIDECAR_SUFFIX)) {
    const article = rel.slice(0, -SIDECAR_SUFFIX.length);
    return article && !article.endsWith('/') && isArticle(article) ? 'sidecar' : 'other';
  }
  return isArticle(rel) ? 'article' : 'other';
}

/** The leading folders of a glob that hold no wildcard ("seeds" for `seeds/**\/*.txt`); "" when it starts with one. */
export function staticPrefix(glob: string): string {
  const parts = glob.split('/');
  const fixed: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (/[*?{[]/.test(p)) break;
    fixed.push(p);
  }
  return fixed.join('/');
}

/**
 * The pattern the hub's watcher uses for a glob: everything under the glob's first fixed folder
 * and that folder itself (so that renaming or deleting it is seen: a folder's delete is reported for
 * the folder only, not for the files in it), or everything when the glob starts with a wildcard.
 */
export function watchPatternOf(glob: string): string {
  const first = staticPrefix(glob).split('/')[0];
  return first ? `{${first},${first}/**}` : '**';
}

/** Is `path` the folder itself or inside it? */
export function isInside(path: string, folder: string): boolean {
  if (folder === '') return true;
  return path === folder || (path.startsWith(folder) && path.charCodeAt(folder.length) === 47 /* / */);
}

/** Where `path` goes when `from` is renamed to `to`: undefined when it is not under `from`. */
export function movedPath(path: string, from: string, to: string): string | undefined {
  if (!isInside(path, from)) return undefined;
  return to + path.slice(from.length);
}

/** Folder-relative path of a URI path under a folder's path, or undefined when outside it. */
export function relativeTo(path: string, folderPath: string): string | undefined {
  const base = folderPath.endsWith('/') ? folderPath.slice(0, -1) : folderPath;
  if (path === base) return '';
  if (!path.startsWith(base + '/')) return undefined;
  return path.slice(base.length + 1);
}

/** The events the hub emits; `U` is the URI type of the front end (strings in tests). */
export type FileEvent<U> =
  | { kind: 'articleCreated' | 'articleChanged' | 'articleDeleted'; uri: U }
  | { kind: 'sidecarCreated' | 'sidecarChanged' | 'sidecarDeleted'; uri: U }
  | { kind: 'folderRenamed'; from: U; to: U }
  | { kind: 'folderDeleted'; uri: U };

export type WatcherChange = 'created' | 'changed' | 'deleted';

/**
 * What one watcher event means. Articles and sidecars map to their typed events. Anything else
 * deleted may be a folder (a folder's delete is the only event for the files in it): `folderDeleted`
 * when a known article lies under it, or when the articles are not known yet. Anything else created
 * may be a folder moved in (its files are not reported one by one): `maybeFolder`, for the caller to
 * look at. Other changes are ignored.
 */
export function interpretWatcherEvent(
  change: WatcherChange,
  rel: string,
  isArticle: (rel: string) => boolean,
  known: readonly string[] | undefined,
): { kind: 'event'; event: FileEvent<string> } | { kind: 'maybeFolder'; rel: string } | undefined {
  const kind = classifyPath(rel, isArticle);
  if (kind === 'article') return { kind: 'event', event: { kind: `article${CHANGE_NAME[change]}`, uri: rel } };
  if (kind === 'sidecar') return { kind: 'event', event: { kind: `sidecar${CHANGE_NAME[change]}`, uri: rel } };
  if (change === 'deleted') {
    if (known && !known.some((p) => isInside(p, rel))) return undefined;
    return { kind: 'event', event: { kind: 'folderDeleted', uri: rel } };
  }
  if (change === 'created') return { kind: 'maybeFolder', rel };
  return undefined;
}

const CHANGE_NAME = { created: 'Created', changed: 'Changed', deleted: 'Deleted' } as const;

/** What moves when a folder is renamed: each key under `from` and its new key. */
export function movesOf<K extends string>(keys: Iterable<K>, from: string, to: string): [K, string][] {
  const out: [K, string][] = [];
  for (const k of keys) {
    const m = movedPath(k, from, to);
    if (m !== undefined) out.push([k, m]);
  }
  return out;
}

/** Articles that appeared and disappeared between two listings. */
export function diffListings(before: readonly string[], after: readonly string[]): { created: string[]; deleted: string[] } {
  const a = new Set(before);
  const b = new Set(after);
  return { created: after.filter((p) => !a.has(p)), deleted: before.filter((p) => !b.has(p)) };
}
