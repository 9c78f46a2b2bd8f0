import { ConfigurationError, loadConfig } from '../../config/app-config.js';
import { corsOptions } from './cors.js';

describe('CORS_ORIGINS', () => {
  it('allows any origin by default outside production, none in production', () => {
    expect(loadConfig({}).cors).toEqual({ origins: '*' });
    expect(corsOptions(loadConfig({}).cors)?.origin).toBe('*');
    const production = loadConfig({
      NODE_ENV: 'production',
      STORAGE_SIGNING_SECRET: 'x'.repeat(32),
    });
    expect(production.cors).toEqual({ origins: [] });
    expect(corsOptions(production.cors)).toBeUndefined();
  });

  it('takes a comma-separated list of origins, without credentials', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://app.example.com,http://localhost:5173',
    });
    expect(corsOptions(config.cors)).toMatchObject({
      origin: ['https://app.example.com', 'http://localhost:5173'],
      credentials: false,
    });
  });

  it('refuses values that are not origins', () => {
    for (const value of [
      'app.example.com',
      'https://a.example/',
      '*,https://a.example',
    ]) {
      expect(() => loadConfig({ CORS_ORIGINS: value }), value).toThrow(
        ConfigurationError,
      );
    }
  });
});
