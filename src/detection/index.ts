import * as vscode from 'vscode';
import { ACTOR_TYPES, type ActorType } from '../core/model';
import { refOf, type Services } from '../services';
import { DetectionDecorations } from '../decorations/detectionDecorations';
import { DetectionHovers } from './hovers';
import { SpeakerHints } from '../decorations/speakerHints';
import { registerCommand } from '../workspace/commands';
import { parseScriptedArgs } from '../core/scriptArgs';
import { COMMAND_ARGS } from '../core/commandArgs';
import { Disposable } from '../util/disposable';

interface AddActorArgs {
  name: string;
  type: ActorType;
  aliasOf?: string;
}

/** Editor side of detection: decorations, hovers, toggles, reject and lexicon commands. */
export class DetectionFeature extends Disposable {
  readonly decorations: DetectionDecorations;
  readonly speakerHints: SpeakerHints;

  constructor(private readonly services: Services) {
    super();
    this.decorations = new DetectionDecorations(services);
    this.speakerHints = this._register(new SpeakerHints(services));
    const reg = (id: string, fn: (...args: unknown[]) => unknown) => this._registerAll(registerCommand(id, fn));
    this._registerAll(vscode.languages.registerHoverProvider({ language: 'article' }, new DetectionHovers(services)));
    reg('articleAnnotator.toggleActors', () => this.toggle('showActors'));
    reg('articleAnnotator.toggleClaims', () => this.toggle('showClaims'));
    reg('articleAnnotator.toggleActorType', (arg) => this.toggleType(arg));
    reg('articleAnnotator.rejectDetection', async (arg) => {
      const ref = refOf(arg);
      if (!ref || ref.kind !== 'detection') throw new Error('Reject needs a detection.');
      await services.detections.reject(vscode.Uri.parse(ref.article), ref.key);
    });
    reg('articleAnnotator.resetRejected', () => services.detections.resetRejected());
    reg('articleAnnotator.addToActors', (arg) => this.addToActors(arg));
    reg('articleAnnotator.ignoreActor', (arg) => this.ignore(arg));
  }

  private target(): vscode.ConfigurationTarget {
    return vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  }

  private async toggle(key: 'showActors' | 'showClaims'): Promise<boolean> {
    const cfg = vscode.workspace.getConfiguration('articleAnnotator');
    const next = !cfg.get<boolean>(key, true);
    await cfg.update(key, next, this.target());
    this.decorations.refreshAll();
    return next;
  }

  private async toggleType(arg: unknown): Promise<void> {
    const cfg = vscode.workspace.getConfiguration('articleAnnotator');
    const current = { person: true, organization: true, place: true, other: true, ...cfg.get<Partial<Record<ActorType, boolean>>>('actorTypes', {}) };
    const scripted = parseScriptedArgs<{ type: ActorType }>('toggleActorType', arg, COMMAND_ARGS.toggleActorType);
    if (scripted) {
      current[scripted.type] = !current[scripted.type];
    } else {
      const picks = await vscode.window.showQuickPick(
        ACTOR_TYPES.map((t) => ({ label: t, picked: current[t] })),
        { canPickMany: true, title: 'Actor types to highlight' },
      );
      if (!picks) return;
      for (const t of ACTOR_TYPES) current[t] = picks.some((p) => p.label === t);
    }
    await cfg.update('actorTypes', current, this.target());
    this.decorations.refreshAll();
  }

  private selectionOrRef(arg: unknown): { article: vscode.Uri; text: string } | undefined {
    const ref = refOf(arg);
    if (ref && ref.kind === 'detection') return { article: vscode.Uri.parse(ref.article), text: ref.detection === 'actor' ? ref.speaker ?? ref.text : ref.text };
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    let range: vscode.Range | undefined = editor.selection.isEmpty ? undefined : editor.selection;
    if (!range) {
      const snap = this.services.detections.peek(editor.document.uri);
      const offset = editor.document.offsetAt(editor.selection.active);
      for (const a of snap?.detection.actors ?? []) {
        const m = a.mentions.find((x) => x.start <= offset && offset < x.end);
        if (m) range = new vscode.Range(editor.document.positionAt(m.start), editor.document.positionAt(m.end));
      }
    }
    if (!range) return undefined;
    return { article: editor.document.uri, text: editor.document.getText(range).replace(/\s+/g, ' ').trim() };
  }

  private async addToActors(arg: unknown): Promise<void> {
    const a = parseScriptedArgs<AddActorArgs>('addToActors', arg, COMMAND_ARGS.addToActors);
    if (a) {
      const article = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders![0]!.uri;
      await this.services.lexicon.addActor(article, a.name, a.type, a.aliasOf);
      return;
    }
    const target = this.selectionOrRef(arg);
    if (!target || !target.text) throw new Error('Select a name first.');
    const choice = await vscode.window.showQuickPick(
      [...ACTOR_TYPES.map((t) => ({ label: t, description: `Add “${target.text}” as a ${t}` })), { label: 'alias', description: `“${target.text}” is another name of an existing actor…` }],
      { title: `Add “${target.text}” to the actor lexicon` },
    );
    if (!choice) return;
    if (choice.label === 'alias') {
      const snap = this.services.detections.peek(target.article);
      const names = [...new Set((snap?.detection.actors ?? []).map((a) => a.name))].sort();
      const of = await vscode.window.showQuickPick(names.map((n) => ({ label: n })), { title: `“${target.text}” is an alias of…` });
      if (!of) return;
      const actor = snap?.detection.actors.find((a) => a.name === of.label);
      await this.services.lexicon.addActor(target.article, target.text, actor?.type ?? 'other', of.label);
    } else {
      await this.services.lexicon.addActor(target.article, target.text, choice.label as ActorType);
    }
  }

  private async ignore(arg: unknown): Promise<void> {
    const scripted = parseScriptedArgs<{ surface: string }>('ignoreActor', arg, COMMAND_ARGS.ignoreActor);
    if (scripted) {
      const article = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders![0]!.uri;
      await this.services.lexicon.ignore(article, scripted.surface);
      return;
    }
    const target = this.selectionOrRef(arg);
    if (!target || !target.text) throw new Error('Put the cursor on a detected name, or select one.');
    await this.services.lexicon.ignore(target.article, target.text);
  }

  override dispose(): void {
    this.decorations.dispose();
    super.dispose();
  }
}
