/**
 * @internal An endpoint as it may be shown: an RTMP URL loses its stream key (only host and app
 * path remain), a name stays as it is.
 */
export function endpointDisplayName(endpoint: string): string {
  if (!/^rtmps?:\/\//i.test(endpoint)) return endpoint;
  try {
    const url = new URL(endpoint);
    const app = url.pathname.split('/').filter(Boolean)[0];
    return app ? `${url.host}/${app}` : url.host;
  } catch {
    return endpoint.replace(/^(rtmps?:\/\/[^/]+).*$/i, '$1');
  }
}
