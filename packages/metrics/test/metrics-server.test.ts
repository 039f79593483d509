import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parsePrometheusText } from '@shop/testing';
import { SampledSeries, startMetricsServer, type MetricsServer } from '../src/index.js';

// Series of this test only (the registry is the process's): names no app uses.
const levels = new SampledSeries('gauge', { name: 'test_metrics_server_level', help: 'A level sampled at scrape time.', labelNames: ['source'] as const });
const counts = new SampledSeries('counter', { name: 'test_metrics_server_things_total', help: 'A count kept by its source.', labelNames: ['source'] as const });

let server: MetricsServer;
const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;

beforeAll(async () => {
  server = await startMetricsServer({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await server.close();
});

describe('the /metrics server', () => {
  it('serves the registry as Prometheus text, with sampled series read at scrape time', async () => {
    let level = 3;
    const removeLevel = levels.add(() => [{ labels: { source: 'a' }, value: level }]);
    const removeCount = counts.add(() => [{ labels: { source: 'a' }, value: 41 }]);
    try {
      const first = await fetch(url('/metrics'));
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const parsed = parsePrometheusText(await first.text());
      expect(parsed.types.get('test_metrics_server_level')).toBe('gauge');
      expect(parsed.types.get('test_metrics_server_things_total')).toBe('counter');
      expect(parsed.samples).toContainEqual({ name: 'test_metrics_server_level', labels: { source: 'a' }, value: 3 });
      expect(parsed.samples).toContainEqual({ name: 'test_metrics_server_things_total', labels: { source: 'a' }, value: 41 });

      level = 7;
      const second = parsePrometheusText(await (await fetch(url('/metrics'))).text());
      expect(second.samples).toContainEqual({ name: 'test_metrics_server_level', labels: { source: 'a' }, value: 7 });
    } finally {
      removeLevel();
      removeCount();
    }
    // A removed sampler (a stopped pool, consumer or cache) leaves no series behind.
    const after = parsePrometheusText(await (await fetch(url('/metrics'))).text());
    expect(after.samples.filter((sample) => sample.name.startsWith('test_metrics_server_'))).toEqual([]);
  });

  it('leaves out a source that cannot answer (its database is down) and still serves the others', async () => {
    const removers = [
      levels.add(() => {
        throw new Error('database unreachable');
      }),
      levels.add(async () => Promise.reject(new Error('NATS unreachable'))),
      levels.add(() => [{ labels: { source: 'healthy' }, value: 1 }]),
    ];
    try {
      const response = await fetch(url('/metrics'));
      expect(response.status).toBe(200);
      const samples = parsePrometheusText(await response.text()).samples.filter((sample) => sample.name === 'test_metrics_server_level');
      expect(samples).toEqual([{ name: 'test_metrics_server_level', labels: { source: 'healthy' }, value: 1 }]);
    } finally {
      removers.forEach((remove) => remove());
    }
  });

  it('answers only GET and HEAD on /metrics: 404 elsewhere, 405 for other methods', async () => {
    expect((await fetch(url('/'))).status).toBe(404);
    expect((await fetch(url('/metrics/../graphql'))).status).toBe(404);
    expect((await fetch(url('/metricsx'))).status).toBe(404);
    const post = await fetch(url('/metrics'), { method: 'POST', body: 'x' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    const head = await fetch(url('/metrics?debug=1'), { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });
});

describe('parsePrometheusText', () => {
  it('refuses what a scraper would refuse, naming the line', () => {
    expect(() => parsePrometheusText('ok_total 1\nbad line here\n')).toThrow(/line 2/);
    expect(() => parsePrometheusText('# TYPE x countr\n')).toThrow(/unknown metric type/);
    expect(() => parsePrometheusText('x{a="1",b=2} 1\n')).toThrow(/malformed labels/);
    expect(parsePrometheusText('x{a="q\\"uote",b="2"} +Inf\n').samples).toEqual([{ name: 'x', labels: { a: 'q"uote', b: '2' }, value: Infinity }]);
  });
});
