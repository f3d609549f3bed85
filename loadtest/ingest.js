// k6 load test of POST /v1/events against a running deployment (loadtest/README.md).
//
// Two open-model scenarios (constant-arrival-rate: request i is due at start + i / rate whatever
// earlier answers did, like the bench's open load in docs/benchmarks.md), run one after the other:
//   single  - one event per request, SINGLE_RATE requests/s (default 5,000);
//   batched - BATCH_SIZE events per request as a JSON array, BATCH_RATE requests/s (default 500,
//             i.e. 50,000 events/s).
// The thresholds are the gateway targets of docs/benchmarks.md ("Ingest gateway"): p99 under 25 ms
// for single events at 5,000 req/s, p99 under 100 ms (the "sustained" bound) for batches of 100 at
// 500 req/s, no failed request, no dropped iteration. Every answer must be 202 with every event
// accepted: {"accepted": n, "rejected": []} (docs/ingest-api.md, "Sending events").
//
// The events are the repository's sample events (event-model/src/test/resources/samples/*.jsonl,
// docs/events.md) with a fresh id and the current time, so every event is new to the dedup.
//
// Type-checked with tsc against @types/k6 (loadtest/tsconfig.json) by build-tools/check-deploy.sh.

import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:8080';
const API_KEY = __ENV.INGEST_API_KEY || '';
const DURATION = __ENV.DURATION || '60s';
const SINGLE_RATE = Number(__ENV.SINGLE_RATE || 5000);
const BATCH_RATE = Number(__ENV.BATCH_RATE || 500);
const BATCH_SIZE = Number(__ENV.BATCH_SIZE || 100);
const SAMPLES_DIR = __ENV.SAMPLES_DIR || '../event-model/src/test/resources/samples';
const SAMPLE_TYPES = [
  'ai_stream_events',
  'ai_stream_status',
  'create_new_payment',
  'discovery_results',
  'network_capabilities',
  'stream_ingest_metrics',
  'stream_trace',
];

/**
 * The sample events, parsed once in the init context and shared read-only by every VU.
 * @type {Array<Record<string, unknown>>}
 */
const SAMPLES = SAMPLE_TYPES.flatMap((type) =>
  open(`${SAMPLES_DIR}/${type}.jsonl`)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => /** @type {Record<string, unknown>} */ (JSON.parse(line))),
);

const eventsAccepted = new Counter('events_accepted');
const eventsRejected = new Counter('events_rejected');

/** Seconds in a k6 duration such as "60s" or "2m", for the second scenario's start. */
function seconds(/** @type {string} */ duration) {
  const m = /^(\d+)(s|m)$/.exec(duration);
  if (!m) throw new Error(`DURATION must look like 60s or 2m, got ${duration}`);
  return Number(m[1]) * (m[2] === 'm' ? 60 : 1);
}

/** @type {import('k6/options').Options} */
export const options = {
  discardResponseBodies: false,
  scenarios: {
    single: {
      executor: 'constant-arrival-rate',
      exec: 'single',
      rate: SINGLE_RATE,
      timeUnit: '1s',
      duration: DURATION,
      preAllocatedVUs: 200,
      maxVUs: 2000,
    },
    batched: {
      executor: 'constant-arrival-rate',
      exec: 'batched',
      rate: BATCH_RATE,
      timeUnit: '1s',
      duration: DURATION,
      preAllocatedVUs: 100,
      maxVUs: 1000,
      // After the single scenario and a 10 s pause, so that each is measured alone.
      startTime: `${seconds(DURATION) + 10}s`,
    },
  },
  thresholds: {
    'http_req_duration{scenario:single}': ['p(99)<25'],
    'http_req_duration{scenario:batched}': ['p(99)<100'],
    http_req_failed: ['rate==0'],
    checks: ['rate==1'],
    events_rejected: ['count==0'],
    dropped_iterations: ['count==0'],
  },
};

export function setup() {
  if (API_KEY === '') {
    throw new Error('set INGEST_API_KEY to the key part of one INGEST_API_KEYS entry');
  }
  const ready = http.get(`${BASE_URL}/ready`);
  if (ready.status !== 200) {
    throw new Error(`${BASE_URL}/ready answered ${ready.status}: the gateway is not ready`);
  }
}

/** A sample event as a new one: its own id, the current time as the envelope timestamp. */
function freshEvent(/** @type {number} */ n) {
  const sample = SAMPLES[n % SAMPLES.length];
  const id = `k6-${exec.scenario.name}-${exec.vu.idInTest}-${exec.scenario.iterationInTest}-${n}`;
  return { ...sample, id, timestamp: Date.now() };
}

/** POSTs the events and checks the answer: 202, every event accepted, none rejected. */
function post(/** @type {Array<Record<string, unknown>>} */ events, /** @type {string} */ body) {
  const res = http.post(`${BASE_URL}/v1/events`, body, {
    headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
  });
  /** @type {{accepted?: number, rejected?: unknown[]}} */
  let answer = {};
  try {
    answer = /** @type {{accepted?: number, rejected?: unknown[]}} */ (res.json());
  } catch (e) {
    answer = {};
  }
  const rejected = Array.isArray(answer.rejected) ? answer.rejected.length : events.length;
  eventsAccepted.add(typeof answer.accepted === 'number' ? answer.accepted : 0);
  eventsRejected.add(rejected);
  check(res, {
    'status is 202': (r) => r.status === 202,
    'every event accepted': () => answer.accepted === events.length,
    'no event rejected': () => rejected === 0,
  });
}

export function single() {
  const event = freshEvent(exec.scenario.iterationInTest);
  post([event], JSON.stringify(event));
}

export function batched() {
  const first = exec.scenario.iterationInTest * BATCH_SIZE;
  const events = [];
  for (let i = 0; i < BATCH_SIZE; i++) {
    events.push(freshEvent(first + i));
  }
  post(events, JSON.stringify(events));
}
