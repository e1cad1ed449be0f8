/** The articles under a folder, for the subcommands that take folders of coded articles. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Every regular file ending in `ext` below `dir` (hidden entries and node_modules left out), as
 * paths relative to `dir` with forward slashes, sorted by name at each level. Symbolic links are
 * not followed (`withFileTypes` reports them as links, neither file nor folder), so a link loop
 * cannot trap the walk.
 */
export function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && entry.name.endsWith(ext)) out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Every regular `*.txt` file below `dir` (see filesUnder). */
export function articlesUnder(dir: string): string[] {
  return filesUnder(dir, '.txt');
}
