import * as vscode from 'vscode';
import type { Services } from '../services';
import { AnnotationCommands } from './commands';
import { AnnotationDecorations } from './decorations';
import { StatementCommands } from './statementCommands';
import { SidecarProblems } from './sidecarProblems';

/** Annotation commands, decorations and hovers of user annotations. */
export class AnnotationFeature implements vscode.Disposable {
  readonly commands: AnnotationCommands;
  readonly decorations: AnnotationDecorations;
  readonly statements: StatementCommands;
  readonly sidecarProblems: SidecarProblems;
  constructor(services: Services) {
    this.commands = new AnnotationCommands(services);
    this.statements = new StatementCommands(services, (arg) => this.commands.target(arg));
    this.decorations = new AnnotationDecorations(services);
    this.sidecarProblems = new SidecarProblems(services);
  }
  dispose(): void {
    this.sidecarProblems.dispose();
    this.commands.dispose();
    this.statements.dispose();
    this.decorations.dispose();
  }
}
