import { describe, expect, test } from 'vitest';
import { validateObject } from '../../src/k8s/schema/index.js';
import { convertText } from './x-shipshape-harness.js';

/** Service `web` with the given ports (YAML flow list) and x-shipshape ingress block (line 6). */
const web = (ports: string, ingress: string): string => `services:\n  web:\n    image: web:1.0\n    ports: ${ports}\n    x-shipshape:\n      ingress: ${ingress}\n`;

describe('Ingress', () => {
  test.each([
    ['default: first TCP port by number, every host', '["8080:80"]', '{}', [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 8080 } } } }] } }]],
    ['port by name', '[{name: http, target: 3000}, {name: admin, target: 9000}]', '{port: admin, host: a.example.com}', [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'admin' } } } }] } }]],
    ['port by number', '["80", "9000"]', '{port: 9000}', [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 9000 } } } }] } }]],
    ['first TCP port after a UDP one', '["53/udp", "80"]', '{}', [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }]],
  ])('%s', async (_name, ports, ingress, rules) => {
    const r = await convertText(web(ports, ingress));
    expect(r.codes.filter((c) => c.includes('ingress'))).toEqual([]);
    const object = r.get('Ingress/web')!;
    expect(object.spec).toMatchObject({ rules });
    expect(validateObject(JSON.parse(JSON.stringify(object)))).toEqual({ status: 'valid' });
  });

  test('the backend is the Service by its real (renamed) name', async () => {
    const r = await convertText('services:\n  front_end:\n    image: f:1.0\n    ports: ["80"]\n    x-shipshape:\n      ingress: {host: f.example.com}\n');
    expect(r.get('Ingress/front-end')!.spec).toMatchObject({ rules: [{ http: { paths: [{ backend: { service: { name: 'front-end' } } }] } }] });
  });

  test('TLS, class and annotations; hosts of the rules in tls', async () => {
    const r = await convertText(web('["80"]', '{host: [a.example.com, b.example.com], tlsSecret: certs, className: nginx, annotations: {example.com/x: "1"}}'));
    const object = r.get('Ingress/web')!;
    expect(object.metadata.annotations).toEqual({ 'example.com/x': '1' });
    expect(object.spec).toMatchObject({ ingressClassName: 'nginx', tls: [{ hosts: ['a.example.com', 'b.example.com'], secretName: 'certs' }] });
  });

  test('several paths of one host make one rule', async () => {
    const yaml = 'services:\n  web:\n    image: web:1.0\n    ports: ["80"]\n    labels:\n      kompose.service.expose: "a.example.com/x,a.example.com/y,a.example.com/x"\n';
    const rules = (await convertText(yaml)).get('Ingress/web')!.spec as { rules: { host: string; http: { paths: { path: string }[] } }[] };
    expect(rules.rules.map((rule) => [rule.host, rule.http.paths.map((p) => p.path)])).toEqual([['a.example.com', ['/x', '/y']]]);
  });

  test.each([
    ['no ports: error at the ingress key', 'services:\n  web:\n    image: web:1.0\n    x-shipshape:\n      ingress: {}\n', ['5:7 error convert/ingress-no-service']],
    ['a port the Service does not have', web('["80"]', '{port: 81}'), ['6:23 error convert/ingress-port']],
    ['a port name the Service does not have', web('[{name: http, target: 80}]', '{port: htp}'), ['6:23 error convert/ingress-port']],
    ['only UDP ports', web('["53/udp"]', '{}'), ['6:7 error convert/ingress-port']],
    ['a UDP port asked for', web('["53/udp", "80"]', '{port: 53}'), ['6:23 error convert/ingress-port']],
  ])('%s', async (_name, yaml, codes) => {
    const r = await convertText(yaml);
    expect(r.codes.filter((c) => c.includes('ingress'))).toEqual(codes);
    expect(r.kinds.filter((k) => k.startsWith('Ingress/'))).toEqual([]);
  });

  // validateIngressHTTPPath refuses these in a Prefix or Exact path: an error, and no Ingress to be refused at apply.
  test.each([
    ['x-shipshape path with //', web('["80"]', '{path: /api//v1}'), ['6:23 error x-shipshape/invalid-value']],
    ['x-shipshape Exact path ending in /..', web('["80"]', '{path: /api/.., pathType: Exact}'), ['6:23 error x-shipshape/invalid-value']],
    ['kompose expose path with %2f', 'services:\n  web:\n    image: web:1.0\n    ports: ["80"]\n    labels:\n      kompose.service.expose: "a.example.com/a%2fb"\n', ['6:7 error kompose/invalid-value']],
  ])('a path the API server refuses: %s', async (_name, yaml, codes) => {
    const r = await convertText(yaml);
    expect(r.codes.filter((c) => c.includes('invalid-value'))).toEqual(codes);
    expect(r.kinds.filter((k) => k.startsWith('Ingress/'))).toEqual([]);
  });

  test('an ImplementationSpecific path is left to the controller', async () => {
    const r = await convertText(web('["80"]', '{path: /api//v1, pathType: ImplementationSpecific}'));
    expect(r.codes).toEqual([]);
    expect(r.get('Ingress/web')!.spec).toMatchObject({ rules: [{ http: { paths: [{ path: '/api//v1', pathType: 'ImplementationSpecific' }] } }] });
  });

  test('a mistyped port name gets a suggestion', async () => {
    const r = await convertText(web('[{name: http, target: 80}]', '{port: htp}'));
    expect(r.diagnostics.find((d) => d.code === 'convert/ingress-port')!.message).toMatch(/did you mean 'http'/);
  });
});
