/** Golden cases of volumes, bind mounts, env_file, secrets and configs (folders of fixtures/convert/). */
export const VOLUME_CASES: readonly string[] = ['volumes', 'bind-mounts', 'bind-mounts-hostpath', 'secrets-configs', 'env-file', 'outside-project'];
