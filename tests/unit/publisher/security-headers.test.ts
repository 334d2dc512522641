import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../site/publisher/security-headers.ts';

const directive = (csp: string, name: string) => csp.split('; ').find((part) => part.startsWith(`${name} `));

describe('securityHeaders', () => {
  it('lets pages post and connect to the CMS’s origin only when it is given (the talk-proposal form)', () => {
    const withCms = securityHeaders({ cmsOrigin: 'https://cms.clermontech.org' })['content-security-policy']!;
    expect(directive(withCms, 'form-action')).toBe("form-action 'self' https://cms.clermontech.org");
    expect(directive(withCms, 'connect-src')).toBe("connect-src 'self' https://cms.clermontech.org");
    expect(directive(withCms, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");

    const alone = securityHeaders()['content-security-policy']!;
    expect(directive(alone, 'form-action')).toBe("form-action 'self'");
    expect(directive(alone, 'connect-src')).toBe("connect-src 'self'");
  });
});
