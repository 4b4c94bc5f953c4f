import path from 'path';
import type { Compiler } from 'webpack';

/**
 * Writes dist-h5/size-manifest.json: for every chunk group, its JS files and the src/ modules it holds.
 * scripts/size-report.mjs --h5 uses it to find exactly the chunks the home route loads.
 */
export class SizeManifestPlugin {
  apply(compiler: Compiler) {
    const root = path.resolve(__dirname, '..');
    compiler.hooks.thisCompilation.tap('SizeManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SizeManifestPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const groups = compilation.chunkGroups.map((group) => {
            const files = new Set<string>();
            const modules = new Set<string>();
            for (const chunk of group.chunks) {
              for (const f of chunk.files) if (f.endsWith('.js')) files.add(f);
              for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
                const inner = (m as unknown as { modules?: { resource?: string }[] }).modules ?? [
                  m as unknown as { resource?: string },
                ];
                for (const x of inner) {
                  if (x.resource && x.resource.includes(`${path.sep}src${path.sep}`))
                    modules.add(path.relative(root, x.resource));
                }
              }
            }
            return { name: group.name ?? null, entry: group.isInitial(), files: [...files], modules: [...modules] };
          });
          const json = JSON.stringify({ groups }, null, 1);
          compilation.emitAsset('size-manifest.json', new compiler.webpack.sources.RawSource(json));
        },
      );
    });
  }
}
