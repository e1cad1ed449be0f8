import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { driverCommand, GITATTRIBUTES_LINE, shellQuote, withMergeAttribute } from '../../src/core/team/gitSetup';

describe('git merge set-up (pure part)', () => {
  const L = GITATTRIBUTES_LINE;
  const table: [string, string | undefined, string | undefined][] = [
    ['no .gitattributes yet', undefined, `${L}\n`],
    ['empty file', '', `${L}\n`],
    ['other lines, no final newline', '*.png binary', `*.png binary\n${L}\n`],
    ['CRLF file keeps CRLF', '*.png binary\r\n', `*.png binary\r\n${L}\r\n`],
    ['already there: unchanged', `*.png binary\n${L}\n`, undefined],
    ['already there with other spacing: unchanged', `*.annotations.yaml   merge=article-annotator\n`, undefined],
  ];
  for (const [name, before, after] of table) it(name, () => assert.equal(withMergeAttribute(before).text, after));

  it('another merge setting for sidecars is reported', () => {
    const r = withMergeAttribute('*.annotations.yaml merge=union\n');
    assert.equal(r.conflicting, '*.annotations.yaml merge=union');
    assert.equal(r.text, `*.annotations.yaml merge=union\n${L}\n`);
  });

  it('quotes paths for the shell git runs the driver with', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aa q'uote "));
    try {
      const script = path.join(dir, 'echo args.js');
      fs.writeFileSync(script, 'console.log(JSON.stringify([process.env.ELECTRON_RUN_AS_NODE, ...process.argv.slice(2)]))');
      const cmd = driverCommand(process.execPath, script).replace('%O %A %B %P', 'o a b p');
      assert.deepEqual(JSON.parse(execFileSync('sh', ['-c', cmd], { encoding: 'utf8' })), ['1', 'merge-driver', 'o', 'a', 'b', 'p']);
      assert.equal(shellQuote('/usr/bin/node'), '/usr/bin/node');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
