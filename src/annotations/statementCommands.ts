/**
 * Claims as statements: Set Topic…, Set Stance…, Set Verdict… on the annotation under the cursor
 * or a tree row, and Set Article Details… on an article. Each is scriptable: `(ref?, fields)` or
 * `(fields)` for the annotation under the cursor; with fields it asks nothing. An empty text or
 * list clears a field.
 */
import * as vscode from 'vscode';
import { findArticleMeta, META_KEYS, metaProblem, resolveMeta, type ArticleMeta } from '../core/meta/articleMeta';
import { cleanList, type Annotation } from '../core/model';
import { scale, StatementPrompts } from './statementPrompts';
import { parseScriptedArgs, type ArgsSpec } from '../core/scriptArgs';
import { COMMAND_ARGS } from '../core/commandArgs';
import { refOf, type AnnotationPatch, type Services } from '../services';
import { registerCommand } from '../workspace/commands';
import { Disposable } from '../util/disposable';

type Target = (arg: unknown) => Promise<{ article: vscode.Uri; annotation: Annotation }>;


const META_LABELS: Record<keyof ArticleMeta, string> = { date: 'Date (YYYY-MM-DD)', title: 'Title', outlet: 'Outlet', url: 'URL', author: 'Author' };

/**
 * Checks scripted statement fields: a stance or verdict must be one of its setting (or '' to
 * clear); lists are trimmed, without empty entries or duplicates. Throws a message naming the field.
 */
export function checkStatementFields<T extends AnnotationPatch>(command: string, fields: T): T {
  const out = { ...fields };
  for (const [key, setting] of [['stance', 'stances'], ['verdict', 'verdicts']] as const) {
    const v = out[key];
    if (v === undefined || v === '') continue;
    const allowed = scale(setting);
    if (!allowed.includes(v.trim())) throw new Error(`${command}: unknown ${key} "${v}" (one of ${allowed.join(', ')}; setting articleAnnotator.${setting})`);
    out[key] = v.trim();
  }
  for (const key of ['about', 'evidence'] as const) {
    const v = out[key];
    if (v !== undefined) out[key] = cleanList(v);
  }
  return out;
}

export class StatementCommands extends Disposable {
  private readonly prompts: StatementPrompts;

  constructor(
    private readonly services: Services,
    private readonly target: Target,
  ) {
    super();
    this.prompts = new StatementPrompts(services);
    const reg = (id: string, fn: (...args: unknown[]) => unknown) => this._registerAll(registerCommand(id, fn));
    reg('articleAnnotator.setTopic', (a, b) => this.setTopic(a, b));
    reg('articleAnnotator.setStance', (a, b) => this.setStance(a, b));
    reg('articleAnnotator.setVerdict', (a, b) => this.setVerdict(a, b));
    reg('articleAnnotator.setArticleDetails', (a) => this.setArticleDetails(a));
  }

  /** The annotation and the scripted fields of a `(ref, fields)` or `(fields)` call (fields undefined: ask). */
  private async resolve<T extends AnnotationPatch>(command: string, a: unknown, b: unknown, spec: ArgsSpec): Promise<{ article: vscode.Uri; annotation: Annotation; fields: T | undefined }> {
    const ref = refOf(a);
    const fieldArg = ref || a === undefined || a === null ? b : a;
    const parsed = parseScriptedArgs<T>(command, fieldArg, spec);
    const fields = parsed ? checkStatementFields(command, parsed) : undefined;
    const { article, annotation } = await this.target(ref ? a : fieldArg === a ? undefined : a);
    return { article, annotation, fields };
  }

  async setTopic(a?: unknown, b?: unknown): Promise<Annotation | undefined> {
    const { article, annotation, fields } = await this.resolve<AnnotationPatch>('setTopic', a, b, COMMAND_ARGS.setTopic);
    const about = fields ? fields.about : await this.prompts.askTopics(annotation);
    if (about === undefined) return undefined;
    return this.services.annotations.update(article, annotation.id, { about });
  }

  async setStance(a?: unknown, b?: unknown): Promise<Annotation | undefined> {
    const { article, annotation, fields } = await this.resolve<AnnotationPatch>('setStance', a, b, COMMAND_ARGS.setStance);
    const stance = fields ? fields.stance : await this.prompts.askStance(annotation);
    if (stance === undefined) return undefined;
    return this.services.annotations.update(article, annotation.id, { stance });
  }

  async setVerdict(a?: unknown, b?: unknown): Promise<Annotation | undefined> {
    const { article, annotation, fields } = await this.resolve<AnnotationPatch>('setVerdict', a, b, COMMAND_ARGS.setVerdict);
    if (fields) return this.services.annotations.update(article, annotation.id, fields);
    const verdict = await this.prompts.askVerdict(annotation);
    if (verdict === undefined) return undefined;
    const patch: AnnotationPatch = { verdict };
    if (verdict !== '') {
      const evidence = await this.prompts.askEvidence(annotation);
      if (evidence === undefined) return undefined;
      patch.evidence = evidence;
    }
    return this.services.annotations.update(article, annotation.id, patch);
  }

  /** Sets article details; returns the details in force afterwards. */
  async setArticleDetails(a?: unknown): Promise<ArticleMeta | undefined> {
    // ({ article?, date?, ... }) asks nothing; a tree row, a URI or nothing: asks.
    const parsed = parseScriptedArgs<ArticleMeta & { article?: string }>('setArticleDetails', a, COMMAND_ARGS.setArticleDetails);
    const { article: named, ...scripted } = parsed ?? {};
    const uri = named !== undefined ? vscode.Uri.parse(named) : (this.articleOf(a) ?? vscode.window.activeTextEditor?.document.uri);
    if (!uri || !this.services.articles.isArticle(uri)) throw new Error('Open an article (or pick one in the tree) to set its details.');
    const anns = await this.services.annotations.get(uri);
    const current: Record<string, unknown> = { ...(anns.meta ?? {}) };
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    const found = findArticleMeta(text);
    let changes: ArticleMeta | undefined = parsed ? scripted : undefined;
    if (!changes) {
      const resolved = resolveMeta(found, anns.meta);
      const pick = await vscode.window.showQuickPick(
        META_KEYS.map((k) => ({ label: META_LABELS[k], description: resolved[k] ?? '(none)', detail: typeof current[k] === 'string' ? 'set in the sidecar' : resolved[k] ? 'found in the text' : undefined, key: k })),
        { title: `Article details of ${uri.path.split('/').pop()}`, placeHolder: 'Detail to set' },
      );
      if (!pick) return undefined;
      const value = await vscode.window.showInputBox({
        title: META_LABELS[pick.key],
        value: resolved[pick.key] ?? '',
        prompt: 'Empty: use what the text shows',
        validateInput: (v) => (v.trim() === '' ? undefined : metaProblem(pick.key, v.trim()) ?? undefined),
      });
      if (value === undefined) return undefined;
      changes = { [pick.key]: value };
    }
    for (const [k, v] of Object.entries(changes)) {
      const value = (v as string).trim();
      if (value === '') {
        delete current[k];
        continue;
      }
      const problem = metaProblem(k, value);
      if (problem) throw new Error(`setArticleDetails: ${problem}.`);
      current[k] = value;
    }
    await this.services.annotations.setMeta(uri, current as ArticleMeta);
    return resolveMeta(found, current as ArticleMeta);
  }

  private articleOf(a: unknown): vscode.Uri | undefined {
    if (a instanceof vscode.Uri) return a;
    const ref = refOf(a);
    if (ref) return vscode.Uri.parse(ref.article);
    if (isUriHolder(a)) return a.uri;
    return undefined;
  }
}

function isUriHolder(a: unknown): a is { uri: vscode.Uri } {
  return !!a && typeof a === 'object' && 'uri' in a && (a as { uri: unknown }).uri instanceof vscode.Uri;
}
