/**
 * The routes of a built mini-program, read from its app.json the way WeChat reads them: the main
 * package's `pages`, then every subpackage's `root` + `pages`. Pages added later are covered by
 * every check without touching the checks.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface AppRoutes {
  /** Every page route, main package first, without a leading slash (e.g. `packages/staff/reviews/index`). */
  all: string[];
  /** Subpackage roots, e.g. `packages/staff`. */
  subpackageRoots: string[];
  /** Routes of the tab bar. */
  tabs: string[];
  /** The app draws its own tab bar (`tabBar.custom`): WeChat puts custom-tab-bar/index on every tab page. */
  customTabBar: boolean;
  /** The route WeChat opens first. */
  entry: string;
}

interface AppJson {
  pages?: string[];
  subPackages?: Array<{ root: string; pages?: string[] }>;
  subpackages?: Array<{ root: string; pages?: string[] }>;
  tabBar?: { custom?: boolean; list?: Array<{ pagePath: string }> };
  entryPagePath?: string;
}

export function readAppRoutes(distDir: string): AppRoutes {
  const file = path.join(distDir, 'app.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:weapp\` first (npm test does)`);
  const app = JSON.parse(fs.readFileSync(file, 'utf8')) as AppJson;
  const main = app.pages ?? [];
  const subpackages = (app.subPackages ?? app.subpackages ?? []).map((pkg) => ({ ...pkg, root: pkg.root.replace(/\/+$/, '') }));
  const sub = subpackages.flatMap((pkg) => (pkg.pages ?? []).map((page) => `${pkg.root}/${page}`));
  return {
    all: [...main, ...sub],
    subpackageRoots: subpackages.map((pkg) => pkg.root),
    tabs: (app.tabBar?.list ?? []).map((tab) => tab.pagePath),
    customTabBar: app.tabBar?.custom === true,
    entry: app.entryPagePath ?? main[0],
  };
}
