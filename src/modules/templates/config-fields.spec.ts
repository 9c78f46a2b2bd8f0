import { validateConfig, type ConfigFields } from './config-fields.js';

const FIELDS: ConfigFields = {
  title: { type: 'text', description: '', maxLength: 5, default: 'Hi' },
  theme: {
    type: 'enum',
    description: '',
    values: ['dark', 'light'],
    default: 'dark',
  },
  date: { type: 'date', description: '' },
  avatarUrl: { type: 'image', description: '', shape: 'square' },
};

describe('validateConfig', () => {
  it('applies defaults; absent optional fields are empty', () => {
    expect(validateConfig(FIELDS, {})).toEqual({
      config: { title: 'Hi', theme: 'dark', date: '', avatarUrl: '' },
      errors: [],
    });
  });

  it('accepts valid values', () => {
    const { config, errors } = validateConfig(FIELDS, {
      title: '日本語🚀',
      theme: 'light',
      date: '2024-02-29',
      avatarUrl: 'https://example.com/a.png',
    });
    expect(errors).toEqual([]);
    expect(config.title).toBe('日本語🚀');
  });

  it('names every unknown field and every bad value as config.<field>', () => {
    const { errors } = validateConfig(FIELDS, {
      title: 42,
      theme: 'sepia',
      date: '2023-02-29',
      avatarUrl: 'ftp://example.com/a.png',
      colour: 'red',
    });
    expect(errors.map((error) => error.field).sort()).toEqual([
      'config.avatarUrl',
      'config.colour',
      'config.date',
      'config.theme',
      'config.title',
    ]);
    expect(errors.find((e) => e.field === 'config.title')!.message).toBe(
      'config.title must be a string',
    );
  });

  it('counts characters, not UTF-16 units, against maxLength', () => {
    expect(validateConfig(FIELDS, { title: '🚀🚀🚀🚀🚀' }).errors).toEqual([]);
    expect(validateConfig(FIELDS, { title: 'abcdef' }).errors).toEqual([
      {
        field: 'config.title',
        message: 'config.title must be at most 5 characters',
      },
    ]);
  });
});
