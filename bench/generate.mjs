// Deterministic (seeded) inputs for the benchmark: manifest sets of realistic apps and a Compose project.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG; the same seed gives the same sequence on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OBJECTS_PER_APP = 6;
const APPS_PER_FILE = 5;
const TEAMS = ['payments', 'search', 'identity', 'catalog', 'checkout', 'media', 'ops', 'growth'];

/** The six objects of app `i` as YAML documents; `fault` plants one known problem; `variant` changes one value. */
export function appDocuments(i, random, { fault = null, variant = 0 } = {}) {
  const team = TEAMS[i % TEAMS.length];
  const name = `${team}-svc-${i}`;
  const ns = `team-${team}`;
  const port = 8000 + (i % 50);
  const replicas = 2 + Math.floor(random() * 4) + variant;
  const image = fault === 'latest' ? `registry.example.com/${team}/${name}:latest` : `registry.example.com/${team}/${name}:1.${i % 17}.${Math.floor(random() * 9)}`;
  const selectorApp = fault === 'selector' ? `${name}-typo` : name;
  const labels = `app.kubernetes.io/name: ${name}\n        app.kubernetes.io/part-of: ${team}\n        tier: backend`;
  const resources = fault === 'no-limits' ? '' : `
          resources:
            requests: { cpu: ${100 + Math.floor(random() * 400)}m, memory: ${128 * (1 + Math.floor(random() * 4))}Mi }
            limits: { cpu: "1", memory: ${256 * (1 + Math.floor(random() * 4))}Mi }`;
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        ${labels}
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: ${10000 + (i % 1000)}
      containers:
        - name: app
          image: ${image}
          ports:
            - name: http
              containerPort: ${port}
          envFrom:
            - configMapRef:
                name: ${name}-config
          env:
            - name: LOG_LEVEL
              value: info
            - name: POD_NAME
              valueFrom:
                fieldRef: { fieldPath: metadata.name }
          readinessProbe:
            httpGet: { path: /healthz, port: http }
            periodSeconds: 10
          livenessProbe:
            httpGet: { path: /livez, port: http }
            initialDelaySeconds: 15${resources}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
`;
  const service = `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    app.kubernetes.io/name: ${selectorApp}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
  const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  namespace: ${ns}
data:
  FEATURE_FLAGS: "a,b,c"
  UPSTREAM_URL: "http://${TEAMS[(i + 1) % TEAMS.length]}-svc-${i + 1}.team-${TEAMS[(i + 1) % TEAMS.length]}:80"
  CACHE_TTL: "${30 + Math.floor(random() * 300)}"
`;
  const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${fault === 'hpa-target' ? `${name}-old` : name}
  minReplicas: 2
  maxReplicas: ${6 + (i % 10)}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: 70 }
`;
  const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  ingressClassName: nginx
  rules:
    - host: ${name}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${name}
                port: { name: http }
`;
  const pdb = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
`;
  return [deployment, service, configMap, hpa, ingress, pdb];
}

const FAULTS = ['latest', 'selector', 'no-limits', 'hpa-target'];

/**
 * Write a manifest set of `objects` objects (rounded up to whole apps) under `dir`, 5 apps per file, in folders
 * of 50 files. `changed` lists app indexes whose replicas differ (for the diff pair). Returns the file count.
 */
export function writeManifestSet(dir, objects, { seed = 42, changed = new Set() } = {}) {
  const random = rng(seed);
  const apps = Math.ceil(objects / OBJECTS_PER_APP);
  let files = 0;
  for (let first = 0; first < apps; first += APPS_PER_FILE) {
    const docs = [];
    for (let i = first; i < Math.min(apps, first + APPS_PER_FILE); i++) {
      const fault = i % 97 === 13 ? FAULTS[i % FAULTS.length] : null;
      docs.push(...appDocuments(i, random, { fault, variant: changed.has(i) ? 1 : 0 }));
    }
    const folder = join(dir, `group-${String(Math.floor(files / 50)).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `apps-${String(files).padStart(4, '0')}.yaml`), docs.join('---\n'));
    files++;
  }
  return files;
}

/** App indexes of a 1% change between two sets of `objects` objects: one object (the Deployment) per chosen app. */
export function changedApps(objects, seed = 7) {
  const random = rng(seed);
  const apps = Math.ceil(objects / OBJECTS_PER_APP);
  const changed = new Set();
  while (changed.size < Math.ceil(objects / 100)) changed.add(Math.floor(random() * apps));
  return changed;
}

/** The text of a Compose project of `services` services; env files are written next to it by writeCompose. */
export function composeText(services, seed = 11) {
  const random = rng(seed);
  const out = ['name: bench', 'services:'];
  for (let i = 0; i < services; i++) {
    const name = `svc${i}`;
    const port = 3000 + i;
    out.push(`  ${name}:
    image: registry.example.com/bench/${name}:1.${i % 9}.${Math.floor(random() * 9)}
    ports:
      - "${port}:${8000 + (i % 50)}"
      - "127.0.0.1:${20000 + i}:9090/tcp"
    environment:
      LOG_LEVEL: info
      SERVICE_NAME: ${name}
      UPSTREAM: http://svc${(i + 1) % services}:8000
    env_file:
      - ./env/common.env
    volumes:
      - ${name}-data:/var/lib/${name}
      - ./config/${name}:/etc/${name}:ro
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:${8000 + (i % 50)}/healthz"]
      interval: 10s
      timeout: 3s
      retries: 3
      start_period: 20s
    deploy:
      replicas: ${1 + Math.floor(random() * 3)}
      resources:
        limits: { cpus: "0.5", memory: 256M }
        reservations: { cpus: "0.1", memory: 64M }
      restart_policy:
        condition: on-failure${i > 0 && i % 10 === 0 ? `\n    depends_on:\n      - svc${i - 1}` : ''}`);
  }
  out.push('volumes:');
  for (let i = 0; i < services; i++) out.push(`  svc${i}-data: {}`);
  return `${out.join('\n')}\n`;
}

/** Write the Compose project (compose.yaml, env/common.env, config/<service>/) under `dir`; returns the file path. */
export function writeCompose(dir, services) {
  mkdirSync(join(dir, 'env'), { recursive: true });
  writeFileSync(join(dir, 'env', 'common.env'), 'TZ=UTC\nREGION=eu-west-1\n');
  for (let i = 0; i < services; i++) {
    mkdirSync(join(dir, 'config', `svc${i}`), { recursive: true });
    writeFileSync(join(dir, 'config', `svc${i}`, 'app.conf'), `name=svc${i}\n`);
  }
  const file = join(dir, 'compose.yaml');
  writeFileSync(file, composeText(services));
  return file;
}
