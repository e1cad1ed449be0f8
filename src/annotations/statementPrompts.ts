/**
 * The prompts for a claim's statement fields (topics, stance, verdict, evidence), shared by
 * Set Topic… / Set Stance… / Set Verdict… and the Edit Annotation… picker.
 */
import * as vscode from 'vscode';
import { cleanList, DEFAULT_STANCES, DEFAULT_VERDICTS, scaleValues, type Annotation } from '../core/model';
import type { Services } from '../services';

/** The configured stances or verdicts (`articleAnnotator.stances` / `.verdicts`), or the defaults. */
export function scale(key: 'stances' | 'verdicts'): string[] {
  return scaleValues(vscode.workspace.getConfiguration('articleAnnotator').get<unknown>(key), key === 'stances' ? DEFAULT_STANCES : DEFAULT_VERDICTS);
}

export class StatementPrompts {
  constructor(private readonly services: Services) {}

  /** The stance from the configured list; '' clears it; undefined: cancelled. */
  askStance(annotation: Annotation): Promise<string | undefined> {
    return this.askScale('Stance', scale('stances'), annotation.stance, 'The speaker’s stance on the claim’s topics');
  }

  /** The verdict from the configured scale; '' clears it; undefined: cancelled. */
  askVerdict(annotation: Annotation): Promise<string | undefined> {
    return this.askScale('Verdict', scale('verdicts'), annotation.verdict, 'A fact-check rating of the claim');
  }

  /** Evidence as URLs or notes separated by “ ; ” (or new lines); undefined: cancelled. */
  async askEvidence(annotation: Annotation): Promise<string[] | undefined> {
    const evidence = await vscode.window.showInputBox({
      title: 'Evidence (optional): URLs or notes, separated by “ ; ”',
      value: (annotation.evidence ?? []).join(' ; '),
      prompt: 'Press Enter to keep as shown; empty clears the evidence',
    });
    return evidence === undefined ? undefined : cleanList(evidence.split(/\s+;\s+|\n/));
  }

  private async askScale(title: string, values: string[], current: string | undefined, placeHolder: string): Promise<string | undefined> {
    const items: (vscode.QuickPickItem & { value: string })[] = values.map((v) => ({ label: v, value: v, ...(v === current ? { description: 'current' } : {}) }));
    if (current && !values.includes(current)) items.push({ label: current, value: current, description: 'current, not in the setting' });
    if (current) items.push({ label: '$(close) None', value: '', description: `clear the ${title.toLowerCase()}` });
    const pick = await vscode.window.showQuickPick(items, { title, placeHolder });
    return pick?.value;
  }

  /** Topics from a multi-select of the workspace's topics; a typed text adds a new one. */
  async askTopics(annotation: Annotation): Promise<string[] | undefined> {
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
