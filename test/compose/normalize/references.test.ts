import { describeTable } from './harness.js';

const dep = (service: string, extra: object = {}) => ({ service, condition: 'service_started', restart: false, required: true, ...extra });

describeTable('depends_on', (s) => s.dependsOn, [
  { name: 'a list', yaml: 'depends_on: [db, cache]', expected: [dep('db'), dep('cache')] },
  { name: 'a map with condition', yaml: 'depends_on:\n  db:\n    condition: service_healthy', expected: [dep('db', { condition: 'service_healthy' })] },
  {
    name: 'a map with condition, restart, required',
    yaml: 'depends_on:\n  migrate:\n    condition: service_completed_successfully\n    restart: true\n    required: false',
    expected: [dep('migrate', { condition: 'service_completed_successfully', restart: true, required: false })],
  },
  { name: 'a map entry without a value', yaml: 'depends_on:\n  db:', expected: [dep('db')] },
  { name: 'restart as a string', yaml: 'depends_on:\n  db:\n    condition: service_started\n    restart: "true"', expected: [dep('db', { restart: true })] },
  { name: 'bad condition', yaml: 'depends_on:\n  db:\n    condition: service_ready', expected: [dep('db')], diagnostics: ['compose/invalid-value@3:16'] },
  { name: 'a string', yaml: 'depends_on: db', expected: [], diagnostics: ['compose/invalid-type@1:13'] },
]);

describeTable('service secrets and configs', (s) => [s.secrets, s.configs], [
  { name: 'short syntax', yaml: 'secrets: [db_pw]\nconfigs: [app_conf]', expected: [[{ source: 'db_pw' }], [{ source: 'app_conf' }]] },
  {
    name: 'long syntax',
    yaml: 'secrets:\n  - source: db_pw\n    target: /run/secrets/pw\n    uid: "103"\n    gid: "103"\n    mode: 0440',
    expected: [[{ source: 'db_pw', target: '/run/secrets/pw', uid: '103', gid: '103', mode: 0o440 }], []],
  },
  { name: 'mode as an octal string', yaml: 'configs:\n  - source: c\n    mode: "0440"', expected: [[], [{ source: 'c', mode: 0o440 }]] },
  { name: 'mode as a YAML 1.2 octal', yaml: 'configs:\n  - source: c\n    mode: 0o440', expected: [[], [{ source: 'c', mode: 0o440 }]] },
  { name: 'mode as a decimal number', yaml: 'configs:\n  - source: c\n    mode: 288', expected: [[], [{ source: 'c', mode: 288 }]] },
  { name: 'mode as a string is octal', yaml: 'configs:\n  - source: c\n    mode: "440"', expected: [[], [{ source: 'c', mode: 0o440 }]] },
  { name: 'uid as a number', yaml: 'secrets:\n  - source: s\n    uid: 1000', expected: [[{ source: 's', uid: '1000' }], []] },
  { name: 'long syntax without source', yaml: 'secrets:\n  - target: /x', expected: [[], []], diagnostics: ['compose/invalid-value@2:5'] },
  { name: 'bad mode', yaml: 'secrets:\n  - source: s\n    mode: rw', expected: [[{ source: 's' }], []], diagnostics: ['compose/invalid-value@3:11'] },
]);

const net = (name: string, extra: object = {}) => ({ name, aliases: [], ...extra });

describeTable('service networks', (s) => s.networks, [
  { name: 'a list', yaml: 'networks: [front, back]', expected: [net('front'), net('back')] },
  { name: 'a map with null entries', yaml: 'networks:\n  front:\n  back: null', expected: [net('front'), net('back')] },
  {
    name: 'a map with aliases, addresses, priority',
    yaml: 'networks:\n  back:\n    aliases: [db, database]\n    ipv4_address: 172.16.238.10\n    ipv6_address: 2001:3984:3989::10\n    priority: 1000',
    expected: [net('back', { aliases: ['db', 'database'], ipv4Address: '172.16.238.10', ipv6Address: '2001:3984:3989::10', priority: 1000 })],
  },
  {
    name: 'interface_name, mac_address, link_local_ips, driver_opts, gw_priority',
    yaml: 'networks:\n  n:\n    interface_name: eth1\n    mac_address: 02:42:ac:11:65:43\n    link_local_ips: [57.123.22.11]\n    driver_opts:\n      com.docker.network.bridge.name: br0\n    gw_priority: 10',
    expected: [
      net('n', { interfaceName: 'eth1', macAddress: '02:42:ac:11:65:43', linkLocalIps: ['57.123.22.11'], driverOpts: [{ key: 'com.docker.network.bridge.name', value: 'br0' }], gwPriority: 10 }),
    ],
  },
  { name: 'a string', yaml: 'networks: front', expected: [], diagnostics: ['compose/invalid-type@1:11'] },
  { name: 'aliases not a list', yaml: 'networks:\n  n:\n    aliases: db', expected: [net('n')], diagnostics: ['compose/invalid-type@3:14'] },
]);
