/**
 * deploy/kubernetes renders offline (`kubectl kustomize`), every object validates against the
 * Kubernetes API schemas (kubernetes-models), and the wiring that matters holds: pod ordinal →
 * shard index, headless Service, one Indexed Job completion per shard.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import {
  commandLine,
  find,
  kubectlMissing,
  podSpec,
  renderKustomization,
  renderManifests,
  type K8sObject,
} from './render.js';

const missing = kubectlMissing();

/** kubernetes-models' class for an object: `apps/v1` StatefulSet → kubernetes-models/apps/v1/StatefulSet. */
async function validate(object: K8sObject): Promise<void> {
  const path = `kubernetes-models/${object.apiVersion}/${object.kind}`;
  const module = (await import(path)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = module[object.kind]!;
  new Model(object).validate();
}

describe.skipIf(missing)('deploy/kubernetes', () => {
  const base = missing ? [] : renderManifests();
  const generated = missing ? [] : renderManifests('generated');

  it('renders the objects the deployment needs', () => {
    expect(base.map((o) => `${o.kind}/${o.metadata.name.replace(/-[a-z0-9]{10}$/, '')}`).sort()).toEqual([
      'ConfigMap/labfleet-shards',
      'ConfigMap/labfleet-topology',
      'Job/labfleet-check',
      'Job/labfleet-merge',
      'PersistentVolumeClaim/labfleet-reports',
      'Secret/labfleet-control',
      'Service/labfleet',
      'StatefulSet/labfleet',
    ]);
  });

  it('validates every object of the base and of the generated overlay against the Kubernetes schemas', async () => {
    for (const object of [...base, ...generated]) await validate(object);
  });

  it('the validator refuses a wrong object (so passing means something)', async () => {
    const sts = structuredClone(find(base, 'StatefulSet', 'labfleet'));
    (sts.spec as { replicas: unknown }).replicas = 'two';
    await expect(validate(sts)).rejects.toThrow(/replicas/);
  });

  it('wires the pod ordinal to the shard index and the pod IP to --bind-address', () => {
    const sts = find(base, 'StatefulSet', 'labfleet');
    expect(sts.spec).toMatchObject({ serviceName: 'labfleet', podManagementPolicy: 'Parallel' });
    const fleet = podSpec(sts).containers[0]!;
    const env = Object.fromEntries(fleet.env!.map((e) => [e.name, e.valueFrom]));
    expect(env.SHARD_INDEX).toEqual({
      fieldRef: { fieldPath: "metadata.labels['apps.kubernetes.io/pod-index']" },
    });
    expect(env.POD_IP).toEqual({ fieldRef: { fieldPath: 'status.podIP' } });
    const line = commandLine(fleet, { SHARD_INDEX: '1', SHARDS: '2', POD_IP: '10.1.2.3' });
    expect(line.join(' ')).toContain('up /topology/lab.yaml --shard 1/2 --bind port --bind-address 10.1.2.3');
    expect(line.join(' ')).toContain('--advertise-host labfleet-{shard}.labfleet --inventory-scope fleet');
  });

  it('has a headless Service naming every pod, and SHARDS, replicas and completions agree', () => {
    const service = find(base, 'Service', 'labfleet');
    expect(service.spec).toMatchObject({ clusterIP: 'None' });
    const sts = find(base, 'StatefulSet', 'labfleet');
    const job = find(base, 'Job', 'labfleet-check');
    const shards = base.find((o) => o.metadata.name.startsWith('labfleet-shards'))!.data!.SHARDS;
    const replicas = (sts.spec as { replicas: number }).replicas;
    expect(job.spec).toMatchObject({
      completionMode: 'Indexed',
      completions: replicas,
      parallelism: replicas,
    });
    expect(Number(shards)).toBe(replicas);
    const collect = commandLine(podSpec(job).containers[0]!, { JOB_COMPLETION_INDEX: '0', SHARDS: shards! });
    expect(collect.join(' ')).toContain(
      'collect neighbors --inventory http://labfleet:7000/inventory --shard 0/2',
    );
  });

  it('an overlay sets the shard count once: SHARDS, with the component, sizes the StatefulSet and the check Job', () => {
    const dir = mkdtempSync(join(tmpdir(), 'labfleet-overlay-'));
    try {
      // kustomize takes relative paths only.
      const deploy = relative(dir, join(ROOT, 'deploy', 'kubernetes'));
      writeFileSync(
        join(dir, 'kustomization.yaml'),
        [
          'apiVersion: kustomize.config.k8s.io/v1beta1',
          'kind: Kustomization',
          'resources:',
          `  - ${deploy}/base`,
          'configMapGenerator:',
          '  - name: labfleet-shards',
          '    behavior: merge',
          '    literals:',
          '      - SHARDS=5',
          'components:',
          `  - ${deploy}/components/shard-count`,
          '',
        ].join('\n'),
      );
      const objects = renderKustomization(dir);
      expect((find(objects, 'StatefulSet', 'labfleet').spec as { replicas: unknown }).replicas).toBe(5);
      expect(find(objects, 'Job', 'labfleet-check').spec).toMatchObject({ completions: 5, parallelism: 5 });
      expect(objects.find((o) => o.metadata.name.startsWith('labfleet-shards'))!.data!.SHARDS).toBe('5');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the generated overlay fills the topology volume with labfleet generate in both pods that read it', () => {
    for (const [kind, name] of [
      ['StatefulSet', 'labfleet'],
      ['Job', 'labfleet-merge'],
    ] as const) {
      const spec = podSpec(find(generated, kind, name));
      expect(spec.volumes!.find((v) => v.name === 'topology')).toEqual({ name: 'topology', emptyDir: {} });
      const init = spec.initContainers!.find((c) => c.name === 'generate-topology')!;
      expect(commandLine(init, {}).join(' ')).toContain('generate leaf-spine');
    }
  });
});
