/**
 * Generated Compose projects: services with image, ports, environment, healthcheck, deploy (replicas,
 * resources), depends_on, volumes, restart, command, user, labels… Always valid Compose, so every
 * project must convert without errors.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

const serviceName = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?$/);
const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/);
const envValue = fc.oneof(
  fc.string({ maxLength: 12 }).filter((s) => !s.includes('$')),
  fc.constantFrom('yes', 'no', 'on', 'true', '1:20', '0x1F', '010', '1e3', '', ' spaced ', 'a#b', 'ü€', 'null', '~'),
  fc.integer({ min: -5, max: 100000 }),
  fc.boolean(),
);
const image = fc.oneof(
  fc.constantFrom('nginx:1.27', 'postgres:16.4', 'redis:7.4-alpine', 'ghcr.io/example/api:1.2.3', 'registry.example.com:5000/team/app:2'),
  fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,2}$/)).map(([n, t]) => `${n}:${t}`),
);
const port = fc.integer({ min: 1, max: 65535 });
const ports = fc.uniqueArray(
  fc.oneof(
    port.map((p) => `${p}`),
    fc.tuple(port, port).map(([h, c]) => `${h}:${c}`),
    fc.tuple(port, port, fc.constantFrom('tcp', 'udp')).map(([h, c, p]) => `${h}:${c}/${p}`),
    fc.record({ target: port, published: fc.option(port.map(String), { nil: undefined }), protocol: fc.constantFrom('tcp', 'udp') }),
  ),
  { maxLength: 3, selector: (p) => (typeof p === 'string' ? p.split(':').pop()!.split('/')[0] : String(p.target)) },
);
const duration = fc.constantFrom('5s', '10s', '1m', '1m30s', '500ms', '2h');
const healthcheck = fc.oneof(
  fc.record(
    {
      test: fc.oneof(
        fc.constant(['CMD', 'true']),
        fc.constant(['CMD-SHELL', 'wget -qO- http://localhost/ || exit 1']),
        fc.constant('pg_isready'),
      ),
      interval: duration,
      timeout: duration,
      retries: fc.integer({ min: 1, max: 10 }),
      start_period: duration,
    },
    { requiredKeys: ['test'] },
  ),
  fc.constant({ disable: true }),
);
const cpus = fc.constantFrom('0.1', '0.25', '0.5', '1', '2', 1, 0.5);
const memory = fc.constantFrom('64M', '128M', '512m', '1G', '1gb', '256MiB', '134217728');
const deploy = fc.record(
  {
    replicas: fc.integer({ min: 0, max: 10 }),
    resources: fc.record({ limits: fc.record({ cpus, memory }, { requiredKeys: [] }), reservations: fc.record({ cpus, memory }, { requiredKeys: [] }) }, { requiredKeys: [] }),
    restart_policy: fc.record({ condition: fc.constantFrom('none', 'on-failure', 'any'), max_attempts: fc.integer({ min: 0, max: 5 }) }, { requiredKeys: ['condition'] }),
  },
  { requiredKeys: [] },
);

export interface GeneratedProject {
  /** compose.yaml text. */
  text: string;
  services: string[];
}

export const composeProject: fc.Arbitrary<GeneratedProject> = fc
  .uniqueArray(serviceName, { minLength: 1, maxLength: 4 })
  .chain((names) =>
    fc
      .tuple(
        ...names.map((name, i) =>
          fc.record(
            {
              image,
              ports,
              expose: fc.uniqueArray(port.map(String), { maxLength: 2 }),
              environment: fc.oneof(fc.dictionary(envName, envValue, { maxKeys: 4 }), fc.array(fc.tuple(envName, fc.string({ maxLength: 6 }).filter((s) => !s.includes('$'))).map(([k, v]) => `${k}=${v}`), { maxLength: 3 })),
              healthcheck,
              deploy,
              depends_on: fc.subarray(names.slice(0, i)),
              volumes: fc.uniqueArray(
                fc.oneof(
                  fc.constantFrom('data', 'cache').map((v) => `${v}:/var/lib/${name}`),
                  fc.constant({ type: 'tmpfs', target: `/tmp/${name}` }),
                  fc.constant(`/srv/${name}`),
                ),
                { maxLength: 2, selector: (v) => (typeof v === 'string' ? v.split(':').pop() : v.target) },
              ),
              restart: fc.constantFrom('no', 'always', 'on-failure', 'unless-stopped'),
              command: fc.oneof(fc.constant(['sh', '-c', 'echo hi']), fc.constant('serve --port 80')),
              user: fc.constantFrom('1000', '1000:1000', 'nobody'),
              labels: fc.dictionary(fc.stringMatching(/^[a-z]{1,5}(\.[a-z]{1,5})?$/), fc.string({ maxLength: 6 }).filter((s) => !s.includes('$')), { maxKeys: 2 }),
              working_dir: fc.constant('/app'),
              read_only: fc.boolean(),
              stop_grace_period: duration,
            },
            { requiredKeys: ['image'] },
          ),
        ),
      )
      .map((services) => {
        const project: Record<string, unknown> = { name: 'gen', services: Object.fromEntries(names.map((n, i) => [n, services[i]])) };
        const text = JSON.stringify(project);
        const volumes = ['data', 'cache'].filter((v) => text.includes(`"${v}:/`));
        if (volumes.length > 0) project.volumes = Object.fromEntries(volumes.map((v) => [v, {}]));
        return { text: stringify(project, { aliasDuplicateObjects: false }), services: names };
      }),
  );
