import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Features are wired here.
}

export function deactivate(): void {}
