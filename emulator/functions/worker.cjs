/**
 * One cloud function instance. Like an SCF instance it loads the function once (initialisation, which
 * does not count against the call's timeout), keeps its module state while warm, and runs one invocation
 * at a time. Its process.env is its own (worker_threads `env`), so the per-call WX_* context that
 * wx-server-sdk's getWXContext() reads cannot leak between instances.
 */
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

let handler;

function serialiseError(error) {
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  if (error && typeof error === 'object') return { message: error.errMsg || error.message || JSON.stringify(error) };
  return { message: String(error) };
}

try {
  // The entry is whichever built function bundle this instance was started for.
  const mod = require(workerData.entry);
  handler = mod.main || (mod.default && mod.default.main);
  if (typeof handler !== 'function') throw new Error(`${workerData.entry} exports no main function`);
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: serialiseError(error) });
}

parentPort.on('message', async ({ id, event, context, wx }) => {
  for (const [key, value] of Object.entries(wx)) {
    if (value === undefined || value === null) delete process.env[key];
    else process.env[key] = String(value);
  }
  try {
    const result = await handler(event, context);
    parentPort.postMessage({ id, ok: true, result: result === undefined ? null : JSON.parse(JSON.stringify(result)) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: serialiseError(error) });
  }
});
