// AutoCorrect's lint of one file as a whole process: node peer-autocorrect.mjs PEERS_FOLDER FILE
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const [folder, file] = process.argv.slice(2);
const autocorrect = createRequire(path.join(folder, 'package.json'))('autocorrect-node');
const result = autocorrect.lintFor(fs.readFileSync(file, 'utf8'), file);
process.stdout.write(JSON.stringify(result) + '\n');
