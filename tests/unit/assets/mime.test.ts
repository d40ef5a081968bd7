import { describe, expect, it } from 'vitest';
import { storedMime } from '../../../utils/assets/mime';

describe('storedMime', () => {
  it('stores a style sheet as text/css whatever its server said', () => {
    expect(storedMime('stylesheet', 'text/plain', 'https://s.example/a')).toBe('text/css');
  });

  it('keeps an image’s declared type, else goes by its extension, else gives up', () => {
    expect(storedMime('image', 'image/avif', 'https://s.example/a.jpg')).toBe('image/avif');
    expect(storedMime('image', 'application/octet-stream', 'https://s.example/a.SVG')).toBe('image/svg+xml');
    expect(storedMime('image', 'text/html', 'https://s.example/product')).toBeUndefined();
  });

  it('types fonts sent as octet-stream by their extension', () => {
    expect(storedMime('font', 'font/woff2', 'https://s.example/a')).toBe('font/woff2');
    expect(storedMime('font', 'application/octet-stream', 'https://s.example/f/inter.woff2')).toBe('font/woff2');
    expect(storedMime('font', '', 'https://s.example/f/inter')).toBe('application/octet-stream');
  });
});
