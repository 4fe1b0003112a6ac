/** The Kubernetes manifests as `kubectl kustomize` renders them, parsed; and their command lines. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../helpers.js';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

/** Why the render tests cannot run here, or undefined when kubectl is installed. */
export function kubectlMissing(): string | undefined {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 20_000 });
    return undefined;
  } catch {
    return 'kubectl is not installed (Debian: apt-get install kubernetes-client); the manifests are not rendered';
  }
}

/** `kubectl kustomize deploy/kubernetes[/<overlay>]`, offline, each object parsed. */
export function renderManifests(overlay = ''): K8sObject[] {
  return renderKustomization(join(ROOT, 'deploy', 'kubernetes', overlay));
}

/** `kubectl kustomize <dir>`, offline, each object parsed. */
export function renderKustomization(dir: string): K8sObject[] {
  const text = execFileSync('kubectl', ['kustomize', dir], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return parseAllDocuments(text).map((d) => d.toJS() as K8sObject);
}

export function find(objects: readonly K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the rendered manifests`);
  return found;
}

export interface Container {
  name: string;
  command?: string[];
  args?: string[];
  env?: Array<{ name: string; value?: string; valueFrom?: Record<string, Record<string, string>> }>;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Array<Record<string, unknown> & { name: string }>;
}

export function podSpec(object: K8sObject): PodSpec {
  return (object.spec as { template: { spec: PodSpec } }).template.spec;
}

/**
 * A container's command line as the kubelet runs it: `$(VAR)` replaced by the variable's value
 * when `env` defines it (left as written otherwise), `$$` by `$`.
 */
export function commandLine(container: Container, env: Record<string, string>): string[] {
  return [...(container.command ?? []), ...(container.args ?? [])].map((word) =>
    word.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (match, name: string | undefined) =>
      match === '$$' ? '$' : name !== undefined && name in env ? env[name]! : match,
    ),
  );
}
