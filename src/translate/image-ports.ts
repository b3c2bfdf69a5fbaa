/**
 * The port well-known official images listen on (their EXPOSE), to suggest an `expose:` entry when a
 * dependency has no ports. Only a suggestion: nothing is generated from it.
 */
const IMAGE_PORTS: Readonly<Record<string, number>> = {
  cassandra: 9042,
  couchdb: 5984,
  elasticsearch: 9200,
  influxdb: 8086,
  mariadb: 3306,
  memcached: 11211,
  mongo: 27017,
  mysql: 3306,
  nats: 4222,
  postgres: 5432,
  rabbitmq: 5672,
  redis: 6379,
  valkey: 6379,
  'bitnami/kafka': 9092,
  'confluentinc/cp-kafka': 9092,
  'mcr.microsoft.com/mssql/server': 1433,
  'mcr.microsoft.com/azure-sql-edge': 1433,
};

/** `mysql:8.0.19` → 3306; `docker.io/library/postgres` → 5432; undefined when not known. */
export function wellKnownPort(image: string | undefined): number | undefined {
  if (image === undefined) return undefined;
  const withoutDigest = image.split('@')[0]!;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const repository = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
  const name = repository.replace(/^(docker\.io\/)?(library\/)?/, '');
  return IMAGE_PORTS[name];
}
