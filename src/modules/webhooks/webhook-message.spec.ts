import { Webhook } from 'standardwebhooks';
import { newWebhookSecret } from './webhook-secrets.js';
import { signedHeaders, webhookPayload } from './webhook-message.js';

describe('webhook messages', () => {
  const event = {
    id: 'evt_abc1234567890abc12345678',
    type: 'media.uploaded',
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    data: { id: 'media_abc1234567890abc12345678', status: 'PROCESSING' },
  };

  it('carry the event id, type, time and the media object', () => {
    expect(webhookPayload(event)).toEqual({
      id: event.id,
      type: 'media.uploaded',
      createdAt: '2026-01-02T03:04:05.678Z',
      data: { media: event.data },
    });
  });

  it('are signed so that the standardwebhooks package verifies them', () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify(webhookPayload(event));

    const headers = signedHeaders([secret], event.id, new Date(), body);

    expect(headers['webhook-id']).toBe(event.id);
    expect(headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('carry one signature per secret during a rotation, each verifying on its own', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const body = JSON.stringify(webhookPayload(event));

    const headers = signedHeaders(
      [current, previous],
      event.id,
      new Date(),
      body,
    );

    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow(
      'No matching signature found',
    );
    expect(() =>
      new Webhook(current).verify(body.replace('PROCESSING', 'READY'), headers),
    ).toThrow('No matching signature found');
  });
});
