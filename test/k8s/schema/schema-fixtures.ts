/** Shared by the schema tests: manifests parsed the way the linter reads them, and a valid Deployment. */
import { expect } from 'vitest';
import { parseDocuments } from '../../../src/source/index.js';

/** The first document of a YAML text, parsed the way the linter reads manifests. */
export function manifest(yaml: string): Record<string, unknown> {
  const { documents, diagnostics } = parseDocuments({ path: 'test.yaml', text: yaml });
  expect(diagnostics).toEqual([]);
  return documents[0]!.value as Record<string, unknown>;
}

export const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
  creationTimestamp: null
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
  template:
    metadata:
      labels: {app: web}
      annotations: {prometheus.io/scrape: "true"}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: MODE
              value: production
            - name: POD_IP
              valueFrom:
                fieldRef: {fieldPath: status.podIP}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 1, memory: 1Gi}
          readinessProbe:
            httpGet: {path: /healthz, port: http}
          livenessProbe:
            tcpSocket: {port: 8080}
      volumes:
        - name: cache
          emptyDir: {}
status: {}
`;
