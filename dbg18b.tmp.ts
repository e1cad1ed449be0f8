import * as fs from 'node:fs';
import { detect } from './src/core/detect';
const f = process.argv[2]!;
const t = fs.readFileSync(f, 'utf8');
for (const a of detect(t).actors) console.log(a.type.padEnd(12), a.name, '|', a.aliases.join(', '), a.mentions.length);
