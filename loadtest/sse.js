// SSE fan-out load against a running deployment (loadtest/README.md, "SSE").
//
// Plain k6 cannot hold a server-sent-events stream: its HTTP client waits for the whole body, and an
// SSE body never ends, and stock k6 has no SSE module. This script therefore needs a k6 built with
// the xk6-sse extension (`xk6 build --with github.com/phymbert/xk6-sse@v0.1.10`), which reads the
// stream event by event; its API as used here is declared in types/k6-x-sse.d.ts. Each VU holds
// one GET /v1/live/metrics stream for HOLD_SECONDS, counts the `metrics` events and closes it.
//
// The fan-out capacity itself (10,000 clients, p99 < 250 ms) is measured in-process by the bench's
// SseFanoutBench (docs/benchmarks.md, "SSE fan-out"); this script checks the deployed path:
// published port, token, connection limits, heartbeats, one live window every LIVE_METRICS_WINDOW_MS.

import sse from 'k6/x/sse';
import { check } from 'k6';
import { Counter } from 'k6/metrics';

const BASE_URL = __ENV.SSE_URL || 'http://127.0.0.1:8090';
const TOKEN = __ENV.SSE_TOKEN || '';
const CLIENTS = Number(__ENV.CLIENTS || 1000);
const HOLD_SECONDS = Number(__ENV.HOLD_SECONDS || 60);

const metricsEvents = new Counter('sse_metrics_events');
const streamErrors = new Counter('sse_stream_errors');

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    streams: {
      executor: 'per-vu-iterations',
      vus: CLIENTS,
      iterations: 1,
      maxDuration: `${HOLD_SECONDS + 60}s`,
    },
  },
  thresholds: {
    checks: ['rate==1'],
    sse_stream_errors: ['count==0'],
    // Every client sees at least one window per 5 s window length while it holds the stream.
    sse_metrics_events: [`count>=${CLIENTS * Math.floor(HOLD_SECONDS / 10)}`],
  },
};

export default function () {
  const url = `${BASE_URL}/v1/live/metrics?access_token=${encodeURIComponent(TOKEN)}`;
  const started = Date.now();
  const response = sse.open(url, {}, (client) => {
    client.on('event', (event) => {
      if (event.name === 'metrics') metricsEvents.add(1);
      if (Date.now() - started > HOLD_SECONDS * 1000) client.close();
    });
    client.on('error', () => {
      streamErrors.add(1);
      client.close();
    });
  });
  check(response, { 'stream opened with 200': (r) => r !== undefined && r.status === 200 });
}
