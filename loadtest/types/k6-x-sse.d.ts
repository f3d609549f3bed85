// The part of the xk6-sse extension's API (github.com/phymbert/xk6-sse) that sse.js uses, so that
// tsc can check the script; plain k6 has no 'k6/x/sse' module (loadtest/README.md, "SSE").
declare module 'k6/x/sse' {
  interface SseEvent {
    id: string;
    name: string;
    data: string;
  }
  interface SseClient {
    on(event: 'open', handler: () => void): void;
    on(event: 'event', handler: (event: SseEvent) => void): void;
    on(event: 'error', handler: (error: { error(): string }) => void): void;
    close(): void;
  }
  interface SseResponse {
    status: number;
    error: string;
  }
  interface SseParams {
    method?: string;
    body?: string;
    headers?: Record<string, string>;
    tags?: Record<string, string>;
  }
  const sse: {
    open(url: string, params: SseParams, callback: (client: SseClient) => void): SseResponse;
  };
  export default sse;
}
