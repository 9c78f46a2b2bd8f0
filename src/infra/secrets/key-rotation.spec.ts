import { createCipheriv, randomBytes } from 'node:crypto';
import {
  hasValidUploadSignature,
  signUploadTerms,
  type SignedUploadTerms,
} from '../storage/upload-signature.js';
import { SealedBox } from './sealed-box.js';
import { SigningKeys } from './signing-keys.js';

const OLD = 'o'.repeat(40);
const NEW = 'n'.repeat(40);
const TERMS: SignedUploadTerms = {
  key: 'ws_1/media_1/a.png',
  contentType: 'image/png',
  length: { kind: 'exact', bytes: 10 },
  expires: 1_900_000_000,
};

/** A value as SealedBox wrote it before key ids: IV, tag, ciphertext, no `id.` prefix. */
function legacySeal(key: Buffer, context: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

describe('rotating STORAGE_SIGNING_SECRET', () => {
  const before = new SigningKeys(OLD);
  const during = new SigningKeys(NEW, OLD);
  const after = new SigningKeys(NEW);

  it('names each purpose key by a short id that differs between secrets and purposes', () => {
    const ring = during.keyring('webhook-secrets');
    expect(ring.current.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(ring.previous?.id).toBe(
      before.keyring('webhook-secrets').current.id,
    );
    expect(ring.current.id).not.toBe(ring.previous?.id);
    expect(during.keyring('media-list-cursor').current.id).not.toBe(
      ring.current.id,
    );
    expect(ring.current.key.equals(during.derive('webhook-secrets'))).toBe(
      true,
    );
  });

  it('opens values sealed under the previous secret, and seals under the current one', () => {
    const old = new SealedBox(before.keyring('webhook-secrets'), 'base64');
    const sealedBefore = old.seal('wh_1', 'whsec_old');
    const box = new SealedBox(during.keyring('webhook-secrets'), 'base64');

    expect(box.open('wh_1', sealedBefore)).toBe('whsec_old');
    const sealedNow = box.seal('wh_1', 'whsec_new');
    expect(
      sealedNow.startsWith(`${during.keyring('webhook-secrets').current.id}.`),
    ).toBe(true);
    expect(() => old.open('wh_1', sealedNow)).toThrow();
    // Once the previous secret is dropped, what only it sealed no longer opens.
    const done = new SealedBox(after.keyring('webhook-secrets'), 'base64');
    expect(done.open('wh_1', sealedNow)).toBe('whsec_new');
    expect(() => done.open('wh_1', sealedBefore)).toThrow();
  });

  it('still opens values sealed before key ids existed, with the current or the previous key', () => {
    const legacyCurrent = legacySeal(
      after.derive('webhook-secrets'),
      'wh_1',
      'a',
    );
    const legacyPrevious = legacySeal(
      before.derive('webhook-secrets'),
      'wh_1',
      'b',
    );

    expect(
      new SealedBox(after.keyring('webhook-secrets'), 'base64').open(
        'wh_1',
        legacyCurrent,
      ),
    ).toBe('a');
    const box = new SealedBox(during.keyring('webhook-secrets'), 'base64');
    expect(box.open('wh_1', legacyCurrent)).toBe('a');
    expect(box.open('wh_1', legacyPrevious)).toBe('b');
    expect(() => box.open('wh_2', legacyPrevious)).toThrow();
  });

  it('accepts upload URLs signed with the previous secret and signs new ones with the current', () => {
    const signedBefore = signUploadTerms(before, TERMS);

    expect(hasValidUploadSignature(during, TERMS, signedBefore)).toBe(true);
    expect(hasValidUploadSignature(after, TERMS, signedBefore)).toBe(false);
    const signedNow = signUploadTerms(during, TERMS);
    expect(signedNow).toBe(signUploadTerms(after, TERMS));
    expect(hasValidUploadSignature(before, TERMS, signedNow)).toBe(false);
  });

  it('accepts bare hex signatures of URLs issued before key ids, under either secret', async () => {
    const { createHmac } = await import('node:crypto');
    const canonical = JSON.stringify([
      'media-api-upload-v1',
      'PUT',
      TERMS.key,
      TERMS.contentType,
      TERMS.length.kind,
      TERMS.length.bytes,
      TERMS.expires,
      null,
      null,
      null,
    ]);
    const legacy = (secret: string) =>
      createHmac('sha256', secret).update(canonical).digest('hex');

    expect(hasValidUploadSignature(after, TERMS, legacy(NEW))).toBe(true);
    expect(hasValidUploadSignature(during, TERMS, legacy(OLD))).toBe(true);
    expect(hasValidUploadSignature(after, TERMS, legacy(OLD))).toBe(false);
  });
});
