// The Content Security Policy of the renderer, one definition for both hosts. No remote content,
// no eval. Monaco needs inline styles (it injects <style> elements for its themes and decorations)
// and runs its language workers from same-origin scripts that Vite builds; nothing else is allowed.
export function contentSecurityPolicy(connectSrc: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src 'self' ${connectSrc.join(' ')}`.trim(),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
