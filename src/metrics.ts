import { Counter, Histogram, Registry } from 'prom-client';

/** Prometheus metrics for /metrics. One registry per app instance, so tests never share counters. */
export class Metrics {
  readonly registry = new Registry();

  readonly deliveries = new Counter({
    name: 'relaydesk_webhook_deliveries_total',
    help: 'Webhook deliveries by source and result (stored, duplicate, signature_invalid, …)',
    labelNames: ['source', 'result'] as const,
    registers: [this.registry],
  });

  readonly events = new Counter({
    name: 'relaydesk_inbound_events_total',
    help: 'Events split out of deliveries, by kind and routing status',
    labelNames: ['kind', 'status'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'relaydesk_job_duration_seconds',
    help: 'Job run time by job name and outcome',
    labelNames: ['name', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
}
