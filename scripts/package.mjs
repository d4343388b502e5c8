#!/usr/bin/env node
// Builds the VSIX: esbuild bundles the client and the server into dist/, the native segmenter
// (@node-rs/jieba and its package for this platform) is staged under dist/node_modules, and
// vsce packages it for one platform target.
//
//   node scripts/package.mjs [--target linux-x64]     → corpus-lens-<version>-<target>.vsix
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const esbuild = require('esbuild');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const args = process.argv.slice(2);
const targetIndex = args.indexOf('--target');
const target = targetIndex >= 0 ? args[targetIndex + 1] : `${process.platform}-${process.arch}`;
// The @node-rs/jieba package that holds the native binary for each VS Code target.
const NATIVE_PACKAGES = {
  'linux-x64': '@node-rs/jieba-linux-x64-gnu',
  'linux-arm64': '@node-rs/jieba-linux-arm64-gnu',
  'alpine-x64': '@node-rs/jieba-linux-x64-musl',
  'darwin-x64': '@node-rs/jieba-darwin-x64',
  'darwin-arm64': '@node-rs/jieba-darwin-arm64',
  'win32-x64': '@node-rs/jieba-win32-x64-msvc',
  'win32-arm64': '@node-rs/jieba-win32-arm64-msvc',
};
const nativePackage = NATIVE_PACKAGES[target];
if (!nativePackage) {
  console.error(`package: unknown target "${target}" (one of ${Object.keys(NATIVE_PACKAGES).join(', ')})`);
  process.exit(2);
}

// The extension is assembled in a staging folder: the bundles, the data, the native segmenter
// and a manifest whose entry point is the bundle.
const stage = path.join(root, '.vsix-stage');
const dist = path.join(stage, 'dist');
fs.rmSync(stage, { recursive: true, force: true });

// ESM entry points first: jsonc-parser's UMD build hides its requires from the bundler.
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, minify: true, logLevel: 'warning', mainFields: ['module', 'main'] };
await esbuild.build({ ...common, entryPoints: [path.join(root, 'client/src/extension.ts')], outfile: path.join(dist, 'extension.js'), external: ['vscode'] });
await esbuild.build({
  ...common,
  entryPoints: [path.join(root, 'server/src/server.ts')],
  outfile: path.join(dist, 'server.js'),
  external: ['@node-rs/jieba', '@node-rs/jieba/dict', 'nodejieba'],
});
const data = path.join(root, 'server/data');
if (fs.existsSync(data)) fs.cpSync(data, path.join(dist, 'data'), { recursive: true });
else console.warn('package: server/data/ is missing: the VSIX ships without the bundled glossary');

function stagePackage(name) {
  const from = path.dirname(require.resolve(`${name}/package.json`, { paths: [root] }));
  const to = path.join(dist, 'node_modules', name);
  // idf.txt serves keyword extraction, which Corpus Lens does not use.
  fs.cpSync(from, to, { recursive: true, filter: (src) => !/(\.md|\.d\.ts|idf\.txt)$/.test(src) });
}
stagePackage('@node-rs/jieba');
// ...but @node-rs/jieba/dict reads it when loaded: without it the segmenter falls back to
// Intl.Segmenter. An empty file stands in.
fs.writeFileSync(path.join(dist, 'node_modules', '@node-rs', 'jieba', 'idf.txt'), '');
try {
  stagePackage(nativePackage);
} catch {
  console.error(`package: ${nativePackage} is not installed here; install it (npm install --force ${nativePackage}) to build for ${target}`);
  process.exit(2);
}

const nls = fs.readdirSync(root).filter((file) => /^package\.nls(\.[A-Za-z-]+)?\.json$/.test(file));
for (const file of ['README.md', 'LICENSE', 'language-configuration.json', ...nls]) fs.copyFileSync(path.join(root, file), path.join(stage, file));
// The grammar, the translations of the client's strings (manifest.l10n) and the walkthrough's pages.
for (const folder of ['syntaxes', 'l10n', 'media']) fs.cpSync(path.join(root, folder), path.join(stage, folder), { recursive: true });
// The README's screenshots travel with it, so the extension's details page can show them.
fs.cpSync(path.join(root, 'docs', 'screenshots'), path.join(stage, 'docs', 'screenshots'), { recursive: true });
const { scripts: _scripts, devDependencies: _dev, dependencies: _deps, optionalDependencies: _optional, bin: _bin, ...shipped } = manifest;
shipped.main = './dist/extension.js';
shipped.contributes.jsonValidation = shipped.contributes.jsonValidation.map((v) => ({ ...v, url: v.url.replace('./server/data/', './dist/data/') }));
fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(shipped, null, 2));
fs.writeFileSync(path.join(stage, '.vscodeignore'), '');

const vsix = path.join(root, `${manifest.name}-${manifest.version}-${target}.vsix`);
execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--target', target, '--out', vsix], {
  cwd: stage,
  stdio: 'inherit',
});
console.log(`package: ${path.relative(process.cwd(), vsix)}`);
