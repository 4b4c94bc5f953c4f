import type { Compiler } from 'webpack';

/**
 * Compresses the WXML templates Taro writes (production weapp builds), as WeChat's code-quality
 * check asks. Taro's own `mini.minifyXML` is not used: it runs html-minifier, which drops the end tag of
 * `<input>` (an HTML void element), and WeChat's compiler then refuses the template ("expect end-tag
 * `input`", seen by tests/weapp).
 * What it does is safe for Taro's generated templates, whose text comes from data bindings: line breaks
 * with their indentation become one space, whitespace between tags goes. Inline `<wxs>` code is left as is.
 */
export function minifyWxml(source: string): string {
  return source
    .split(/(<wxs\b[^>]*>[\s\S]*?<\/wxs>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\s*\n\s*/g, ' ').replace(/>\s+</g, '><')))
    .join('')
    .trim();
}

export class WxmlMinifyPlugin {
  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('WxmlMinifyPlugin', (compilation) => {
      // After Taro has generated the templates (PROCESS_ASSETS_STAGE_ADDITIONAL).
      compilation.hooks.processAssets.tap(
        { name: 'WxmlMinifyPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith('.wxml')) continue;
            const source = String(assets[name].source());
            compilation.updateAsset(name, new sources.RawSource(minifyWxml(source)));
          }
        },
      );
    });
  }
}
