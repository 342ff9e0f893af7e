import fc from 'fast-check';
import { isSafeMethod, normaliseOrigin, originVerdict } from './csrf.rules';

const ours = ['http://127.0.0.1:3000', 'https://dialogdag.example.org'];

describe('originVerdict', () => {
  it('accepts our own origins, in any letter case and with the default port spelt out', () => {
    expect(originVerdict({ origin: 'http://127.0.0.1:3000', allowedOrigins: ours })).toBe('same-origin');
    expect(originVerdict({ origin: 'HTTPS://Dialogdag.Example.org:443', secFetchSite: 'same-origin', allowedOrigins: ours })).toBe('same-origin');
    expect(originVerdict({ secFetchSite: 'same-origin', allowedOrigins: ours })).toBe('same-origin');
  });

  it('refuses another port of the same host, another scheme, null and anything unparsable', () => {
    for (const origin of ['http://127.0.0.1:3001', 'https://127.0.0.1:3000', 'null', 'http://evil.example', 'file://', '', 'http://dialogdag.example.org']) {
      expect({ origin, verdict: originVerdict({ origin, allowedOrigins: ours }) }).toEqual({ origin, verdict: 'cross-origin' });
    }
  });

  it('refuses same-site, cross-site and none in Sec-Fetch-Site, even with our Origin', () => {
    for (const site of ['same-site', 'cross-site', 'none', 'SAME-SITE']) {
      expect(originVerdict({ origin: ours[0], secFetchSite: site, allowedOrigins: ours })).toBe('cross-origin');
    }
  });

  it('lets Sec-Fetch-Site: same-origin vouch for Origin: null (sent under Referrer-Policy: no-referrer), and nothing else', () => {
    expect(originVerdict({ origin: 'null', secFetchSite: 'same-origin', allowedOrigins: ours })).toBe('same-origin');
    expect(originVerdict({ origin: 'null', allowedOrigins: ours })).toBe('cross-origin');
    expect(originVerdict({ origin: 'null', secFetchSite: 'same-site', allowedOrigins: ours })).toBe('cross-origin');
    expect(originVerdict({ origin: 'http://127.0.0.1:3001', secFetchSite: 'same-origin', allowedOrigins: ours })).toBe('cross-origin');
  });

  it('calls a request without either header unknown (not a browser): the token alone decides', () => {
    expect(originVerdict({ allowedOrigins: ours })).toBe('unknown');
  });

  it('never calls an origin outside the allowed list same-origin', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.option(fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none'), { nil: undefined }), (url, site) => {
        const origin = normaliseOrigin(url);
        const verdict = originVerdict({ origin: url, secFetchSite: site, allowedOrigins: ours });
        if (verdict === 'same-origin') expect(ours).toContain(origin);
      }),
    );
  });
});

describe('isSafeMethod', () => {
  it('lets only reading methods skip the checks', () => {
    expect(['GET', 'HEAD', 'OPTIONS'].every(isSafeMethod)).toBe(true);
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'get', 'PROPFIND'].some(isSafeMethod)).toBe(false);
  });
});
