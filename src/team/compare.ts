/**
 * "Compare Coders…": this workspace's annotations (A) against another folder with the same
 * articles (another coder's copy, a worktree), the sidecars committed on a git branch (read with
 * `git show`, nothing checked out), or two authors within
 * the workspace's sidecars. A Markdown report with the agreement table (src/core/team/agreement)
 * and the differences (src/core/team/differences) in the Coder Differences view, where accept A,
 * accept B and keep both write the workspace's sidecar through the annotation store.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { anchorAnnotations } from '../core/anchor';
import { mdCell, mdInline } from '../core/export/escape';
import type { Annotation } from '../core/model';
import { OffsetMap } from '../core/offsets';
import { parseSidecar } from '../core/sidecar';
import { agreement, type AgreementArticle, type AgreementRow } from '../core/team/agreement';
import { differences, DIFFERENCE_TITLES, resolve, type Choice, type Difference, type SidecarEdit } from '../core/team/differences';
import { derivedId } from '../core/team/merge';
import type { Services } from '../services';
import { collectArticle } from '../workspace/collect';
import { readText } from '../workspace/fs';

export type CompareArgs = { folder: string } | { branch: string } | { authors: [string, string] };

export interface ArticleDifferences {
  uri: vscode.Uri;
  path: string;
  diffs: Difference[];
}

export interface Comparison {
  mode: 'folder' | 'authors';
  names: [string, string];
  articles: ArticleDifferences[];
  report: string;
  problems: string[];
}

/** A row of the Coder Differences view. */
export type DiffNode = { kind: 'article'; article: ArticleDifferences } | { kind: 'difference'; article: ArticleDifferences; diff: Difference };

const relOf = (u: vscode.Uri) => {
  const folder = vscode.workspace.getWorkspaceFolder(u);
  return folder ? u.path.slice(folder.uri.path.length + 1) : u.path.slice(u.path.lastIndexOf('/') + 1);
};

/** Where coder B's sidecars are read: another folder, or a git branch of this workspace. */
interface OtherCoder {
  name: string;
  /** The sidecar's bytes for an article (path relative to the workspace folder); 'none' when B has the article but no sidecar. */
  read(rel: string): Promise<Uint8Array | 'none' | { problem: string }>;
}

function folderCoder(folder: vscode.Uri): OtherCoder {
  return {
    name: folder.scheme === 'file' ? folder.fsPath : folder.toString(),
    async read(rel) {
      const article = vscode.Uri.joinPath(folder, ...rel.split('/'));
      try {
        await vscode.workspace.fs.stat(article);
      } catch {
        return { problem: `${rel}: not in ${this.name}; not compared` };
      }
      const sidecar = article.with({ path: `${article.path}.annotations.yaml` });
      const r = await readText(sidecar, vscode.workspace.getConfiguration('articleAnnotator').get<number>('maxSidecarSize', 10_000_000));
      if (r.kind === 'missing') return 'none';
      if (r.kind !== 'ok') return { problem: `${sidecar.fsPath}: cannot be read (${r.kind === 'error' ? r.message : r.kind}); not compared` };
      return r.bytes;
    },
  };
}

function git(cwd: string, args: string[], maxBuffer = 1_000_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer, timeout: 30000, windowsHide: true }, (err, stdout, stderr) => {
      if (err) reject(new Error((stderr.toString().trim() || err.message).split('\n')[0]));
      else resolve(stdout);
    });
  });
}

/** Coder B as the sidecars committed on `branch` (read with git show; nothing is checked out). */
async function branchCoder(folder: vscode.Uri, branch: string): Promise<OtherCoder> {
  if (folder.scheme !== 'file') throw new Error('comparing with a branch needs a folder on disk.');
  if (!/^[\w./@{}^~-]+$/.test(branch) || branch.startsWith('-')) throw new Error(`"${branch}" is not a branch name.`);
  let prefix: string;
  let files: Set<string>;
  try {
    prefix = (await git(folder.fsPath, ['rev-parse', '--show-prefix'])).toString().trim();
    files = new Set((await git(folder.fsPath, ['ls-tree', '-r', '--name-only', '--full-tree', branch, '--', ...(prefix ? [prefix] : [])], 200_000_000)).toString().split('\n').filter(Boolean));
  } catch (e) {
    throw new Error(`cannot read branch ${branch} of ${folder.fsPath}: ${(e as Error).message}`, { cause: e });
  }
  const max = vscode.workspace.getConfiguration('articleAnnotator').get<number>('maxSidecarSize', 10_000_000);
  return {
    name: `branch ${branch}`,
    async read(rel) {
      if (!files.has(prefix + rel)) return { problem: `${rel}: not on branch ${branch}; not compared` };
      if (!files.has(`${prefix}${rel}.annotations.yaml`)) return 'none';
      try {
        return await git(folder.fsPath, ['show', `${branch}:${prefix}${rel}.annotations.yaml`], max + 1);
      } catch (e) {
        return { problem: `${rel}.annotations.yaml on branch ${branch}: ${(e as Error).message}; not compared` };
      }
    },
  };
}

/** B's annotations of an article, anchored on A's text; undefined when B lacks the article or cannot be read. */
async function annotationsOf(other: OtherCoder, rel: string, text: string, problems: string[]): Promise<Annotation[] | undefined> {
  const bytes = await other.read(rel);
  if (bytes === 'none') return [];
  if (!(bytes instanceof Uint8Array)) {
    problems.push(bytes.problem);
    return undefined;
  }
  const where = `${rel}.annotations.yaml (${other.name})`;
  const parsed = parseSidecar(bytes);
  if (!parsed.ok) {
    problems.push(...parsed.problems.map((p) => `${where}:${p.line ?? 1}: ${p.message}; not compared`));
    return undefined;
  }
  const out: Annotation[] = [];
  for (const x of anchorAnnotations(text, parsed.sidecar.annotations, undefined, new OffsetMap(text))) {
    if (x.start === undefined || x.end === undefined || x.status === 'orphan') problems.push(`${where}: annotation ${x.annotation.id} is an orphan; not compared`);
    else out.push({ ...x.annotation, start: x.start, end: x.end });
  }
  return out;
}

export async function compareCoders(services: Services, args: CompareArgs, progress?: vscode.Progress<{ message?: string; increment?: number }>): Promise<Comparison> {
  const problems: string[] = [];
  const uris = await services.articles.list();
  const input: AgreementArticle[] = [];
  const articles: ArticleDifferences[] = [];
  let other: OtherCoder | undefined;
  if ('folder' in args) other = folderCoder(/^[a-z][a-z0-9+.-]*:/i.test(args.folder) && !/^[a-z]:\\/i.test(args.folder) ? vscode.Uri.parse(args.folder) : vscode.Uri.file(args.folder));
  else if ('branch' in args) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) throw new Error('open the folder of your articles first.');
    other = await branchCoder(folder, args.branch);
  }
  for (const uri of uris) {
    progress?.report({ message: relOf(uri), increment: 100 / Math.max(1, uris.length) });
    const art = await collectArticle(services, uri, false);
    if (!art) continue;
    const rel = relOf(uri);
    let a: Annotation[] = art.annotations;
    let b: Annotation[] | undefined;
    if (other) {
      b = await annotationsOf(other, rel, art.text, problems);
    } else if ('authors' in args) {
      const [x, y] = args.authors;
      a = art.annotations.filter((n) => n.author === x);
      b = art.annotations.filter((n) => n.author === y);
    }
    if (!b) continue;
    input.push({ length: new OffsetMap(art.text).codePointLength, a, b });
    const diffs = differences(a, b);
    if (diffs.length) articles.push({ uri, path: rel, diffs });
  }
  const names: [string, string] = other ? ['this workspace', other.name] : 'authors' in args ? args.authors : ['A', 'B'];
  const result: Comparison = { mode: other ? 'folder' : 'authors', names, articles, problems, report: '' };
  result.report = reportOf(result, agreement(input), input.length);
  return result;
}

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));

function reportOf(c: Comparison, report: ReturnType<typeof agreement>, compared: number): string {
  const row = (name: string, r: AgreementRow) => `| ${name} | ${fmt(r.kappa)} | ${fmt(r.alphaU)} | ${fmt(r.f1Exact)} | ${fmt(r.f1Overlap)} | ${r.onlyA} | ${r.onlyB} | ${r.both} |`;
  const lines = [
    '# Agreement between coders',
    '',
    `A: ${mdInline(c.names[0])}; B: ${mdInline(c.names[1])}; ${compared} article(s) compared.`,
    '',
    '| Label | Cohen’s κ | Krippendorff’s αᵤ | F1 exact | F1 overlap | only A | only B | both |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(report.labels).map(([l, r]) => row(mdCell(l), r)),
    row('**overall**', report.overall),
    '',
    'κ over code points; αᵤ as in Krippendorff (2004); F1 with exact and with overlapping boundaries; “both” counts overlapping pairs. — means undefined (nobody coded it).',
    '',
    `## Differences (${c.articles.reduce((n, a) => n + a.diffs.length, 0)})`,
    '',
    'Listed in the Coder Differences view, where each can be accepted from A, from B, or both kept.',
    '',
    ...c.articles.map((a) => `- ${mdInline(a.path)}: ${a.diffs.length}`),
  ];
  if (c.problems.length) lines.push('', `## Not compared (${c.problems.length})`, '', ...c.problems.map((p) => `- ${mdInline(p)}`));
  return lines.join('\n') + '\n';
}

const short = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
};

export class DifferencesProvider implements vscode.TreeDataProvider<DiffNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<DiffNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  comparison: Comparison | undefined;

  set(c: Comparison | undefined): void {
    this.comparison = c;
    this.emitter.fire(undefined);
  }

  getChildren(node?: DiffNode): DiffNode[] {
    if (!this.comparison) return [];
    if (!node) return this.comparison.articles.filter((a) => a.diffs.length).map((article) => ({ kind: 'article', article }));
    if (node.kind === 'article') return node.article.diffs.map((diff) => ({ kind: 'difference', article: node.article, diff }));
    return [];
  }

  getTreeItem(node: DiffNode): vscode.TreeItem {
    if (node.kind === 'article') {
      const item = new vscode.TreeItem(node.article.path.slice(node.article.path.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.article.diffs.length} difference${node.article.diffs.length === 1 ? '' : 's'}`;
      item.resourceUri = node.article.uri;
      item.contextValue = 'differenceArticle';
      return item;
    }
    const { diff } = node;
    const [nameA, nameB] = this.comparison?.names ?? ['A', 'B'];
    const shown = (diff.a ?? diff.b)!;
    const item = new vscode.TreeItem(`${DIFFERENCE_TITLES[diff.kind]}: “${short(shown.quote)}”`, vscode.TreeItemCollapsibleState.None);
    item.description = diff.kind === 'onlyA' ? diff.a!.label : diff.kind === 'onlyB' ? diff.b!.label : `${diff.a!.label} ↔ ${diff.b!.label}`;
    const md = new vscode.MarkdownString();
    if (diff.a) md.appendMarkdown(`**A** (${mdInline(nameA)}): ${mdInline(diff.a.label)} “${mdInline(short(diff.a.quote))}”\n\n`);
    if (diff.b) md.appendMarkdown(`**B** (${mdInline(nameB)}): ${mdInline(diff.b.label)} “${mdInline(short(diff.b.quote))}”`);
    item.tooltip = md;
    item.contextValue = 'difference';
    item.iconPath = new vscode.ThemeIcon(diff.kind === 'onlyA' ? 'arrow-left' : diff.kind === 'onlyB' ? 'arrow-right' : 'diff');
    item.command = { command: 'articleAnnotator.openDifference', title: 'Open', arguments: [node] };
    return item;
  }

  /** Writes the choice for a difference and drops it from the view. */
  async accept(services: Services, node: DiffNode, choice: Choice): Promise<SidecarEdit[]> {
    if (node.kind !== 'difference' || !this.comparison) throw new Error('choose a difference in the Coder Differences view.');
    const { article, diff } = node;
    const edits = resolve(diff, choice, this.comparison.mode === 'folder' ? { a: true, b: false } : { a: true, b: true });
    const state = await services.annotations.get(article.uri);
    if (state.readOnly) throw new Error(`the sidecar of ${article.path} cannot be written (${state.state.kind === 'error' ? state.state.message : 'Restricted Mode'}).`);
    for (const e of edits) {
      if ('remove' in e) await services.annotations.remove(article.uri, e.remove.id);
      else {
        const taken = new Set((await services.annotations.get(article.uri)).items.map((i) => i.annotation.id));
        const id = taken.has(e.add.id) ? derivedId(`${e.add.id}\u0000${e.add.label}\u0000${e.add.start}`, taken) : e.add.id;
        await services.annotations.restore(article.uri, { ...e.add, id });
      }
    }
    await services.annotations.flushAll();
    article.diffs = article.diffs.filter((d) => d !== diff);
    this.emitter.fire(undefined);
    return edits;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
