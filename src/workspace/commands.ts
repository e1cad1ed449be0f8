import * as vscode from 'vscode';
import { isUiArgument } from '../core/scriptArgs';

/** An error the command has already shown to the user (with its own buttons): not shown again. */
export class ShownError extends Error {}

/**
 * Registers a command whose errors are shown to the user. Called from a script (the first
 * argument a plain object that is not a tree element), the error is also rethrown so the caller
 * sees it; called from the UI, the message is enough.
 */
export function registerCommand(id: string, fn: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await fn(...args);
    } catch (e) {
      if (!(e instanceof ShownError)) void vscode.window.showErrorMessage(`Article Annotator: ${(e as Error).message}`);
      const first = args[0];
      if (!isUiArgument(first)) throw e;
      return undefined;
    }
  });
}
