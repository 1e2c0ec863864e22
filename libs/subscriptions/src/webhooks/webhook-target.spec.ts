import { DomainError } from '@storyline/story-events';
import { checkWebhookUrl } from './webhook-target';

function refusal(url: unknown, allowed: string[]): DomainError {
  try {
    checkWebhookUrl(url, allowed);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`accepted ${String(url)}`);
}

describe('webhook URLs', () => {
  it('takes http and https URLs whose host is on the allow list', () => {
    expect(checkWebhookUrl('http://127.0.0.1:8080/hook', ['127.0.0.1'])).toBe('http://127.0.0.1:8080/hook');
    expect(checkWebhookUrl('https://hooks.example.org/x?y=1', ['*.example.org'])).toBe('https://hooks.example.org/x?y=1');
    expect(checkWebhookUrl('https://Example.org/', ['example.org:443'])).toBe('https://example.org/');
  });

  it.each([
    ['ftp://127.0.0.1/hook', 'must be http or https'],
    ['file:///etc/passwd', 'must be http or https'],
    ['not a url', 'is not a URL'],
    ['http://user:pw@127.0.0.1/', 'credentials'],
    ['http://169.254.169.254/latest/meta-data', 'not in the webhook allow list'],
    ['http://127.0.0.1.evil.test/', 'not in the webhook allow list'],
    ['http://127.0.0.1:9000/', 'not in the webhook allow list'],
    [42, 'is required'],
  ])('refuses %p naming the url field', (url, problem) => {
    const error = refusal(url, ['127.0.0.1:8080', '127.0.0.1:80', '*.example.org']);
    expect(error.field).toBe('url');
    expect(error.message).toContain(problem);
  });

  it('allows no host at all until an administrator lists some', () => {
    expect(refusal('http://127.0.0.1/', []).message).toContain('STORYLINE_WEBHOOK_ALLOWED_HOSTS');
    expect(refusal('https://example.org/', ['*.example.org']).field).toBe('url');
  });
});
