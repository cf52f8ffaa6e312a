import { describe, expect, it } from 'vitest';
import { hashFor, routeFromHash } from '../../src-renderer/route-location';

describe('route in the URL hash', () => {
  it('should read a page route back from the hash it writes', () => {
    const route = { name: 'page' as const, pageId: 'a1b2c3' };
    expect(routeFromHash(hashFor(route))).toEqual(route);
  });

  it('should treat an empty or unknown hash as the library', () => {
    expect(routeFromHash('')).toEqual({ name: 'library' });
    expect(routeFromHash('#/nowhere')).toEqual({ name: 'library' });
    expect(routeFromHash('#/page/')).toEqual({ name: 'library' });
  });
});
