/**
 * The extension bundles the adapters: they must build for the browser with no Node built-in
 * (fs, path, node:*) anywhere in their import graph. Prints the bundle size for the note.
 */
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

it('shared/marketplaces bundles for the browser without Node built-ins', async () => {
  const nodeImports: string[] = [];
  const result = await build({
    entryPoints: [join(import.meta.dirname, '../../shared/marketplaces/index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'refuse-node-builtins',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            const bare = args.path.replace(/^node:/, '').split('/')[0];
            if (args.path.startsWith('node:') || builtinModules.includes(bare)) nodeImports.push(`${args.path} (from ${args.importer})`);
            return undefined;
          });
        },
      },
    ],
  });
  expect(nodeImports).toEqual([]);
  expect(result.errors).toEqual([]);
  const bytes = result.outputFiles[0].contents.byteLength;
  console.log(`[marketplaces] browser bundle of shared/marketplaces: ${(bytes / 1024).toFixed(0)} KiB minified`);
  expect(bytes).toBeGreaterThan(10_000);
});
