import { describe, expect, test } from 'vitest';
import type { CommandLine } from '../../src/compose/model.js';
import { at, containerOf, convert, env, find, kv, podSpecOf, project, service, span, deploy } from './model-builder.js';

const cmd = (...argv: string[]): CommandLine => ({ argv, form: 'list', span: span() });

async function converted(s: ReturnType<typeof service>, options = {}) {
  const result = await convert(project([s]), options);
  const workload = result.objects.find((o) => o.kind !== 'Service')!;
  return { container: containerOf(workload), pod: podSpecOf(workload), workload: workload as any, result };
}

describe('image', () => {
  test('image as given', async () => {
    expect((await converted(service('web', { image: 'nginx:1.27' }))).container.image).toBe('nginx:1.27');
  });
  test('build only: <project>-<service>, with a warning at build', async () => {
    const s = service('api', { build: { span: span(), keys: {}, context: '/work/shop/api', args: [] } });
    const { container, result } = await converted(s);
    expect(container.image).toBe('shop-api');
    expect(result.diagnostics.find((d) => d.code === 'convert/build-only-image')).toMatchObject({ severity: 'warning', line: s.keys.build!.line });
  });
  test('--image-prefix is put in front (with one slash)', async () => {
    const s = service('api', { build: { span: span(), keys: {}, context: '.', args: [] } });
    expect((await converted(s, { imagePrefix: 'registry.example.com/team' })).container.image).toBe('registry.example.com/team/shop-api');
    expect((await converted(s, { imagePrefix: 'registry.example.com/team/' })).container.image).toBe('registry.example.com/team/shop-api');
  });
  test('image and build: the image, and a note', async () => {
    const s = service('api', { image: 'me/api:2', build: { span: span(), keys: {}, context: '.', args: [] } });
    const { container, result } = await converted(s);
    expect(container.image).toBe('me/api:2');
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['convert/build-and-image', 'info']]);
  });
  test('neither: an error', async () => {
    const { result } = await converted(service('x'));
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['convert/no-image', 'error']]);
  });
});

describe('command line', () => {
  test('entrypoint → command, command → args', async () => {
    const { container } = await converted(service('w', { image: 'x:1', entrypoint: cmd('/bin/app'), command: cmd('--port', '80') }));
    expect(container.command).toEqual(['/bin/app']);
    expect(container.args).toEqual(['--port', '80']);
  });
  // Compose's empty override (`entrypoint: ""`, `[]`; `command: []`, `""`) cannot be written: Kubernetes treats an
  // empty command/args as unset. `null` for a key not given; the diagnostics name the key that caused them.
  const cases: [string, string[] | null, string[] | null, { command?: string[]; args?: string[] }, [string, string, 'entrypoint' | 'command'][]][] = [
    ['empty entrypoint alone: warning, image ENTRYPOINT runs', [], null, {}, [['convert/empty-command', 'warning', 'entrypoint']]],
    ['empty command alone: warning, image CMD runs', null, [], {}, [['convert/empty-command', 'warning', 'command']]],
    ['empty entrypoint and a command: the command is the program', [], ['/bin/app', '-v'], { command: ['/bin/app', '-v'] }, [['convert/empty-command', 'info', 'entrypoint']]],
    ['empty command with an entrypoint: the image CMD is not used anyway', ['/bin/app'], [], { command: ['/bin/app'] }, []],
    ['both empty: a warning at each', [], [], {}, [['convert/empty-command', 'warning', 'entrypoint'], ['convert/empty-command', 'warning', 'command']]],
    ['neither empty', ['/bin/app'], ['-v'], { command: ['/bin/app'], args: ['-v'] }, []],
  ];
  test.each(cases)('%s', async (_name, entrypoint, command, fields, expected) => {
    const s = service('w', { image: 'x:1', ...(entrypoint ? { entrypoint: cmd(...entrypoint) } : {}), ...(command ? { command: cmd(...command) } : {}) });
    const { container, result } = await converted(s);
    expect({ command: container.command, args: container.args }).toEqual({ command: fields.command, args: fields.args });
    expect(result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column }))).toEqual(
      expected.map(([code, severity, key]) => ({ code, severity, ...at(s, key) })),
    );
  });

  test('a literal $( is escaped so Kubernetes does not expand it', async () => {
    const { container } = await converted(service('w', { image: 'x:1', command: cmd('sh', '-c', 'echo $(date) $HOME') }));
    expect(container.args).toEqual(['sh', '-c', 'echo $$(date) $HOME']);
  });
});

describe('environment', () => {
  test('in order, a later entry of a name wins at its first position, $( escaped', async () => {
    const { container } = await converted(service('w', { image: 'x:1', environment: [env('A', '1'), env('B', '$(x)'), env('A', '2')] }));
    expect(container.env).toEqual([{ name: 'A', value: '2' }, { name: 'B', value: '$$(x)' }]);
  });
  test('a key-only entry with no value is left unset, with a note', async () => {
    const e = env('TOKEN', undefined);
    const { container, result } = await converted(service('w', { image: 'x:1', environment: [e] }));
    expect(container.env).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'convert/unset-env', severity: 'info', line: e.span.line }]);
  });
  test('values that look like numbers stay strings', async () => {
    const { container } = await converted(service('w', { image: 'x:1', environment: [env('PORT', '8080')] }));
    expect(container.env[0].value).toBe('8080');
  });
});

describe('securityContext', () => {
  test.each([
    ['1000', { runAsUser: 1000 }],
    ['1000:2000', { runAsUser: 1000, runAsGroup: 2000 }],
    ['root', { runAsUser: 0 }],
  ])('user %s', async (user, expected) => {
    expect((await converted(service('w', { image: 'x:1', user }))).container.securityContext).toEqual(expected);
  });
  test('a user name: warning at user, dropped', async () => {
    const s = service('w', { image: 'x:1', user: 'postgres' });
    const { container, result } = await converted(s);
    expect(container.securityContext).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'convert/user-name', line: s.keys.user!.line }]);
  });
  test('read_only, privileged, capabilities, no-new-privileges, seccomp, apparmor', async () => {
    const s = service('w', {
      image: 'x:1', readOnly: true, privileged: false, capAdd: ['CAP_NET_ADMIN', 'SYS_TIME'], capDrop: ['ALL'],
      securityOpt: ['no-new-privileges:true', 'seccomp:unconfined', 'apparmor=docker-default', 'label:type:spc_t'],
    });
    expect((await converted(s)).container.securityContext).toEqual({
      readOnlyRootFilesystem: true, privileged: false, capabilities: { add: ['NET_ADMIN', 'SYS_TIME'], drop: ['ALL'] },
      allowPrivilegeEscalation: false, seccompProfile: { type: 'Unconfined' },
      appArmorProfile: { type: 'Localhost', localhostProfile: 'docker-default' }, seLinuxOptions: { type: 'spc_t' },
    });
  });
  test('an unsupported security_opt is a warning', async () => {
    const { result } = await converted(service('w', { image: 'x:1', securityOpt: ['seccomp=./profile.json'] }));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['convert/dropped-key']);
  });
});

describe('other container fields', () => {
  test('working_dir, stdin_open, tty, stop_grace_period', async () => {
    const { container, pod } = await converted(service('w', { image: 'x:1', workingDir: '/app', stdinOpen: true, tty: true, stopGracePeriod: 90_500 }));
    expect(container).toMatchObject({ workingDir: '/app', stdin: true, tty: true });
    expect(pod.terminationGracePeriodSeconds).toBe(91);
  });
  test.each([
    ['always', 'Always', []],
    ['never', 'Never', []],
    ['missing', 'IfNotPresent', []],
    ['if_not_present', 'IfNotPresent', []],
    ['build', 'IfNotPresent', ['warning']],
    ['daily', 'Always', ['info']],
  ])('pull_policy %s → %s', async (pullPolicy, expected, severities) => {
    const { container, result } = await converted(service('w', { image: 'x:1', pullPolicy }));
    expect(container.imagePullPolicy).toBe(expected);
    expect(result.diagnostics.map((d) => d.severity)).toEqual(severities);
  });
  test('labels and annotations → pod annotations; kompose directive labels and invalid keys are not copied', async () => {
    const bad = kv('not a key', 'x');
    // kompose reads directives from labels only: a kompose.* annotation is an ordinary annotation.
    const s = service('w', { image: 'x:1', labels: [kv('com.example.team', 'shop'), kv('kompose.image-pull-policy', 'Always'), bad], annotations: [kv('example.com/owner', 'me'), kv('kompose.note', 'kept')] });
    const { workload, result } = await converted(s);
    expect(workload.spec.template.metadata.annotations).toEqual({ 'com.example.team': 'shop', 'example.com/owner': 'me', 'kompose.note': 'kept' });
    expect(result.diagnostics).toMatchObject([{ code: 'convert/invalid-annotation', line: bad.span.line }]);
  });
  test('post_start / pre_stop → lifecycle exec handlers', async () => {
    const s = service('w', { image: 'x:1', other: { post_start: { value: [{ command: ['/bin/warm-up'] }], span: span() }, pre_stop: { value: [{ command: 'sleep 5' }], span: span() } } });
    expect((await converted(s)).container.lifecycle).toEqual({ postStart: { exec: { command: ['/bin/warm-up'] } }, preStop: { exec: { command: ['sh', '-c', 'sleep 5'] } } });
  });
  test('pod defaults: no service links, no service account token', async () => {
    const { pod } = await converted(service('w', { image: 'x:1' }));
    expect(pod).toMatchObject({ enableServiceLinks: false, automountServiceAccountToken: false });
  });
});

describe('resources', () => {
  const res = (limits: object, reservations?: object) => ({ span: span(), keys: {}, limits: { span: span(), keys: {}, ...limits }, ...(reservations ? { reservations: { span: span(), keys: {}, devices: [], ...reservations } } : {}) });
  test('deploy.resources → limits and requests in canonical quantities', async () => {
    const s = service('w', { image: 'x:1', deploy: deploy({ resources: res({ cpus: 1.5, memory: 512 * 2 ** 20 }, { cpus: 0.25, memory: 2 ** 27 }) as any }) });
    expect((await converted(s)).container.resources).toEqual({ limits: { cpu: '1500m', memory: '512Mi' }, requests: { cpu: '250m', memory: '128Mi' } });
  });
  test('mem_limit, mem_reservation, cpus', async () => {
    const s = service('w', { image: 'x:1', memLimit: 2 ** 30, memReservation: 2 ** 29, cpus: 2 });
    expect((await converted(s)).container.resources).toEqual({ limits: { cpu: '2', memory: '1Gi' }, requests: { memory: '512Mi' } });
  });
  test('a request above its limit is lowered, with a warning', async () => {
    const s = service('w', { image: 'x:1', memLimit: 2 ** 28, memReservation: 2 ** 30 });
    const { container, result } = await converted(s);
    expect(container.resources.requests.memory).toBe('256Mi');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['convert/request-above-limit']);
  });
  test('GPU reservations → nvidia.com/gpu', async () => {
    const device = { span: span(), keys: {}, capabilities: ['gpu'], driver: 'nvidia', count: 2, deviceIds: [] };
    const s = service('w', { image: 'x:1', deploy: deploy({ resources: res({}, { devices: [device] }) as any }) });
    expect((await converted(s)).container.resources).toEqual({ limits: { 'nvidia.com/gpu': '2' } });
  });
  test('count: all → one GPU, with a warning', async () => {
    const device = { span: span(), keys: {}, capabilities: ['gpu'], count: 'all' as const, deviceIds: [] };
    const s = service('w', { image: 'x:1', deploy: deploy({ resources: res({}, { devices: [device] }) as any }) });
    const { container, result } = await converted(s);
    expect(container.resources.limits['nvidia.com/gpu']).toBe('1');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['convert/gpu-count']);
  });
});

describe('gpus:', () => {
  test('gpus: all → one GPU and a warning at the key', async () => {
    const s = service('w', { image: 'x:1', gpus: 'all' });
    const { container, result } = await converted(s);
    expect(container.resources).toEqual({ limits: { 'nvidia.com/gpu': '1' } });
    expect(result.diagnostics).toMatchObject([{ code: 'convert/gpu-count', line: s.keys.gpus!.line }]);
  });
  test('a gpus list counts its devices', async () => {
    const s = service('w', { image: 'x:1', gpus: [{ span: span(), keys: {}, capabilities: [], driver: 'nvidia', count: 2, deviceIds: [] }] });
    expect((await converted(s)).container.resources).toEqual({ limits: { 'nvidia.com/gpu': '2' } });
  });
});

describe('static addresses of other services', () => {
  const withAddress = (name: string, address: string, fields = {}) =>
    service(name, { image: 'x:1', networks: [{ span: span(), keys: { ipv4_address: span() }, name: 'dns-net', aliases: [], ipv4Address: address }], ...fields });
  test("an address of a service with a Service becomes $(<NAME>_SERVICE_HOST), and the pod keeps service links", async () => {
    const dns = withAddress('cloud_flared', '172.20.0.2', { ports: [{ ...(await import('./model-builder.js')).port('5054') }] });
    const e = env('UPSTREAM', '172.20.0.2#5054;1.1.1.1');
    const client = service('pihole', { image: 'pihole/pihole:2024.07.0', environment: [e, env('OTHER', '172.20.0.25')], command: { argv: ['--dns', '172.20.0.2'], form: 'list', span: span() } });
    const result = await convert(project([dns, client]));
    const workload = find(result.objects, 'Deployment', 'pihole');
    expect(containerOf(workload).env).toEqual([{ name: 'UPSTREAM', value: '$(CLOUD_FLARED_SERVICE_HOST)#5054;1.1.1.1' }, { name: 'OTHER', value: '172.20.0.25' }]);
    expect(containerOf(workload).args).toEqual(['--dns', '$(CLOUD_FLARED_SERVICE_HOST)']);
    expect(podSpecOf(workload).enableServiceLinks).toBe(true);
    expect(podSpecOf(find(result.objects, 'Deployment', 'cloud-flared')).enableServiceLinks).toBe(false);
    expect(result.diagnostics.filter((d) => d.code === 'convert/static-address').map((d) => d.line)).toEqual([client.command!.span.line, e.span.line].sort((a, b) => a - b));
  });
  test('an address of a service without a Service is left, with a warning', async () => {
    const e = env('UPSTREAM', '172.20.0.2');
    const result = await convert(project([withAddress('worker', '172.20.0.2'), service('client', { image: 'x:1', environment: [e] })]));
    expect(containerOf(find(result.objects, 'Deployment', 'client')).env).toEqual([{ name: 'UPSTREAM', value: '172.20.0.2' }]);
    expect(result.diagnostics.find((d) => d.code === 'convert/static-address')).toMatchObject({ severity: 'warning', line: e.span.line });
  });
});

describe('pod-level keys of a service', () => {
  test('init → shareProcessNamespace', async () => {
    expect((await converted(service('w', { image: 'x:1', init: true }))).pod.shareProcessNamespace).toBe(true);
  });
  test('group_add ids → supplementalGroups, merged with sysctls in one securityContext; names dropped', async () => {
    const s = service('w', { image: 'x:1', sysctls: [kv('net.core.somaxconn', '1024')], other: { group_add: { value: ['44', 'video'], span: span() } } });
    const { pod, result } = await converted(s);
    expect(pod.securityContext).toEqual({ supplementalGroups: [44], sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] });
    expect(result.diagnostics).toMatchObject([{ code: 'convert/dropped-key', line: s.keys.group_add!.line }]);
  });
  test('a key-only environment entry with a value from the shell: a note', async () => {
    const e = { ...env('HOME_DIR', '/root'), keyOnly: true };
    const { container, result } = await converted(service('w', { image: 'x:1', environment: [e] }));
    expect(container.env).toEqual([{ name: 'HOME_DIR', value: '/root' }]);
    expect(result.diagnostics).toMatchObject([{ code: 'convert/env-from-shell', severity: 'info', line: e.span.line }]);
  });
});
