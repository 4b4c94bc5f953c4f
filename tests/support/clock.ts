/**
 * Time passing in a test: the local cloud's clock offset (`/_emu/clock`). Temporary file links expire by
 * it, timer triggers and the functions' `functionNow()` read it; WeChat Cloud has no such switch (the
 * function host alone passes it to functions, as LOCAL_CLOUD_CLOCK_OFFSET_MS). Reset it (0) when done.
 */
export async function setClock(baseUrl: string, offsetMs: number): Promise<{ now: string; offsetMs: number }> {
  const res = await fetch(`${baseUrl}/_emu/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offsetMs }),
  });
  if (res.status !== 200) throw new Error(`/_emu/clock answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { now: string; offsetMs: number };
}
