/**
 * Which fields hold resource quantities, by field name. The API definitions type these fields as
 * `resource.Quantity`, but the shape tables (generated/k8s/shapes.json) do not keep that type, so the
 * names are listed here from the definitions (every property that refers to Quantity, v1.21–v1.36).
 * A field listed here is compared by value only when both sides parse as quantities, so a wrong guess can
 * only make `1000m` equal `1`, never hide any other change; free-form maps (ConfigMap and Secret data,
 * labels, annotations) are never read as quantities.
 */

/** Maps whose every value is a quantity: `resources.requests.cpu`, `spec.hard.pods`, `spec.capacity.storage`. */
const QUANTITY_MAPS: ReadonlySet<string> = new Set([
  'requests',
  'limits',
  'capacity',
  'allocatable',
  'allocatedResources',
  'hard',
  'used',
  'overhead',
  'podFixed',
  // LimitRange items (`spec.limits[].max.cpu`).
  'max',
  'min',
  'default',
  'defaultRequest',
  'maxLimitRequestRatio',
]);

/** Fields that are a quantity themselves: `emptyDir.sizeLimit`, `resourceFieldRef.divisor`, HPA targets. */
const QUANTITY_FIELDS: ReadonlySet<string> = new Set([
  'sizeLimit',
  'divisor',
  'capacity',
  'maximumVolumeSize',
  'averageValue',
  'targetAverageValue',
  'targetValue',
]);

/** Top-level fields holding free-form data, never quantities. */
const FREE_FORM_ROOTS: ReadonlySet<string> = new Set(['metadata', 'data', 'stringData', 'binaryData']);

/**
 * Whether the value at `fields` (field names from the object root, list items left out:
 * `['spec', 'template', 'spec', 'containers', 'resources', 'limits', 'cpu']`) is a quantity.
 */
export function isQuantityField(fields: readonly string[]): boolean {
  const n = fields.length;
  if (n < 2 || FREE_FORM_ROOTS.has(fields[0]!)) return false;
  const last = fields[n - 1]!;
  const parent = fields[n - 2]!;
  if (QUANTITY_MAPS.has(parent) || QUANTITY_FIELDS.has(last)) return true;
  // MetricTarget.value (HPA v2 `metrics[].resource.target.value`).
  return last === 'value' && parent === 'target';
}
