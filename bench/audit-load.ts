// The load generator of bench/audit-bench.ts, in its own process so that the server's CPU time
// per request can be read without the client's (a request's fetch costs about what the server
// spends answering it). It runs one round per message and answers with the round's wall time.
interface RoundRequest {
  urls: string[];
  headers: Record<string, string>;
  concurrency: number;
}

process.on('message', (message: RoundRequest) => {
  void runRound(message).then(
    (ms) => process.send?.({ ms }),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});

async function runRound({ urls, headers, concurrency }: RoundRequest): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const res = await fetch(url, { headers });
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - started;
}
