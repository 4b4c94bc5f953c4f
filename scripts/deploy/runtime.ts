/**
 * The Node runtime each cloud function states: `runtime` in its config.json (WeChat's name, e.g. Nodejs16.13)
 * and `engines.node` in its package.json. The bundle is built for node16 (scripts/build-functions.mjs), so a
 * function must ask for Node 16 or newer, and both files must agree.
 */

/** WeChat Cloud's Node runtimes (云函数 → 运行环境). */
export const WECHAT_NODE_RUNTIMES = ['Nodejs10.15', 'Nodejs12.16', 'Nodejs14.18', 'Nodejs16.13', 'Nodejs18.15'] as const;
/** What the built bundles need (esbuild target node16). */
export const BUNDLE_MIN_NODE = [16, 0] as const;

function version(text: string): [number, number] | null {
  const match = /^(\d+)(?:\.(\d+))?/.exec(text);
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : null;
}

function atLeast(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
}

/** Problems with a function's stated runtime (empty when it is fine). */
export function runtimeProblems(
  name: string,
  config: { runtime?: unknown },
  manifest: { engines?: { node?: unknown } },
): string[] {
  const problems: string[] = [];
  const runtime = config.runtime;
  if (typeof runtime !== 'string' || !(WECHAT_NODE_RUNTIMES as readonly string[]).includes(runtime)) {
    problems.push(
      `云函数 ${name}: config.json 的 runtime 应为微信云开发支持的 Node 运行环境之一（${WECHAT_NODE_RUNTIMES.join('、')}），现为 ${String(runtime)}`,
    );
    return problems;
  }
  const runtimeVersion = version(runtime.replace(/^Nodejs/, ''))!;
  if (!atLeast(runtimeVersion, BUNDLE_MIN_NODE)) {
    problems.push(`云函数 ${name}: 打包产物需要 Node ${BUNDLE_MIN_NODE[0]} 或更新，runtime ${runtime} 太旧`);
  }
  const engines = typeof manifest.engines?.node === 'string' ? manifest.engines.node : undefined;
  const wanted = engines && /^>=\s*(\d+(?:\.\d+)?)\s*$/.exec(engines);
  if (!wanted) {
    problems.push(`云函数 ${name}: package.json 需写明 "engines": { "node": ">=${runtimeVersion.join('.')}" }`);
  } else if (!atLeast(runtimeVersion, version(wanted[1])!)) {
    problems.push(`云函数 ${name}: runtime ${runtime} 不满足 package.json 的 engines.node "${engines}"`);
  }
  return problems;
}
