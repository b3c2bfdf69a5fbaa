import { containersOf } from '../../k8s/object.js';
import { describeContainer } from '../checks/container-name.js';
import { parseImageReference } from '../checks/image-reference.js';
import { defineRule } from '../rule.js';

interface Options {
  /** Tags that move to new builds and so pin nothing. */
  mutableTags: string[];
  /** Report every image without a digest, tagged or not. */
  requireDigest: boolean;
}

const PIN_HINT = 'Pin a version tag (nginx:1.27.3), or a digest (nginx@sha256:…) to run exactly one build, so every Pod runs the same image and a rollback returns to a known one.';

/**
 * Container images that pin nothing: no tag (which means `latest`), or a tag that moves (`latest` by
 * default). A digest pins the image whatever the tag says. A registry port (`localhost:5000/app`) is
 * not a tag. An image that is not a valid reference is reported too (the kubelet refuses it).
 */
export default defineRule<Options>({
  id: 'image-tag',
  meta: {
    description: 'Images should be pinned to a tag other than latest, or a digest',
    help:
      'Pin the image to a version tag (`nginx:1.27.3`) or a digest (`nginx@sha256:…`): `latest` moves, so Pods started at different times run different builds and rollbacks do not roll back.',
    severity: 'warning',
    appliesTo: ['@pod-templates'],
    messages: {
      noTag: "Image '{{image}}' of {{container}} has no tag: Kubernetes pulls 'latest', so Pods started at different times may run different builds.",
      mutableTag: "Image '{{image}}' of {{container}} uses the moving tag '{{tag}}': Pods started at different times may run different builds.",
      noDigest: "Image '{{image}}' of {{container}} is not pinned by a digest.",
      invalid: "Image '{{image}}' of {{container}} is not a valid image reference: {{reason}}.",
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        mutableTags: { type: 'array', items: { type: 'string', minLength: 1 } },
        requireDigest: { type: 'boolean' },
      },
    },
    defaults: { mutableTags: ['latest'], requireDigest: false },
  },
  create(context, options) {
    const mutable = new Set(options.mutableTags);
    return {
      '@pod-templates'(object) {
        for (const ref of containersOf(object, ['initContainers', 'containers', 'ephemeralContainers'])) {
          const image = ref.container.image;
          if (typeof image !== 'string') continue;
          const path = [...ref.path, 'image'];
          const data = { container: describeContainer(ref), image };
          const parsed = parseImageReference(image);
          if (!parsed.ok) {
            context.report({ messageId: 'invalid', path, data: { ...data, reason: parsed.reason }, hint: 'Write the image as [registry/]repository[:tag][@digest], in lower case.' });
            continue;
          }
          const { tag, digest } = parsed.reference;
          if (digest !== undefined) continue;
          if (tag === undefined) context.report({ messageId: 'noTag', path, data, hint: PIN_HINT });
          else if (mutable.has(tag)) context.report({ messageId: 'mutableTag', path, data: { ...data, tag }, hint: PIN_HINT });
          else if (options.requireDigest) {
            context.report({ messageId: 'noDigest', path, data, hint: 'Add the digest of the build you tested (image@sha256:…); tags can be moved to other builds.' });
          }
        }
      },
    };
  },
});

