/** The netlab lab the netlab tests write: four device types on three platforms. */

/** A netlab lab: string, list, node-keyed dictionary and `interfaces` links, a stub, a group, an ifindex. */
export const NETLAB_LAB = `# a netlab lab
defaults.device: eos
module: [ ospf ]
provider: clab

groups:
  core:
    members: [ j1 ]
    device: vmx

nodes:
  e1:
  e2:
  pe1:
    device: csr
  n1:
    device: nxos
  j1:

links:
- e1-e2
- [ e1, pe1 ]
- pe1:
  n1:
    ifindex: 5
  bandwidth: 1000
- n1-j1
- interfaces:
  - node: j1
  - node: e2
- e1
`;
