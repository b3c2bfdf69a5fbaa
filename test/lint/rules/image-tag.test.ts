import rule from '../../../src/lint/rules/image-tag.js';
import { ruleTester } from '../rule-tester.js';

const sha = `sha256:${'0123456789abcdef'.repeat(4)}`;

/** A Pod with one container; its image is at line 7, column 14. */
const pod = (image: string) => `
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
      - name: app
        image: ${image}
`;

ruleTester(rule, {
  valid: [
    { name: 'a version tag', yaml: pod('nginx:1.27.3') },
    { name: 'a digest', yaml: pod(`nginx@${sha}`) },
    { name: 'latest pinned by a digest', yaml: pod(`nginx:latest@${sha}`) },
    { name: 'a registry with a port and a tag', yaml: pod('localhost:5000/app:2.1') },
    { name: 'a tag that looks like an address', yaml: pod('registry.example.com/app:10.1.2.3') },
    { name: 'a container without an image is left to schema', yaml: pod('null') },
    { name: 'latest accepted when not listed as mutable', yaml: pod('nginx:latest'), options: { mutableTags: ['main'] } },
    { name: 'a digest satisfies requireDigest', yaml: pod(`gcr.io/p/app:1.0@${sha}`), options: { requireDigest: true } },
  ],
  invalid: [
    { name: 'no tag', yaml: pod('nginx'), errors: [{ messageId: 'noTag', line: 7, column: 14, severity: 'warning', message: "Image 'nginx' of container 'app' has no tag" }] },
    { name: 'latest', yaml: pod('nginx:latest'), errors: [{ messageId: 'mutableTag', line: 7, column: 14, message: "the moving tag 'latest'" }] },
    { name: 'a registry port is not a tag', yaml: pod('localhost:5000/app'), errors: [{ messageId: 'noTag', line: 7, column: 14 }] },
    { name: 'a configured moving tag', yaml: pod('team/app:main'), options: { mutableTags: ['latest', 'main'] }, errors: [{ messageId: 'mutableTag', line: 7, column: 14 }] },
    { name: 'requireDigest', yaml: pod('nginx:1.27.3'), options: { requireDigest: true }, errors: [{ messageId: 'noDigest', line: 7, column: 14 }] },
    { name: 'an invalid reference', yaml: pod('Nginx:1.27'), errors: [{ messageId: 'invalid', line: 7, column: 14, message: "'Nginx' is not a valid repository name component" }] },
    { name: 'an empty image', yaml: pod('""'), errors: [{ messageId: 'invalid', line: 7, column: 14, message: 'it is empty' }] },
    {
      name: 'init containers too, and a CronJob',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  initContainers: [{name: init, image: "busybox"}]
                  containers: [{name: job, image: "alpine:latest"}]
      `,
      errors: [
        { messageId: 'noTag', line: 11, column: 48, message: "init container 'init'" },
        { messageId: 'mutableTag', line: 12, column: 43 },
      ],
    },
    {
      name: 'a Deployment inside a List',
      yaml: `
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx}]
      `,
      errors: [{ messageId: 'noTag', line: 12, column: 43 }],
    },
  ],
});
