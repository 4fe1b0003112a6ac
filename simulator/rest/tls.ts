/**
 * The per-run TLS identity of the REST devices: a fresh self-signed ECDSA P-256 certificate, as a
 * device makes its own at first boot. Clients accept it the way they accept a lab box's (`curl -k`,
 * `verify=False`), or pin it from the file `up --rest-cert` writes.
 */
import selfsigned from 'selfsigned';

export interface TlsIdentity {
  /** PEM. */
  key: string;
  /** PEM. */
  cert: string;
}

/** Generates the certificate; pure JavaScript (no OpenSSL binary, no native build). */
export async function generateTlsIdentity(): Promise<TlsIdentity> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'labfleet' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
