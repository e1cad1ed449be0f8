/** Escapes text for Markdown so that nothing in it becomes a link, command, emphasis or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '  \n');
}
