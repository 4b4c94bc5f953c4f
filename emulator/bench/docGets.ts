/**
 * One measurement of sequential `doc().get()` calls through the real SDK against a serviceUrl.
 * Run in its own process by run.ts: wx-server-sdk binds to the first `cloud.init` of a process and
 * ignores later ones, so each target gets a fresh process. Prints the calls per second.
 */
import { cloudRuntimeEnv } from '../runtimeEnv';
// Types only (erased at build): the SDK itself is required below, once the cloud env vars are set.
import type * as WxServerSdk from 'wx-server-sdk';

Object.assign(process.env, cloudRuntimeEnv('bench-env'));
const cloud = require('wx-server-sdk') as typeof WxServerSdk;

async function main(): Promise<void> {
  const [serviceUrl, ms] = [process.argv[2], Number(process.argv[3] ?? 1000)];
  cloud.init({ env: 'bench-env', serviceUrl } as never);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const doc: any = cloud.database().collection('bench_docs').doc('doc-1');
  for (let i = 0; i < 300; i++) await doc.get(); // warm-up
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await doc.get();
    count++;
  }
  console.log((count / ((performance.now() - start) / 1000)).toFixed(1));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
