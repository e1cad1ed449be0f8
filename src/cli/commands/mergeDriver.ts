/**
 * `article-annotator merge-driver BASE OURS THEIRS [PATH]`: git's merge driver for sidecars
 * (`driver = node …/dist/cli.js merge-driver %O %A %B %P`). Writes the merge into OURS.
 * Exit 0: merged cleanly; 1: merged with conflicts (kept as `merge-conflict` annotations, the file
 * is still a valid sidecar); 2: usage error or a side that does not parse (OURS untouched).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSidecar, serializeSidecarBytes, type SidecarParseResult } from '../../core/sidecar';
import { mergeSidecars } from '../../core/team/merge';

const ARTICLE_MAX_BYTES = 20_000_000;

export function runMergeDriver(args: string[], err: (s: string) => void): number {
  const positional = args.filter((a) => !a.startsWith('--'));
  if (positional.length < 3 || positional.length > 4) {
    err('article-annotator: merge-driver needs BASE OURS THEIRS [PATH] (git: %O %A %B %P).\n');
    return 2;
  }
  const [basePath, oursPath, theirsPath, workPath] = positional as [string, string, string, string | undefined];
  const read = (file: string, role: string, emptyOk: boolean): (SidecarParseResult & { ok: true }) | undefined | 'bad' => {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      err(`article-annotator: merge-driver: cannot read ${role} (${file}): ${(e as Error).message}\n`);
      return 'bad';
    }
    if (emptyOk && bytes.length === 0) return undefined; // the file did not exist in the ancestor
    const r = parseSidecar(bytes);
    if (!r.ok) {
      for (const p of r.problems) err(`article-annotator: merge-driver: ${role} (${workPath ?? file})${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
      return 'bad';
    }
    return r;
  };
  const base = read(basePath, 'base', true);
  const ours = read(oursPath, 'ours', false);
  const theirs = read(theirsPath, 'theirs', false);
  if (base === 'bad' || ours === 'bad' || theirs === 'bad' || !ours || !theirs) {
    err('article-annotator: merge-driver: not merged; the file was left as it was.\n');
    return 2;
  }
  // The merged article: beside the sidecar in the work tree (git merges it before or after; when
  // it still has conflict markers its hash matches neither side and it is not used).
  let articleText: string | undefined;
  if (workPath && workPath.endsWith('.annotations.yaml')) {
    const article = workPath.slice(0, -'.annotations.yaml'.length);
    try {
      const st = fs.statSync(article);
      if (st.isFile() && st.size <= ARTICLE_MAX_BYTES) {
        const text = fs.readFileSync(article, 'utf8');
        if (!/^(<{7}|>{7}|={7})( |$)/m.test(text)) articleText = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      }
    } catch {
      articleText = undefined;
    }
  }
  const result = mergeSidecars(base?.sidecar, ours.sidecar, theirs.sidecar, { articleText });
  // With ours' parse: the comments and unknown keys written by hand on this side are kept; an
  // annotation's comments written only in theirs (on one theirs added, say) come from theirs.
  const bytes = serializeSidecarBytes(result.sidecar, ours, [theirs]);
  // Write beside and rename: OURS is never left half-written.
  const tmp = path.join(path.dirname(oursPath), `.${path.basename(oursPath)}.merge-${process.pid}`);
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, oursPath);
  const name = workPath ?? oursPath;
  for (const n of result.notes) err(`article-annotator: merge-driver: ${name}: ${n}\n`);
  for (const c of result.conflicts) {
    err(`article-annotator: merge-driver: ${name}: conflict (${c.kind}) on ${c.id}${c.fields.length ? ` [${c.fields.join(', ')}]` : ''}${c.copyId ? `; the other version is ${c.copyId}` : ''}; tagged merge-conflict\n`);
  }
  return result.conflicts.length ? 1 : 0;
}
