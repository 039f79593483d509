import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readComposeProject, type ComposeProject } from './compose-file.js';
import { dashboardProblems, type ProvisionedDatasource } from './grafana-provisioning.js';
import { checkObservability, observabilityProblems } from './observability.js';
import { collectorProblems } from './otel-collector-config.js';
import { planRehearsal } from './plan.js';
import { scrapeTargetProblems, scrapeTargets } from './prometheus-targets.js';

const root = join(import.meta.dirname, '..', '..');
const read = () => readComposeProject(join(root, 'docker-compose.yaml'), join(root, '.env.example'));
const service = (project: ComposeProject, name: string) => project.services.find((each) => each.name === name)!;
/** The repository's compose project, changed by `change` before it is checked. */
function problemsAfter(change: (project: ComposeProject) => void): string[] {
  const project = read();
  change(project);
  return observabilityProblems(project, planRehearsal(project, root).apps).problems;
}

describe('observability of docker-compose.yaml', () => {
  it('finds the repository files consistent, and lists the metrics the dashboards query', () => {
    const project = read();
    const findings = checkObservability(project, planRehearsal(project, root).apps);
    expect(findings.problems).toEqual([]);
    expect(findings.summary.join('\n')).toMatch(/prometheus .*scrapes gateway:9400, account:9401, catalog:9402, order:9403/);
    expect(findings.summary.join('\n')).toMatch(/dashboards shop-events \(\d+ panels\), shop-red \(\d+ panels\)/);
    expect(findings.dashboardMetrics).toEqual(expect.arrayContaining(['grpc_server_handling_seconds_bucket', 'graphql_requests_total', 'outbox_oldest_unpublished_age_seconds', 'dataloader_batch_size_bucket']));
  });

  it('reports a METRICS_PORT that Prometheus does not scrape, the image does not EXPOSE, or that is published', () => {
    const problems = problemsAfter((project) => {
      service(project, 'account').environment.METRICS_PORT = '9499';
      service(project, 'catalog').ports.push({ published: 9402, target: 9402 });
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'services.account.environment.METRICS_PORT is 9499, but services/account/Dockerfile does not EXPOSE it (it EXPOSEs 50051, 9401)',
        'deploy/observability/prometheus.yml: job shop scrapes account:9401, but services.account.environment.METRICS_PORT is 9499',
        'services.catalog.ports publishes the metrics port 9402: keep it on the compose network',
      ]),
    );
  });

  it('reports a gateway whose /metrics would listen on loopback only', () => {
    const problems = problemsAfter((project) => void delete service(project, 'gateway').environment.METRICS_HOST);
    expect(problems).toEqual(['services.gateway serves /metrics on GRPC_HOST=(unset: loopback): set METRICS_HOST: 0.0.0.0, or Prometheus cannot reach it']);
  });

  it('reports a missing mounted file, a writable mount, and a file that does not parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'observability-test-'));
    writeFileSync(join(dir, 'broken.yaml'), 'receivers: [otlp\n');
    const problems = problemsAfter((project) => {
      service(project, 'prometheus').volumes[0]!.source = join(root, 'deploy/observability/missing.yml');
      service(project, 'otel-collector').volumes[0] = { source: join(dir, 'broken.yaml'), target: '/etc/otelcol-contrib/config.yaml', bind: true, readOnly: false };
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'services.prometheus mounts deploy/observability/missing.yml, which does not exist',
        'services.prometheus reads /etc/prometheus/prometheus.yml, which none of its mounts puts there',
        expect.stringMatching(/^services\.otel-collector mounts .*broken\.yaml at \/etc\/otelcol-contrib\/config\.yaml writable: add :ro/),
        expect.stringMatching(/broken\.yaml \(services\.otel-collector's \/etc\/otelcol-contrib\/config\.yaml\) does not parse: /),
      ]),
    );
  });

  it('reports an environment path (the home dashboard) that the mounts do not hold', () => {
    const problems = problemsAfter((project) => {
      service(project, 'grafana').environment.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH = '/etc/grafana/dashboards/gone.json';
    });
    expect(problems).toEqual(['services.grafana.environment.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH is /etc/grafana/dashboards/gone.json, which its mounts do not hold']);
  });

  it('throws with every problem at once', () => {
    const project = read();
    service(project, 'order').environment.METRICS_PORT = 'x';
    service(project, 'prometheus').volumes = [];
    expect(() => checkObservability(project, planRehearsal(project, root).apps)).toThrow(
      /has 2 problem\(s\):\n {2}- services\.order\.environment\.METRICS_PORT is "x", not a port number\n {2}- services\.prometheus reads \/etc\/prometheus\/prometheus\.yml/,
    );
  });
});

describe('Prometheus scrape targets', () => {
  const services = read().services;
  const config = (targets: string[]) => ({ scrape_configs: [{ job_name: 'shop', static_configs: [{ targets }] }] });
  const problems = (targets: string[]) => {
    const parsed = scrapeTargets(config(targets), 'prometheus.yml');
    return [...parsed.problems, ...scrapeTargetProblems(parsed.targets, services, 'prometheus.yml')];
  };

  it('accepts every app on its METRICS_PORT', () => {
    expect(problems(['gateway:9400', 'account:9401', 'catalog:9402', 'order:9403'])).toEqual([]);
  });

  it('reports a wrong port, an unknown host, a service without metrics, a bad target and an app left out', () => {
    expect(problems(['gateway:9401', 'acount:9401', 'postgres:5432', 'catalog', 'order:9403'])).toEqual([
      'prometheus.yml: job shop has the target "catalog", not host:port',
      'prometheus.yml: job shop scrapes gateway:9401, but services.gateway.environment.METRICS_PORT is 9400',
      'prometheus.yml: job shop scrapes acount:9401, but acount is no service of docker-compose.yaml',
      'prometheus.yml: job shop scrapes postgres:5432, but services.postgres sets no METRICS_PORT',
      'services.account serves /metrics on 9401, but prometheus.yml never scrapes it',
      'services.catalog serves /metrics on 9402, but prometheus.yml never scrapes it',
    ]);
  });

  it('reports a job it cannot check and a path the apps do not serve', () => {
    const parsed = scrapeTargets({ scrape_configs: [{ job_name: 'dns', dns_sd_configs: [] }, { job_name: 'x', metrics_path: '/prom', static_configs: [] }] }, 'p.yml');
    expect(parsed.problems).toEqual([
      'p.yml: job dns has no static_configs (the apps are scraped by service name; the rehearsal checks static targets)',
      'p.yml: job x scrapes /prom, but the apps serve /metrics',
    ]);
  });
});

describe('Grafana dashboards', () => {
  const datasources: ProvisionedDatasource[] = [{ uid: 'shop-prometheus', name: 'Prometheus', type: 'prometheus', isDefault: true }];
  const panel = (extra: Record<string, unknown> = {}) => ({
    id: 1,
    type: 'timeseries',
    title: 'Rate',
    gridPos: { h: 8, w: 12, x: 0, y: 0 },
    datasource: { type: 'prometheus', uid: 'shop-prometheus' },
    targets: [{ refId: 'A', expr: 'sum(rate(x_total[1m]))' }],
    ...extra,
  });

  it('accepts a panel on a provisioned data source and answers its expressions', () => {
    expect(dashboardProblems({ uid: 'd', title: 'D', panels: [panel()] }, 'd.json', datasources)).toEqual({ problems: [], exprs: ['sum(rate(x_total[1m]))'] });
  });

  it('reports an unknown data source uid, an import input, and panels without targets, gridPos or expr', () => {
    const dashboard = {
      uid: 'd',
      title: 'D',
      panels: [
        panel({ datasource: { type: 'prometheus', uid: 'other' } }),
        panel({ id: 2, title: 'Imported', datasource: { uid: '${DS_PROMETHEUS}' } }),
        panel({ id: 3, title: 'Empty', targets: [], gridPos: undefined }),
        panel({ id: 4, title: 'No expr', targets: [{ refId: 'A' }, { refId: 'A', expr: 'up' }] }),
      ],
      templating: { list: [{ name: 'service', datasource: { uid: 'gone' } }] },
    };
    expect(dashboardProblems(dashboard, 'd.json', datasources).problems).toEqual([
      'd.json panel "Rate" uses the data source uid other, which is not provisioned (shop-prometheus)',
      'd.json panel "Imported" uses the data source ${DS_PROMETHEUS}, an import input no provisioned dashboard resolves: use a provisioned uid (shop-prometheus)',
      'd.json panel "Empty" has no gridPos {h, w, x, y}',
      'd.json panel "Empty" has no targets',
      'd.json panel "No expr" target 0 (A) has no expr',
      'd.json panel "No expr" target 1 repeats the refId A',
      'd.json variable service uses the data source uid gone, which is not provisioned (shop-prometheus)',
    ]);
  });

  it('reports a dashboard without title, uid or panels', () => {
    expect(dashboardProblems({ panels: [] }, 'd.json', datasources).problems).toEqual([
      'd.json has no title',
      'd.json has no uid of 1 to 40 letters, digits, - or _ (links and the home page name it)',
      'd.json has no panels',
    ]);
  });

  it('reports a data source whose uid is missing or whose host is no service (a deeper mount hiding the repository\'s)', () => {
    const problems = problemsAfter((project) => {
      const grafana = service(project, 'grafana');
      const dir = mkdtempSync(join(tmpdir(), 'grafana-test-'));
      writeFileSync(join(dir, 'ds.yaml'), 'apiVersion: 1\ndatasources:\n  - name: P\n    type: prometheus\n    url: http://prometheus:9091\n  - name: T\n    type: jaeger\n    uid: t\n    url: http://tempo:3200\n');
      grafana.volumes.push({ source: dir, target: '/etc/grafana/provisioning/datasources', bind: true, readOnly: true });
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ds\.yaml datasources\[0\] \(P\) has no uid: Grafana would make a random one, which no dashboard names$/),
        expect.stringMatching(/ds\.yaml datasources\[0\]\.url is http:\/\/prometheus:9091, but prometheus serves on 9090$/),
        expect.stringMatching(/ds\.yaml datasources\[1\]\.url is http:\/\/tempo:3200, but tempo is no service of docker-compose\.yaml$/),
        // The mount over .../datasources hides datasources.yaml, so shop-prometheus is no longer provisioned.
        'deploy/observability/grafana/dashboards/shop-red.json panel "GraphQL requests/s" uses the data source uid shop-prometheus, which is not provisioned (t)',
      ]),
    );
  });
});

describe('the collector and the apps\' OTLP endpoints', () => {
  const project = read();
  const collector = service(project, 'otel-collector');
  const config = (receiverEndpoint: string, exporters: string[] = ['otlp/jaeger']) => ({
    receivers: { otlp: { protocols: { http: { endpoint: receiverEndpoint } } } },
    processors: { batch: {} },
    exporters: { 'otlp/jaeger': { endpoint: 'jaeger:4317' }, debug: {} },
    service: { pipelines: { traces: { receivers: ['otlp'], processors: ['batch'], exporters } } },
  });

  it('accepts an otlp receiver on every interface at the apps\' port, exporting to a compose service', () => {
    const checked = collectorProblems(config('0.0.0.0:4318'), 'c.yaml', collector, project.services);
    expect(checked.problems).toEqual([]);
    expect(checked.summary).toBe('traces: otlp -> batch -> otlp/jaeger; account, catalog, order, gateway send to it');
  });

  it('reports a receiver on loopback or another port, a debug exporter and an undeclared component', () => {
    expect(collectorProblems(config('localhost:4318', ['debug', 'zipkin']), 'c.yaml', collector, project.services).problems).toEqual([
      'c.yaml: pipeline traces uses the exporter zipkin, which exporters: does not declare',
      'c.yaml: the traces pipeline exports to debug, which prints every span into the collector\'s log',
      ...['account', 'catalog', 'order', 'gateway'].map(() => 'c.yaml: the receiver otlp listens for http on localhost:4318, which other containers cannot reach: use 0.0.0.0:4318'),
    ]);
    const wrongPort = collectorProblems(config('0.0.0.0:4317'), 'c.yaml', collector, project.services).problems;
    expect(wrongPort[0]).toBe('services.account.environment.OTEL_EXPORTER_OTLP_ENDPOINT sends http/protobuf to port 4318, but the collector\'s traces pipeline takes OTLP/http on 4317 (c.yaml)');
  });

  it('reports an app whose trace service name differs from its metrics\' service label', () => {
    const changed = read();
    service(changed, 'order').environment.OTEL_SERVICE_NAME = 'orders';
    expect(collectorProblems(config('0.0.0.0:4318'), 'c.yaml', service(changed, 'otel-collector'), changed.services).problems).toEqual([
      'services.order.environment.OTEL_SERVICE_NAME is "orders", not "order" (the service label of its metrics)',
    ]);
  });
});
