// zhlint's default rules on one file as a whole process: node peer-zhlint.mjs PEERS_FOLDER FILE
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const [folder, file] = process.argv.slice(2);
const { run } = await import(pathToFileURL(path.join(folder, 'node_modules', 'zhlint', 'lib', 'index.js')).href);
const { validations } = run(fs.readFileSync(file, 'utf8'), { rules: { preset: 'default' } });
process.stdout.write(JSON.stringify(validations) + '\n');
