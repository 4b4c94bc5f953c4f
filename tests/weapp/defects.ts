/**
 * Defects put into a copy of a build, to prove the checks fail on them (defects.test.ts). The real
 * dist/ is never touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A throwaway copy of the build; remove it with `fs.rmSync(dir, { recursive: true })`. */
export function copyBuild(distDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-defect-'));
  fs.cpSync(distDir, dir, { recursive: true });
  return dir;
}

/** (a) Tags closed in the wrong order at the end of a template. */
export function breakWxml(dir: string, file: string): void {
  fs.appendFileSync(path.join(dir, file), '\n<view class="weapp-check-defect"><text>broken</view>\n');
}

/** (b) A rule left open at the end of a stylesheet. */
export function breakWxss(dir: string, file: string): void {
  fs.appendFileSync(path.join(dir, file), '\n.weapp-check-defect { color: #c8161d;\n');
}

export const RENDER_DEFECT = 'weapp-check defect: rendering failed';

/**
 * (c) The page's component throws while React renders it: every text child of its JSX
 * (`children:"…"` in the minified bundle) becomes an expression that throws.
 */
export function throwOnRender(dir: string, route: string): void {
  const file = path.join(dir, `${route}.js`);
  const source = fs.readFileSync(file, 'utf8');
  const literals = /children:("(?:[^"\\]|\\.)*")/g;
  if (!literals.test(source)) throw new Error(`no JSX text child found in ${route}.js to break`);
  const thrower = `(function(){throw new Error(${JSON.stringify(RENDER_DEFECT)})})()`;
  // Every text child throws, so the first render fails whichever of the page's parts it shows first.
  fs.writeFileSync(file, source.replace(literals, `children:${thrower}`));
}

/** (d) A file of a subpackage missing from the build. */
export function removeFile(dir: string, file: string): void {
  fs.rmSync(path.join(dir, file));
}

/** The first file a page requires (a shared chunk of its subpackage, e.g. `../sub-common/….js`). */
export function firstRequiredChunk(dir: string, route: string): string {
  const source = fs.readFileSync(path.join(dir, `${route}.js`), 'utf8');
  const match = /require\("([^"]+)"\)/.exec(source);
  if (!match) throw new Error(`${route}.js requires no other file`);
  return path.posix.normalize(path.posix.join(path.posix.dirname(route), match[1]));
}

/** A link to a route that is not in app.json: every mention of `from` in the JS becomes `to`. */
export function relinkRoute(dir: string, from: string, to: string): string[] {
  const changed: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (child.endsWith('.js')) {
        const source = fs.readFileSync(path.join(dir, child), 'utf8');
        if (!source.includes(from)) continue;
        fs.writeFileSync(path.join(dir, child), source.split(from).join(to));
        changed.push(child);
      }
    }
  };
  walk('');
  return changed;
}
