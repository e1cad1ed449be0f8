/**
 * Claims as statements: Set Topic…, Set Stance…, Set Verdict… on the annotation under the cursor
 * or a tree row, and Set Article Details… on an article. Each is scriptable: `(ref?, fields)` or
 * `(fields)` for the annotation under the cursor; with fields it asks nothing. An empty text or
 * list clears a field.
 */
import * as vscode from 'vscode';
import { findArticleMeta, META_KEYS, metaProblem, resolveMeta, type ArticleMeta } from '../core/meta/articleMeta';
import { DEFAULT_STANCES, DEFAULT_VERDICTS, type Annotation } from '../core/model';
import { parseScriptedArgs, type ArgsSpec } from '../core/scriptArgs';
import { COMMAND_ARGS } from '../core/commandArgs';
import { refOf, type AnnotationPatch, type Services } from '../services';
import { registerCommand } from '../workspace/commands';
import { Disposable } from '../util/disposable';

type Target = (arg: unknown) => Promise<{ article: vscode.Uri; annotation: Annotation }>;


const META_LABELS: Record<keyof ArticleMeta, string> = { date: 'Date (YYYY-MM-DD)', title: 'Title', outlet: 'Outlet', url: 'URL', author: 'Author' };

function scale(key: 'stances' | 'verdicts'): string[] {
  const fallback = key === 'stances' ? DEFAULT_STANCES : DEFAULT_VERDICTS;
  const v = vscode.workspace.getConfiguration('articleAnnotator').get<unknown>(key);
  const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
  return list.length ? [...new Set(list)] : [...fallback];
}

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

function cleanList(items: readonly string[]): string[] {
  return [...new Set(items.map((t) => t.trim()).filter(Boolean))];
}

export class StatementCommands extends Disposable {

  constructor(
    private readonly services: Services,
    private readonly target: Target,
  ) {
    super();
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
    const about = fields ? fields.about : await this.askTopics(annotation);
    if (about === undefined) return undefined;
    return this.services.annotations.update(article, annotation.id, { about });
  }

  async setStance(a?: unknown, b?: unknown): Promise<Annotation | undefined> {
    const { article, annotation, fields } = await this.resolve<AnnotationPatch>('setStance', a, b, COMMAND_ARGS.setStance);
    const stance = fields ? fields.stance : await this.askScale('Stance', scale('stances'), annotation.stance, 'The speaker’s stance on the claim’s topics');
    if (stance === undefined) return undefined;
    return this.services.annotations.update(article, annotation.id, { stance });
  }

  async setVerdict(a?: unknown, b?: unknown): Promise<Annotation | undefined> {
    const { article, annotation, fields } = await this.resolve<AnnotationPatch>('setVerdict', a, b, COMMAND_ARGS.setVerdict);
    if (fields) return this.services.annotations.update(article, annotation.id, fields);
    const verdict = await this.askScale('Verdict', scale('verdicts'), annotation.verdict, 'A fact-check rating of the claim');
    if (verdict === undefined) return undefined;
    const patch: AnnotationPatch = { verdict };
    if (verdict !== '') {
      const evidence = await vscode.window.showInputBox({
        title: 'Evidence (optional): URLs or notes, separated by “ ; ”',
        value: (annotation.evidence ?? []).join(' ; '),
        prompt: 'Press Enter to keep as shown',
      });
      if (evidence === undefined) return undefined;
      patch.evidence = cleanList(evidence.split(/\s+;\s+|\n/));
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

  private async askScale(title: string, values: string[], current: string | undefined, placeHolder: string): Promise<string | undefined> {
    const items: (vscode.QuickPickItem & { value: string })[] = values.map((v) => ({ label: v, value: v, ...(v === current ? { description: 'current' } : {}) }));
    if (current && !values.includes(current)) items.push({ label: current, value: current, description: 'current, not in the setting' });
    if (current) items.push({ label: '$(close) None', value: '', description: `clear the ${title.toLowerCase()}` });
    const pick = await vscode.window.showQuickPick(items, { title, placeHolder });
    return pick?.value;
  }

  /** Topics from a multi-select of the workspace's topics; a typed text adds a new one. */
  private async askTopics(annotation: Annotation): Promise<string[] | undefined> {
    const known = await this.workspaceTopics();
    for (const t of annotation.about ?? []) known.add(t);
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
    qp.title = `Topics of “${annotation.quote.length > 50 ? annotation.quote.slice(0, 47) + '…' : annotation.quote}”`;
    qp.placeholder = 'Check topics, or type a new one; Enter to confirm';
    qp.canSelectMany = true;
    const base = [...known].sort((x, y) => x.localeCompare(y)).map((label) => ({ label }));
    qp.items = base;
    qp.selectedItems = base.filter((i) => annotation.about?.includes(i.label));
    return new Promise<string[] | undefined>((resolve) => {
      let done = false;
      qp.onDidAccept(() => {
        done = true;
        const typed = qp.value.trim();
        const chosen = qp.selectedItems.map((i) => i.label);
        resolve(cleanList(typed ? [...chosen, typed] : chosen));
        qp.hide();
      });
      qp.onDidHide(() => {
        if (!done) resolve(undefined);
        qp.dispose();
      });
      qp.show();
    });
  }

  /** Every topic of the workspace's annotations (sidecars are cached by the store once read). */
  private async workspaceTopics(): Promise<Set<string>> {
    const out = new Set<string>();
    for (const uri of await this.services.articles.list()) {
      const anns = this.services.annotations.peek(uri) ?? (await this.services.annotations.get(uri));
      for (const i of anns.items) for (const t of i.annotation.about ?? []) if (t.trim()) out.add(t.trim());
    }
    return out;
  }

}

function isUriHolder(a: unknown): a is { uri: vscode.Uri } {
  return !!a && typeof a === 'object' && 'uri' in a && (a as { uri: unknown }).uri instanceof vscode.Uri;
}
