import { randomBytes } from 'node:crypto';
import { newWebhookSecret, WebhookSecretBox } from './webhook-secrets.js';

describe('webhook secrets', () => {
  it('are whsec_ + base64 of 32 random bytes, as Standard Webhooks expects', () => {
    const secret = newWebhookSecret();

    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('are sealed so that the stored value reveals nothing and opens only for its endpoint', () => {
    const box = new WebhookSecretBox(randomBytes(32));
    const secret = newWebhookSecret();

    const sealed = box.seal('wh_a', secret);

    expect(sealed).not.toContain(secret.slice(6, 20));
    expect(box.seal('wh_a', secret)).not.toBe(sealed);
    expect(box.open('wh_a', sealed)).toBe(secret);
    expect(() => box.open('wh_b', sealed)).toThrow();
    expect(() =>
      new WebhookSecretBox(randomBytes(32)).open('wh_a', sealed),
    ).toThrow();
  });

  it('refuse a tampered sealed value', () => {
    const box = new WebhookSecretBox(randomBytes(32));
    const [keyId, value] = box.seal('wh_a', newWebhookSecret()).split('.');
    const raw = Buffer.from(value, 'base64');
    raw[raw.length - 1] ^= 1;

    expect(() =>
      box.open('wh_a', `${keyId}.${raw.toString('base64')}`),
    ).toThrow();
  });
});
